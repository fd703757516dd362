"""Running extraction over many seeds: the quick unchanged check, then the seeds that need
the extractor on all cores (a process pool) or on a Dask cluster.

Extraction is a pure map from seed to record, so where it runs does not change the records:
workers only compute; this process decides, writes (atomically, under the folder's lock) and
reports, as each result arrives, so an interrupted run keeps every record it finished.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .filehash import FileHashes
from .records import hand_edited, parse_record
from .seeds import Seed, sha256_bytes

STATE_FILE = ".briefings-state.json"
#: `module:function` to use instead of `generator.extract.extract` (for tests and experiments).
EXTRACTOR_ENV = "BRIEFINGS_EXTRACTOR"


def extractor() -> Callable[[Seed, Any], dict[str, Any]]:
    """The extraction function: `$BRIEFINGS_EXTRACTOR` if set, else the real extractor."""
    spec = os.environ.get(EXTRACTOR_ENV, "").strip()
    if spec:
        module, _, name = spec.partition(":")
        try:
            return getattr(importlib.import_module(module), name or "extract")
        except (ImportError, AttributeError) as exc:
            raise BriefingError(
                EXTRACTOR_ENV,
                f"'{spec}' cannot be loaded ({exc})",
                "set it to module:function or unset it",
            ) from None
    from . import extract

    return extract.extract  # looked up at each call, so tests can replace it


@dataclass(frozen=True)
class RecordState:
    """What the unchanged check needs of a record, cached by the record file's stat."""

    mtime_ns: int
    size: int
    sha256: str | None
    status: str | None
    edited: bool


_FAILED = "~failed"  # no record file is named so


def failed_before(folder: Path, seed_sha: str) -> str | None:
    """Why the last extraction of these seed bytes into `folder` failed, if it did."""
    return StateCache(folder).failed.get(seed_sha)


class StateCache:
    """`<record folder>/.briefings-state.json`: saves parsing every record on every run.
    Only a cache: an entry counts only while the record file's size and mtime match."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        self.entries: dict[str, RecordState] = {}
        self.failed: dict[str, str] = {}
        """Seeds whose extraction ran out of time or crashed, by the sha256 of their bytes:
        the same bytes are not tried again on every build (`--force` tries)."""
        self.dirty = False
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            failed = raw.pop(_FAILED, {})
            self.entries = {k: RecordState(*v) for k, v in raw.items()}
            self.failed = {str(k): str(v) for k, v in failed.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            self.entries, self.failed = {}, {}

    def state(self, record_path: Path) -> RecordState | None:
        """The record's state: from the cache if the file is unchanged, else parsed now.
        None if there is no record, or it cannot be parsed (the full path reports that)."""
        try:
            st = record_path.stat()
        except OSError:
            return None
        hit = self.entries.get(record_path.name)
        if hit and hit.mtime_ns == st.st_mtime_ns and hit.size == st.st_size:
            return hit
        try:
            data = parse_record(record_path.read_text("utf-8"), record_path).data
        except (BriefingError, OSError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict):
            return None
        seed: dict[str, Any] = data["seed"] if isinstance(data.get("seed"), dict) else {}
        state = RecordState(
            st.st_mtime_ns, st.st_size, seed.get("sha256"), data.get("status"), hand_edited(data)
        )
        self.entries[record_path.name] = state
        self.dirty = True
        return state

    def forget(self, record_path: Path) -> None:
        if self.entries.pop(record_path.name, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        data: dict[str, Any] = {
            k: [v.mtime_ns, v.size, v.sha256, v.status, v.edited]
            for k, v in sorted(self.entries.items())
        }
        if self.failed:
            data[_FAILED] = dict(sorted(self.failed.items()))
        tmp = self.path.with_name(f".{STATE_FILE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
        os.replace(tmp, self.path)


def unchanged(
    path: Path, record_path: Path, cache: StateCache, hashes: FileHashes | None = None
) -> bool:
    """Whether a seed's record is up to date: its recorded fingerprint is the seed's.
    Costs a hash of the seed (a stat, with `hashes`, when the seed is as it was when last
    hashed), and a parse of the record only when the record changed."""
    state = cache.state(record_path)
    if state is None or state.sha256 is None:
        return False
    if hashes is not None:
        return hashes.sha256(path) == state.sha256
    try:
        return sha256_bytes(path.read_bytes()) == state.sha256
    except OSError:
        return False


# --------------------------------------------------------------------------- workers

#: Seconds one seed may take to extract (a 300,000-character article takes about 100 s on
#: one core); past it the seed is reported and the others go on.
SEED_TIMEOUT = int(os.environ.get("BRIEFINGS_SEED_TIMEOUT", "600"))


def _overtime_message() -> str:
    return (
        f"extraction did not finish within {SEED_TIMEOUT} s; keep only the article in the "
        "seed, or raise BRIEFINGS_SEED_TIMEOUT"
    )


class _Overtime(Exception):
    pass


def _overtime(*_: Any) -> None:
    raise _Overtime


def work(seed: Seed, options: Any) -> tuple[str, Any]:
    """Extract one seed in a worker: ("ok", record), ("error", problem), ("timeout", problem)
    or ("crash", text).
    The model is loaded once per worker process, by the extractor's own cache. A seed that
    takes longer than SEED_TIMEOUT seconds is given up as an error, so one pathological
    document cannot stall a whole build."""
    return _guarded(extractor(), seed, options)


def work_batch(seeds: list[Seed], options: Any) -> list[tuple[str, Any]]:
    """Extract several seeds in a worker, one result per seed as `work` gives it. With the
    real extractor their paragraphs are parsed in one stream of batches (less overhead per
    paragraph than one parse per seed; the same records); each seed's own stages still fail
    or run out of time on their own. Should the shared parse fail or run out of time, each
    seed is extracted on its own, so the seed to blame is the one reported."""
    from .extract import pipeline

    if len(seeds) == 1 or not _batchable():
        return [work(seed, options) for seed in seeds]
    opts = options or pipeline.Options()
    fronts = [_guarded(pipeline.front_stage, seed) for seed in seeds]
    ready = [i for i, (kind, _) in enumerate(fronts) if kind == "ok"]
    kind, bodies = _guarded(pipeline.parse_many, opts, [fronts[i][1] for i in ready])
    if kind != "ok":
        return [work(seed, options) for seed in seeds]
    out = list(fronts)
    for i, body in zip(ready, bodies, strict=True):
        out[i] = _guarded(pipeline.record_stage, seeds[i], opts, fronts[i][1], body)
    return out


def _batchable() -> bool:
    """Whether the extractor is the real one, whose stages `work_batch` can run."""
    from .extract import pipeline

    try:
        return extractor() is pipeline.extract
    except BriefingError:  # reported against each seed by `work`
        return False


def _guarded(call: Callable[..., Any], *args: Any) -> tuple[str, Any]:
    """("ok", call(*args)), or what stopped it: ("error", problem), ("timeout", problem) or
    ("crash", text); given up after SEED_TIMEOUT seconds."""
    import signal
    import threading

    timed = SEED_TIMEOUT > 0 and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _overtime) if timed else None
    if timed:
        signal.alarm(SEED_TIMEOUT)
    try:
        return "ok", call(*args)
    except _Overtime:
        return "timeout", _overtime_message()
    except BriefingError as exc:
        return "error", exc.problem + (f"; {exc.fix}" if exc.fix else "")
    except Exception as exc:  # reported against its seed; the other seeds go on
        return "crash", f"{type(exc).__name__}: {exc}"
    finally:
        if timed:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def default_jobs() -> int:
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


def _close(fds: tuple[int, ...]) -> None:
    # A forked worker shares the parent's lock: were the parent killed, a worker still alive
    # would keep the folder locked. Its copy is closed at once.
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


#: Seeds parsed together in one task: at most this many ...
BATCH_SEEDS = 16
#: ... and about this many characters (a longer seed is a task of its own).
BATCH_CHARS = 60_000


def batches(seeds: list[Seed], jobs: int) -> list[list[int]]:
    """The seeds' indexes cut into batches for `jobs` workers. One worker: batches of
    BATCH_SEEDS in order. Several: longest seeds first, each batch about a 2×jobs-th part of
    what is left (guided scheduling), so batches shrink towards the end and the workers
    finish together. No batch holds much over BATCH_CHARS characters of seed text."""
    if jobs <= 1:
        order = list(range(len(seeds)))
    else:
        order = sorted(range(len(seeds)), key=lambda i: -len(seeds[i].text))
    out: list[list[int]] = []
    k = 0
    while k < len(order):
        left = len(order) - k
        size = BATCH_SEEDS if jobs <= 1 else -(-left // (2 * jobs))
        chunk = [order[k]]
        chars = len(seeds[order[k]].text)
        for i in order[k + 1 : k + min(size, BATCH_SEEDS)]:
            chars += len(seeds[i].text)
            if chars > BATCH_CHARS:
                break
            chunk.append(i)
        out.append(chunk)
        k += len(chunk)
    return out


def run_local(
    seeds: list[Seed], options: Any, jobs: int, close: tuple[int, ...] = ()
) -> Iterator[tuple[int, tuple[str, Any]]]:
    """(index, result) for each seed, as results arrive: in this process when one job (or
    one seed) suffices, else in a pool of worker processes (which close the fds `close`).
    Workers are given batches of seeds (`batches`), not one seed a task: each loads the
    model once and parses a batch's paragraphs together; only seeds and records travel."""
    if jobs <= 1 or len(seeds) <= 1:
        if not _batchable():  # each result as soon as it is made
            for i, seed in enumerate(seeds):
                yield i, work(seed, options)
            return
        for chunk in batches(seeds, 1):
            yield from zip(chunk, work_batch([seeds[i] for i in chunk], options), strict=True)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    todo = batches(seeds, jobs)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(todo)), mp_context=context, initializer=_close, initargs=(close,)
    ) as pool:
        # A bounded window of work in flight keeps memory flat on very large folders.
        pending: dict[Future[list[tuple[str, Any]]], list[int]] = {}
        queue = iter(todo)
        for chunk in queue:
            pending[pool.submit(work_batch, [seeds[i] for i in chunk], options)] = chunk
            if len(pending) >= jobs * 2:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield from zip(pending.pop(fut), fut.result(), strict=True)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(work_batch, [seeds[i] for i in nxt], options)] = nxt


def run_dask(
    seeds: list[Seed], options: Any, address: str
) -> Iterator[tuple[int, tuple[str, Any]]]:
    """The same map on a Dask cluster (`dask.distributed`); workers need this package."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise BriefingError(
            "--scheduler",
            "needs Dask's distributed scheduler",
            "install it: python -m pip install 'briefings[dask]'",
        ) from None
    try:
        client = Client(address, timeout=10)
    except OSError as exc:
        raise BriefingError(
            "--scheduler",
            f"cannot reach the Dask scheduler at {address} ({exc})",
            "start it, or check the address",
        ) from None
    with client:
        futures = client.map(work, seeds, options=options, pure=False)
        yield from _dask_results(client, futures)


def _dask_results(client: Any, futures: list[Any]) -> Iterator[tuple[int, tuple[str, Any]]]:
    """Results as they arrive. Dask runs tasks in threads, where no alarm can stop one, so
    the limit is kept here: a worker thread is freed only by a finished task, so when none
    has finished for SEED_TIMEOUT seconds, every task still processing has run at least that
    long; those are given up (their threads stay busy, the run goes on)."""
    from dask.distributed import wait as dask_wait

    index = {fut.key: i for i, fut in enumerate(futures)}
    remaining = set(futures)
    limit = SEED_TIMEOUT if SEED_TIMEOUT > 0 else None
    while remaining:
        try:
            done, _ = dask_wait(list(remaining), timeout=limit, return_when="FIRST_COMPLETED")
        except TimeoutError:
            busy = {key for keys in client.processing().values() for key in keys}
            for fut in [f for f in remaining if f.key in busy]:
                remaining.discard(fut)
                fut.cancel()
                yield index[fut.key], ("timeout", _overtime_message())
            continue
        for fut in done:
            remaining.discard(fut)
            yield index[fut.key], fut.result()


class Progress:
    """A one-line progress count on a terminal; silent otherwise."""

    def __init__(self, total: int, label: str = "extract") -> None:
        self.total, self.label, self.done = total, label, 0
        self.enabled = sys.stderr.isatty() and total > 1
        self.started = time.monotonic()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            rate = self.done / max(1e-9, time.monotonic() - self.started)
            sys.stderr.write(f"\r{self.label}: {self.done}/{self.total} seeds ({rate:.1f}/s)\x1b[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def schedule(
    seeds: list[Seed],
    options: Any,
    jobs: int | None,
    scheduler: str | None,
    close: tuple[int, ...] = (),
) -> Iterable[tuple[int, tuple[str, Any]]]:
    """Where the extraction runs: a Dask scheduler if given, else local processes."""
    if scheduler:
        return run_dask(seeds, options, scheduler)
    return run_local(seeds, options, jobs or default_jobs(), close)
