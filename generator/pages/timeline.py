"""The site-wide timeline: every event of every briefing, by year and month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..dates import sort_key
from .context import SiteContext

#: Above this many events the timeline is split into a page per year, so that no page grows
#: with the site.
TIMELINE_ONE_PAGE = 1500


@dataclass
class Event:
    date: str
    event: str
    status: str
    briefing_id: str
    briefing_title: str


Months = list[tuple[str, list[Event]]]


def build_timeline(records: list[dict[str, Any]]) -> list[tuple[str, Months]]:
    """All events, newest first, grouped by year and then by month ('' for year-only dates)."""
    events = [
        Event(
            str(e["date"]),
            str(e["event"]),
            str(e.get("status") or ""),
            str(r["id"]),
            str(r["title"]),
        )
        for r in records
        for e in r.get("timeline", [])
    ]
    events.sort(key=lambda e: (sort_key(e.date), e.briefing_id, e.event), reverse=True)
    years: dict[str, dict[str, list[Event]]] = {}
    for ev in events:
        start = sort_key(ev.date)
        year = start[:4] if re.match(r"^\d{4}", start) else "other"
        month = start[5:7] if re.match(r"^\d{4}-\d{2}", start) else ""
        years.setdefault(year, {}).setdefault(month, []).append(ev)
    return [(y, list(months.items())) for y, months in years.items()]


def pages(ctx: SiteContext) -> dict[str, str]:
    """The timeline: one page, or an index of years and a page per year."""
    env = ctx.env
    years = build_timeline(ctx.records)
    template = env.get_template("timeline.md.j2")
    count = sum(len(events) for _, months in years for _, events in months)
    if count <= TIMELINE_ONE_PAGE:
        return {"timeline/index.md": template.render(years=years, year_pages=False, title=None)}
    summary = [(year, sum(len(ev) for _, ev in months)) for year, months in years]
    out = {
        "timeline/index.md": env.get_template("timeline_years.md.j2").render(
            years=summary, total=count
        )
    }
    for year, months in years:
        out[f"timeline/{year}.md"] = template.render(
            years=[(year, months)], year_pages=True, title=year
        )
    return out
