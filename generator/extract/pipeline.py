"""The extraction cascade: seed → briefing record (a plain dict in the record's key order).

Stages run in a fixed, named order, each reading what the earlier ones left in a shared
context: clean → metadata → date → nlp → actors → timeline → sources → summary → assemble.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..seeds import Seed, fold_ws
from . import gazetteer as gz
from . import lexicon
from .actors import find_actors
from .body import Body, parse_body
from .clean import Block, classify
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


@dataclass
class Context:
    """What the stages share."""

    seed: Seed
    options: Options
    blocks: list[Block] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    date: dt.date | None = None
    body: Body | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    summary: str = ""
    review: list[dict[str, str]] = field(default_factory=list)
    """Open questions for the reviewer: what the extractor could not determine."""


def _clean(ctx: Context) -> None:
    ctx.blocks = classify(ctx.seed.text)


def _metadata(ctx: Context) -> None:
    ctx.meta = read_metadata(ctx.blocks, ctx.seed.text, ctx.seed.meta)
    if ctx.meta.authors:  # author notes after the article need the byline to be recognised
        ctx.blocks = classify(ctx.seed.text, ctx.meta.authors)


def _date(ctx: Context) -> None:
    """Publication date: stated for the copy in hand, else the file name's date, else the
    first full date of the header lines. When none is found the date stays unknown and the
    reviewer is asked for it: never today's date, never a guess."""
    date = ctx.meta.date
    if date is None:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", ctx.seed.path.name)
        if m:
            try:
                date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                date = None
    if date is None and ctx.meta.header_dates:
        date = ctx.meta.header_dates[0]
    found = ctx.meta.date_found
    if date is None:
        ctx.review.append(
            {
                "field": "date",
                "question": "No publication date found in the header; add it as an EDTF "
                "date (e.g. '2024-03-12') and check the timeline's statuses against it",
            }
        )
    elif found is not None and found.day == date and found.updated:
        ctx.review.append(
            {
                "field": "date",
                "question": f"The header states only when the copy was updated "
                f"('{found.text}'); the publication date may be earlier: check it",
            }
        )
    elif found is not None and found.day == date and found.ambiguous:
        ctx.review.append(
            {
                "field": "date",
                "question": f"'{found.text}' is read as day/month ({date.isoformat()}); "
                f"if it is month/day, change the date to {found.ambiguous}",
            }
        )
    ctx.date = date
    if date is not None and ctx.meta.publisher is not None and ctx.meta.publisher.date is None:
        ctx.meta.publisher.date = date


def _nlp(ctx: Context) -> None:
    ctx.body = parse_body(load_nlp(ctx.options.model_name()), ctx.blocks)


def _exclusions(ctx: Context) -> list[str]:
    """Names that are the report's own people and outlets, never actors or primaries."""
    names = list(ctx.meta.authors)
    for o in (ctx.meta.publisher, ctx.meta.original, *ctx.meta.cited):
        if o is not None:
            names.append(o.name)
            # "AP" in the chain, "Associated Press" in the text: one agency.
            names.extend(gz.agency_aliases(o.name))
            names.extend(o.authors)
    return names


def _actors(ctx: Context) -> None:
    assert ctx.body is not None
    ctx.actors = find_actors(
        ctx.body,
        ctx.seed.text,
        ctx.meta.title,
        _exclusions(ctx),
        ctx.options.max_actors,
        ctx.options.max_evidence_words,
    )


def _timeline(ctx: Context) -> None:
    assert ctx.body is not None
    if ctx.date is not None:
        ctx.timeline = build_timeline(ctx.body, ctx.seed.text, ctx.date)
        return
    ctx.timeline, unresolved = undated_timeline(ctx.body, ctx.seed.text)
    if unresolved:
        words = ", ".join(f"'{w}'" for w in unresolved)
        ctx.review.append(
            {
                "field": "timeline",
                "question": f"Relative dates left unresolved (no publication date to count "
                f"from): {words}; once the date is known, add the events they date",
            }
        )


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


def _sources(ctx: Context) -> None:
    assert ctx.body is not None
    prim = primary_sources(
        ctx.body, ctx.seed.text, _exclusions(ctx), ctx.options.max_primary_sources
    )
    outlets = outlet_links(ctx.meta, ctx.seed.meta, ctx.seed.text)
    ctx.sources = prim + cited_links(ctx.meta, prim) + outlets


def summarize_ctx(ctx: Context) -> str:
    """The summary of a parsed seed (used by `_summary`)."""
    assert ctx.body is not None
    academic = bool(_ACADEMIC.search(ctx.meta.byline))
    return summarize(
        ctx.body,
        ctx.meta.title,
        ctx.options.max_summary_words,
        ctx.options.max_summary_sentences,
        opinion=is_opinion(ctx.body, academic),
        authors=max(1, len(ctx.meta.authors)),
        anchor=ctx.date,
    )


def _summary(ctx: Context) -> None:
    ctx.summary = summarize_ctx(ctx)


#: The cascade, in order. Each stage is (name, function of the context).
STAGES: list[tuple[str, Callable[[Context], None]]] = [
    ("clean", _clean),
    ("metadata", _metadata),
    ("date", _date),
    ("nlp", _nlp),
    ("actors", _actors),
    ("timeline", _timeline),
    ("sources", _sources),
    ("summary", _summary),
]


def extract(seed: Seed, options: Options | None = None) -> dict[str, Any]:
    """Run the cascade on one seed and return its draft record as a plain dict.

    A seed that states no publication date still gets a draft: its date is UNKNOWN_DATE
    and its `review` list says what to add.
    """
    ctx = Context(seed, options or Options())
    for _name, stage in STAGES:
        stage(ctx)
    return assemble(ctx)


def assemble(ctx: Context) -> dict[str, Any]:
    """The record dict in the contract's key order; optional keys omitted when empty, and
    any evidence that does not occur verbatim in the seed dropped (it never should)."""
    folded = fold_ws(ctx.seed.text)
    title = ctx.meta.title or ctx.seed.id.replace("-", " ")
    rec: dict[str, Any] = {
        "id": ctx.seed.id,
        "title": title,
        "date": ctx.date.isoformat() if ctx.date is not None else UNKNOWN_DATE,
        "seed": {"path": ctx.seed.rel_path, "sha256": ctx.seed.sha256},
        "status": "draft",
    }
    if ctx.meta.tags:
        rec["tags"] = list(ctx.meta.tags)
    rec["summary"] = ctx.summary or title
    rec["actors"] = [_checked(a, folded) for a in ctx.actors]
    rec["timeline"] = [_checked(e, folded) for e in ctx.timeline]
    rec["source_chain"] = [_checked(s, folded) for s in ctx.sources]
    if ctx.review:
        rec["review"] = [dict(q) for q in ctx.review]
    return make_plausible(rec, ctx.seed.text, ctx.date)


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
