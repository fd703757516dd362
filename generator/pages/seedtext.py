"""The seed's text with every evidence quote highlighted and given an anchor."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from .escape import escape_syntax


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote occurs in the text (the first place), white space folded as the evidence
    check folds it: its words in order, any run of white space between them. Found with
    `str.find` from its first word: no pattern is made for each quote."""
    words = quote.split()
    if not words:
        return None
    first, rest = words[0], words[1:]
    at = text.find(first)
    while at >= 0:
        end = _rest_at(text, at + len(first), rest)
        if end is not None:
            return at, end
        at = text.find(first, at + 1)
    return None


def _rest_at(text: str, pos: int, words: list[str]) -> int | None:
    """Where the words end when each follows white space from `pos` on, else None."""
    size = len(text)
    for word in words:
        start = pos
        while pos < size and text[pos].isspace():
            pos += 1
        if pos == start or not text.startswith(word, pos):
            return None
        pos += len(word)
    return pos


def anchors_for(quotes: Iterable[str]) -> dict[str, str]:
    """One anchor id per distinct quote, in order of first use: ev-1, ev-2, ..."""
    ids: dict[str, str] = {}
    for q in quotes:
        key = " ".join(q.split())
        if key and key not in ids:
            ids[key] = f"ev-{len(ids) + 1}"
    return ids


def _escape(text: str) -> str:
    # Every piece of syntax as a character reference, newlines too: the block stays on one
    # physical line, so Markdown never splits it, and `white-space: pre-wrap` in the
    # stylesheet shows the newlines as line breaks.
    return escape_syntax(text).replace("\n", "&#10;")


def marked_seed(text: str, anchors: dict[str, str]) -> tuple[Markup, set[str]]:
    """HTML of the seed text with each quote in <mark> and an anchor at its start (numbered as
    the evidence markers that link to it), and the anchors placed (a quote not found gets
    none, so no link points nowhere)."""
    text = re.sub(r"\n{3,}", "\n\n", text.strip("\n"))
    spans: list[tuple[int, int, str]] = []
    for quote, anchor in anchors.items():
        found = find_quote(text, quote)
        if found:
            spans.append((found[0], found[1], anchor))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(spans):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    # One sweep over the cuts: the quotes covering a piece are those begun and not yet ended
    # (kept in order of their spans), so many quotes cost no more than their places.
    active: dict[int, None] = {}
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for i in ends.get(a, []):
            active.pop(i, None)
        for i in starts.get(a, []):
            number = spans[i][2].removeprefix("ev-")
            out.append(f'<span class="bf-anchor" id="{spans[i][2]}" data-n="{number}"></span>')
            if spans[i][1] > a:
                active[i] = None
        piece = _escape(text[a:b])
        if active:
            covered = " ".join(spans[i][2] for i in sorted(active))
            out.append(f'<mark data-evidence="{covered}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out)), {anchor for _, _, anchor in spans}
