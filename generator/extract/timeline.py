"""Dated events of the body: one per dated statement, with status from date and tense."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ._dates import D
from .body import Body, Sentence, quote
from .temporal import Temporal, find_temporal

_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|is set to|are set to|"
    r"is expected|are expected|plans? to|is scheduled|are scheduled|upcoming)\b",
    re.I,
)


def bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Earliest and latest (y, m, d) an EDTF value (date or interval) may denote."""
    parts = value.rstrip("~?%").split("/")
    lo = D.parse(parts[0].rstrip("~?%")) or D(0)
    hi = D.parse(parts[-1].rstrip("~?%")) or D(9999)
    if lo.m and lo.m > 12:  # season
        lo = D(lo.y)
    if hi.m and hi.m > 12:
        hi = D(hi.y)
    return (lo.y, lo.m or 1, lo.d or 1), (hi.y, hi.m or 12, hi.d or 31)


def body_temporals(body: Body, anchor: dt.date) -> list[tuple[Temporal, int]]:
    """Temporal expressions of the body text only (headers and boilerplate left out), with
    their start offsets in the seed text."""
    pieces, offsets = [], []
    pos = 0
    for b in body.blocks:
        pieces.append(b.text)
        offsets.append((pos, b.start))
        pos += len(b.text) + 2
    joined = "\n\n".join(pieces)
    out = []
    for t in find_temporal(joined, anchor):
        base = max((o for o in offsets if o[0] <= t.start), key=lambda o: o[0])
        out.append((t, t.start - base[0] + base[1]))
    return out


def status(value: str, anchor: dt.date, t: Temporal, sentence: str) -> str:
    """occurred / planned / ongoing: from the date relative to the anchor, then wording."""
    lo, hi = bounds(value)
    a = (anchor.year, anchor.month, anchor.day)
    if hi < a:
        return "occurred"
    if lo > a:
        return "planned"
    if t.direction:
        return "occurred" if t.direction < 0 else "planned"
    if _FUTURE.search(sentence):
        return "planned"
    if re.search(r"\b(?:has|have|had|was|were|did)\b|\b\w+ed\b", sentence):
        return "occurred"
    return "ongoing"


def event_text(sent: Sentence, t_start: int, t_end: int, text: str) -> str:
    """One short sentence for the event: the clause with the date, leading date phrase
    dropped, capitalised, at most ~25 words."""
    s = " ".join(text[sent.start : sent.end].split())
    # Drop a leading date adverbial: "In 1993, the UN ..." → "The UN ...".
    lead = " ".join(text[sent.start : t_end].split())
    if (
        len(lead.split()) <= 6
        and re.match(
            r"^(?:In|On|By|Since|From|Until|Last|This|Next|Earlier|"
            r"Later|During|At)\b",
            s,
        )
        and s[len(lead) : len(lead) + 1] == ","
    ):
        s = s[len(lead) + 1 :].strip()
    words = s.split()
    if len(words) > 35:
        # Keep the clause around the date: cut at a comma or dash before it, then 25 words.
        date_words = len(" ".join(text[sent.start : t_start].split()).split())
        start = 0
        for i in range(min(date_words, len(words) - 1), 0, -1):
            if words[i - 1].endswith((",", ";")) or words[i - 1] in ("–", "—"):
                start = i
                break
        if date_words - start > 20:
            start = max(0, date_words - 12)
        words = words[start : start + 30]
    out = " ".join(words).rstrip(",;:–— ")
    if not out:
        return s
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "!", "?", "”", '"')) else out + "."


def build_timeline(
    body: Body, text: str, anchor: dt.date, max_words: int = 14
) -> list[dict[str, Any]]:
    """Timeline records (date, event, status, evidence), oldest first, one per date."""
    found = body_temporals(body, anchor)
    by_sentence: dict[int, list[tuple[Temporal, int]]] = {}
    sents = body.sentences
    for t, start in found:
        if t.vague or t.repeat:
            continue
        if t.text.lower() in ("today", "tonight") and not _FUTURE.search(t.text):
            # "today" is mostly "nowadays" in analysis; wire copy dates events explicitly.
            continue  # decades are background; a repeated day refers back to an event
        k = next((i for i, s in enumerate(sents) if s.start <= start < s.end), None)
        if k is not None:
            by_sentence.setdefault(k, []).append((t, start))
    events: list[dict[str, Any]] = []
    seen: set[str] = set()
    for k in sorted(by_sentence):
        items = by_sentence[k]
        sent = sents[k]
        for t, start in items:
            value = t.value
            lo, hi = bounds(value)
            # A coarser date that contains a finer one of the same sentence adds nothing.
            if any(
                o is not t
                and bounds(o.value)[0] >= lo
                and bounds(o.value)[1] <= hi
                and bounds(o.value) != (lo, hi)
                for o, _ in items
            ):
                continue
            if value in seen:
                continue  # one event per date: later mentions usually restate it
            seen.add(value)
            end = start + (t.end - t.start)
            events.append(
                {
                    "date": value,
                    "event": event_text(sent, start, end, text),
                    "status": status(value, anchor, t, sent.text),
                    "evidence": quote(text, start, end, sent.start, sent.end, max_words),
                    "_key": (bounds(value), start),
                }
            )
    events.sort(key=lambda e: e["_key"])
    for e in events:
        del e["_key"]
    return events
