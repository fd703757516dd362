"""EDTF date strings for people.

'2023-01' → 'Jan 2023', '2023-07-11/2023-07-12' → '11–12 Jul 2023', '2023-01~' → 'c. Jan 2023'.
"""

from __future__ import annotations

import re

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PART = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")


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
    parts = _split(value)
    if not parts:
        return value
    return _qualify(_one(*parts[:3]), parts[3])


def sort_key(value: str) -> str:
    """A key that orders EDTF dates by their start, coarser dates before finer ones."""
    start = value.split("/")[0].rstrip("~?%")
    return start if start else value
