"""The `Temporal` record of one temporal expression, and the joining of two expressions
into one interval ("between late October and the end of December 2025")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ._dates import D


@dataclass(frozen=True)
class Temporal:
    """One temporal expression: character span over the given text and its EDTF value."""

    start: int
    end: int
    text: str
    value: str
    relative: bool = False
    """Resolved against the anchor (or a date stated earlier) rather than stated in full."""
    direction: int = 0
    """-1 when the wording points to the past ("last", "earlier", "ago"), +1 to the future."""
    repeat: bool = False
    """A day without a year that repeats a date stated earlier in the text (a back-reference)."""
    vague: bool = False
    """Decades and similar background spans, not precise enough to date an event."""
    coarse: str = ""
    """The value at a record's precision where it differs: a calendar week ("last week")
    is `value` as its seven days, and here as its month when it lies inside one month
    (the convention of the gold records, tests/data/devset/README.md)."""


_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*(?:the\s+)?$", re.I)
_OPEN = re.compile(r"(?:\b(?:between|from)\s+(?:the\s+)?)$", re.I)


def merge_ranges(text: str, items: list[Temporal], anchor: dt.date) -> list[Temporal]:
    """Join "between late October and the end of December 2025" into one interval."""
    out: list[Temporal] = []
    i = 0
    while i < len(items):
        a = items[i]
        if i + 1 < len(items):
            b = items[i + 1]
            gap = text[a.end : b.start]
            opener = _OPEN.search(text[max(0, a.start - 20) : a.start])
            if (
                _JOIN.match(gap)
                and opener
                and "/" not in a.value
                and "/" not in b.value
                and not a.value.endswith("~")
                and not b.value.endswith("~")
            ):
                lo = D.parse(a.value)
                hi = D.parse(b.value)
                if lo and hi:
                    if a.relative and not b.relative and lo.m and hi.m:
                        # The first end borrows its year from the second ("late October and ... 2025").
                        lo = D(hi.y if lo.m <= hi.m else hi.y - 1, lo.m, lo.d)
                    if (lo.y, lo.m or 0, lo.d or 0) < (hi.y, hi.m or 99, hi.d or 99):
                        s = a.start - len(opener.group(0))
                        out.append(
                            Temporal(
                                s,
                                b.end,
                                text[s : b.end],
                                f"{lo.edtf()}/{hi.edtf()}",
                                a.relative and b.relative,
                                b.direction,
                                False,
                                False,
                            )
                        )
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out
