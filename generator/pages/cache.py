"""What the last render knew, so the next one redoes only what changed.

For each record: the fingerprints of its bytes and of its seed's bytes, its parsed content and
its warnings (so an unchanged record is neither parsed nor checked again), and for each briefing
page the key of its inputs and the file it was written as (so an unchanged page is not rendered
again, and a page file that anything else wrote or deleted since is). The cache lives in the
user's cache folder, never in the repository (see `generator.cachedir`), so a pull request cannot
bring one; cached values pass the same escaping as fresh ones. The whole cache is dropped when
the generator or its templates change. It is only a cache: a missing or unreadable file means a
full render.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..cachedir import cache_dir
from ..problems import Problem

CACHE_FILE = "render-cache.json"
_FORMAT = "2"


def salt() -> str:
    """Changes whenever the generator, one of its templates or the schema changes."""
    h = hashlib.sha256(f"{__version__}/{_FORMAT}".encode())
    package = resources.files("generator")
    items = [*package.joinpath("templates").iterdir(), *package.joinpath("schema").iterdir()]
    for item in sorted(items, key=lambda t: t.name):
        if item.is_file():
            h.update(item.name.encode())
            h.update(item.read_bytes())
    return h.hexdigest()


def _file_id(path: Path) -> list[int] | None:
    """What identifies a written file: a later write, a deletion or a replacement changes it."""
    try:
        st = path.lstat()
    except OSError:
        return None
    if not path.is_file() or path.is_symlink():
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _well_formed(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("data"), dict)
        and isinstance(entry["data"].get("seed"), dict)
        and isinstance(entry["data"]["seed"].get("path"), str)
        and isinstance(entry.get("warnings", []), list)
    )


class RenderCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.salt = salt()
        self.records: dict[str, dict[str, Any]] = {}
        self.pages: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, str] = {}
        self.changed = False
        try:
            raw = json.loads(path.read_text("utf-8"))
            if raw.get("salt") == self.salt:
                self.records = {k: v for k, v in raw["records"].items() if _well_formed(v)}
                self.pages = {k: v for k, v in raw["pages"].items() if isinstance(v, dict)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.records, self.pages = {}, {}

    @classmethod
    def for_docs(cls, docs_dir: Path) -> RenderCache:
        return cls(cache_dir(docs_dir) / CACHE_FILE)

    def record(self, name: str, record_sha: str) -> dict[str, Any] | None:
        """The cached entry of an unchanged record file, or None."""
        entry = self.records.get(name)
        return entry if entry and entry.get("record") == record_sha else None

    def store(
        self, name: str, record_sha: str, seed_sha: str | None, data: Any, warnings: list[Problem]
    ) -> None:
        entry = {
            "record": record_sha,
            "seed": seed_sha,
            "data": data,
            "warnings": [asdict(p) for p in warnings],
        }
        if self.records.get(name) != entry:
            self.records[name] = entry
            self.changed = True

    def forget_changed_pages(self, docs_dir: Path) -> None:
        """Forget every page whose file is not the one the last render wrote (edited, deleted,
        replaced by a checkout), so that it is rendered and written again."""
        for page, entry in list(self.pages.items()):
            if entry.get("file") != _file_id(docs_dir / page):
                del self.pages[page]
                self.changed = True

    def page_unchanged(self, page: str, key: str) -> bool:
        entry = self.pages.get(page)
        return bool(entry) and entry.get("key") == key  # type: ignore[union-attr]

    def set_page(self, page: str, key: str) -> None:
        """Remember a page's key; its file is recorded by `pages_written` once written."""
        self.pending[page] = key

    def pages_written(self, docs_dir: Path) -> None:
        for page, key in self.pending.items():
            entry = {"key": key, "file": _file_id(docs_dir / page)}
            if self.pages.get(page) != entry:
                self.pages[page] = entry
                self.changed = True
        self.pending.clear()

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
        tmp.write_text(
            json.dumps(
                {"salt": self.salt, "records": self.records, "pages": self.pages},
                sort_keys=True,
                default=str,
            ),
            "utf-8",
        )
        os.replace(tmp, self.path)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Renders of the same docs folder take turns (e.g. `mkdocs serve` and a manual
        render), so that neither removes the other's files half-way."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name("render.lock"), "a+") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def warnings_of(entry: dict[str, Any]) -> list[Problem]:
    out = []
    for w in entry.get("warnings", []):
        with contextlib.suppress(TypeError):
            out.append(Problem(**w))
    return out
