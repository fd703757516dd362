"""The actor pages and the actor index.

An actor page briefs on one actor: the period its briefings cover, how many there are each
year, the roles it held and when, its own events (the events of its briefings whose text
names it), the actors named with it, and its briefings. A long-lived actor gets a page per
year under actors/<slug>/, so that no page grows with the site. Countries and places are
listed in the places index (pages/places.py), not in the actor index; their pages stay here.

Only an actor worth a page has one (`catalog.worth_a_page`: named in two briefings or more,
listed in the entity registry, or a place): most actors of real news are named once, and their
page would repeat their briefing. The others are listed in the index like every actor, and
their names lead to their row in the briefing that names them (`actor_href`, `actor_url`).

The actors' own events are found in one pass over the records: each record's event words
are indexed once (`_RecordText`), each name form's pattern is compiled once, and a form is
searched for only in the events that hold its first word.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from ..dates import sort_key
from .catalog import Actor, Mention, initial, name_key
from .context import SiteContext
from .escape import path_part

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


#: A word as patterns see it (`name_pattern` bounds a form by \\w).
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Form:
    """A name form as `name_pattern` reads it: its first word case folded (only an event that
    holds it can name the form) and, for a form of plain ASCII words, the words and how their
    case must match, so that no pattern need be compiled for it."""

    form: str
    first: str
    words: tuple[str, ...] | None
    """The form's words when each is ASCII letters and digits only, else None."""
    case: str
    """"exact" (all capitals, or not starting with a letter), "initial" (its capital initial
    must match) or "any"."""


_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")


@functools.lru_cache(maxsize=1 << 16)
def _form(form: str) -> _Form | None:
    """What matching a form needs (None for a form `name_pattern` leaves out: fewer than two
    letters or digits)."""
    if sum(ch.isalnum() for ch in form) < 2:
        return None
    plain = _plain(form).strip()
    first = _WORD.findall(plain.casefold())
    if not first:
        return None
    words = tuple(plain.split())
    simple = all(_ASCII_WORD.fullmatch(w) for w in words)
    if plain.isupper() or not plain[:1].isalpha():
        case = "exact"
    elif plain[:1].isupper():
        case = "initial"
    else:
        case = "any"
    return _Form(form, first[0], words if simple else None, case)


@functools.lru_cache(maxsize=1 << 16)
def _form_pattern(form: str) -> re.Pattern[str] | None:
    """A form's pattern, compiled once per render, and only for a form that is not plain
    ASCII words or for a text that is not plain ASCII where it may be named."""
    return name_pattern([form])


def _same(token: str, word: str, case: str) -> bool:
    """Whether a text's ASCII word is a form's word, as the form's pattern would find it."""
    if case == "exact":
        return token == word
    if case == "initial" and token[:1] != word[:1]:
        return False
    return token.lower() == word.lower()


def _surname(name: str) -> str | None:
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    return last if len(last) > 2 and last[:1].isupper() else None


class _RecordText:
    """What `own_events` needs of one record, worked out once for all the actors it names:
    its events' texts and words, where each word is, and its actors by name key."""

    def __init__(self, rec: dict[str, Any]) -> None:
        self.events: list[dict[str, Any]] = list(rec.get("timeline") or [])
        self.plain = [_plain(str(e.get("event") or "")) for e in self.events]
        self.tokens: list[list[tuple[int, int]]] = []
        """each event's words: (start, end) in its plain text"""
        self.where: dict[str, list[tuple[int, int]]] = {}
        """a word, case folded → (event, word) wherever it is"""
        for n, text in enumerate(self.plain):
            spans = [m.span() for m in _WORD.finditer(text)]
            self.tokens.append(spans)
            for j, (start, end) in enumerate(spans):
                self.where.setdefault(text[start:end].casefold(), []).append((n, j))
        self.forms: dict[str, list[str]] = {}
        """name key → the names and aliases of the record's actors of that key"""
        self.entry_words: dict[str, list[set[str]]] = {}
        """name key → the word keys of each of the record's actor names of that key"""
        self.words: Counter[str] = Counter()
        """word key → how many of the record's actor names hold it"""
        for entry in rec.get("actors", []):
            name = str(entry.get("name") or "")
            k = name_key(name)
            self.forms.setdefault(k, []).extend(
                [name] + [str(a) for a in entry.get("aliases") or [] if a]
            )
            words = {name_key(w) for w in name.split()}
            self.entry_words.setdefault(k, []).append(words)
            self.words.update(words)

    def _names_at(self, form: _Form, n: int, j: int) -> bool | None:
        """Whether the form's plain words are event n's words from its j-th on, separated by
        white space only; None where a word of the text is not plain ASCII (the form's
        pattern decides)."""
        assert form.words is not None
        spans, text = self.tokens[n], self.plain[n]
        if j + len(form.words) > len(spans):
            return False
        for i, word in enumerate(form.words):
            start, end = spans[j + i]
            if i and not text[spans[j + i - 1][1] : start].isspace():
                return False
            token = text[start:end]
            if not token.isascii():
                return None
            if not _same(token, word, form.case if i == 0 else "any"):
                return False
        return True

    def naming(self, forms: list[str]) -> list[int]:
        """The events whose text names one of the forms, in record order. Only the places
        where a form's first word is are looked at: a form of plain words is compared word by
        word, any other searched for with its own pattern."""
        found: set[int] = set()
        for name in dict.fromkeys(forms):
            form = _form(name)
            places = self.where.get(form.first, ()) if form else ()
            for n, j in places:
                if n in found or form is None:
                    continue
                named = self._names_at(form, n, j) if form.words is not None else None
                if named is None:
                    pattern = _form_pattern(name)
                    named = pattern is not None and bool(pattern.search(self.plain[n]))
                if named:
                    found.add(n)
        return sorted(found)

    def forms_of(self, actor: Actor, keys: set[str]) -> list[str]:
        """The forms the record uses for the actor: its names, the aliases the record gives
        it, and for a person the surname alone when no other actor of the record bears it."""
        mine = (
            [k for k in self.forms if k in keys]
            if len(self.forms) < len(keys)
            else [k for k in keys if k in self.forms]
        )
        forms = list(actor.names)
        for k in mine:
            forms += self.forms[k]
        if actor.type == "person":
            own: Counter[str] = Counter()
            for k in mine:
                for words in self.entry_words[k]:
                    own.update(words)
            for name in list(forms):
                last = _surname(name)
                if last and self.words[name_key(last)] <= own[name_key(last)]:
                    forms.append(last)
        return forms


def own_events(
    actor: Actor,
    records: dict[str, dict[str, Any]],
    texts: dict[str, _RecordText] | None = None,
) -> list[OwnEvent]:
    """The events of the actor's briefings whose text names it, newest first; an event told
    alike by several briefings (copies of one story) once, from the newest. `texts` keeps
    each record's `_RecordText` for the next actor."""
    texts = {} if texts is None else texts
    keys = {name_key(n) for n in actor.names}
    found: list[OwnEvent] = []
    # Events kept, by date: texts not keyed yet, and name keys. A text is keyed (which costs)
    # only when another event of its date comes.
    told: dict[str, tuple[list[str], set[str]]] = {}
    for m in actor.mentions:
        rec = records.get(m.briefing_id)
        if rec is None:
            continue
        text = texts.get(m.briefing_id)
        if text is None:
            text = texts[m.briefing_id] = _RecordText(rec)
        if not text.events:
            continue
        for n in text.naming(text.forms_of(actor, keys)):
            e = text.events[n]
            event = str(e.get("event") or "")
            date = str(e.get("date") or "")
            day = told.get(sort_key(date))
            if day is None:
                told[sort_key(date)] = ([event], set())
            else:
                pending, keyed = day
                keyed.update(name_key(t) for t in pending)
                pending.clear()
                if name_key(event) in keyed:
                    continue
                keyed.add(name_key(event))
            found.append(OwnEvent(date, event, str(e.get("status") or ""), m.briefing_id, m.title))
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


def brief(
    actor: Actor,
    records: dict[str, dict[str, Any]],
    texts: dict[str, _RecordText] | None = None,
    events: list[OwnEvent] | None = None,
) -> ActorBrief:
    """Everything an actor's page shows (`texts`: see `own_events`; `events`: the actor's own
    events where already known)."""
    if events is None:
        events = own_events(actor, records, texts)
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


def actor_href(actor: Actor, to_actors: str = "", to_root: str = "../") -> Markup:
    """The link to an actor from a page whose folder reaches actors/ by `to_actors` and the
    site's root by `to_root`: its page, or for an actor without a page of its own
    (`catalog.worth_a_page`) its row in the newest briefing that names it."""
    if actor.page or not actor.mentions:
        return Markup(f"{to_actors}{path_part(actor.slug)}.md")
    m = actor.mentions[0]
    return Markup(f"{to_root}briefings/{path_part(m.briefing_id)}.md#actor-{m.row + 1}")


def actor_url(actor: Actor) -> str:
    """Where an actor is on the built site, from its root (search results): its page, or its
    row in the briefing that names it (see `actor_href`)."""
    if actor.page or not actor.mentions:
        return f"actors/{actor.slug}/"
    m = actor.mentions[0]
    return f"briefings/{m.briefing_id}/#actor-{m.row + 1}"


def page_view(actor: Actor) -> Actor:
    """The actor as its page shows it: each companion only as far as its name and link go
    (`actor_href`), so that the page's values (`SiteContext.render`) hold what the page shows
    and not every actor reachable through companions."""
    companions = [
        (
            replace(
                other,
                names=[],
                mentions=other.mentions[:1],
                roles=[],
                companions=[],
                link_keys=[],
                links_in={},
            ),
            n,
        )
        for other, n in actor.companions
    ]
    return replace(actor, companions=companions)


def _text_digest(rec: dict[str, Any]) -> bytes:
    """The fingerprint of all that `own_events` reads of a record: its events and actors."""
    data = pickle.dumps((rec.get("timeline"), rec.get("actors")), protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(data).digest()


def cached_own_events(
    ctx: SiteContext,
    actor: Actor,
    records: dict[str, dict[str, Any]],
    texts: dict[str, _RecordText],
    digests: dict[str, bytes],
) -> list[OwnEvent]:
    """`own_events`, taken from the render cache when the actor's names and type, its
    briefings and their events and actors are those the last render found them from."""
    if ctx.cache is None:
        return own_events(actor, records, texts)
    h = hashlib.sha256(b"own-events\0")
    h.update(pickle.dumps((actor.names, actor.type), protocol=pickle.HIGHEST_PROTOCOL))
    for m in actor.mentions:
        rec = records.get(m.briefing_id)
        digest = digests.get(m.briefing_id)
        if digest is None and rec is not None:
            digest = digests[m.briefing_id] = _text_digest(rec)
        h.update(pickle.dumps((m.briefing_id, m.title), protocol=pickle.HIGHEST_PROTOCOL))
        h.update(digest or b"-")
    key = h.hexdigest()
    known = ctx.cache.derived_value(key)
    if isinstance(known, list):
        # The briefing's id and title are the mention's own (as `own_events` gives them), so
        # that the page's values are keyed alike either way.
        mentions = {m.briefing_id: m for m in actor.mentions}
        with contextlib.suppress(TypeError, ValueError, KeyError):
            return [
                OwnEvent(
                    str(date),
                    str(event),
                    str(status),
                    mentions[str(bid)].briefing_id,
                    mentions[str(bid)].title,
                )
                for date, event, status, bid, _title in known
            ]
    events = own_events(actor, records, texts)
    ctx.cache.keep_derived(
        key, [[e.date, e.event, e.status, e.briefing_id, e.briefing_title] for e in events]
    )
    return events


def pages(ctx: SiteContext) -> dict[str, str]:
    out = _index_pages(ctx)
    records = {str(r["id"]): r for r in ctx.records}
    texts: dict[str, _RecordText] = {}
    digests: dict[str, bytes] = {}
    template = ctx.env.get_template("actor.md.j2")
    year_template = ctx.env.get_template("actor_year.md.j2")
    for full in ctx.actors:
        if not full.page:
            continue
        actor = page_view(full)
        b = brief(actor, records, texts, cached_own_events(ctx, actor, records, texts, digests))
        path = f"actors/{actor.slug}.md"
        out[path] = ctx.render(
            path,
            template,
            a=actor,
            b=b,
            href=actor_href,
            group=len(actor.mentions) > GROUP_BY_YEAR,
            newest_briefings=NEWEST_BRIEFINGS,
            newest_events=NEWEST_EVENTS,
            place=is_place(actor),
        )
        for page in b.year_pages:
            siblings = [p for p in b.year_pages if p.year == page.year]
            out[page.path] = ctx.render(
                page.path,
                year_template,
                a=actor,
                b=b,
                p=page,
                siblings=siblings,
                place=is_place(actor),
            )
    return out


def _index_pages(ctx: SiteContext) -> dict[str, str]:
    """The actor index (places aside): one page, or the most named plus a page per initial."""
    env = ctx.env
    actors = [a for a in ctx.actors if not is_place(a)]
    places = len(ctx.actors) - len(actors)
    singles = sum(1 for a in actors if not a.page)
    index = env.get_template("actors.md.j2")
    if len(actors) <= ACTORS_ONE_PAGE:
        return {
            "actors/index.md": index.render(
                actors=actors,
                letters=[],
                total=len(actors),
                places=places,
                singles=singles,
                href=actor_href,
            )
        }
    by_letter = by_initial(actors, lambda a: a.name)
    letters = [(letter, len(group)) for letter, group in sorted(by_letter.items())]
    out = {
        "actors/index.md": index.render(
            actors=actors[:ACTORS_TOP],
            letters=letters,
            total=len(actors),
            places=places,
            singles=singles,
            href=actor_href,
        )
    }
    letter = env.get_template("actors_letter.md.j2")
    out.update(letter_pages(letter, "actors", by_letter, "actors", href=actor_href))
    return out


def by_initial(items: list[Any], name_of: Callable[[Any], str]) -> dict[str, list[Any]]:
    """Entries by the initial their name is filed under, each letter's in name order."""
    out: dict[str, list[Any]] = {}
    for item in sorted(items, key=lambda x: name_key(name_of(x))):
        out.setdefault(initial(name_of(item)), []).append(item)
    return out


def letter_pages(
    template: Any, folder: str, by_letter: dict[str, list[Any]], field: str, **extra: Any
) -> dict[str, str]:
    """The pages of an index by initial, `<folder>/by-letter/<stem>.md`, a letter's entries in
    pages of at most LETTER_PAGE (`letter_parts`); the template gets them as `field`, and
    `extra` as they are."""
    out = {}
    for letter, group in by_letter.items():
        parts = letter_parts(letter, group)
        for part, (stem, chunk) in enumerate(parts, 1):
            out[f"{folder}/by-letter/{stem}.md"] = template.render(
                letter=letter, part=part, parts=[s for s, _ in parts], **{field: chunk}, **extra
            )
    return out


def letter_parts(letter: str, items: list[Any], size: int | None = None) -> list[tuple[str, Any]]:
    """A letter's entries in pages of at most `size` (LETTER_PAGE): (page stem, entries) with
    stems 'a', 'a-2', 'a-3'..."""
    size = size or LETTER_PAGE
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    return [(letter if n == 0 else f"{letter}-{n + 1}", c) for n, c in enumerate(chunks)]
