"""Related briefings: for each briefing, the others that share its entities and its period,
and the copies of the same story.

Score of briefing b for briefing a: the sum, over the entities they share, of the entity's
rarity (IDF, log(N / briefings naming it): a country named in half the briefings counts
little, a person named in two counts much), times a decay with the distance between their
dates (halved every `HALF_LIFE_DAYS`; an undated briefing counts half). Ties go to the nearer
date, then to the id, so the lists never depend on the order records are read in.

Two briefings are copies of one story if their outlets' links give the same URL (the
original's, read without scheme, "www.", query or trailing slash), or if their summaries
(word 3-shingles) or titles (word 2-shingles) are near-identical by Jaccard similarity. The
thresholds: on the project's corpus (the 64 real and synthetic articles of tests/sitebuild's
add_corpus, 2,016 pairs of different stories, drafted by the extractor) no pair of different
stories reaches 0.03 on summaries or 0.16 on titles; republished copies of nine of those
articles (share prompts under the headline, another URL, a republisher's credit line at the
end), drafted from their own seeds, keep the title and the summary of their original (1.0 on
both, all nine). `COPY_SUMMARY` 0.5 and `COPY_TITLE` 0.6 lie well between, leaving room for a
copy cut or retitled by its republisher.

Linear in the site's size: candidates come from an inverted index entity → briefings; for an
entity named in more than `POSTINGS_CAP` briefings only the `POSTINGS_CAP` nearest in time are
looked at, and only a briefing's first `ENTITIES_PER_BRIEFING` actors (the most central) count.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
import re
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .catalog import name_key

RELATED_MAX = 5
HALF_LIFE_DAYS = 180.0
POSTINGS_CAP = 40
ENTITIES_PER_BRIEFING = 15
COPY_SUMMARY = 0.5
COPY_TITLE = 0.6
#: Titles shorter than this many words are never compared (two "Update" pages are no copies).
TITLE_MIN_WORDS = 4
SHARED_SHOWN = 3


@dataclass(frozen=True)
class Related:
    briefing_id: str
    title: str
    date: str
    copy: bool
    shared: tuple[str, ...]
    """The entities both name (as this briefing writes them), rarest first."""
    score: float

    def key(self) -> list[Any]:
        """What the related briefing's entry on a page shows (keys the page cache)."""
        return [self.briefing_id, self.title, self.date, self.copy, list(self.shared)]


def _day(date: str) -> int | None:
    """The day a date string starts on (a month or year: its middle), or None."""
    start = str(date).split("/")[0].rstrip("~?%")
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", start)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 7, 1).toordinal()
        if day is None:
            return dt.date(year, int(month), 15).toordinal()
        return dt.date(year, int(month), int(day)).toordinal()
    except ValueError:
        return None


def _decay(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 0.5
    return float(0.5 ** (abs(a - b) / HALF_LIFE_DAYS))


def canonical_url(url: Any) -> str:
    """A URL as two copies of one story would both give it: no scheme, "www.", query,
    fragment or trailing slash; host in lower case."""
    try:
        parts = urllib.parse.urlsplit(str(url).strip())
    except ValueError:
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    if not host or parts.scheme.lower() not in ("http", "https"):
        return ""
    return host + parts.path.rstrip("/")


_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> frozenset[str]:
    """The runs of `size` words of a text (as strings: their hashes are kept, so that sets of
    them intersect fast)."""
    words = _WORD.findall(str(text).casefold())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


class _Texts:
    """Shingles of each record, made when first compared."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.summary: dict[int, frozenset[str]] = {}
        self.title: dict[int, frozenset[str]] = {}
        self.pairs: dict[tuple[int, int], bool] = {}

    def copies(self, i: int, j: int) -> bool:
        """Whether two records are near-identical (each pair compared once)."""
        pair = (i, j) if i < j else (j, i)
        if pair not in self.pairs:
            self.pairs[pair] = self._compare(i, j)
        return self.pairs[pair]

    def _compare(self, i: int, j: int) -> bool:
        for cache, field, size, least in (
            (self.summary, "summary", 3, COPY_SUMMARY),
            (self.title, "title", 2, COPY_TITLE),
        ):
            for k in (i, j):
                if k not in cache:
                    text = str(self.records[k].get(field, ""))
                    short = field == "title" and len(_WORD.findall(text)) < TITLE_MIN_WORDS
                    cache[k] = frozenset() if short else shingles(text, size)
            a, b = cache[i], cache[j]
            # Jaccard is at most the smaller set's share of the larger: skip what cannot reach
            near = a and b and min(len(a), len(b)) >= least * max(len(a), len(b))
            if near and jaccard(a, b) >= least:
                return True
        return False


def outlet_keys(records: list[dict[str, Any]]) -> set[str]:
    """The name keys of every outlet (an original or a republisher) of the site's reports. An
    outlet named as an actor ("Wikinews interviews ...", "told Reuters") is who reports, not
    what a story is about: two briefings that share only their publisher are not related."""
    return {
        name_key(str(link.get("name", "")))
        for rec in records
        for link in rec.get("source_chain") or []
        if isinstance(link, dict) and link.get("role") in ("original", "republisher")
    } - {""}


def build_related(
    records: list[dict[str, Any]],
    entity_of: Callable[[str, str], str | None] | None = None,
    limit: int = RELATED_MAX,
) -> dict[str, list[Related]]:
    """For each record's id, up to `limit` related briefings: copies of the same story
    first, then by score. `entity_of(briefing id, actor name)` gives the actor's entity (its
    page, `Links.actor`), so that name variants of one entity count as one; where it gives
    none, the name's key stands for it."""
    n = len(records)
    ids = [str(r.get("id")) for r in records]
    days = [_day(str(r.get("date", ""))) for r in records]
    ents: list[dict[str, str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    publishers = outlet_keys(records)
    for i, rec in enumerate(records):
        mine: dict[str, str] = {}
        for actor in (rec.get("actors") or [])[:ENTITIES_PER_BRIEFING]:
            if isinstance(actor, dict) and actor.get("name"):
                name = str(actor["name"])
                if name_key(name) in publishers:
                    continue
                entity = (entity_of(ids[i], name) if entity_of else None) or name_key(name)
                if entity and entity not in mine:
                    mine[entity] = " ".join(str(actor["name"]).split())
        ents.append(mine)
        for entity in mine:
            postings[entity].append(i)
    # An entity in every briefing adds nothing to a score, but still finds copies.
    idf = {e: math.log(n / len(p)) for e, p in postings.items() if len(p) > 1}
    never = 10**9  # an undated briefing sorts after every date
    when = [d if d is not None else never for d in days]
    by_time = {e: sorted(postings[e], key=lambda k: (when[k], ids[k])) for e in idf}
    times = {e: [when[k] for k in p] for e, p in by_time.items()}
    urls: dict[str, list[int]] = defaultdict(list)
    own_urls: list[set[str]] = []
    for i, rec in enumerate(records):
        found = {
            canonical_url(link.get("url"))
            for link in rec.get("source_chain") or []
            if isinstance(link, dict)
            and link.get("role") in ("original", "republisher")
            and link.get("url")
        } - {""}
        own_urls.append(found)
        for url in found:
            urls[url].append(i)
    texts = _Texts(records)
    known = [sum(1 for e in mine if e in idf) for mine in ents]
    out: dict[str, list[Related]] = {}
    for i in range(n):
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for entity in ents[i]:
            if entity not in idf:
                continue
            posting = by_time[entity]
            if len(posting) > POSTINGS_CAP:
                at = bisect.bisect_left(times[entity], when[i])
                lo = max(0, min(at - POSTINGS_CAP // 2, len(posting) - POSTINGS_CAP))
                posting = posting[lo : lo + POSTINGS_CAP]
            weight = idf[entity]
            for j in posting:
                scores[j] += weight
                shared[j] += 1
        scores.pop(i, None)
        same_url = {j for url in own_urls[i] for j in urls[url] if j != i}
        ranked = []
        for j in scores.keys() | same_url:
            # Copies name the same entities: the text is compared only when at least half of
            # the fewer entities are shared.
            copy = j in same_url or (
                2 * shared.get(j, 0) >= min(known[i], known[j]) and texts.copies(i, j)
            )
            score = scores.get(j, 0.0) * _decay(days[i], days[j])
            if not copy and score <= 0:
                continue
            di, dj = days[i], days[j]
            gap = abs(di - dj) if di is not None and dj is not None else never
            ranked.append((not copy, -round(score, 9), gap, ids[j], j))
        related = []
        for not_copy, minus_score, _, _, j in heapq.nsmallest(limit, ranked):
            both = [e for e in ents[i] if e in ents[j]]
            names = sorted(both, key=lambda e: (-idf.get(e, 0.0), ents[i][e]))[:SHARED_SHOWN]
            related.append(
                Related(
                    ids[j],
                    str(records[j].get("title", "")),
                    str(records[j].get("date", "")),
                    not not_copy,
                    tuple(ents[i][e] for e in names),
                    round(-minus_score, 6),
                )
            )
        out[ids[i]] = related
    return out
