"""MkDocs plugin: drafts records for new and changed seeds and renders the records before each
build, so `mkdocs build` and `mkdocs serve` work on a fresh clone and follow edits to records and
seeds. It holds no logic of its own: what blocks a build is `validate.publish_level`'s policy,
applied by `render_site` (a draft never blocks; a reviewed record's problems are warnings).

With `mkdocs build --dirty` or `mkdocs serve --dirty` (what `briefings build` and `briefings
serve --live` run), it decides which pages MkDocs rebuilds, so that the site equals a clean
build's; or it empties the site folder first for a full build (see `generator.incremental`).

A build with many pages to write shares them out to one worker process per extra core
(`generator.parallel`); the site is the same, byte for byte. `BRIEFINGS_PROCESSES=1` (or the
option `processes: 1`) builds in one process."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import incremental, parallel
from .errors import BriefingError
from .render import render_site
from .serve import RENDERED_ENV, REPORTED_ENV

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    records = opt.Type(str, default="briefings")
    seeds = opt.Type(str, default="seeds")
    extract = opt.Type(bool, default=True)
    """Draft a record for every new or changed seed before rendering (as `briefings extract`
    does: unchanged seeds cost a hash, records a person edited are never overwritten)."""
    processes = opt.Type(int, default=0)
    """How many processes write the pages: 0 (the default) one per core, for builds with
    many pages to write; 1 one process. The environment's BRIEFINGS_PROCESSES wins."""


class _Counter(logging.Handler):
    """Counts the warnings logged while pages are read, written and their links checked:
    those a later build that keeps the pages would not repeat. (Warnings about records or the
    navigation come before, in every build.)"""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.active = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.active:
            self.count += 1


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return not message.startswith((incremental.DIRTY_WARNING, incremental.STALE_NOTE))


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Render briefing records into `docs/briefings/` before MkDocs collects the pages."""

    def __init__(self) -> None:
        super().__init__()
        self._command = "build"
        self._dirty = False
        self._plan: incremental.Plan | None = None
        self._previous: dict[str, dict[str, Any]] = {}
        self._counter = _Counter()
        self._site_dirs: set[Path] = set()
        self._fingerprint = ""
        self._files: Any = []
        self._pool: parallel.Pool | None = None
        self._worker = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command, self._dirty = command, dirty
        if dirty:  # the warning MkDocs gives for --dirty: this plugin makes such builds exact
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(_not_the_dirty_warning)
        if self._command == "serve":  # the state of `mkdocs serve`'s temporary site folders
            for site_dir in self._site_dirs:
                incremental.state_path(site_dir).unlink(missing_ok=True)

    def on_config(self, config: Any) -> Any:
        # Snippet paths are relative to the working directory; anchor them to docs/ so a
        # build started from anywhere finds the generated snippets.
        snippets = config.mdx_configs.get("pymdownx.snippets")
        if isinstance(snippets, dict):
            base = snippets.get("base_path", ".")
            bases = base if isinstance(base, list) else [base]
            root = Path(config.config_file_path).parent
            snippets["base_path"] = [str((root / b).resolve()) for b in bases]
        return config

    def on_pre_build(self, config: Any) -> None:
        root = Path(config.config_file_path).parent
        records_dir, seeds_dir = root / self.config.records, root / self.config.seeds
        reported = bool(os.environ.get(REPORTED_ENV))
        if os.environ.get(RENDERED_ENV):  # briefings build rendered the pages just before
            self._start(config)
            return
        try:
            if self.config.extract and not reported:
                self._draft(root, records_dir, seeds_dir)
            result = render_site(
                root, docs_dir=Path(config.docs_dir), records_dir=records_dir, seeds_dir=seeds_dir
            )
        except BriefingError as exc:
            raise PluginError(exc.line()) from None
        for problem in result.warnings:
            log.warning(problem.format())
        quiet = log.debug if reported else log.info
        for problem in [*result.left_out, *result.notes]:
            quiet(problem.format().replace(": warning:", ": note:", 1))
        if result.written or result.removed:
            log.info(f"briefings: {result.written} page(s) written, {result.removed} removed")
        self._start(config)

    def _start(self, config: Any) -> None:
        """Load the last build's state (and forget it until this build succeeds); with
        --dirty, plan an incremental build, or empty the site folder for a full one."""
        self._counter.count, self._counter.active = 0, False
        self._stop_pool()
        parallel.restore()
        logging.getLogger("mkdocs").addHandler(self._counter)
        site_dir = Path(config.site_dir)
        self._site_dirs.add(site_dir)
        path = incremental.state_path(site_dir)
        state = incremental.SiteState.load(path)
        path.unlink(missing_ok=True)
        self._fingerprint = incremental.fingerprint(config, self._command)
        self._previous = state.pages if state else {}
        self._plan = None
        if not self._dirty:
            return
        whole = sorted(incremental.WHOLE_SITE_PLUGINS & set(config.plugins))
        reason = (
            "no state of an earlier build"
            if state is None
            else "the last build logged warnings"
            if not state.clean
            else f"plugin {whole[0]!r} needs every page"
            if whole
            else "the configuration, theme, templates, hand-written pages or packages changed"
            if state.fingerprint != self._fingerprint
            else ""
        )
        if reason:
            log.info(f"briefings: full build ({reason})")
            if site_dir.is_dir():
                from mkdocs import utils

                utils.clean_directory(str(site_dir))
            return
        self._plan = incremental.Plan(
            self._previous,
            site_dir,
            Path(config.docs_dir),
            incremental.snippet_bases(config),
            self._command == "serve",
        )

    def on_files(self, files: Any, *, config: Any) -> Any:
        if self._plan is not None:
            self._plan.mark(files)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self._counter.active = True  # MkDocs reads the pages next
        if self._plan is not None:  # their titles are in every page's navigation and footer
            for page in nav.pages:
                self._plan.rebuild(page.file)
        wanted, explicit = parallel.processes_wanted(self.config.processes)
        bases = incremental.snippet_bases(config)
        self._pool = parallel.start(
            config=config,
            files=files,
            nav=nav,
            dirty=self._dirty,
            serving=self._command == "serve",
            wanted=wanted,
            explicit=explicit,
            entry=lambda f, known: incremental.entry(f, known, bases),
            on_worker_start=self._become_worker,
        )
        return nav

    def _become_worker(self) -> None:
        """In a worker process (generator.parallel): this plugin's later events do nothing."""
        self._worker = True
        self._plan = None

    def _stop_pool(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool = None

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        if self._worker:
            return env
        if self._plan is not None:
            self._plan.restore(files, self._pool.skipped if self._pool else ())
        self._files = files
        return env

    def on_post_build(self, *, config: Any) -> None:
        files = self._files
        serving = self._command == "serve"
        elsewhere: dict[str, dict[str, Any]] = {}
        pool, self._pool = self._pool, None
        if pool is not None:  # the workers' pages: their warnings, anchors and state
            try:
                elsewhere = pool.finish(files, config.validation.links.anchors)
            except RuntimeError as exc:
                raise PluginError(str(exc)) from None
        logging.getLogger("mkdocs").removeHandler(self._counter)
        plan = self._plan
        if plan is not None:
            current = {
                f.dest_uri
                for f in files
                if (f.inclusion.is_in_serve() if serving else f.inclusion.is_included())
            }
            removed = plan.prune(current)
            log.info(
                f"briefings: incremental build: {len(plan.rebuilt)} page(s) rebuilt, "
                f"{len(plan.kept)} kept, {removed} file(s) of removed pages deleted"
            )
        pages = incremental.record(
            files, self._previous, incremental.snippet_bases(config), serving, elsewhere
        )
        state = incremental.SiteState(self._fingerprint, pages, self._counter.count == 0)
        state.save(incremental.state_path(Path(config.site_dir)))

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_pool()
        logging.getLogger("mkdocs").removeHandler(self._counter)

    @staticmethod
    def _draft(root: Path, records_dir: Path, seeds_dir: Path) -> None:
        from .project import extract_seeds
        from .seeds import list_seeds

        if not seeds_dir.is_dir():
            return
        for outcome in extract_seeds(list_seeds(seeds_dir), records_dir, root, seeds_dir):
            if outcome.action in ("created", "updated"):
                log.info(f"briefings: {outcome.line()}")
            elif outcome.failed:  # no record, so nothing to publish; check fails on it
                log.info(
                    f"briefings: {outcome.line()} (the seed is not published until it "
                    "has a record; briefings check gives the reason too)"
                )
