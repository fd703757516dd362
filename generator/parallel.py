"""Building the pages of one MkDocs build on every core.

MkDocs reads and writes every page in one process. The briefings plugin (mkdocs_plugin.py)
shares the pages out instead: when MkDocs has found the files and made the navigation
(`on_nav`, no page read yet), it forks one worker process per extra core. Each worker reads
the pages in the navigation (their titles are in every page's navigation), then reads and
writes its share of the other pages with MkDocs' own functions, and sends back over a pipe
what the main process needs of them: the anchors each page holds and the anchor links it
makes (so that anchor links are validated across all pages, as in one process), the state
entry of each page for the next incremental build, and everything it logged (logged again by
the main process, so that `--strict` and the plugin's count of warnings see it). The main
process skips the workers' pages, builds the rest, the static files, the sitemap and the 404
page, and waits for the workers when MkDocs has written its pages (`on_post_build`). A worker
that fails, or stops without reporting, fails the build with a one-line error.

The site is byte for byte the one a single process makes: every page is read and written by
the same MkDocs code from the same files, navigation and configuration.

One process is used where fork is not available, when other threads run (`mkdocs serve`
rebuilding while it serves: a forked copy of a threaded process may deadlock), when another
plugin is configured (its page events would run in a worker, out of its sight), for fewer than
`MIN_PAGES` pages to build, or when `BRIEFINGS_PROCESSES=1` (or the plugin's `processes: 1`).
"""

from __future__ import annotations

import contextlib
import gc
import inspect
import logging
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("mkdocs.plugins.briefings")

#: How many processes build the pages: unset or "auto" means one per core the process may
#: use; "1" means one process (no worker).
ENV = "BRIEFINGS_PROCESSES"

#: In the automatic mode, fewer pages to build than this are built by one process (a worker
#: costs its start: the navigation pages and the templates, about 0.3 s).
MIN_PAGES = 200

#: MkDocs' functions that read one page and write one page (mkdocs/commands/build.py), with
#: the parameters the workers and the skipping in the main process rely on.
_POPULATE = ("_populate_page", ("page", "config", "files", "dirty"))
_BUILD = ("_build_page", ("page", "config", "doc_files", "nav", "env", "dirty", "excluded"))

#: The plugins whose page events may run in a worker: this project's own.
OWN_PLUGINS = frozenset({"briefings"})


def _mkdocs_build() -> Any:
    from mkdocs.commands import build

    return build


def _original(name: str) -> Callable[..., Any]:
    func = getattr(_mkdocs_build(), name)
    return getattr(func, "__wrapped_by_briefings__", func)


def processes_wanted(option: int) -> tuple[int, bool]:
    """How many processes to use, and whether that number was asked for (not automatic).
    `option` is the plugin's `processes` setting (0: automatic)."""
    raw = os.environ.get(ENV, "").strip().lower()
    if raw and raw != "auto":
        try:
            n = int(raw)
        except ValueError:
            log.warning(f"briefings: {ENV}={raw!r} is not a number; building in one process")
            return 1, True
        return max(1, n), True
    if option > 0:
        return option, True
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores), False


def unavailable(config: Any) -> str | None:
    """Why this build cannot use worker processes, or None."""
    if not hasattr(os, "fork"):
        return "this system cannot fork"
    if threading.active_count() > 1:
        return "other threads are running"
    others = sorted(set(config.plugins) - OWN_PLUGINS)
    if others:
        return f"plugin {others[0]!r} is configured"
    build = _mkdocs_build()
    for name, params in (_POPULATE, _BUILD):
        func = getattr(build, name, None)
        if func is None:
            return f"MkDocs has no {name}"
        if tuple(inspect.signature(_original(name)).parameters) != params:
            return f"MkDocs' {name} takes other parameters"
    return None


def split(pages: list[Any], processes: int) -> list[list[Any]]:
    """`pages` in `processes` shares, the first for the main process: page i goes to share
    i mod processes, so that each share has as many of each kind of page (pages of one kind
    are neighbours in MkDocs' order)."""
    return [pages[i::processes] for i in range(processes)]


class _Collect(logging.Handler):
    """In a worker: keeps what is logged, to be logged again by the main process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is self._last:  # the same record, reaching a second logger's handler
            return
        self._last = record
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what was given
            message = str(record.msg)
        self.records.append((record.name, record.levelno, message))


def _collect_logging() -> _Collect:
    """Route every logger that had handlers to one collector (nothing reaches the terminal)."""
    collect = _Collect()
    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    for logger in loggers:
        if logger.handlers:
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(collect)
    return collect


@dataclass
class Worker:
    pid: int
    fd: int
    uris: list[str]


@dataclass
class Result:
    """What a worker sends back."""

    ok: bool
    error: str = ""
    records: list[tuple[str, int, str]] = field(default_factory=list)
    anchors: dict[str, list[str] | None] = field(default_factory=dict)
    links: dict[str, dict[str, dict[str, str]] | None] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    cpu: float = 0.0
    """Seconds of processor time the worker used after the fork."""


@dataclass
class Pool:
    """The workers of one build and the pages they build."""

    workers: list[Worker]
    skipped: set[str]
    doc_files: list[Any]
    """The pages of this build (those the workers write among them)."""
    started: float
    cpu: float = 0.0
    finished: bool = False
    _patched: bool = False

    @property
    def pages(self) -> int:
        return len(self.skipped)

    def skip_in_this_process(self) -> None:
        """Make MkDocs' build in this process leave the workers' pages alone (not read, not
        written): its page functions are wrapped for the rest of this build."""
        build = _mkdocs_build()
        skipped = self.skipped
        for name, _ in (_POPULATE, _BUILD):
            original = _original(name)

            def wrapper(page: Any, *args: Any, _f: Any = original, **kwargs: Any) -> Any:
                if page.file.src_uri in skipped:
                    return None
                return _f(page, *args, **kwargs)

            wrapper.__wrapped_by_briefings__ = original  # type: ignore[attr-defined]
            setattr(build, name, wrapper)
        self._patched = True

    def unpatch(self) -> None:
        if self._patched:
            restore()
            self._patched = False

    def stop(self) -> None:
        """After a failure in this process: end the workers (they are this build's own)."""
        self.unpatch()
        if self.finished:
            return
        self.finished = True
        for w in self.workers:
            with contextlib.suppress(OSError):
                os.kill(w.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(w.fd)
            with contextlib.suppress(OSError):
                os.waitpid(w.pid, 0)

    def finish(self, files: Any, log_level: int) -> dict[str, dict[str, Any]]:
        """Wait for the workers, log again what they logged, give their pages in this process
        the anchors they hold and the links they make and validate the anchor links MkDocs
        could not (`log_level`: MkDocs' for them). Returns the state entries of the workers'
        pages; raises RuntimeError (one line) if a worker failed."""
        self.unpatch()
        self.finished = True
        results: list[Result] = []
        failures: list[str] = []
        waiting = time.monotonic()
        for w in self.workers:
            with os.fdopen(w.fd, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(w.pid, 0)
            result: Result | None = None
            try:
                loaded = pickle.loads(data) if data else None
                result = loaded if isinstance(loaded, Result) else None
            except Exception:
                result = None
            if result is not None:
                for name, level, message in result.records:
                    logging.getLogger(name).log(level, message)
            if result is None or not result.ok or status != 0:
                failures.append(
                    _failure(w, status, result.error if result is not None else "", data)
                )
            else:
                results.append(result)
        if failures:
            raise RuntimeError(failures[0])
        log.debug(
            f"briefings: processor time before the fork {self.cpu:.1f}s; "
            f"{time.monotonic() - self.started:.1f}s since the fork, "
            f"{time.monotonic() - waiting:.1f}s of it waiting for the workers; processor time "
            f"since the fork: {_cpu() - self.cpu:.1f}s here, "
            + ", ".join(f"{r.cpu:.1f}s" for r in results)
            + " in the workers"
        )
        install(results, files)
        validate(files, self.doc_files, self.skipped, log_level)
        return {uri: e for r in results for uri, e in r.entries.items()}


def _failure(w: Worker, status: int, error: str, data: bytes) -> str:
    pages = f"{len(w.uris)} page(s) (the first {w.uris[0]!r})" if w.uris else "its pages"
    if error:
        why = error
    elif os.WIFSIGNALED(status):
        why = f"it was killed by signal {os.WTERMSIG(status)}"
    elif not data:
        why = f"it stopped with status {os.waitstatus_to_exitcode(status)} without reporting"
    else:
        why = "its report could not be read"
    return (
        f"briefings: the build process for {pages} failed: {why}; the site is incomplete "
        f"(build again; {ENV}=1 builds in one process)"
    )


def _cpu() -> float:
    return time.process_time()


def restore() -> None:
    """Put MkDocs' own page functions back (if a build left them wrapped)."""
    build = _mkdocs_build()
    for name, _ in (_POPULATE, _BUILD):
        setattr(build, name, _original(name))


def start(
    *,
    config: Any,
    files: Any,
    nav: Any,
    dirty: bool,
    serving: bool,
    wanted: int,
    explicit: bool,
    entry: Callable[[Any, dict[str, str]], dict[str, Any] | None],
    on_worker_start: Callable[[], None],
) -> Pool | None:
    """Fork the workers of this build and give each its share of the pages; None when this
    build is better done (or can only be done) in one process. `entry` makes a page's state
    entry (generator.incremental), `on_worker_start` runs first in each worker."""
    if wanted <= 1:
        return None
    reason = unavailable(config)
    if reason:
        log.debug(f"briefings: building in one process ({reason})")
        return None
    from mkdocs.structure.files import InclusionLevel

    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    in_nav = {page.file.src_uri for page in nav.pages}
    doc_files = files.documentation_pages(inclusion=inclusion)
    pages = [f for f in doc_files if f.src_uri not in in_nav and (not dirty or f.is_modified())]
    processes = min(wanted, max(1, len(pages)))
    if processes <= 1 or (not explicit and len(pages) < MIN_PAGES):
        return None
    shares = split(pages, processes)
    parent = os.getpid()
    workers: list[Worker] = []
    cpu = _cpu()
    gc.disable()
    gc.freeze()  # a worker then leaves the objects it inherits unwritten (fewer copied pages)
    try:
        for share in shares[1:]:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(read)
                for other in workers:
                    os.close(other.fd)
                _work(write, parent, share, nav, config, files, doc_files, entry, on_worker_start)
            os.close(write)
            workers.append(Worker(pid, read, [f.src_uri for f in share]))
    except OSError as exc:
        pool = Pool(workers, set(), [], time.monotonic())
        pool.stop()
        log.debug(f"briefings: building in one process (fork failed: {exc})")
        return None
    finally:
        gc.unfreeze()
        gc.enable()
    skipped = {uri for w in workers for uri in w.uris}
    pool = Pool(workers, skipped, doc_files, time.monotonic(), cpu)
    pool.skip_in_this_process()
    log.info(
        f"briefings: {len(skipped)} of {len(doc_files)} page(s) built by {len(workers)} "
        "worker process(es) besides this one"
    )
    return pool


def _work(
    fd: int,
    parent: int,
    share: list[Any],
    nav: Any,
    config: Any,
    files: Any,
    doc_files: list[Any],
    entry: Callable[[Any, dict[str, str]], dict[str, Any] | None],
    on_worker_start: Callable[[], None],
) -> None:
    """In a worker: read the navigation pages and the share, write the share, report, exit."""
    status = 1
    result = Result(ok=False)
    cpu = _cpu()
    gc.enable()  # disabled around the fork; what it inherited stays frozen (never scanned)
    try:
        collect = _collect_logging()
        try:
            on_worker_start()
            from mkdocs.structure.pages import Page

            populate, build_page = _original(_POPULATE[0]), _original(_BUILD[0])
            for page in nav.pages:
                populate(page, config, files, False)
            for f in share:
                if os.getppid() != parent:
                    os._exit(1)  # the main process is gone: nobody needs these pages
                if f.page is None:
                    Page(None, f, config)
                populate(f.page, config, files, False)
            env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
            for f in share:
                if os.getppid() != parent:
                    os._exit(1)
                build_page(
                    f.page, config, doc_files, nav, env, False, excluded=f.inclusion.is_excluded()
                )
            from .incremental import known_urls

            known = known_urls(files)
            for f in share:
                page = f.page
                anchors = page.present_anchor_ids
                result.anchors[f.src_uri] = sorted(anchors) if anchors is not None else None
                links = page.links_to_anchors
                result.links[f.src_uri] = (
                    {to.src_uri: dict(a) for to, a in links.items()} if links is not None else None
                )
                made = entry(f, known)
                if made is not None:
                    result.entries[f.src_uri] = made
            result.ok, status = True, 0
        except BaseException as exc:  # reported to the main process, which fails the build
            text = str(exc).strip().splitlines()
            result.error = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
        result.records = collect.records
        result.cpu = _cpu() - cpu
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.close(fd)
    finally:
        os._exit(status)


def install(results: list[Result], files: Any) -> None:
    """Give the workers' pages in this process the anchors they hold and the anchor links
    they make."""
    for result in results:
        for uri, anchors in result.anchors.items():
            f = files.get_file_from_path(uri)
            if f is None or f.page is None:
                continue
            f.page.present_anchor_ids = set(anchors) if anchors is not None else None
            links = result.links.get(uri)
            if links is None:
                f.page.links_to_anchors = None
                continue
            resolved = {}
            for target, anchors_of in links.items():
                to = files.get_file_from_path(target)
                if to is not None:
                    resolved[to] = dict(anchors_of)
            f.page.links_to_anchors = resolved


def validate(files: Any, doc_files: Iterable[Any], skipped: set[str], log_level: int) -> None:
    """The anchor links MkDocs could not validate in this process: those of the workers'
    pages, and those of the other pages to the workers' pages (MkDocs passes over a link to
    a page it did not read). Same checks and messages as MkDocs' own."""
    for f in doc_files:
        page = f.page
        if page is None or not page.links_to_anchors:
            continue
        if f.src_uri in skipped:
            page.validate_anchor_links(files=files, log_level=log_level)
            continue
        subset = {to: a for to, a in page.links_to_anchors.items() if to.src_uri in skipped}
        if not subset:
            continue
        saved = page.links_to_anchors
        page.links_to_anchors = subset
        try:
            page.validate_anchor_links(files=files, log_level=log_level)
        finally:
            page.links_to_anchors = saved
