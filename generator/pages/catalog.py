"""Site-wide catalogues built from all records: actors, sources and the timeline.

Actors are resolved to entities across briefings (`generator.entities`: name variants,
aliases, surnames and the reviewed registry `briefings/entities.yaml`); sources are merged by
a name key that ignores case, accents, punctuation and a leading "the".
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from slugify import slugify

from ..dates import sort_key
from ..entities import Registry, resolve
from ..entities import key as entity_key

#: How many of a briefing's first actors count as named together with each other.
COMPANION_WINDOW = 25
#: Page names under actors/ that no actor may take.
RESERVED_SLUGS = ("index", "by-letter")
#: An actor named in fewer briefings than this has no page of its own (its briefing says all
#: a page would), unless the entity registry lists it; countries and places alike.
PAGE_MIN_BRIEFINGS = 2


def initial(name: str) -> str:
    """The letter an index files a name under: a-z, or '0' for anything else."""
    key = name_key(name)
    first = key[:1]
    return first if "a" <= first <= "z" else "0"


def name_key(name: str) -> str:
    """A key equal for names that differ only in form (the extraction lexicon's key); each
    name is keyed several times per render, so keys are remembered (`entities.key`)."""
    return entity_key(name)


def _unique_slug(name: str, taken: set[str], fallback: str) -> str:
    base = slugify(name) or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _most_common(counter: Counter[str]) -> str:
    """The most used plain form (no invisible characters, one script; see `lookalike`); on a
    tie, one without a leading "the", then the fullest."""
    return sorted(
        counter.items(),
        key=lambda kv: (
            lookalike(kv[0]) is not None,
            -kv[1],
            kv[0].casefold().startswith("the "),
            -len(kv[0]),
            kv[0],
        ),
    )[0][0]


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if ch.isalpha() and name else ""


@functools.lru_cache(maxsize=1 << 16)
def lookalike(name: str) -> str | None:
    """Why a name may pass for another that it is not: invisible format characters (zero-width,
    soft hyphen, bidi controls), or letters of two scripts mixed in one word (a Cyrillic о in
    a Latin name). None for a plain name."""
    if name.isascii():  # no format character; letters of one script (Latin)
        return None
    hidden = [ch for ch in name if unicodedata.category(ch) == "Cf"]
    if hidden:
        return f"holds the invisible character U+{ord(hidden[0]):04X}"
    for word in name.split():
        scripts = {s for s in map(_script, word) if s}
        if len(scripts) > 1:
            return f"mixes {' and '.join(s.title() for s in sorted(scripts))} letters in '{word}'"
    return None


@dataclass
class Mention:
    """One briefing's mention of an actor or a source."""

    briefing_id: str
    title: str
    date: str
    role: str = ""
    row: int = 0
    """An actor's place in the briefing's list of actors (0 for the first; its row's anchor)."""


@dataclass
class Actor:
    slug: str
    name: str
    type: str
    names: list[str]
    mentions: list[Mention]
    roles: list[tuple[str, str]] = field(default_factory=list)
    """(role, briefing id), distinct roles in order of the newest briefing first."""
    companions: list[tuple[Actor, int]] = field(default_factory=list)
    link_keys: list[str] = field(default_factory=list)
    """The name keys that lead to this actor's page (its names, and aliases only it has)."""
    links_in: dict[str, list[str]] = field(default_factory=dict)
    """briefing id → name keys that lead here in that briefing only (see `actor_links`)."""
    page: bool = True
    """Whether it has a page of its own (`worth_a_page`); else names lead to its briefing."""


def worth_a_page(actor: Actor, registered: bool = False) -> bool:
    """An actor has a page of its own when it is named in `PAGE_MIN_BRIEFINGS` briefings or
    more, or when a person listed it in the entity registry; countries and places too. An
    actor named once is listed in the actor index (a place in the places index and on its
    map) and in search, and leads to its row in the briefing that names it."""
    return registered or len({m.briefing_id for m in actor.mentions}) >= PAGE_MIN_BRIEFINGS


def _newest(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (sort_key(m.date), m.briefing_id), reverse=True)


def build_actors(
    records: list[dict[str, Any]], companions: int = 8, registry: Registry | None = None
) -> list[Actor]:
    """The entities the actors of all records are (`generator.entities.resolve`: name
    variants, aliases, surnames and the registry), one Actor each, most-mentioned first."""
    resolution = resolve(records, registry)
    taken: set[str] = set(RESERVED_SLUGS)
    actors: list[Actor] = []
    for entity in resolution.entities:
        mentions = _newest(
            [
                Mention(
                    str(records[r]["id"]),
                    str(records[r]["title"]),
                    str(records[r]["date"]),
                    str(records[r]["actors"][i].get("role") or ""),
                    i,
                )
                for r, i in entity.mentions
            ]
        )
        actor = Actor(
            _unique_slug(entity.name, taken, "actor"),
            entity.name,
            entity.type,
            entity.names,
            mentions,
            link_keys=entity.keys,
        )
        listed = registry.entity(entity.name) if registry else None
        actor.page = worth_a_page(actor, listed is not None and listed.name == entity.name)
        roles_seen: set[str] = set()
        for m in mentions:
            if m.role and m.role not in roles_seen:
                roles_seen.add(m.role)
                actor.roles.append((m.role, m.briefing_id))
        actors.append(actor)
    for r, keys in resolution.overrides.items():
        rid = str(records[r]["id"])
        for k, e in keys.items():
            actors[e].links_in.setdefault(rid, []).append(k)
    together: list[Counter[int]] = [Counter() for _ in actors]
    for r, rec in enumerate(records):
        # The most central actors of each briefing (a record lists them first) count as
        # named together: a bounded share of each record, so the work grows with the site,
        # not with the square of one record's list.
        window = range(min(len(rec.get("actors") or []), COMPANION_WINDOW))
        ids = sorted({x for i in window if (x := resolution.of.get((r, i))) is not None})
        for e in ids:
            together[e].update(o for o in ids if o != e)
    for e, actor in enumerate(actors):
        ranked = sorted(together[e].items(), key=lambda kv: (-kv[1], actors[kv[0]].name))
        actor.companions = [(actors[o], n) for o, n in ranked[:companions]]
    return actors


def actor_links(actors: list[Actor]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Where each actor name leads: {name key: slug} for the whole site, and {briefing id:
    {name key: slug}} where a briefing's name means another entity (a surname resolved in
    that briefing)."""
    site = {k: a.slug for a in actors for k in a.link_keys}
    for a in actors:  # names no key leads to yet (never when built by build_actors)
        for n in a.names:
            site.setdefault(name_key(n), a.slug)
    per: dict[str, dict[str, str]] = defaultdict(dict)
    for a in actors:
        for rid, keys in a.links_in.items():
            for k in keys:
                per[rid][k] = a.slug
    return site, dict(per)
