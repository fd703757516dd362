"""What the last render knew, so the next one redoes only what changed.

For each record: the fingerprints of its bytes and of its seed's bytes, its parsed content and
its warnings (so an unchanged record is neither parsed nor checked again), and the key of its
briefing page (so an unchanged page is not rendered again). The whole cache is dropped when the
generator or its templates change. It is only a cache: a missing or unreadable file means a
full render.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..problems import Problem

CACHE_NAME = ".render-cache.json"


def salt() -> str:
    """Changes whenever the generator, one of its templates or the schema changes."""
    h = hashlib.sha256(__version__.encode())
    package = resources.files("generator")
    items = [*package.joinpath("templates").iterdir(), *package.joinpath("schema").iterdir()]
    for item in sorted(items, key=lambda t: t.name):
        if item.is_file():
            h.update(item.name.encode())
            h.update(item.read_bytes())
    return h.hexdigest()


class RenderCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.salt = salt()
        self.records: dict[str, dict[str, Any]] = {}
        self.pages: dict[str, str] = {}
        self.changed = False
        try:
            raw = json.loads(path.read_text("utf-8"))
            if raw.get("salt") == self.salt:
                self.records, self.pages = raw["records"], raw["pages"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.records, self.pages = {}, {}

    def record(self, name: str, record_sha: str) -> dict[str, Any] | None:
        """The cached entry of an unchanged record file, or None."""
        entry = self.records.get(name)
        return entry if entry and entry.get("record") == record_sha else None

    def store(self, name: str, record_sha: str, seed_sha: str | None, data: Any,
              warnings: list[Problem]) -> None:
        entry = {"record": record_sha, "seed": seed_sha, "data": data,
                 "warnings": [asdict(p) for p in warnings]}
        if self.records.get(name) != entry:
            self.records[name] = entry
            self.changed = True

    def page_unchanged(self, page: str, key: str) -> bool:
        return self.pages.get(page) == key

    def set_page(self, page: str, key: str) -> None:
        if self.pages.get(page) != key:
            self.pages[page] = key
            self.changed = True

    def keep_only(self, names: set[str], pages: set[str]) -> None:
        for gone in set(self.records) - names:
            del self.records[gone]
            self.changed = True
        for gone in set(self.pages) - pages:
            del self.pages[gone]
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"salt": self.salt, "records": self.records,
                                   "pages": self.pages}, sort_keys=True, default=str), "utf-8")
        os.replace(tmp, self.path)


def warnings_of(entry: dict[str, Any]) -> list[Problem]:
    return [Problem(**w) for w in entry.get("warnings", [])]
