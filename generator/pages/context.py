"""What every page builder is given: the published records and the catalogues built from them.

A page builder is a function `pages(ctx) -> {path under docs/: Markdown text}`; `render`
calls each in turn (`render.PAGE_BUILDERS`). Builders only read the context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from ..siteconfig import SiteConfig

if TYPE_CHECKING:
    from .cache import RenderCache
    from .catalog import Actor
    from .sources import Source


@dataclass
class Links:
    """Where the site's catalogue pages are, by name key."""

    actors: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    actors_in: dict[str, dict[str, str]] = field(default_factory=dict)
    """briefing id → {name key → actor slug} where a name in that briefing means another
    entity than the same name elsewhere (a surname resolved in its briefing)."""
    tags: dict[str, str] = field(default_factory=dict)
    """tag key (`pages.tags.tag_key`) → the page of the tag under tags/"""
    actor_pages: set[str] | None = None
    """The slugs of the actors that have a page of their own (`catalog.worth_a_page`); None:
    every actor has one."""

    def actor(self, briefing_id: str, name: str) -> str | None:
        """The slug of the actor page a name in a briefing leads to."""
        from .catalog import name_key

        k = name_key(name)
        return self.actors_in.get(briefing_id, {}).get(k) or self.actors.get(k)

    def actor_page(self, briefing_id: str, name: str) -> str | None:
        """The actor page a name in a briefing links to: none for an actor without a page of
        its own (`actor` still tells which entity the name is)."""
        slug = self.actor(briefing_id, name)
        if slug and self.actor_pages is not None and slug not in self.actor_pages:
            return None
        return slug


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
    cache: RenderCache | None = None
    """What the last render wrote (`render` keeps a page rendered from the same values)."""

    def render(self, page: str, template: jinja2.Template, **values: Any) -> str:
        """A page (its path under docs/) rendered from a template; with a cache, `Keep()`
        when the last render wrote it from the same template and values and its file is
        unchanged (the values must hold all that the page shows)."""
        if self.cache is not None:
            kept = self.cache.keep_or_render(page, str(template.name), values)
            if kept is not None:
                return kept
        return template.render(**values)
