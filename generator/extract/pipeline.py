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

from ..errors import BriefingError
from ..seeds import Seed, fold_ws
from . import gazetteer as gz
from .actors import find_actors
from .body import Body, parse_body
from .clean import Block, classify
from .metadata import Metadata, read_metadata
from .options import Options, load_nlp
from .sources import cited_links, outlet_links, primary_sources
from .summary import is_opinion, summarize
from .timeline import build_timeline

_ACADEMIC = re.compile(
    r"\b(?:University|Universit[éäy]|Professor|Lecturer|Fellow|Institute|College|Scholar|"
    r"Department|PhD|Researcher|Research|Think tank)\b"
)


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


def _clean(ctx: Context) -> None:
    ctx.blocks = classify(ctx.seed.text)


def _metadata(ctx: Context) -> None:
    ctx.meta = read_metadata(ctx.blocks, ctx.seed.text, ctx.seed.meta)
    if ctx.meta.authors:  # author notes after the article need the byline to be recognised
        ctx.blocks = classify(ctx.seed.text, ctx.meta.authors)


def _date(ctx: Context) -> None:
    """Publication date: stated for the copy in hand, else the file name's date, else the
    latest full date in the header lines; never today's date."""
    date = ctx.meta.date
    if date is None:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", ctx.seed.path.name)
        if m:
            try:
                date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                date = None
    if date is None and ctx.meta.header_dates:
        date = max(ctx.meta.header_dates)
    if date is None:
        raise BriefingError(
            ctx.seed.path,
            "no publication date found",
            "add a date line (e.g. 'May 5, 2023') under the headline, or start "
            "the file name with YYYY-MM-DD",
        )
    ctx.date = date
    if ctx.meta.publisher is not None and ctx.meta.publisher.date is None:
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
    assert ctx.body is not None and ctx.date is not None
    ctx.timeline = build_timeline(ctx.body, ctx.seed.text, ctx.date)


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

    Raises BriefingError when the seed states no publication date at all.
    """
    ctx = Context(seed, options or Options())
    for _name, stage in STAGES:
        stage(ctx)
    return assemble(ctx)


def assemble(ctx: Context) -> dict[str, Any]:
    """The record dict in the contract's key order; optional keys omitted when empty, and
    any evidence that does not occur verbatim in the seed dropped (it never should)."""
    assert ctx.date is not None
    folded = fold_ws(ctx.seed.text)
    title = ctx.meta.title or ctx.seed.id.replace("-", " ")
    rec: dict[str, Any] = {
        "id": ctx.seed.id,
        "title": title,
        "date": ctx.date.isoformat(),
        "seed": {"path": ctx.seed.rel_path, "sha256": ctx.seed.sha256},
        "status": "draft",
    }
    if ctx.meta.tags:
        rec["tags"] = list(ctx.meta.tags)
    rec["summary"] = ctx.summary or title
    rec["actors"] = [_checked(a, folded) for a in ctx.actors]
    rec["timeline"] = [_checked(e, folded) for e in ctx.timeline]
    rec["source_chain"] = [_checked(s, folded) for s in ctx.sources]
    return rec


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
