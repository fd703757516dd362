"""EDTF date strings for people.

'2023-01' → 'Jan 2023', '2023-07-11/2023-07-12' → '11–12 Jul 2023', '2023-01~' → 'c. Jan 2023'.
Unspecified digits (EDTF 'X') are what the seed does not state: 'XXXX-XX-XX' → 'date not
stated', '2023-XX-XX' → '2023', '2023-05-XX' → 'May 2023'.
"""

from __future__ import annotations

import functools
import re

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PART = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")
#: EDTF's sub-year groupings (month codes 21-41: seasons, quarters, ...), as a reader says them
#: and the month each starts in (for sorting).
_GROUPS = {
    21: ("Spring", 3),
    22: ("Summer", 6),
    23: ("Autumn", 9),
    24: ("Winter", 12),
    25: ("Spring", 3),
    26: ("Summer", 6),
    27: ("Autumn", 9),
    28: ("Winter", 12),
    29: ("Spring (south)", 9),
    30: ("Summer (south)", 12),
    31: ("Autumn (south)", 3),
    32: ("Winter (south)", 6),
    33: ("Q1", 1),
    34: ("Q2", 4),
    35: ("Q3", 7),
    36: ("Q4", 10),
    37: ("Jan–Apr", 1),
    38: ("May–Aug", 5),
    39: ("Sep–Dec", 9),
    40: ("H1", 1),
    41: ("H2", 7),
}
#: How a date the seed does not state reads on the site.
NOT_STATED = "date not stated"


def _known_part(value: str) -> str:
    """An EDTF date without its unspecified tail: '2023-05-XX' → '2023-05', 'XXXX-XX-XX' →
    '' (a date with an unspecified digit inside a part, '20XX', keeps only whole parts)."""
    parts = value.split("-")
    known = []
    for p in parts:
        if "X" in p.upper():
            break
        known.append(p)
    return "-".join(known)


def _split(value: str) -> tuple[str, str, str, str] | None:
    m = _PART.match(value.strip())
    if not m:
        return None
    year, month, day, qual = m.groups()
    if month and not (1 <= int(month) <= 12 or (int(month) in _GROUPS and not day)):
        return None
    return year, month or "", day or "", qual


def _one(year: str, month: str, day: str) -> str:
    parts = []
    if day:
        parts.append(str(int(day)))
    if month:
        n = int(month)
        parts.append(_MONTHS[n - 1] if n <= 12 else _GROUPS[n][0])
    if year:
        parts.append(year.lstrip("0") or "0")
    return " ".join(parts)


def _qualify(text: str, qual: str) -> str:
    if qual in ("~", "%"):
        text = f"c. {text}"
    if qual in ("?", "%"):
        text = f"{text}?"
    return text


@functools.lru_cache(maxsize=1 << 16)
def human_date(value: str) -> str:
    """A reader's form of an EDTF date; anything it cannot read is returned unchanged. (Each
    date is shown on several pages: forms are remembered.)"""
    if "/" in value:
        left, _, right = value.partition("/")
        a, b = _split(left), _split(right)
        if not a or not b:
            return value
        if a[0] == b[0] and a[1] and a[1] == b[1] and a[2] and b[2] and not a[3] and not b[3]:
            return f"{int(a[2])}–{int(b[2])} {_one('', a[1], '').strip()} {a[0]}"
        if a[0] == b[0] and a[1] and b[1] and not a[2] and not b[2] and not a[3] and not b[3]:
            return f"{_one('', a[1], '').strip()}–{_one('', b[1], '').strip()} {a[0]}"
        return f"{_qualify(_one(*a[:3]), a[3])} – {_qualify(_one(*b[:3]), b[3])}"
    if "X" in value.upper() and re.fullmatch(r"[\dXx-]+", value.strip()):
        known = _known_part(value.strip())
        if not known:
            return NOT_STATED
        value = known
    parts = _split(value)
    if not parts:
        return value
    return _qualify(_one(*parts[:3]), parts[3])


@functools.lru_cache(maxsize=1 << 16)
def sort_key(value: str) -> str:
    """A key that orders EDTF dates by their start, coarser dates before finer ones. A date
    the seed does not state ('XXXX-XX-XX') has the empty key: first in oldest-first lists,
    last in the newest-first lists of briefings. (Lists are sorted by it again and again: keys
    are remembered.)"""
    start = value.split("/")[0].rstrip("~?%")
    if "X" in start.upper() and re.fullmatch(r"[\dXx-]+", start):
        return _known_part(start)
    m = re.fullmatch(r"(-?\d{4})-(\d{2})", start)
    if m and int(m.group(2)) in _GROUPS:  # a season sorts from the month it starts in
        return f"{m.group(1)}-{_GROUPS[int(m.group(2))][1]:02d}"
    return start if start else value
