"""MkDocs plugin: runs the render step before each build, so `mkdocs build` and `mkdocs serve`
work on a fresh clone and pick up edits to records and seeds. It holds no logic of its own."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .errors import BriefingError
from .render import render_site

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    records = opt.Type(str, default="briefings")
    seeds = opt.Type(str, default="seeds")


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
        try:
            result = render_site(root, docs_dir=Path(config.docs_dir),
                                 records_dir=root / self.config.records,
                                 seeds_dir=root / self.config.seeds)
        except BriefingError as exc:
            raise PluginError(exc.line()) from None
        for problem in result.warnings:
            log.warning(problem.format())
        if result.written or result.removed:
            log.info(f"briefings: {result.written} page(s) written, {result.removed} removed")
