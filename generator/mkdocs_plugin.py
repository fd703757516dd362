"""MkDocs plugin: drafts records for new and changed seeds and renders the records before each
build, so `mkdocs build` and `mkdocs serve` work on a fresh clone and follow edits to records and
seeds. It holds no logic of its own: what blocks a build is `validate.publish_level`'s policy,
applied by `render_site` (a draft never blocks; a reviewed record's problems are warnings)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .errors import BriefingError
from .render import render_site
from .serve import REPORTED_ENV

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    records = opt.Type(str, default="briefings")
    seeds = opt.Type(str, default="seeds")
    extract = opt.Type(bool, default=True)
    """Draft a record for every new or changed seed before rendering (as `briefings extract`
    does: unchanged seeds cost a hash, records a person edited are never overwritten)."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Render briefing records into `docs/briefings/` before MkDocs collects the pages."""

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
