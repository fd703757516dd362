"""Extraction over a folder of seeds into a folder of records, never losing a person's work."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .records import (atomic_write, dump_record, hand_edited, parse_record, stamp)
from .seeds import Seed, read_seed, seed_id

SCHEMA_IN_REPO = Path("generator/schema/record.schema.json")


@dataclass(frozen=True)
class Outcome:
    """What extraction did with one seed."""

    seed: str
    action: str
    """created, updated, unchanged, kept (not overwritten) or failed."""
    message: str = ""
    record: str = ""

    @property
    def failed(self) -> bool:
        return self.action == "failed"

    def line(self) -> str:
        target = f" -> {self.record}" if self.record else ""
        note = f": {self.message}" if self.message else ""
        return f"{self.action:9} {self.seed}{target}{note}"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on a record folder, or fail at once with a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / ".briefings.lock"
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(folder, "another 'briefings extract' is writing to this folder",
                                "wait for it to finish, then run again") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def schema_ref(root: Path, out_dir: Path) -> str | None:
    """The `$schema` reference written into records, when the schema is in the repository."""
    schema = root / SCHEMA_IN_REPO
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema.absolute(), out_dir.absolute())).as_posix()


def _display(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(path)


def _rel_path(path: Path, seeds_dir: Path) -> str:
    """`seed.path` for a seed: `seeds/` plus its path inside the seed folder."""
    try:
        inner = path.absolute().relative_to(seeds_dir.absolute())
    except ValueError:
        inner = Path(path.name)
    return "seeds/" + inner.as_posix()


def _existing(record_path: Path) -> tuple[bytes | None, Any, str | None]:
    """The current record: its bytes, its parsed data and, if it cannot be parsed, why."""
    if not record_path.exists():
        return None, None, None
    raw = record_path.read_bytes()
    try:
        return raw, parse_record(raw.decode("utf-8"), record_path).data, None
    except (BriefingError, UnicodeDecodeError) as exc:
        return raw, None, exc.line() if isinstance(exc, BriefingError) else str(exc)


def decide(seed: Seed, data: Any, broken: str | None, force: bool) -> tuple[str, str] | None:
    """Whether an existing record must be kept: (action, message), or None to (re)generate."""
    if broken is not None:
        if force:
            return None
        return "kept", f"the record cannot be read ({broken}); fix it or rerun with --force"
    if data is None or force:
        return None
    if not isinstance(data, dict):
        return "kept", "the record is not a mapping; fix it or rerun with --force"
    old_sha = (data.get("seed") or {}).get("sha256") if isinstance(data.get("seed"), dict) else None
    if data.get("status") == "reviewed":
        if old_sha == seed.sha256:
            return "unchanged", ""
        return "kept", ("reviewed record is stale (its seed changed); review it, or regenerate "
                        f"with: briefings extract --force {seed.rel_path}")
    if old_sha == seed.sha256:
        return "unchanged", ""
    if hand_edited(data):
        return "kept", ("draft was edited by hand and its seed changed; mark it reviewed, or "
                        f"regenerate with: briefings extract --force {seed.rel_path}")
    return None


def extract_seeds(paths: list[Path], out_dir: Path, root: Path, seeds_dir: Path,
                  force: bool = False, options: Any = None) -> list[Outcome]:
    """Extract each seed into `out_dir/<id>.yaml`. Bad seeds are reported; the rest go on."""
    outcomes: list[Outcome] = []
    ids: dict[str, list[Path]] = {}
    for p in paths:
        ids.setdefault(seed_id(p), []).append(p)
    ref = schema_ref(root, out_dir)
    with folder_lock(out_dir):
        for path in paths:
            shown = _display(path, root)
            twins = [q for q in ids[seed_id(path)] if q != path]
            if twins:
                outcomes.append(Outcome(shown, "failed", f"gives the same record id "
                                        f"'{seed_id(path)}' as {_display(twins[0], root)}; "
                                        "rename one of them"))
                continue
            outcomes.append(_extract_one(path, out_dir, root, seeds_dir, force, options, ref))
    return outcomes


def _extract_one(path: Path, out_dir: Path, root: Path, seeds_dir: Path, force: bool,
                 options: Any, ref: str | None) -> Outcome:
    from .extract import extract

    shown = _display(path, root)
    try:
        seed = read_seed(path, root)
    except BriefingError as exc:
        return Outcome(shown, "failed", f"{exc.problem}" + (f"; {exc.fix}" if exc.fix else ""))
    seed = _with_rel(seed, _rel_path(path, seeds_dir))
    record_path = out_dir / f"{seed.id}.yaml"
    shown_rec = _display(record_path, root)
    raw, data, broken = _existing(record_path)
    kept = decide(seed, data, broken, force)
    if kept is not None:
        return Outcome(shown, kept[0], kept[1], shown_rec)
    try:
        record = stamp(extract(seed, options))
    except BriefingError as exc:
        return Outcome(shown, "failed", f"{exc.problem}" + (f"; {exc.fix}" if exc.fix else ""))
    text = dump_record(record, ref).encode("utf-8")
    if raw == text:
        return Outcome(shown, "unchanged", "", shown_rec)
    atomic_write(record_path, text)
    return Outcome(shown, "updated" if raw is not None else "created", "", shown_rec)


def _with_rel(seed: Seed, rel: str) -> Seed:
    from dataclasses import replace

    return replace(seed, rel_path=rel)
