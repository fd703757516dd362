"""The site-wide timeline: an overview of the years, a page per year with the year's events by
month, and a filter by actor, place and status on every page of events.

Pages:
- `timeline/index.md`: the years with their event counts and a bar each, and the latest events;
- `timeline/<year>.md`: the year's events, newest first, under a heading per month; a year with
  more events than a page holds (`paging.EVENTS_PER_PAGE` events, `paging.EVENTS_HEIGHT` px)
  gets an overview of its months here instead and a page per month,
  `timeline/<year>/<mm>.md` (`year.md` for the events dated to the year alone; a month too
  long for one page goes on in `<mm>-2.md`, ...);
- `timeline/other.md`: events whose date names no year.

Each event carries data attributes for the filter (`docs/assets/filter.js`): its status and the
actors and places of its briefing that the event's text names. Without JavaScript the filter
stays hidden and every event shows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import human_date, sort_key
from .actor_pages import PLACE_TYPES
from .context import SiteContext
from .paging import EVENTS_HEIGHT, EVENTS_PER_PAGE, event_height, packed, part_name

#: The page of events whose date names no year.
OTHER = "other"
#: How many of the latest events the overview shows.
RECENT_COUNT = 10
#: The page under a split year for events dated to the year alone.
WHOLE_YEAR = "year"


@dataclass
class Event:
    date: str
    event: str
    status: str
    briefing_id: str
    briefing_title: str
    actors: tuple[str, ...] = ()
    """Slugs of the actor pages of the briefing's actors (not places) the event names."""
    places: tuple[str, ...] = ()
    """Slugs of the actor pages of the briefing's places and countries the event names."""


Months = list[tuple[str, list[Event]]]


def _word_char(ch: str) -> bool:
    """A character of a word as a pattern's `\\w` reads it (a letter, digit or underscore)."""
    return ch.isalnum() or ch == "_"


def whole_names(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where the name occurs as a whole, left to right without overlaps: not inside a longer
    word ('Iran' is not in 'Iranian'). Found with `str.find`: a site names tens of thousands
    of actors, and a pattern compiled for each name cost more than the rest of the timeline."""
    if not name:
        return
    size, end_of_text = len(name), len(text)
    at = text.find(name)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1])) and (
            end == end_of_text or not _word_char(text[end])
        ):
            yield at, end
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


def _surname(name: str) -> str | None:
    """The last word of a person's name of two words or more ('Asante-Darko' of 'Kwabena
    Asante-Darko'), which news texts use alone after the first mention."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1].strip(".,")
    if len(last) < 3 or not last[:1].isupper() or last.rstrip(".").lower() in ("jr", "sr"):
        return None
    return last


def actor_names(actor: dict[str, Any]) -> list[str]:
    """The forms an event's text may name a record's actor by: its name, its aliases and, for a
    person, the surname."""
    names = [str(actor.get("name") or "")]
    names += [str(a) for a in actor.get("aliases") or [] if isinstance(a, str)]
    if actor.get("type") == "person":
        last = _surname(names[0])
        if last:
            names.append(last)
    return [n for n in (" ".join(x.split()) for x in names) if len(n) >= 2]


def named_in(text: str, names: list[str]) -> bool:
    """Whether the text names one of the names as a whole word (case as written)."""
    return any(next(whole_names(text, n), None) is not None for n in names)


def record_names(
    record: dict[str, Any],
    page_of: Callable[[str, str], str | None],
    known: dict[str, list[str]] | None = None,
) -> list[tuple[str, list[str]]]:
    """The actor pages of a record's actors, in the record's order, each with the names an
    event's text may name it by (`actor_names` and `known`; each name once per actor)."""
    rid = str(record.get("id"))
    out: list[tuple[str, list[str]]] = []
    for actor in record.get("actors", []):
        slug = page_of(rid, str(actor.get("name") or ""))
        if not slug:
            continue
        names = actor_names(actor) + [n for n in (known or {}).get(slug, []) if len(n) >= 3]
        out.append((slug, list(dict.fromkeys(names))))
    return out


def event_names(
    record: dict[str, Any],
    text: str,
    page_of: Callable[[str, str], str | None],
    types: dict[str, str],
    known: dict[str, list[str]] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The actor pages (actors, places) of the record's actors that the event text names.
    `page_of(briefing id, name)` gives an actor's page, `types` a page's actor type and
    `known` the other names the site knows an actor's page by. Where the names of two actors
    overlap, the longer one is meant: "the Kenya Red Cross Society" names that society, not
    Kenya, when both are actors of the briefing."""
    return names_in_event(record_names(record, page_of, known), text, types)


def names_in_event(
    names: list[tuple[str, list[str]]], text: str, types: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`event_names` for a record's `record_names` (made once for all of its events)."""
    order: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for slug, forms in names:
        if slug not in order:
            order.append(slug)
        for name in forms:
            if name in text:
                spans += [(start, end, slug) for start, end in whole_names(text, name)]
    taken: list[tuple[int, int, str]] = []
    for start, end, slug in sorted(spans, key=lambda sp: (sp[0] - sp[1], sp[0])):
        if not any(a <= start and end <= b and other != slug for a, b, other in taken):
            taken.append((start, end, slug))
    named = {slug for _, _, slug in taken}
    actors = tuple(s for s in order if s in named and types.get(s) not in PLACE_TYPES)
    places = tuple(s for s in order if s in named and types.get(s) in PLACE_TYPES)
    return actors, places


def build_events(ctx: SiteContext) -> list[Event]:
    """Every event of every published briefing, newest first."""
    types = {a.slug: a.type for a in ctx.actors}
    known = {a.slug: list(a.names) for a in ctx.actors}
    events = []
    for r in ctx.records:
        timeline = r.get("timeline", [])
        names = record_names(r, ctx.links.actor, known) if timeline else []
        for e in timeline:
            text = str(e["event"])
            actors, places = names_in_event(names, text, types)
            events.append(
                Event(
                    str(e["date"]),
                    text,
                    str(e.get("status") or ""),
                    str(r["id"]),
                    str(r["title"]),
                    actors,
                    places,
                )
            )
    events.sort(key=lambda e: (sort_key(e.date), e.briefing_id, e.event), reverse=True)
    return events


def year_of(date: str) -> str:
    start = sort_key(date)
    return start[:4] if re.match(r"^\d{4}", start) else OTHER


def month_of(date: str) -> str:
    start = sort_key(date)
    return start[5:7] if re.match(r"^\d{4}-\d{2}", start) else ""


def by_year(events: list[Event]) -> list[tuple[str, Months]]:
    """Events grouped by year and then by month ('' for year-only dates), newest first; the
    events whose date names no year last, under `OTHER`."""
    years: dict[str, dict[str, list[Event]]] = {}
    for ev in events:
        years.setdefault(year_of(ev.date), {}).setdefault(month_of(ev.date), []).append(ev)
    order = sorted((y for y in years if y != OTHER), reverse=True)
    if OTHER in years:
        order.append(OTHER)
    return [(y, list(years[y].items())) for y in order]


def build_timeline(records: list[dict[str, Any]]) -> list[tuple[str, Months]]:
    """All events of the records (without filter data), by year and month, newest first."""
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
    return by_year(events)


@dataclass
class Choice:
    value: str
    label: str
    count: int


def _filter_choices(events: list[Event], names: dict[str, str]) -> dict[str, list[Choice]]:
    """The choices of the filter for a page's events: its actors, places and statuses, the
    most frequent first."""

    def choices(counter: Counter[str], label: dict[str, str] | None = None) -> list[Choice]:
        return [
            Choice(v, (label or {}).get(v, v), n)
            for v, n in sorted(
                counter.items(),
                key=lambda kv: (-kv[1], ((label or {}).get(kv[0], kv[0])).casefold()),
            )
        ]

    return {
        "actor": choices(Counter(s for e in events for s in e.actors), names),
        "place": choices(Counter(s for e in events for s in e.places), names),
        "status": choices(Counter(e.status for e in events if e.status)),
    }


def _events_page(
    ctx: SiteContext,
    page: str,
    template: Any,
    names: dict[str, str],
    *,
    title: str,
    intro: str,
    months: Months,
    year: str,
    depth: int,
    crumbs: list[tuple[str, str]],
    pager: list[tuple[str, str, bool]] | None = None,
    month_headings: bool = True,
    around: list[tuple[str, str]] | None = None,
) -> str:
    events = [e for _, evs in months for e in evs]
    return ctx.render(
        page,
        template,
        title=title,
        intro=intro,
        months=months,
        year=year,
        up="../" * depth,
        crumbs=crumbs,
        pager=pager or [],
        around=around or [],
        month_headings=month_headings,
        total=len(events),
        filters=_filter_choices(events, names),
    )


def _around(years: list[str], year: str) -> list[tuple[str, str]]:
    """Links to the year before and the year after that have events (`years` newest first)."""
    if year not in years:
        return []
    i = years.index(year)
    out = []
    if i + 1 < len(years):
        out.append((f"← {years[i + 1]}", f"{years[i + 1]}.md"))
    if i > 0:
        out.append((f"{years[i - 1]} →", f"{years[i - 1]}.md"))
    return out


def _height(e: Event) -> int:
    return event_height(e.event, e.briefing_title)


def _year_label(year: str) -> str:
    return "no year stated" if year == OTHER else year


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def pages(ctx: SiteContext) -> dict[str, str]:
    """The timeline's overview and its pages of events."""
    env = ctx.env
    events = build_events(ctx)
    events_template = env.get_template("timeline.md.j2")  # once: each lookup checks its file
    names = {a.slug: a.name for a in ctx.actors}
    years = by_year(events)
    out: dict[str, str] = {}
    summary: list[tuple[str, str, int, list[tuple[str, str, int]]]] = []
    dated_years = [y for y, _ in years if y != OTHER]
    for year, months in years:
        around = _around(dated_years, year)
        count = sum(len(evs) for _, evs in months)
        label = _year_label(year)
        briefings = len({e.briefing_id for _, evs in months for e in evs})
        intro = f"{_plural(count, 'event')} from {_plural(briefings, 'briefing')}, newest first."
        crumbs = [("Timeline", "index.md")]
        height = sum(_height(e) for _, evs in months for e in evs) + 70 * len(months)
        if count <= EVENTS_PER_PAGE and height <= EVENTS_HEIGHT:
            page = f"timeline/{year}.md"
            out[page] = _events_page(
                ctx,
                page,
                events_template,
                names,
                title=f"Timeline: {label}",
                intro=intro,
                months=months,
                year=year,
                depth=2,
                crumbs=crumbs,
                month_headings=year != OTHER,
                around=around,
            )
            summary.append((year, label, count, []))
            continue
        month_links = []
        for month, evs in months:
            base = month or WHOLE_YEAR
            chunks = packed(evs, _height, EVENTS_HEIGHT, EVENTS_PER_PAGE)
            names_of_parts = [part_name(base, i + 1) for i in range(len(chunks))]
            month_label = _month_label(year, month)
            for i, chunk in enumerate(chunks):
                pager = [(f"Part {j + 1}", f"{n}.md", j == i) for j, n in enumerate(names_of_parts)]
                heading = month_label if len(chunks) == 1 else f"{month_label}, part {i + 1}"
                page = f"timeline/{year}/{names_of_parts[i]}.md"
                out[page] = _events_page(
                    ctx,
                    page,
                    events_template,
                    names,
                    title=f"Timeline: {heading}",
                    intro=f"{_plural(len(evs), 'event')} of {month_label}, newest first."
                    + (f" Part {i + 1} of {len(chunks)}." if len(chunks) > 1 else ""),
                    months=[(month, chunk)],
                    year=year,
                    depth=3,
                    crumbs=[("Timeline", "../index.md"), (label, f"../{year}.md")],
                    pager=pager if len(chunks) > 1 else [],
                    month_headings=False,
                )
            month_links.append((month_label, f"{year}/{base}.md", len(evs)))
        out[f"timeline/{year}.md"] = ctx.render(
            f"timeline/{year}.md",
            env.get_template("timeline_months.md.j2"),
            year=label,
            intro=intro,
            months=month_links,
            around=around,
        )
        summary.append((year, label, count, month_links))
    total = len(events)
    most = max((n for _, _, n, _ in summary), default=0)
    dated = [s for s in summary if s[0] != OTHER]
    recent = [e for e in events if e.status != "planned" and year_of(e.date) != OTHER][
        :RECENT_COUNT
    ]
    out["timeline/index.md"] = ctx.render(
        "timeline/index.md",
        env.get_template("timeline_years.md.j2"),
        years=[
            {"year": y, "label": label, "count": n, "width": max(1, round(100 * n / most))}
            for y, label, n, _ in summary
        ],
        total=total,
        briefings=len({e.briefing_id for e in events}),
        first=dated[-1][1] if dated else "",
        last=dated[0][1] if dated else "",
        dated_years=len(dated),
        recent=recent,
    )
    return out


def _month_label(year: str, month: str) -> str:
    return human_date(f"{year}-{month}") if month else f"{_year_label(year)}, month not stated"
