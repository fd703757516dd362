"""Extraction over a folder of seeds into a folder of records, never losing a person's work."""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import os
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .problems import display_path, one_line
from .records import atomic_write, dump_record, hand_edited, parse_record, stamp
from .seeds import Seed, read_seed, seed_id

SCHEMA_IN_REPO = Path("generator/schema/record.schema.json")
#: Texts longer than this are refused before extraction. The longest news features run to
#: ~100,000 characters; spaCy refuses more than 1,000,000 and needs ~1 GB per 100,000 for
#: the parser, so a longer "article" is a dump, a book or a mistake.
MAX_TEXT_CHARS = 300_000
#: `module:function` to use instead of `generator.extract.extract` (for tests and experiments).
EXTRACTOR_ENV = "BRIEFINGS_EXTRACTOR"


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
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / ".briefings.lock"
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(folder, "another 'briefings extract' is writing to this folder",
                                "wait for it to finish, then run again") from None
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
    try:
        raw = record_path.read_bytes()
    except OSError as exc:
        raise BriefingError(record_path, f"cannot be read ({exc.strerror})",
                            "check the record file") from None
    try:
        return raw, parse_record(raw.decode("utf-8"), record_path).data, None
    except (BriefingError, UnicodeDecodeError) as exc:
        return raw, None, exc.line() if isinstance(exc, BriefingError) else str(exc)


def command(*args: str) -> str:
    """A shell command line a user can paste, with paths quoted where they need it."""
    return " ".join(["briefings", *(shlex.quote(a) for a in args)])


def extractor() -> Callable[[Seed, Any], dict[str, Any]]:
    """The extraction function: `$BRIEFINGS_EXTRACTOR` if set, else the real extractor."""
    spec = os.environ.get(EXTRACTOR_ENV, "").strip()
    if spec:
        module, _, name = spec.partition(":")
        try:
            return getattr(importlib.import_module(module), name or "extract")  # type: ignore[no-any-return]
        except (ImportError, AttributeError) as exc:
            raise BriefingError(EXTRACTOR_ENV, f"'{spec}' cannot be loaded ({exc})",
                                "set it to module:function or unset it") from None
    from . import extract

    return extract.extract  # looked up at each call, so tests can replace it


def prepare_seed(path: Path, root: Path, seeds_dir: Path) -> Seed:
    """Read a seed for extraction, refusing links out of the seed folder and oversized texts."""
    in_folder = path.absolute().is_relative_to(seeds_dir.absolute())
    if in_folder and not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise BriefingError(display_path(path, root), f"is a link to {path.resolve()}, outside "
                            f"{display_path(seeds_dir, root)}/", "copy the article into the seed "
                            "folder instead of linking to it")
    if not path.name.isprintable():
        raise BriefingError(display_path(path, root), "the file name holds control characters, "
                            "which no record can cite", "rename the file")
    seed = read_seed(path, root)
    if len(seed.text) > MAX_TEXT_CHARS:
        raise BriefingError(display_path(path, root), f"text is {len(seed.text):,} characters "
                            f"long, more than the {MAX_TEXT_CHARS:,} an article may have",
                            "keep only the article in the seed")
    return replace(seed, rel_path=_rel_path(path, seeds_dir))


def make_record(seed: Seed, options: Any = None) -> dict[str, Any]:
    """The stamped draft record the current extractor makes of a seed."""
    return stamp(extractor()(seed, options))


def remove_stale_temp_files(folder: Path) -> None:
    """Delete temporary files a killed run left behind. Call only while holding the lock."""
    from .runner import STATE_FILE

    for pattern in (".*.yaml.*.tmp", f".{STATE_FILE}.*.tmp"):
        for tmp in folder.glob(pattern):
            tmp.unlink(missing_ok=True)


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
        return "kept", ("reviewed record is stale (its seed changed); see what the extractor "
                        f"would change with: {command('diff', seed.id)}, or regenerate with: "
                        f"{command('extract', '--force', seed.rel_path)}")
    if old_sha == seed.sha256:
        return "unchanged", ""
    if hand_edited(data):
        return "kept", ("draft was edited by hand and its seed changed; mark it reviewed, or "
                        f"regenerate with: {command('extract', '--force', seed.rel_path)}")
    return None


def extract_seeds(paths: list[Path], out_dir: Path, root: Path, seeds_dir: Path,
                  force: bool = False, options: Any = None, debug: bool = False,
                  jobs: int | None = None, scheduler: str | None = None) -> list[Outcome]:
    """Extract each seed into `out_dir/<id>.yaml`. Bad seeds are reported; the rest go on.

    Unchanged seeds cost a hash; the others are extracted on `jobs` processes (default: all
    cores) or on the Dask scheduler at `scheduler`. An unexpected exception in the extractor
    fails its seed only, unless `debug` is set (then extraction runs here, one seed at a
    time, and the exception propagates).
    """
    from .runner import Progress, StateCache, schedule

    outcomes: list[Outcome | None] = [None] * len(paths)
    ids: dict[str, list[Path]] = {}
    for p in paths:
        ids.setdefault(seed_id(p), []).append(p)
    ref = schema_ref(root, out_dir)
    with folder_lock(out_dir) as lock_fd:
        remove_stale_temp_files(out_dir)
        cache = StateCache(out_dir)
        todo: list[tuple[int, Seed, Path, bytes | None]] = []
        for i, path in enumerate(paths):
            shown = display_path(path, root)
            twins = [q for q in ids[seed_id(path)] if q != path]
            if twins:
                outcomes[i] = Outcome(shown, "failed", f"gives the same record id "
                                      f"'{seed_id(path)}' as {display_path(twins[0], root)}; "
                                      "rename one of them")
                continue
            try:
                plan = _plan(path, out_dir, root, seeds_dir, force, cache)
            except BriefingError as exc:
                outcomes[i] = Outcome(shown, "failed", _problem(exc))
                continue
            if isinstance(plan, Outcome):
                outcomes[i] = plan
            else:
                todo.append((i, *plan))
        seeds = [seed for _, seed, _, _ in todo]
        results = (((k, ("ok", extractor()(seed, options))) for k, seed in enumerate(seeds))
                   if debug else schedule(seeds, options, jobs, scheduler, close=(lock_fd,)))
        progress = Progress(len(seeds))
        try:
            for k, result in results:
                i, seed, record_path, raw = todo[k]
                outcomes[i] = _finish(seed, record_path, raw, result, ref, root, cache)
                progress.step()
        finally:
            progress.close()
            cache.save()
    return [o for o in outcomes if o is not None]


def _plan(path: Path, out_dir: Path, root: Path, seeds_dir: Path, force: bool,
          cache: Any) -> Outcome | tuple[Seed, Path, bytes | None]:
    """An outcome decided without the extractor, or what the extractor must make."""
    from .runner import unchanged

    record_path = out_dir / f"{seed_id(path)}.yaml"
    shown, shown_rec = display_path(path, root), display_path(record_path, root)
    if not force and not _links_out(path, seeds_dir) and unchanged(path, record_path, cache):
        return Outcome(shown, "unchanged", "", shown_rec)
    seed = prepare_seed(path, root, seeds_dir)
    raw, data, broken = _existing(record_path)
    kept = decide(seed, data, broken, force)
    if kept is not None:
        return Outcome(shown, kept[0], kept[1], shown_rec)
    return seed, record_path, raw


def _finish(seed: Seed, record_path: Path, raw: bytes | None, result: tuple[str, Any],
            ref: str | None, root: Path, cache: Any) -> Outcome:
    """Write what the extractor made of a seed (or report why it made nothing)."""
    from .runner import RecordState

    kind, value = result
    shown, shown_rec = display_path(seed.path, root), display_path(record_path, root)
    if kind == "error":
        return Outcome(shown, "failed", str(value))
    if kind != "ok":
        return Outcome(shown, "failed", f"internal error in extraction ({value}); rerun with "
                       "--debug and report it with this seed")
    text = dump_record(stamp(value), ref).encode("utf-8")
    if raw == text:
        return Outcome(shown, "unchanged", "", shown_rec)
    if _current_bytes(record_path) != raw:  # saved by a person while the extractor ran
        return Outcome(shown, "kept", "the record was saved while extract ran, so the new "
                       "draft was not written over it; run extract again if it should be",
                       shown_rec)
    atomic_write(record_path, text)
    st = record_path.stat()
    cache.entries[record_path.name] = RecordState(st.st_mtime_ns, st.st_size, seed.sha256,
                                                  "draft", False)
    cache.dirty = True
    return Outcome(shown, "updated" if raw is not None else "created", "", shown_rec)


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # unreadable now: not what was planned on, so it is not overwritten


def _links_out(path: Path, seeds_dir: Path) -> bool:
    """Whether a seed inside the seed folder is a link to a file outside it."""
    return (path.absolute().is_relative_to(seeds_dir.absolute())
            and not path.resolve().is_relative_to(seeds_dir.resolve()))


def _problem(exc: BriefingError) -> str:
    return exc.problem + (f"; {exc.fix}" if exc.fix else "")
