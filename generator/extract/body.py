"""The parsed article body: the NLP model's docs (nlp.py) of the body blocks, with offsets
into the seed text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import BODY, Block
from .nlp import Doc, Model, Span, sentences
from .nlp import parse as nlp_parse


@dataclass(frozen=True)
class Sentence:
    """One body sentence; `start`/`end` are offsets into the seed text."""

    start: int
    end: int
    text: str
    span: Span
    """The model's sentence span (its token offsets are relative to `base`)."""
    base: int
    """Offset of the sentence's block in the seed text."""
    para: int
    """Ordinal of the body paragraph (0 = lead)."""


@dataclass
class Body:
    """Body blocks, their docs and sentences."""

    blocks: list[Block]
    docs: list[Doc]
    sentences: list[Sentence]


def parse_body(nlp: Model, blocks: list[Block]) -> Body:
    """Run the NLP model (nlp.py) over every body block (one doc per paragraph)."""
    return parse_bodies(nlp, [blocks])[0]


def parse_bodies(nlp: Model, seeds_blocks: list[list[Block]]) -> list[Body]:
    """The bodies of several seeds, their paragraphs parsed together in one stream of
    batches (a doc depends only on its own text, so this makes the same docs as parsing each
    seed on its own, with less overhead per paragraph)."""
    bodies = [[b for b in blocks if b.kind == BODY] for blocks in seeds_blocks]
    docs = iter(nlp_parse(nlp, [b.text for body in bodies for b in body]))
    return [_body(body, [next(docs) for _ in body]) for body in bodies]


def _body(body: list[Block], docs: list[Doc]) -> Body:
    """A seed's body blocks with their docs, and its sentences."""
    sents: list[Sentence] = []
    for i, (b, doc) in enumerate(zip(body, docs, strict=True)):
        for s in sentences(doc):
            text = s.text.strip()
            if text:
                start = b.start + s.start_char
                sents.append(Sentence(start, start + len(s.text), text, s, b.start, i))
    return Body(body, docs, sents)


def sentence_at(body: Body, offset: int) -> Sentence | None:
    """The body sentence containing a seed-text offset."""
    for s in body.sentences:
        if s.start <= offset < s.end:
            return s
    return None


def quote(text: str, start: int, end: int, sent_start: int, sent_end: int, max_words: int) -> str:
    """A verbatim quote of at most `max_words` words around text[start:end], inside the
    sentence bounds, cut at word boundaries."""
    words = [
        (m.start() + sent_start, m.end() + sent_start)
        for m in re.finditer(r"\S+", text[sent_start:sent_end])
    ]
    if not words:
        return text[start:end]
    first = next((i for i, (s, e) in enumerate(words) if e > start), 0)
    last = next((i for i, (s, e) in enumerate(words) if e >= end), len(words) - 1)
    lo, hi = first, max(first, last)
    # Grow the window mostly to the right (what the mention does), a little to the left.
    left_budget = 3
    while hi - lo + 1 < max_words:
        if left_budget and lo > 0:
            lo -= 1
            left_budget -= 1
        elif hi < len(words) - 1:
            hi += 1
        elif lo > 0:
            lo -= 1
        else:
            break
    s, e = words[lo][0], words[hi][1]
    out = text[s:e].strip()
    return out.rstrip(",;:–—-(").rstrip()
