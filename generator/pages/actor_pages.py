"""The actor pages and the actor index.

An actor page briefs on one actor: the period its briefings cover, how many there are each
year, the roles it held and when, its own events (the events of its briefings whose text
names it), the actors named with it, and its briefings. A long-lived actor gets a page per
year under actors/<slug>/, so that no page grows with the site. Countries and places are
listed in the places index (pages/places.py), not in the actor index; their pages stay here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..dates import sort_key
from .catalog import Actor, Mention, initial, name_key
from .context import SiteContext

#: Above this many actors the index is split: the most named plus a page per initial, so
#: that no page grows with the site (150 rows are about 11 screens on a phone).
ACTORS_ONE_PAGE = 150
ACTORS_TOP = 100
#: At most this many rows on one page of an index by initial (more go on further pages).
LETTER_PAGE = 250
#: Actor types the places index lists instead of the actor index.
PLACE_TYPES = ("country", "place")
#: Above this many briefings an actor's list is grouped by year.
GROUP_BY_YEAR = 12
#: Above this many briefings, or this many own events, an actor has a page per year and its
#: own page shows only the newest of each.
BRIEFINGS_ONE_PAGE = 60
EVENTS_ONE_PAGE = 40
NEWEST_BRIEFINGS = 10
NEWEST_EVENTS = 20
#: At most this many briefings on one year page (more go on further pages of the year), and
#: this many events.
YEAR_PAGE_BRIEFINGS = 60
YEAR_PAGE_EVENTS = 40
ROLES_SHOWN = 12
NAMES_SHOWN = 20
OTHER_YEAR = "other"


@dataclass
class OwnEvent:
    """An event of one of the actor's briefings whose text names the actor."""

    date: str
    event: str
    status: str
    briefing_id: str
    briefing_title: str

    @property
    def year(self) -> str:
        return year_of(self.date)


@dataclass
class Role:
    """One role an actor held, with the briefings that give it."""

    role: str
    first: str
    last: str
    count: int
    latest_id: str


@dataclass
class YearPage:
    """One page of an actor's year: its events (first page only) and a share of its briefings."""

    path: str
    year: str
    part: int
    parts: int
    events: list[OwnEvent]
    more_events: int
    briefings: list[Mention]


@dataclass
class ActorBrief:
    """What an actor page shows, computed from the records and the actor."""

    actor: Actor
    period: tuple[str, str] | None
    years: list[tuple[str, int, int]]
    """(year, briefings, bar width in percent), newest year first."""
    roles: list[Role]
    more_roles: int
    events: list[OwnEvent]
    """The actor's own events, newest first (all of them)."""
    split: bool
    year_pages: list[YearPage] = field(default_factory=list)

    @property
    def by_year(self) -> list[tuple[str, list[Mention]]]:
        out: dict[str, list[Mention]] = {}
        for m in self.actor.mentions:
            out.setdefault(year_of(m.date), []).append(m)
        return list(out.items())

    @property
    def names(self) -> list[str]:
        return [n for n in self.actor.names if n != self.actor.name][:NAMES_SHOWN]

    @property
    def more_names(self) -> int:
        return max(0, len(self.actor.names) - 1 - NAMES_SHOWN)

    def year_link(self, year: str) -> str:
        """Where a year's briefings are, relative to the actor page."""
        if self.split:
            return f"{self.actor.slug}/{year}.md"
        return f"#y{year}"


def year_of(date: str) -> str:
    start = sort_key(date)
    return start[:4] if re.match(r"^\d{4}", start) else OTHER_YEAR


def _plain(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")


def name_pattern(forms: list[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of the forms as whole words: "Iran" in "Iran's" and
    "Iran-backed" but not in "Iranian"; an all-capital form ("US") only in capitals, and any
    other form only where it starts with a capital as the form does ("Bush", not "bush").
    Forms of fewer than two letters or digits are left out."""
    alternatives = []
    # A form of fewer than two letters or digits ("A", ".") would be found in any text.
    usable = {_plain(f).strip() for f in forms if sum(ch.isalnum() for ch in f) >= 2}
    for form in sorted(usable, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in form.split())
        if form.isupper() or not form[:1].isalpha():
            alternatives.append(f"(?-i:{body})")
        elif form[:1].isupper():
            alternatives.append(f"(?-i:{re.escape(form[:1])})" + body[len(re.escape(form[:1])) :])
        else:
            alternatives.append(body)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 14)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    return name_pattern(list(forms))


def _record_forms(actor: Actor, rec: dict[str, Any]) -> list[str]:
    """The forms a record uses for the actor: its names, the aliases the record gives it, and
    for a person the surname alone when no other actor of the record bears it."""
    keys = {name_key(n) for n in actor.names}
    forms = list(actor.names)
    others: list[str] = []
    for entry in rec.get("actors", []):
        name = str(entry.get("name") or "")
        if name_key(name) in keys:
            forms += [name] + [str(a) for a in entry.get("aliases") or [] if a]
        else:
            others.append(name)
    if actor.type == "person":
        taken = {name_key(w) for o in others for w in o.split()}
        for name in list(forms):
            words = name.split()
            last = words[-1] if len(words) > 1 else ""
            if len(last) > 2 and last[:1].isupper() and name_key(last) not in taken:
                forms.append(last)
    return forms


def own_events(actor: Actor, records: dict[str, dict[str, Any]]) -> list[OwnEvent]:
    """The events of the actor's briefings whose text names it, newest first; an event told
    alike by several briefings (copies of one story) once, from the newest."""
    found: list[OwnEvent] = []
    seen: set[tuple[str, str]] = set()
    for m in actor.mentions:
        rec = records.get(m.briefing_id)
        if rec is None:
            continue
        events = rec.get("timeline") or []
        texts = [_plain(str(e.get("event") or "")) for e in events]
        folded = " ".join(texts).casefold()
        # Only the forms whose first word occurs at all make the pattern (most actors of a
        # briefing are named in none of its events), and equal sets of forms share one.
        forms = {f for f in _record_forms(actor, rec) if f.split()}
        pattern = _pattern(tuple(sorted(f for f in forms if f.split()[0].casefold() in folded)))
        if pattern is None:
            continue
        for e, plain in zip(events, texts, strict=True):
            text = str(e.get("event") or "")
            date = str(e.get("date") or "")
            if not pattern.search(plain):
                continue
            key = (sort_key(date), name_key(text))
            if key in seen:
                continue
            seen.add(key)
            found.append(OwnEvent(date, text, str(e.get("status") or ""), m.briefing_id, m.title))
    found.sort(key=lambda e: (sort_key(e.date), e.briefing_id, e.event), reverse=True)
    return found


def roles_over_time(actor: Actor) -> list[Role]:
    """Each role the actor held (forms that differ only in case or punctuation are one), with
    the first and last date and the count of its briefings; the latest held first."""
    groups: dict[str, list[Mention]] = {}
    for m in actor.mentions:
        if m.role.strip():
            groups.setdefault(name_key(m.role) or m.role, []).append(m)
    roles = []
    for items in groups.values():
        ordered = sorted(items, key=lambda m: (sort_key(m.date), m.briefing_id))
        form = Counter(m.role for m in ordered).most_common(1)[0][0]
        roles.append(
            Role(form, ordered[0].date, ordered[-1].date, len(ordered), ordered[-1].briefing_id)
        )
    roles.sort(key=lambda r: (sort_key(r.last), sort_key(r.first), r.role), reverse=True)
    return roles


def _period(mentions: list[Mention]) -> tuple[str, str] | None:
    dated = sorted((m for m in mentions if sort_key(m.date)), key=lambda m: sort_key(m.date))
    return (dated[0].date, dated[-1].date) if dated else None


def _years(mentions: list[Mention]) -> list[tuple[str, int, int]]:
    counts = Counter(year_of(m.date) for m in mentions)
    top = max(counts.values(), default=1)
    order = sorted(counts, key=lambda y: (y != OTHER_YEAR, y), reverse=True)
    return [(y, counts[y], max(2, round(100 * counts[y] / top))) for y in order]


def _year_pages(brief: ActorBrief) -> list[YearPage]:
    slug = brief.actor.slug
    briefings = dict(brief.by_year)
    events: dict[str, list[OwnEvent]] = {}
    for e in brief.events:
        events.setdefault(e.year, []).append(e)
    pages = []
    for year in sorted(set(briefings) | set(events), reverse=True):
        items = briefings.get(year, [])
        chunks = [
            items[i : i + YEAR_PAGE_BRIEFINGS] for i in range(0, len(items), YEAR_PAGE_BRIEFINGS)
        ] or [[]]
        year_events = events.get(year, [])
        for part, chunk in enumerate(chunks, 1):
            path = f"actors/{slug}/{year}.md" if part == 1 else f"actors/{slug}/{year}-{part}.md"
            shown = year_events[:YEAR_PAGE_EVENTS] if part == 1 else []
            more = len(year_events) - len(shown) if part == 1 else 0
            pages.append(YearPage(path, year, part, len(chunks), shown, more, chunk))
    return pages


def brief(actor: Actor, records: dict[str, dict[str, Any]]) -> ActorBrief:
    """Everything an actor's page shows."""
    events = own_events(actor, records)
    roles = roles_over_time(actor)
    split = len(actor.mentions) > BRIEFINGS_ONE_PAGE or len(events) > EVENTS_ONE_PAGE
    out = ActorBrief(
        actor,
        _period(actor.mentions),
        _years(actor.mentions),
        roles[:ROLES_SHOWN],
        max(0, len(roles) - ROLES_SHOWN),
        events,
        split,
    )
    if split:
        out.year_pages = _year_pages(out)
    return out


def is_place(actor: Actor) -> bool:
    return actor.type in PLACE_TYPES


def pages(ctx: SiteContext) -> dict[str, str]:
    out = _index_pages(ctx)
    records = {str(r["id"]): r for r in ctx.records}
    template = ctx.env.get_template("actor.md.j2")
    year_template = ctx.env.get_template("actor_year.md.j2")
    for actor in ctx.actors:
        b = brief(actor, records)
        out[f"actors/{actor.slug}.md"] = template.render(
            a=actor,
            b=b,
            group=len(actor.mentions) > GROUP_BY_YEAR,
            newest_briefings=NEWEST_BRIEFINGS,
            newest_events=NEWEST_EVENTS,
            place=is_place(actor),
        )
        for page in b.year_pages:
            siblings = [p for p in b.year_pages if p.year == page.year]
            out[page.path] = year_template.render(
                a=actor, b=b, p=page, siblings=siblings, place=is_place(actor)
            )
    return out


def _index_pages(ctx: SiteContext) -> dict[str, str]:
    """The actor index (places aside): one page, or the most named plus a page per initial."""
    env = ctx.env
    actors = [a for a in ctx.actors if not is_place(a)]
    places = len(ctx.actors) - len(actors)
    index = env.get_template("actors.md.j2")
    if len(actors) <= ACTORS_ONE_PAGE:
        return {
            "actors/index.md": index.render(
                actors=actors, letters=[], total=len(actors), places=places
            )
        }
    by_letter = by_initial(actors, lambda a: a.name)
    letters = [(letter, len(group)) for letter, group in sorted(by_letter.items())]
    out = {
        "actors/index.md": index.render(
            actors=actors[:ACTORS_TOP], letters=letters, total=len(actors), places=places
        )
    }
    out.update(letter_pages(env.get_template("actors_letter.md.j2"), "actors", by_letter, "actors"))
    return out


def by_initial(items: list[Any], name_of: Callable[[Any], str]) -> dict[str, list[Any]]:
    """Entries by the initial their name is filed under, each letter's in name order."""
    out: dict[str, list[Any]] = {}
    for item in sorted(items, key=lambda x: name_key(name_of(x))):
        out.setdefault(initial(name_of(item)), []).append(item)
    return out


def letter_pages(
    template: Any, folder: str, by_letter: dict[str, list[Any]], field: str
) -> dict[str, str]:
    """The pages of an index by initial, `<folder>/by-letter/<stem>.md`, a letter's entries in
    pages of at most LETTER_PAGE (`letter_parts`); the template gets them as `field`."""
    out = {}
    for letter, group in by_letter.items():
        parts = letter_parts(letter, group)
        for part, (stem, chunk) in enumerate(parts, 1):
            out[f"{folder}/by-letter/{stem}.md"] = template.render(
                letter=letter, part=part, parts=[s for s, _ in parts], **{field: chunk}
            )
    return out


def letter_parts(letter: str, items: list[Any], size: int | None = None) -> list[tuple[str, Any]]:
    """A letter's entries in pages of at most `size` (LETTER_PAGE): (page stem, entries) with
    stems 'a', 'a-2', 'a-3'..."""
    size = size or LETTER_PAGE
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    return [(letter if n == 0 else f"{letter}-{n + 1}", c) for n, c in enumerate(chunks)]
