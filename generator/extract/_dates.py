"""Small calendar helpers shared by the temporal normaliser and the metadata reader."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from . import lexicon

MONTHS = [m.lower() for m in lexicon.MONTHS]
# Month names are matched capitalised only: "may" and "march" are also ordinary words.
MONTH_FULL = lexicon.MONTH_FULL
MONTH_ABBR = lexicon.MONTH_ABBR
WEEKDAYS = list(lexicon.WEEKDAYS)
WORD_NUM = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
#: How far ahead of the anchor a date without a year may lie before we take the previous
#: year instead: news refers to the recent past more often than to the far future.
FUTURE_WINDOW_DAYS = 125
#: The same for the next year, across New Year ("January" written in December): shorter, as
#: a month of the next year named without its year is rarer than one of this year.
NEXT_YEAR_WINDOW_DAYS = 62


@dataclass(frozen=True)
class D:
    """A calendar date at year, month or day precision (month 21-24 are EDTF seasons)."""

    y: int
    m: int | None = None
    d: int | None = None

    def edtf(self) -> str:
        """The EDTF string of this date."""
        if self.m is None:
            return f"{self.y:04d}"
        if self.d is None:
            return f"{self.y:04d}-{self.m:02d}"
        return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"

    @classmethod
    def of(cls, day: dt.date) -> D:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: str) -> D | None:
        """Parse a plain 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (no qualifiers, no intervals)."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if not m:
            return None
        return cls(
            int(m.group(1)),
            int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None,
        )


def month_no(name: str) -> int:
    """1-12 for a month name or abbreviation."""
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) n months after (y, m)."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def nearest_year(anchor: dt.date, month: int, day: int | None) -> int:
    """The year of a month (and day) stated without one: the next year if that puts it at most
    NEXT_YEAR_WINDOW_DAYS ahead of the anchor ("January" written in December), else the
    anchor's year if at most FUTURE_WINDOW_DAYS ahead, else the year before ("August"
    written in March)."""
    for y, window in ((anchor.year + 1, NEXT_YEAR_WINDOW_DAYS), (anchor.year, FUTURE_WINDOW_DAYS)):
        try:
            cand = dt.date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
        except ValueError:
            return anchor.year
        if (cand - anchor).days <= window:
            return y
    return anchor.year - 1


def tensed_year(anchor: dt.date, month: int, day: int | None, tense: int) -> int:
    """The year of a month (and day) stated without one, placed by the tense of its clause:
    the last such month up to the anchor for a past clause, the next one from the anchor for
    a future clause, else the nearest (`nearest_year`)."""
    y = anchor.year
    here, now = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if tense < 0:
        return y if here <= now else y - 1
    if tense > 0:
        return y if here >= now else y + 1
    return nearest_year(anchor, month, day)


def coarse_span(first: dt.date, ndays: int) -> tuple[D, D]:
    """A span of days as the coarsest unit that holds it: a month if it lies in one, else
    the interval of days."""
    last = first + dt.timedelta(days=ndays - 1)
    if (first.year, first.month) == (last.year, last.month):
        return D(first.year, first.month), D(first.year, first.month)
    return D.of(first), D.of(last)


def parse_loose_date(text: str) -> dt.date | None:
    """A full calendar date from common header forms ("May 05, 2023", "3 May 2023",
    "2023-05-05T10:00Z", "3 Mar 09"), or None."""
    text = " ".join(text.split())
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(
        rf"(?i:({MONTH_FULL}|{MONTH_ABBR}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text
    )
    if m:
        return _mk(int(m.group(3)), month_no(m.group(1)), int(m.group(2)))
    m = re.search(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?i:({MONTH_FULL}|{MONTH_ABBR}))\.?,?\s+(\d{{4}}|'?\d{{2}})\b",
        text,
    )
    if m:
        y = int(m.group(3).lstrip("'"))
        if y < 100:
            y += 2000 if y < 50 else 1900
        return _mk(y, month_no(m.group(2)), int(m.group(1)))
    return None


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
