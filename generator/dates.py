"""EDTF date strings for people.

'2023-01' → 'Jan 2023', '2023-07-11/2023-07-12' → '11–12 Jul 2023', '2023-01~' → 'c. Jan 2023'.
Unspecified digits (EDTF 'X') are what the seed does not state: 'XXXX-XX-XX' → 'date not
stated', '2023-XX-XX' → '2023', '2023-05-XX' → 'May 2023'.
"""

from __future__ import annotations

import re

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PART = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")
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
    if month and not 1 <= int(month) <= 12:
        return None
    return year, month or "", day or "", qual


def _one(year: str, month: str, day: str) -> str:
    parts = []
    if day:
        parts.append(str(int(day)))
    if month:
        parts.append(_MONTHS[int(month) - 1])
    parts.append(year.lstrip("0") or "0")
    return " ".join(parts)


def _qualify(text: str, qual: str) -> str:
    if qual in ("~", "%"):
        text = f"c. {text}"
    if qual in ("?", "%"):
        text = f"{text}?"
    return text


def human_date(value: str) -> str:
    """A reader's form of an EDTF date; anything it cannot read is returned unchanged."""
    if "/" in value:
        left, _, right = value.partition("/")
        a, b = _split(left), _split(right)
        if not a or not b:
            return value
        if a[0] == b[0] and a[1] and a[1] == b[1] and a[2] and b[2] and not a[3] and not b[3]:
            return f"{int(a[2])}–{int(b[2])} {_MONTHS[int(a[1]) - 1]} {a[0]}"
        if a[0] == b[0] and a[1] and b[1] and not a[2] and not b[2] and not a[3] and not b[3]:
            return f"{_MONTHS[int(a[1]) - 1]}–{_MONTHS[int(b[1]) - 1]} {a[0]}"
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


def sort_key(value: str) -> str:
    """A key that orders EDTF dates by their start, coarser dates before finer ones. A date
    the seed does not state ('XXXX-XX-XX') has the empty key: first in oldest-first lists,
    last in the newest-first lists of briefings."""
    start = value.split("/")[0].rstrip("~?%")
    if "X" in start.upper() and re.fullmatch(r"[\dXx-]+", start):
        return _known_part(start)
    return start if start else value
