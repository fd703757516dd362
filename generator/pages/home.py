"""The briefings list (grouped by year), the home page's parts and the feed.

The home page, docs/index.md, is written by hand; it includes the snippets made here:
`briefings/.policy.md` (the publishing policy), `briefings/.overview.md` (counts, the years
covered, the most-named actors) and `briefings/.latest.md` (the briefings added last).

"Recently added" means the newest briefings by the date of the document in hand (the record's
`date`). The repository keeps no time at which a record was added that every clone shares:
file times differ between clones, git history is cut short in shallow checkouts such as CI's,
and seeds and records carry no such field. A newsroom adds a document when it appears, so its
date is the order of adding in all but a back-filled archive.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..dates import sort_key
from .actor_pages import actor_href, is_place
from .context import SiteContext
from .feed import atom_feed
from .paging import ROWS_PER_PAGE, part_name, parts

LATEST_COUNT = 10
#: How many actors the home page names, the most named first.
TOP_ACTORS = 10
#: How many briefings the briefings index shows first when the list has a page per year.
INDEX_LATEST = 20
#: The folder of the per-year lists under briefings/. Record ids are slugs of lower-case
#: letters, digits and hyphens, so no briefing page can take this name.
YEARS_DIR = "by_year"
#: The year of a briefing whose date names none.
UNDATED = "undated"


def year_of(record: dict[str, Any]) -> str:
    key = sort_key(str(record["date"]))
    return key[:4] if re.match(r"^\d{4}", key) else UNDATED


def by_year(records: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The records (newest first) grouped by year, newest first; undated ones last."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(year_of(r), []).append(r)
    order = sorted((y for y in groups if y != UNDATED), reverse=True)
    if UNDATED in groups:
        order.append(UNDATED)
    return [(y, groups[y]) for y in order]


def year_label(year: str) -> str:
    return "Date not stated" if year == UNDATED else year


def _briefing_lists(ctx: SiteContext) -> dict[str, str]:
    """briefings/index.md, and a page per year under `YEARS_DIR` when one page is too long."""
    env, records = ctx.env, ctx.records
    years = by_year(records)
    index = env.get_template("index.md.j2")
    if len(records) <= ROWS_PER_PAGE:
        return {
            "briefings/index.md": index.render(
                items=records,
                years=[(y, year_label(y), rs) for y, rs in years],
                year_pages=[],
                latest=[],
                held_back=ctx.held_back,
            )
        }
    out: dict[str, str] = {}
    links = []
    year_template = env.get_template("briefings_year.md.j2")
    for year, rs in years:
        chunks = parts(rs, ROWS_PER_PAGE)
        names = [part_name(year, i + 1) for i in range(len(chunks))]
        for i, chunk in enumerate(chunks):
            out[f"briefings/{YEARS_DIR}/{names[i]}.md"] = year_template.render(
                year=year_label(year),
                items=chunk,
                total=len(rs),
                pager=[(j + 1, f"{n}.md", i == j) for j, n in enumerate(names)]
                if len(chunks) > 1
                else [],
            )
        links.append((year_label(year), f"{YEARS_DIR}/{year}.md", len(rs)))
    out["briefings/index.md"] = index.render(
        items=records,
        years=[],
        year_pages=links,
        latest=records[:INDEX_LATEST],
        held_back=ctx.held_back,
    )
    return out


def overview(ctx: SiteContext) -> dict[str, Any]:
    """What the home page counts and names."""
    records = ctx.records
    actors = [a for a in ctx.actors if not is_place(a)]
    places = [a for a in ctx.actors if is_place(a)]
    sources = [s for s in ctx.sources if getattr(s, "kind", "named") != "anonymous"]
    events = sum(len(r.get("timeline", [])) for r in records)
    timeline_years = {sort_key(str(e["date"]))[:4] for r in records for e in r.get("timeline", [])}
    years = Counter(year_of(r) for r in records)
    top = sorted(actors, key=lambda a: (-len(a.mentions), a.name.casefold()))[:TOP_ACTORS]
    return {
        "counts": {
            "briefings": len(records),
            "actors": len(actors),
            "places": len(places),
            "sources": len(sources),
            "events": events,
        },
        "years": [
            (y, n, y in timeline_years)
            for y, n in sorted(years.items(), key=lambda kv: kv[0], reverse=True)
            if y != UNDATED
        ],
        "top": [(a.name, actor_href(a, "actors/", ""), len(a.mentions)) for a in top],
    }


def pages(ctx: SiteContext) -> dict[str, str]:
    env, records, held_back, site = ctx.env, ctx.records, ctx.held_back, ctx.site
    return {
        **_briefing_lists(ctx),
        "briefings/.latest.md": ctx.render(
            "briefings/.latest.md",
            env.get_template("latest.md.j2"),
            items=records[:LATEST_COUNT],
            total=len(records),
            held_back=held_back,
        ),
        "briefings/.overview.md": ctx.render(
            "briefings/.overview.md", env.get_template("overview.md.j2"), **overview(ctx)
        ),
        "briefings/.policy.md": ctx.render(
            "briefings/.policy.md",
            env.get_template("policy.md.j2"),
            publish_drafts=site.publish_drafts,
            drafts=sum(1 for r in records if r["status"] != "reviewed"),
        ),
        "feed.xml": atom_feed(
            [
                r
                if r["status"] == "reviewed"
                else {**r, "title": f"Draft, not yet checked: {r['title']}"}
                for r in records
            ],
            site.site_name,
            site.site_url,
        ),
    }
