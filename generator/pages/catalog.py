"""Site-wide catalogues built from all records: actors, sources and the timeline.

Actors and sources are merged across briefings by a name key that ignores case, accents,
punctuation and a leading "the", so names that differ only in form are one entry.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from slugify import slugify

from ..dates import sort_key
from ..extract.lexicon import name_key as lexicon_name_key

#: How many of a briefing's first actors count as named together with each other.
COMPANION_WINDOW = 25
#: Page names under actors/ that no actor may take.
RESERVED_SLUGS = ("index", "by-letter")


def initial(name: str) -> str:
    """The letter an index files a name under: a-z, or '0' for anything else."""
    key = name_key(name)
    first = key[:1]
    return first if "a" <= first <= "z" else "0"


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A key equal for names that differ only in form (the extraction lexicon's key); each
    name is keyed several times per render, so keys are remembered."""
    return lexicon_name_key(name)


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


def lookalike(name: str) -> str | None:
    """Why a name may pass for another that it is not: invisible format characters (zero-width,
    soft hyphen, bidi controls), or letters of two scripts mixed in one word (a Cyrillic о in
    a Latin name). None for a plain name."""
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


def _newest(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (sort_key(m.date), m.briefing_id), reverse=True)


def build_actors(records: list[dict[str, Any]], companions: int = 8) -> list[Actor]:
    """Merge the actors of all records. Returned most-mentioned first."""
    groups: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for rec in records:
        seen: set[str] = set()
        for actor in rec.get("actors", []):
            key = name_key(str(actor["name"]))
            if key and key not in seen:
                seen.add(key)
                groups[key].append((rec, actor))
    taken: set[str] = set(RESERVED_SLUGS)
    by_key: dict[str, Actor] = {}
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        items = groups[key]
        names = Counter(str(a["name"]) for _, a in items)
        types = Counter(str(a["type"]) for _, a in items)
        mentions = _newest(
            [
                Mention(str(r["id"]), str(r["title"]), str(r["date"]), str(a.get("role") or ""))
                for r, a in items
            ]
        )
        name = _most_common(names)
        actor = Actor(
            _unique_slug(name, taken, "actor"), name, _most_common(types), sorted(names), mentions
        )
        roles_seen: set[str] = set()
        for m in mentions:
            if m.role and m.role not in roles_seen:
                roles_seen.add(m.role)
                actor.roles.append((m.role, m.briefing_id))
        by_key[key] = actor
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        # The most central actors of each briefing (a record lists them first) count as
        # named together: a bounded share of each record, so the work grows with the site,
        # not with the square of one record's list.
        first = [name_key(str(a["name"])) for a in rec.get("actors", [])[:COMPANION_WINDOW]]
        keys = sorted(set(first) - {""})
        for k in keys:
            together[k].update(o for o in keys if o != k)
    for key, actor in by_key.items():
        ranked = sorted(together[key].items(), key=lambda kv: (-kv[1], by_key[kv[0]].name))
        actor.companions = [(by_key[k], n) for k, n in ranked[:companions]]
    return list(by_key.values())
