"""The extraction cascade: seed → briefing record (a plain dict in the record's key order).

Pure stages in a fixed order, each a function of the seed and of what the earlier ones
returned (frozen values, nothing shared or changed in place): clean (blocks) → metadata →
date (`Front`) → parse (`Body`, through nlp.py) → findings (actors, timeline, sources,
summary: `Findings`) → record (`assemble`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..seeds import Seed, fold_ws
from . import gazetteer as gz
from . import lexicon
from .actors import find_actors
from .body import Body, parse_bodies, parse_body
from .clean import Block, classify
from .header_lines import LineDate
from .metadata import Metadata, read_metadata
from .options import Options, load_nlp
from .plausible import make_plausible
from .sources import cited_links, outlet_links, primary_sources
from .summary import is_opinion, summarize
from .timeline import body_temporals, build_timeline

#: The record's `date` when the seed states none: EDTF "unspecified" day, month and year.
UNKNOWN_DATE = "XXXX-XX-XX"
# Anchors that differ in year, month and weekday, after any date a text states: what
# resolves the same against both does not depend on the publication date (an event dated "12
# March 2015"); what differs is relative ("yesterday"). A status is kept only where an
# anchor before every date gives the same one: it does not hang on the unknown date either.
_PROBE_ANCHORS = (dt.date(2100, 7, 1), dt.date(2101, 2, 14))
_PAST_ANCHOR = dt.date(1800, 7, 1)

# A byline that names a university, an institute or an academic title: a scholar's opinion.
_ACADEMIC = re.compile(rf"\b{lexicon.alternation('academic_words')}\b")


Question = dict[str, str]
"""An open question for the reviewer: {"field": ..., "question": ...}."""
Item = dict[str, Any]
"""One actor, timeline event or source-chain link, as the record holds it."""


@dataclass(frozen=True)
class Front:
    """The document's own metadata, after cleaning: the blocks (classified again once the
    byline is known), what the seed says about itself and its publication date."""

    blocks: tuple[Block, ...]
    meta: Metadata
    date: dt.date | None
    review: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Findings:
    """What the body says: actors, events, the source chain and the summary."""

    actors: tuple[Item, ...]
    timeline: tuple[Item, ...]
    sources: tuple[Item, ...]
    summary: str
    review: tuple[Question, ...] = ()


def clean_stage(seed: Seed) -> list[Block]:
    """The seed's blocks, classified (body, header, boilerplate)."""
    return classify(seed.text)


def metadata_stage(seed: Seed, blocks: list[Block]) -> tuple[list[Block], Metadata]:
    """The seed's metadata, and its blocks classified again with the authors known (author
    notes after the article need the byline to be recognised)."""
    meta = read_metadata(blocks, seed.text, seed.meta)
    if meta.authors:
        blocks = classify(seed.text, meta.authors)
    return blocks, meta


def _file_name_date(seed: Seed) -> dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", seed.path.name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _date_questions(date: dt.date | None, found: LineDate | None) -> list[Question]:
    """What the reviewer is asked about the publication date."""
    if date is None:
        return [
            {
                "field": "date",
                "question": "No publication date found in the header; add it as an EDTF "
                "date (e.g. '2024-03-12') and check the timeline's statuses against it",
            }
        ]
    if found is not None and found.day == date and found.updated:
        return [
            {
                "field": "date",
                "question": f"The header states only when the copy was updated "
                f"('{found.text}'); the publication date may be earlier: check it",
            }
        ]
    if found is not None and found.day == date and found.ambiguous:
        return [
            {
                "field": "date",
                "question": f"'{found.text}' is read as day/month ({date.isoformat()}); "
                f"if it is month/day, change the date to {found.ambiguous}",
            }
        ]
    return []


def date_stage(seed: Seed, blocks: list[Block], meta: Metadata) -> Front:
    """Publication date: stated for the copy in hand, else the file name's date, else the
    first full date of the header lines. When none is found the date stays unknown and the
    reviewer is asked for it: never today's date, never a guess. The publisher's date, when
    the header gives none, is the publication date (in a copy of the metadata)."""
    date = meta.date or _file_name_date(seed)
    if date is None and meta.header_dates:
        date = meta.header_dates[0]
    review = _date_questions(date, meta.date_found)
    if date is not None and meta.publisher is not None and meta.publisher.date is None:
        meta = replace(meta, publisher=replace(meta.publisher, date=date))
    return Front(tuple(blocks), meta, date, tuple(review))


def parse_stage(options: Options, front: Front) -> Body:
    """The body parsed by the NLP model (nlp.py)."""
    return parse_body(load_nlp(options.model_name()), list(front.blocks))


def parse_many(options: Options, fronts: list[Front]) -> list[Body]:
    """The bodies of several seeds parsed in one stream (the same as `parse_stage` on each,
    with less overhead per paragraph)."""
    return parse_bodies(load_nlp(options.model_name()), [list(f.blocks) for f in fronts])


def exclusions(meta: Metadata) -> list[str]:
    """Names that are the report's own people and outlets, never actors or primaries."""
    names = list(meta.authors)
    for o in (meta.publisher, meta.original, *meta.cited):
        if o is not None:
            names.append(o.name)
            # "AP" in the chain, "Associated Press" in the text: one agency.
            names.extend(gz.agency_aliases(o.name))
            names.extend(o.authors)
    return names


def actors_stage(seed: Seed, options: Options, front: Front, body: Body) -> list[Item]:
    """The actors the body names."""
    return find_actors(
        body,
        seed.text,
        front.meta.title,
        exclusions(front.meta),
        options.max_actors,
        options.max_evidence_words,
    )


def timeline_stage(seed: Seed, front: Front, body: Body) -> tuple[list[Item], list[Question]]:
    """The dated events, and a question when relative dates stay unresolved for want of a
    publication date."""
    if front.date is not None:
        return build_timeline(body, seed.text, front.date), []
    timeline, unresolved = undated_timeline(body, seed.text)
    if not unresolved:
        return timeline, []
    words = ", ".join(f"'{w}'" for w in unresolved)
    question = (
        f"Relative dates left unresolved (no publication date to count "
        f"from): {words}; once the date is known, add the events they date"
    )
    return timeline, [{"field": "timeline", "question": question}]


def undated_timeline(body: Body, text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The timeline of a seed whose publication date is unknown: only events the text dates
    by itself (the same against any anchor), with a status only where the anchor does not
    decide it; and the words of the relative dates left unresolved, in order."""
    runs = [build_timeline(body, text, a) for a in (*_PROBE_ANCHORS, _PAST_ANCHOR)]

    def key(e: dict[str, Any]) -> tuple[str, str, str]:
        return str(e["date"]), str(e.get("evidence", "")), str(e["event"])

    other, past = ({key(e): e for e in run} for run in runs[1:])
    events = []
    for e in runs[0]:
        if key(e) not in other:
            continue  # dated from the anchor
        e = dict(e)
        if past.get(key(e), {}).get("status") != e.get("status"):
            e.pop("status", None)  # "occurred" only because the anchor came after it
        events.append(e)
    found = [body_temporals(body, a) for a in _PROBE_ANCHORS]
    values = {start: t.value for t, start in found[1]}
    unresolved: list[str] = []
    for t, start in found[0]:
        if t.vague or values.get(start) == t.value:
            continue
        words = " ".join(t.text.split())
        if words not in unresolved:
            unresolved.append(words)
    return events, unresolved


def sources_stage(seed: Seed, options: Options, front: Front, body: Body) -> list[Item]:
    """The source chain: primary sources the body attributes to, the reports a sources list
    cites, then the original outlet and the republisher."""
    prim = primary_sources(body, seed.text, exclusions(front.meta), options.max_primary_sources)
    outlets = outlet_links(front.meta, seed.meta, seed.text)
    return prim + cited_links(front.meta, prim) + outlets


def summary_stage(options: Options, front: Front, body: Body) -> str:
    """The summary of the parsed body."""
    academic = bool(_ACADEMIC.search(front.meta.byline))
    return summarize(
        body,
        front.meta.title,
        options.max_summary_words,
        options.max_summary_sentences,
        opinion=is_opinion(body, academic),
        authors=max(1, len(front.meta.authors)),
        anchor=front.date,
        options=options,
    )


class _Parsed(Protocol):
    body: Body | None
    meta: Metadata
    options: Options
    date: dt.date | None


def summarize_ctx(ctx: _Parsed) -> str:
    """The summary of a parsed seed given as one object with `body`, `meta`, `options` and
    `date` (the older calling form of `summary_stage`)."""
    assert ctx.body is not None
    return summary_stage(ctx.options, Front((), ctx.meta, ctx.date), ctx.body)


def findings_stage(seed: Seed, options: Options, front: Front, body: Body) -> Findings:
    """What the body says; each part reads only the front matter and the parsed body."""
    timeline, review = timeline_stage(seed, front, body)
    return Findings(
        tuple(actors_stage(seed, options, front, body)),
        tuple(timeline),
        tuple(sources_stage(seed, options, front, body)),
        summary_stage(options, front, body),
        tuple(review),
    )


#: The stages, in order: clean → metadata → date → parse → findings (actors, timeline,
#: sources, summary) → record. Each is a function of the seed and what the earlier ones
#: returned; none changes what it is given.
STAGES = ("clean", "metadata", "date", "parse", "findings", "record")


def extract(seed: Seed, options: Options | None = None) -> dict[str, Any]:
    """Run the stages on one seed and return its draft record as a plain dict.

    A seed that states no publication date still gets a draft: its date is UNKNOWN_DATE
    and its `review` list says what to add.
    """
    options = options or Options()
    front = front_stage(seed)
    return record_stage(seed, options, front, parse_stage(options, front))


def front_stage(seed: Seed) -> Front:
    """The stages before the parse: clean → metadata → date."""
    blocks, meta = metadata_stage(seed, clean_stage(seed))
    return date_stage(seed, blocks, meta)


def record_stage(seed: Seed, options: Options, front: Front, body: Body) -> dict[str, Any]:
    """The stages after the parse: findings → record. `extract` is `front_stage`, then
    `parse_stage`, then this; a batch of seeds can share one `parse_many` instead."""
    return assemble(seed, front, findings_stage(seed, options, front, body))


def assemble(seed: Seed, front: Front, found: Findings) -> dict[str, Any]:
    """The record dict in the contract's key order; optional keys omitted when empty, and
    any evidence that does not occur verbatim in the seed dropped (it never should)."""
    folded = fold_ws(seed.text)
    meta, date = front.meta, front.date
    title = meta.title or seed.id.replace("-", " ")
    rec: dict[str, Any] = {
        "id": seed.id,
        "title": title,
        "date": date.isoformat() if date is not None else UNKNOWN_DATE,
        "seed": {"path": seed.rel_path, "sha256": seed.sha256},
        "status": "draft",
    }
    if meta.tags:
        rec["tags"] = list(meta.tags)
    rec["summary"] = found.summary or title
    rec["actors"] = [_checked(a, folded) for a in found.actors]
    rec["timeline"] = [_checked(e, folded) for e in found.timeline]
    rec["source_chain"] = [_checked(s, folded) for s in found.sources]
    review = [*front.review, *found.review]
    if review:
        rec["review"] = [dict(q) for q in review]
    return make_plausible(rec, seed.text, date)


def _checked(item: dict[str, Any], folded: str) -> dict[str, Any]:
    out = {k: v for k, v in item.items() if v not in (None, "", [], {})}
    ev = out.get("evidence")
    if ev is not None:
        ev = fold_ws(ev)
        if ev in folded:
            out["evidence"] = ev
        else:
            del out["evidence"]
    return out
