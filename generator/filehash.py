"""The sha256 of files, kept between runs by their stat, so an unchanged file is not read again.

Every step of a build asks whether a seed or a record changed since the last run; reading and
hashing 10,000 files to learn that nothing did is most of a no-op build's own work. A hash is
reused only while the file's size, mtime, ctime, inode and device are those it had when it was
hashed (as git trusts its index): a write changes the ctime, which no tool can set back, so a
file whose mtime was restored (`cp -p`, `touch -d`) is read again too. A file changed within
the clock's resolution of its hash could keep all of these, so a hash is remembered only for a
file that was last changed at least `RACY_NS` before it was hashed ("racily clean" in git's
words); a file written just before a build is hashed again on the next one.

The hashes live in the user's cache folder (`generator.cachedir`), never in the repository.
It is only a cache: a missing or unreadable file means every file is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from .cachedir import cache_dir

CACHE_FILE = "file-hashes.json"
#: A file changed less than this long before it was hashed is hashed again next time.
RACY_NS = 2_000_000_000

_Stat = tuple[int, int, int, int, int]


def _stat(path: Path) -> _Stat | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


class FileHashes:
    """sha256 hex digests of files, by absolute path, valid while their stat is unchanged."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[Any]] = {}
        """[size, mtime_ns, ctime_ns, inode, device, sha256] by absolute path."""
        self.changed = False
        self.touched: set[str] = set()
        self.hashed = 0
        """Files read and hashed by this instance (the others were known by their stat)."""
        if path is None:
            return
        try:
            raw = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(raw, dict):
            self.entries = raw  # each entry is checked when it is used

    @classmethod
    def for_root(cls, root: Path) -> FileHashes:
        """The hashes kept for one repository."""
        try:
            return cls(cache_dir(root) / CACHE_FILE)
        except OSError:
            return cls(None)

    def sha256(self, path: Path) -> str | None:
        """The file's sha256, from its stat if it is known, else read now; None if it cannot
        be read."""
        before = _stat(path)
        if before is None:
            return None
        key = os.path.abspath(path)
        self.touched.add(key)
        hit = self.entries.get(key)
        if isinstance(hit, list) and len(hit) == 6 and hit[:5] == [*before]:
            return str(hit[5])
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        sha = hashlib.sha256(data).hexdigest()
        self.hashed += 1
        self.remember(path, before, sha)
        return sha

    def remember(self, path: Path, before: _Stat | None, sha: str) -> None:
        """Record that `path` held bytes of hash `sha` when its stat was `before` (taken
        before the bytes were read): kept only if the file is unchanged since and was not
        changed just before."""
        key = os.path.abspath(path)
        after = _stat(path)
        if before is None or after != before or not self._settled(before):
            if self.entries.pop(key, None) is not None:
                self.changed = True
            return
        entry = [*before, sha]
        if self.entries.get(key) != entry:
            self.entries[key] = entry
            self.changed = True

    @staticmethod
    def _settled(st: _Stat) -> bool:
        return max(st[1], st[2]) < time.time_ns() - RACY_NS

    def save(self) -> None:
        if len(self.entries) > 2 * len(self.touched) + 1000:  # many files gone or renamed
            self.entries = {k: v for k, v in self.entries.items() if k in self.touched}
            self.changed = True
        if self.path is None or not self.changed:
            return
        data = dict(sorted(self.entries.items()))
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):  # only a cache
            tmp.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
            os.replace(tmp, self.path)
            self.changed = False


def stat_of(path: Path) -> _Stat | None:
    """What `FileHashes.remember` needs of a file before its bytes are read."""
    return _stat(path)
