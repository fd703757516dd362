"""Extraction over a folder of seeds into a folder of records, never losing a person's work."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .drafts import repair_draft
from .entities import Registry, load_registry
from .errors import BriefingError
from .filehash import FileHashes
from .problems import command, display_path, one_line
from .records import (
    atomic_write,
    dump_record,
    hand_edited,
    has_comments,
    parse_record,
    stamp,
)
from .records import record_path as record_file
from .rejected import apply_rejections
from .runner import (
    EXTRACTOR_ENV,
    STATE_FILE,
    Progress,
    RecordState,
    StateCache,
    extractor,
    schedule,
    unchanged,
)
from .seeds import MAX_TEXT_CHARS, Seed, check_seed_name, prepare_seed, seed_id

# Names other modules and the tests import from here; they live where they belong.
__all__ = [
    "EXTRACTOR_ENV",
    "MAX_TEXT_CHARS",
    "Outcome",
    "command",
    "extract_seeds",
    "extractor",
    "folder_lock",
    "make_record",
    "prepare_seed",
]

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
        return one_line(f"{self.action:9} {self.seed}{target}{note}")  # names may hold them


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[int]:
    """Hold an exclusive lock on a record folder, or fail at once with a clear message.
    Yields the lock's file descriptor, which forked workers must close."""
    lock_path = folder / ".briefings.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fh = open(lock_path, "a+")  # noqa: SIM115 (closed below, after the lock is released)
    except OSError as exc:
        raise BriefingError(
            folder,
            f"cannot be written ({exc.strerror or exc})",
            "make the folder writable, or write elsewhere with --out",
        ) from None
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(
                folder,
                "another 'briefings extract' is writing to this folder",
                "wait for it to finish, then run again",
            ) from None
        try:
            yield fh.fileno()
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def schema_ref(root: Path, out_dir: Path) -> str | None:
    """The `$schema` reference written into records, when the schema is in the repository."""
    schema = root / SCHEMA_IN_REPO
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema.absolute(), out_dir.absolute())).as_posix()


def _existing(record_path: Path) -> tuple[bytes | None, Any, str | None]:
    """The current record: its bytes, its parsed data and, if it cannot be parsed, why."""
    if not record_path.exists():
        return None, None, None
    try:
        raw = record_path.read_bytes()
    except OSError as exc:
        raise BriefingError(
            record_path, f"cannot be read ({exc.strerror})", "check the record file"
        ) from None
    try:
        return raw, parse_record(raw.decode("utf-8"), record_path).data, None
    except (BriefingError, UnicodeDecodeError) as exc:
        return raw, None, exc.line() if isinstance(exc, BriefingError) else str(exc)


def make_record(
    seed: Seed, options: Any = None, registry: Registry | None = None
) -> dict[str, Any]:
    """The stamped draft record the current extractor makes of a seed (its actors named as
    the entity registry says, if one is given)."""
    return stamp(repair_draft(extractor()(seed, options), seed.text, registry))


def remove_stale_temp_files(folder: Path) -> None:
    """Delete temporary files a killed run left behind. Call only while holding the lock."""
    for pattern in (".*.yaml.*.tmp", f".{STATE_FILE}.*.tmp"):
        for tmp in folder.glob(pattern):
            tmp.unlink(missing_ok=True)


def decide(
    seed: Seed, data: Any, broken: str | None, force: bool, raw: bytes | None = None
) -> tuple[str, str] | None:
    """Whether an existing record must be kept: (action, message), or None to (re)generate.
    `raw` is the record file's bytes: comments a person added count as an edit."""
    if broken is not None:
        if force:
            return None
        return "kept", (
            f"the record cannot be read ({broken}); fix it (--force would replace "
            "it with a fresh draft, discarding everything a person wrote in it)"
        )
    if data is None or force:
        return None
    if not isinstance(data, dict):
        return "kept", (
            "the record is not a mapping; fix it (--force would replace it with a "
            "fresh draft, discarding everything a person wrote in it)"
        )
    old_sha = (data.get("seed") or {}).get("sha256") if isinstance(data.get("seed"), dict) else None
    if data.get("status") == "reviewed":
        if old_sha == seed.sha256:
            return "unchanged", ""
        return "kept", (
            "reviewed record is stale (its seed changed) and kept as it is; "
            f"re-review it: {command('diff', seed.id)} shows what the new seed "
            "changes (--take FIELDS writes those fields), then set seed.sha256 as "
            "briefings check prints it"
        )
    if old_sha == seed.sha256:
        return "unchanged", ""
    if hand_edited(data) or (raw is not None and has_comments(raw.decode("utf-8", "replace"))):
        return "kept", (
            "draft was edited by hand and its seed changed, so your edits are "
            f"kept; {command('diff', seed.id)} shows what the new seed changes "
            "(--take FIELDS writes those fields); extract --force would replace the "
            "draft, discarding your edits"
        )
    return None


def extract_seeds(
    paths: list[Path],
    out_dir: Path,
    root: Path,
    seeds_dir: Path,
    force: bool = False,
    options: Any = None,
    debug: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    hashes: FileHashes | None = None,
) -> list[Outcome]:
    """Extract each seed into `out_dir/<id>.yaml`. Bad seeds are reported; the rest go on.

    Unchanged seeds cost a stat (`hashes` keeps their sha256 by their stat; default: the
    repository's, see `generator.filehash`), a hash if they were touched since; the others
    are extracted on `jobs` processes (default: all cores) or on the Dask scheduler at
    `scheduler`. An unexpected exception in the extractor
    fails its seed only, unless `debug` is set (then extraction runs here, one seed at a
    time, and the exception propagates).
    """
    outcomes: list[Outcome | None] = [None] * len(paths)
    ids: dict[str, list[Path]] = {}
    for p in paths:
        ids.setdefault(seed_id(p), []).append(p)
    ref = schema_ref(root, out_dir)
    with folder_lock(out_dir) as lock_fd:
        remove_stale_temp_files(out_dir)
        cache = StateCache(out_dir)
        if hashes is None:
            hashes = FileHashes.for_root(root)
        todo: list[tuple[int, Seed, Path, bytes | None]] = []
        for i, path in enumerate(paths):
            shown = display_path(path, root)
            twins = [q for q in ids[seed_id(path)] if q != path]
            if twins:
                outcomes[i] = Outcome(
                    shown,
                    "failed",
                    f"gives the same record id "
                    f"'{seed_id(path)}' as {display_path(twins[0], root)}; "
                    "rename one of them",
                )
                continue
            try:
                plan = _plan(
                    path,
                    out_dir,
                    root,
                    seeds_dir,
                    force,
                    cache,
                    retry=force or debug,
                    hashes=hashes,
                )
            except BriefingError as exc:
                outcomes[i] = Outcome(shown, "failed", _problem(exc))
                continue
            except OSError as exc:
                outcomes[i] = Outcome(
                    shown,
                    "failed",
                    f"cannot be read or planned "
                    f"({exc.strerror or exc}); check the file and its record",
                )
                continue
            if isinstance(plan, Outcome):
                outcomes[i] = plan
            else:
                todo.append((i, *plan))
        hashes.save()
        seeds = [seed for _, seed, _, _ in todo]
        registry = load_registry(out_dir) if todo else None
        results = (
            ((k, ("ok", extractor()(seed, options))) for k, seed in enumerate(seeds))
            if debug
            else schedule(seeds, options, jobs, scheduler, close=(lock_fd,))
        )
        progress = Progress(len(seeds))
        try:
            for k, result in results:
                i, seed, record_path, raw = todo[k]
                outcomes[i] = _finish(seed, record_path, raw, result, ref, root, cache, registry)
                progress.step()
        finally:
            progress.close()
            with contextlib.suppress(OSError):  # only a cache: the next run rebuilds it
                cache.save()
    return [o for o in outcomes if o is not None]


def _plan(
    path: Path,
    out_dir: Path,
    root: Path,
    seeds_dir: Path,
    force: bool,
    cache: Any,
    retry: bool = False,
    hashes: FileHashes | None = None,
) -> Outcome | tuple[Seed, Path, bytes | None]:
    """An outcome decided without the extractor, or what the extractor must make."""
    check_seed_name(path, root)
    record_path = record_file(out_dir, seed_id(path))
    shown, shown_rec = display_path(path, root), display_path(record_path, root)
    if (
        not force
        and not _links_out(path, seeds_dir)
        and unchanged(path, record_path, cache, hashes)
    ):
        return Outcome(shown, "unchanged", "", shown_rec)
    seed = prepare_seed(path, root, seeds_dir)
    if not retry and (why := cache.failed.get(seed.sha256)):
        return Outcome(
            shown,
            "failed",
            f"{why} (the last time; the seed is unchanged since, so "
            "it is not tried again: edit the seed, or rerun with --force)",
        )
    raw, data, broken = _existing(record_path)
    kept = decide(seed, data, broken, force, raw)
    if kept is not None:
        return Outcome(shown, kept[0], kept[1], shown_rec)
    return seed, record_path, raw


def _finish(
    seed: Seed,
    record_path: Path,
    raw: bytes | None,
    result: tuple[str, Any],
    ref: str | None,
    root: Path,
    cache: Any,
    registry: Registry | None = None,
) -> Outcome:
    """Write what the extractor made of a seed (or report why it made nothing)."""
    kind, value = result
    shown, shown_rec = display_path(seed.path, root), display_path(record_path, root)
    if kind in ("error", "timeout"):
        message = str(value)
    elif kind != "ok":
        message = (
            f"internal error in extraction ({value}); rerun with --debug and report it "
            "with this seed"
        )
    if kind != "ok":
        if kind != "error":  # slow or broken: not tried again until the seed changes
            cache.failed[seed.sha256] = message
            cache.dirty = True
        return Outcome(shown, "failed", message)
    if cache.failed.pop(seed.sha256, None) is not None:
        cache.dirty = True
    text = dump_record(
        stamp(apply_rejections(repair_draft(value, seed.text, registry), _old_data(raw))), ref
    ).encode("utf-8")
    if raw == text:
        return Outcome(shown, "unchanged", "", shown_rec)
    if _current_bytes(record_path) != raw:  # saved by a person while the extractor ran
        return Outcome(
            shown,
            "kept",
            "the record was saved while extract ran, so the new "
            "draft was not written over it; run extract again if it should be",
            shown_rec,
        )
    try:
        atomic_write(record_path, text)
    except OSError as exc:
        return Outcome(
            shown,
            "failed",
            f"cannot write {shown_rec} ({exc.strerror or exc}); "
            "free disk space or make the folder writable, then run extract again",
        )
    st = record_path.stat()
    cache.entries[record_path.name] = RecordState(
        st.st_mtime_ns, st.st_size, seed.sha256, "draft", False
    )
    cache.dirty = True
    return Outcome(shown, "updated" if raw is not None else "created", "", shown_rec)


def _old_data(raw: bytes | None) -> Any:
    """The record being replaced, parsed, for what it rejected; None if there is none."""
    if raw is None:
        return None
    try:
        return parse_record(raw.decode("utf-8"), Path("record")).data
    except (BriefingError, UnicodeDecodeError):
        return None


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # unreadable now: not what was planned on, so it is not overwritten


def _links_out(path: Path, seeds_dir: Path) -> bool:
    """Whether a seed inside the seed folder is a link to a file outside it."""
    if path.parent == seeds_dir and not os.path.islink(path):
        return False  # a name listed in the folder that is no link lies in it
    return path.absolute().is_relative_to(
        seeds_dir.absolute()
    ) and not path.resolve().is_relative_to(seeds_dir.resolve())


def _problem(exc: BriefingError) -> str:
    return exc.problem + (f"; {exc.fix}" if exc.fix else "")
