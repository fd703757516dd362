"""What the last render knew, so the next one redoes only what changed.

For each record: the fingerprints of its bytes and of its seed's bytes, its parsed content and
its warnings (so an unchanged record is neither parsed nor checked again). For each page: the
key of its inputs where it has one (so an unchanged page is not rendered again), the
fingerprint of its text and the file it was written as (so an unchanged page is not read back
to compare, and a page file that anything else wrote or deleted since is written again). And
the key of the whole site's inputs: a render whose records, seeds, registry and settings are
those of the last one keeps every page. The cache lives in the user's cache folder, never in
the repository (see `generator.cachedir`), so a pull request cannot bring one; cached values
pass the same escaping as fresh ones. The whole cache is dropped when any file of the
generator (code, templates, schema, word lists) changes. It is only a cache: a missing or
unreadable file means a full render, and a render with it writes what one without it writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections.abc import Iterator
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..cachedir import cache_dir
from ..problems import Problem

CACHE_FILE = "render-cache.json"
_FORMAT = "3"


def salt() -> str:
    """Changes whenever the generator's version, one of its templates or the schema changes
    (the site build's fingerprint holds it: `generator.incremental`)."""
    h = hashlib.sha256(f"{__version__}/{_FORMAT}".encode())
    package = resources.files("generator")
    items = [*package.joinpath("templates").iterdir(), *package.joinpath("schema").iterdir()]
    for item in sorted(items, key=lambda t: t.name):
        if item.is_file():
            h.update(item.name.encode())
            h.update(item.read_bytes())
    return h.hexdigest()


def package_salt(package: Path | None = None) -> str:
    """The render cache's salt: changes whenever any file of the generator (`package`, this
    one by default) changes: its code, its templates, its schema or its word lists (a cached
    page or record may depend on any of them)."""
    h = hashlib.sha256(f"{__version__}/{_FORMAT}".encode())
    package = package or Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        h.update(path.relative_to(package).as_posix().encode("utf-8", "surrogateescape"))
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class Keep(str):
    """A page that is unchanged since the last render: its file is kept as it is."""


def text_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def values_key(name: str, values: dict[str, Any]) -> str | None:
    """The key of a template's values: equal keys, equal pages (the template is part of the
    salt). None where the values cannot be serialised (the page is then always rendered)."""
    try:
        data = pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()


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
        self.salt = package_salt()
        self.records: dict[str, dict[str, Any]] = {}
        self.pages: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.site = ""
        """The key of the inputs of the last complete render (`render.site_key`)."""
        self.name_keys: dict[str, str] = {}
        """Name keys made by the last render (`entities.key`)."""
        self.derived: dict[str, Any] = {}
        """Values derived from parts of the records by the last render (`derived_value`),
        each under the key of all its inputs."""
        self.derived_now: dict[str, Any] = {}
        self.derived_asked = False
        self.changed = False
        self.pages_forgotten = False
        try:
            raw = json.loads(path.read_text("utf-8"))
            if raw.get("salt") == self.salt:
                self.records = {k: v for k, v in raw["records"].items() if _well_formed(v)}
                self.pages = {k: v for k, v in raw["pages"].items() if isinstance(v, dict)}
                self.site = str(raw.get("site") or "")
                derived = raw.get("derived")
                self.derived = derived if isinstance(derived, dict) else {}
                keys = raw.get("name_keys")
                self.name_keys = keys if isinstance(keys, dict) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.records, self.pages, self.site, self.name_keys = {}, {}, "", {}
            self.derived = {}

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
                self.changed = self.pages_forgotten = True

    def page_unchanged(self, page: str, key: str) -> bool:
        entry = self.pages.get(page)
        return bool(entry) and entry.get("key") == key  # type: ignore[union-attr]

    def set_page(self, page: str, key: str) -> None:
        """Remember a page's key; its file is recorded by `pages_written` once written."""
        self.pending[page] = key

    def keep_or_render(self, page: str, name: str, values: dict[str, Any]) -> str | None:
        """`Keep()` when the page was written from the same template (`name`) and values by
        an earlier render and its file is unchanged; else None, and the key is remembered
        for the page the caller renders."""
        key = values_key(name, values)
        if key is None:
            return None
        if self.page_unchanged(page, key):
            return Keep()
        self.set_page(page, key)
        return None

    def text_unchanged(self, page: str, sha: str) -> bool:
        """Whether the page's file holds this text (the file the last render wrote, with a
        text of this fingerprint): then it need not be read back to compare."""
        entry = self.pages.get(page)
        return bool(entry) and entry.get("text") == sha  # type: ignore[union-attr]

    def set_text(self, page: str, sha: str) -> None:
        self.texts[page] = sha

    def pages_written(self, docs_dir: Path) -> None:
        for page in self.pending.keys() | self.texts.keys():
            old = self.pages.get(page) or {}
            entry = {
                "key": self.pending.get(page, old.get("key") if page not in self.texts else None),
                "text": self.texts.get(page, old.get("text")),
                "file": _file_id(docs_dir / page),
            }
            if old != entry:
                self.pages[page] = entry
                self.changed = True
        self.pending.clear()
        self.texts.clear()

    def derived_value(self, key: str) -> Any:
        """What the last render derived from inputs of this key (`keep_derived`), or None."""
        self.derived_asked = True
        value = self.derived.get(key)
        if value is not None:
            self.derived_now[key] = value
        return value

    def keep_derived(self, key: str, value: Any) -> None:
        """Remember a value derived from inputs of this key (JSON values only); the cache keeps
        the values this render asked for or made, and drops the others."""
        self.derived_asked = True
        self.derived_now[key] = value

    def set_name_keys(self, keys: dict[str, str]) -> None:
        if len(keys) != len(self.name_keys):
            self.name_keys = keys
            self.changed = True

    def set_site(self, key: str) -> None:
        if self.site != key:
            self.site = key
            self.changed = True

    def keep_only(self, names: set[str], pages: set[str]) -> None:
        for gone in set(self.records) - names:
            del self.records[gone]
            self.changed = True
        for gone in set(self.pages) - pages:
            del self.pages[gone]
            self.changed = True

    def save(self) -> None:
        if self.derived_asked and self.derived_now != self.derived:
            self.derived = self.derived_now
            self.changed = True
        if not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps(
                {
                    "salt": self.salt,
                    "records": self.records,
                    "pages": self.pages,
                    "site": self.site,
                    "name_keys": self.name_keys,
                    "derived": self.derived,
                },
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
