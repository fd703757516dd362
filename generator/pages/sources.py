"""The site's sources: outlets, named sources and anonymous sources, merged across briefings,
and the Sources page."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..dates import sort_key
from .catalog import Mention, _most_common, _newest, _unique_slug, name_key
from .context import SiteContext


@dataclass
class Source:
    slug: str
    name: str
    counts: Counter[str]
    mentions: list[Mention]
    key: str = ""
    """What the briefing pages link it by (`source_key`)."""
    kind: str = "named"
    """'outlet' (an original or a republisher somewhere), 'named' (a person or body the
    reports attribute information to) or 'anonymous' (a source the seed does not name,
    one per briefing)."""

    @property
    def briefing(self) -> Mention:
        """The (first) briefing that cites it: an anonymous source's only one."""
        return self.mentions[0]


def source_key(link: dict[str, Any], briefing_id: str) -> str:
    """The key a source-chain link is merged by: its name's key, and for a source the seed
    does not name (`anonymous: true`) also its briefing, so that the same phrase from
    unrelated stories ("a person familiar with the talks") is never one source."""
    key = name_key(str(link.get("name", "")))
    if key and link.get("anonymous") is True:
        key += "\x00" + briefing_id
    return key


def build_sources(records: list[dict[str, Any]]) -> list[Source]:
    """Every outlet and primary source, with how often it plays each role. Most used first.
    Anonymous sources are one per briefing and never merged across briefings."""
    groups: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for rec in records:
        for link in rec.get("source_chain", []):
            key = source_key(link, str(rec.get("id")))
            if key:
                groups[key].append((rec, link))
    taken: set[str] = set()
    out = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        items = groups[key]
        name = _most_common(Counter(str(lnk["name"]) for _, lnk in items))
        counts = Counter(str(lnk["role"]) for _, lnk in items)
        mentions = _newest(
            [
                Mention(str(r["id"]), str(r["title"]), str(r["date"]), str(lnk["role"]))
                for r, lnk in items
            ]
        )
        if "\x00" in key:
            kind = "anonymous"
        elif counts.get("original") or counts.get("republisher"):
            kind = "outlet"
        else:
            kind = "named"
        out.append(Source(_unique_slug(name, taken, "source"), name, counts, mentions, key, kind))
    return out


def anonymous_by_briefing(sources: list[Source]) -> list[tuple[Mention, list[Source]]]:
    """The anonymous sources grouped under the briefing that cites them, newest first."""
    groups: dict[str, tuple[Mention, list[Source]]] = {}
    for src in sources:
        if src.kind == "anonymous":
            groups.setdefault(src.briefing.briefing_id, (src.briefing, []))[1].append(src)
    return sorted(
        groups.values(), key=lambda g: (sort_key(g[0].date), g[0].briefing_id), reverse=True
    )


def pages(ctx: SiteContext) -> dict[str, str]:
    """The Sources page."""
    return {
        "sources/index.md": ctx.env.get_template("sources.md.j2").render(
            sources=ctx.sources, anonymous_groups=anonymous_by_briefing(ctx.sources)
        )
    }
