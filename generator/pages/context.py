"""What every page builder is given: the published records and the catalogues built from them.

A page builder is a function `pages(ctx) -> {path under docs/: Markdown text}`; `render`
calls each in turn (`render.PAGE_BUILDERS`). Builders only read the context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from ..siteconfig import SiteConfig

if TYPE_CHECKING:
    from .catalog import Actor
    from .sources import Source


@dataclass
class Links:
    """Where the site's catalogue pages are, by name key."""

    actors: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class SiteContext:
    records: list[dict[str, Any]]
    """The published records, newest first."""
    actors: list[Actor]
    sources: list[Source]
    links: Links
    site: SiteConfig
    env: jinja2.Environment
    held_back: int = 0
    """How many records the publishing policy keeps off the site."""
