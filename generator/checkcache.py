"""What the last `briefings check` found in each record, so the next one checks only what changed.

A record's problems depend on the record's bytes, its seed's bytes and where its `seed.path`
leads, and on the code that checks them. So each record's problems are kept with the sha256
of its bytes and, if it cites a seed, that seed's path as resolved, whether it is a file and
the sha256 of its bytes; they are reported again, without parsing or checking anything, only
while all of these are the same. The whole cache is dropped when any file of the package (code,
schema, lexicons, rules), the generator's version, Python or an installed distribution changes
(`cachedir.code_fingerprint`), and it is kept apart for each repository, record folder and seed
folder. What involves more than one record (shared ids, seeds without records, the entity
registry, the generated paths) is checked afresh every time: that is cheap.

The cache lives in the user's cache folder (`generator.cachedir`), never in the repository, so
a pull request cannot bring one. It is only a cache: a missing or unreadable file means a full
check, and a check from it reports exactly what a full check reports.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from stat import S_ISLNK, S_ISREG
from typing import Any

from .cachedir import cache_dir, code_fingerprint
from .filehash import FileHashes
from .problems import Problem

_FORMAT = "1"

#: What a record's problems depend on beyond its own bytes: its `seed.path`, where that
#: leads (resolved), whether it is a file there, and the sha256 of the file's bytes.
SeedState = list[Any]


def _problem(raw: Any) -> Problem | None:
    try:
        return Problem(**raw)
    except TypeError:
        return None


class CheckCache:
    """The problems of each record of one record folder, as the last check found them."""

    def __init__(
        self, root: Path, records_dir: Path, seeds_dir: Path, hashes: FileHashes | None = None
    ) -> None:
        self.hashes = hashes if hashes is not None else FileHashes.for_root(root)
        self.seeds_dir = seeds_dir
        try:
            seeds_real = str(seeds_dir.resolve())
        except (OSError, RuntimeError):
            seeds_real = ""
        self.seeds_real = seeds_real
        where = "\0".join(
            [str(root.absolute()), str(records_dir.absolute()), str(seeds_dir.absolute())]
        )
        self.salt = hashlib.sha256(
            f"{_FORMAT}\0{code_fingerprint(self.hashes.sha256)}\0{where}\0{seeds_real}".encode(
                "utf-8", "surrogateescape"
            )
        ).hexdigest()
        key = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path: Path | None = None
        with contextlib.suppress(OSError):
            self.path = cache_dir(records_dir) / f"check-{key}.json"
        self.records: dict[str, dict[str, Any]] = {}
        self.changed = False
        self.hits = 0
        if self.path is None:
            return
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            if raw.get("salt") == self.salt and isinstance(raw.get("records"), dict):
                self.records = {k: v for k, v in raw["records"].items() if isinstance(v, dict)}
        except (OSError, ValueError, TypeError, AttributeError):
            self.records = {}

    def seed_state(self, rel: str) -> SeedState | None:
        """The state of the seed a record cites as `rel` (a valid `seeds/...` path); None if
        it cannot be told (then nothing is cached or reused)."""
        parts = PurePosixPath(rel).parts[1:]
        target = self.seeds_dir.joinpath(*parts)
        try:
            try:
                st = os.lstat(target)
            except FileNotFoundError:
                st = None
            if len(parts) == 1 and self.seeds_real and (st is None or not S_ISLNK(st.st_mode)):
                # a name in the folder that is no link: no need to follow every component
                resolved = os.path.join(self.seeds_real, parts[0])
                is_file = st is not None and S_ISREG(st.st_mode)
            else:
                resolved = str(target.resolve())
                is_file = target.is_file()
        except (OSError, RuntimeError, ValueError):
            return None
        sha = self.hashes.sha256(target) if is_file else None
        if is_file and sha is None:
            return None  # unreadable: check it afresh every time
        return [rel, resolved, is_file, sha]

    def lookup(self, path: Path) -> list[Problem] | None:
        """The problems of an unchanged record whose seed is unchanged, else None."""
        entry = self.records.get(path.name)
        if entry is None:
            return None
        if entry.get("record") != self.hashes.sha256(path):
            return None
        seed = entry.get("seed")
        if seed is not None:
            if not isinstance(seed, list) or len(seed) != 4 or not isinstance(seed[0], str):
                return None
            if self.seed_state(seed[0]) != seed:
                return None
        raw = entry.get("problems")
        if not isinstance(raw, list):
            return None
        problems = [_problem(p) if isinstance(p, dict) else None for p in raw]
        if any(p is None for p in problems):
            return None
        self.hits += 1
        return [p for p in problems if p is not None]

    def store(
        self, path: Path, record_sha: str, seed: SeedState | None, problems: list[Problem]
    ) -> None:
        entry = {"record": record_sha, "seed": seed, "problems": [asdict(p) for p in problems]}
        if self.records.get(path.name) != entry:
            self.records[path.name] = entry
            self.changed = True

    def forget(self, path: Path) -> None:
        if self.records.pop(path.name, None) is not None:
            self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget the records that are gone."""
        for name in [n for n in self.records if n not in names]:
            del self.records[name]
            self.changed = True

    def save(self) -> None:
        self.hashes.save()
        if self.path is None or not self.changed:
            return
        data = {"salt": self.salt, "records": self.records}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):  # only a cache
            tmp.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
            os.replace(tmp, self.path)
            self.changed = False
