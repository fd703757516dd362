"""The actor pages and the actor index."""

from __future__ import annotations

from typing import Any

from .catalog import initial, name_key
from .context import SiteContext

#: Above this many actors the index is split: the most named plus a page per initial, so
#: that no page grows with the site.
ACTORS_ONE_PAGE = 1500
ACTORS_TOP = 100


def pages(ctx: SiteContext) -> dict[str, str]:
    out = _index_pages(ctx)
    template = ctx.env.get_template("actor.md.j2")
    for actor in ctx.actors:
        out[f"actors/{actor.slug}.md"] = template.render(a=actor)
    return out


def _index_pages(ctx: SiteContext) -> dict[str, str]:
    """The actor index: one page, or the most named plus a page per initial."""
    env, actors = ctx.env, ctx.actors
    index = env.get_template("actors.md.j2")
    if len(actors) <= ACTORS_ONE_PAGE:
        return {"actors/index.md": index.render(actors=actors, letters=[], total=len(actors))}
    by_letter: dict[str, list[Any]] = {}
    for actor in sorted(actors, key=lambda a: name_key(a.name)):
        by_letter.setdefault(initial(actor.name), []).append(actor)
    letters = [(letter, len(group)) for letter, group in sorted(by_letter.items())]
    out = {
        "actors/index.md": index.render(
            actors=actors[:ACTORS_TOP], letters=letters, total=len(actors)
        )
    }
    for letter, group in by_letter.items():
        out[f"actors/by-letter/{letter}.md"] = env.get_template("actors_letter.md.j2").render(
            letter=letter, actors=group
        )
    return out
