"""Header lines of a seed: bylines ("By A, B and C", "A, Professor, University"), date lines
with an outlet's name, and an outlet's name from its web address."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from . import lexicon
from .clean import strip_markup
from .lexicon import MONTH_ABBR, MONTH_FULL, WEEKDAY, WEEKDAYS

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_NAME_TOKEN = rf"(?:[{_UP}][\w’'.-]*|{'|'.join(lexicon.words('byline_particles'))})"
# A name starts where a word starts and keeps the word it read: a long run is read once.
_PERSON = re.compile(rf"(?<![\w’'.-])[{_UP}][\w’'.-]*+(?:\s+{_NAME_TOKEN}){{1,4}}")
_AFFIL = re.compile(rf"\b{lexicon.alternation('affiliation_words')}\b")


# Bylines that name a desk or a role, not a person: "Staff writer", "Editorial Board".
_NO_PERSON = re.compile(
    r"(?i)^(?:(?:our|the|a|an)\s+)?(?:(?:staff|senior|special|foreign|guest|news|web|online|"
    r"editorial|chief|political|sports?|business)\s+)*(?:writers?|reporters?|correspondents?|"
    r"staff|desk|team|board|editors?|newsroom|admin(?:istrator)?|contributors?|authors?|"
    r"bureau)$"
)


_OUTLET_DESK = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){1,3}(?i:staff|desk|team|newsroom|editors?|bureau|wire|reports?)$"
)


def is_person_byline(name: str) -> bool:
    """Whether a byline name names a person rather than a desk or role ("Staff writer",
    "Hedgeline Staff")."""
    name = name.strip()
    return bool(name) and not _NO_PERSON.match(name) and not _OUTLET_DESK.match(name)


def _person_part(part: str) -> str:
    """A byline name without what follows it in other casing ("GRANT HOLLOWAY Associated
    Press" -> "Grant Holloway"); names printed in capitals are given in title case."""
    words = part.split()
    if len(words) >= 2 and words[0].isupper() and words[1].isupper():
        n = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
        return " ".join(
            re.sub(r"[^\W\d_]{2,}", lambda m: m.group(0).capitalize(), w) for w in words[:n]
        )
    return part.strip()


#: How a byline opens: "By", "Written by", "Reporting:".
BYLINE_OPENING = re.compile(
    r"(?i)^(?:by|written by|words by|reporting by|edited by|compiled by|reporting)\s*:?\s+(.+)$"
)


def parse_byline(line: str) -> list[str]:
    """Author names from a byline: "By A, B and C" or "A, Professor, University; B, ..."."""
    line = strip_markup(line)
    m = BYLINE_OPENING.match(line)
    if m:
        body = re.split(r"\s+[|•·]\s+|\s+[-–—]\s+|\.\s+(?=[A-Z][a-z]+:)", m.group(1))[0]
        # "Sofia Grant in London, with reporting from Mateo Ruiz in Arequipa"
        body = re.sub(r"(?i),?\s+with (?:additional )?reporting (?:from|by)\s+", ", ", body)
        body = re.sub(r"\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?=,|$)", "", body)
        parts = [_person_part(p) for p in re.split(r",\s*(?:and\s+)?|\s+(?i:and)\s+|\s*&\s*", body)]
        return [p for p in parts if _PERSON.fullmatch(p) and is_person_byline(p)]
    names = []
    for chunk in line.split(";"):
        head, _, rest = chunk.strip().partition(",")
        if _PERSON.fullmatch(head.strip()) and _AFFIL.search(rest) and is_person_byline(head):
            names.append(head.strip())
    return names


_EMBARGO = re.compile(
    r"(?i)^embargo(?:ed)?\s+(?:until|till)\s+(?:\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|[AP]M)?\s*)?"
)

# ---------------------------------------------------------------- dates in header lines
#
# A header date is found in two steps. A run of date-like tokens (weekdays, month names,
# numbers, times, time zones, ISO and numeric dates, with the separators header lines put
# between them) is cut out of the line; the general parser (dateparser, English, told to
# require day, month and year and never to fill a missing part from today) reads the run.
# No format is listed: "Friday, August 21, 2015", "12 Mar 2024 / 8:42 AM", "12.03.2024 08:42
# CET" and "2024-03-12T08:42:00Z" all go through the same two steps.

_MONTH_WORD = rf"(?:{MONTH_FULL}|{MONTH_ABBR})\.?"
# A weekday in full or cut to its first three to five letters ("Tue", "Thurs", "Sat.").
_WEEKDAY_WORD = (
    rf"(?:{WEEKDAY}|"
    + "|".join(sorted({w[:k] for w in WEEKDAYS for k in (3, 4, 5)}, key=len, reverse=True))
    + r")\.?"
)
_DATE_TOKEN = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d./-])"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?\s?m\b\.?))?"
    r"|(?<!\w)(?i:" + _MONTH_WORD + r"|" + _WEEKDAY_WORD + r")(?![\w])"
    r"|'\d{2}\b|\d{1,4}(?:st|nd|rd|th)?\b"
    r"|(?<!\w)(?i:[ap]\.?m\b\.?)|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,4}T\b|[+-]\d{2}:?\d{2}\b"
    r"|(?<!\w)(?i:of|the)(?=\s))"
)
_DATE_RUN = re.compile(_DATE_TOKEN + r"(?:(?:\s*[,/|·•@–—-]\s*|\s+|\s+at\s+)" + _DATE_TOKEN + r")*")
_RANGE = re.compile(
    rf"(?i)\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–—]|to|until)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}"
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*[-–—]\s*\d{{1,2}}\b(?!:)"
)
_YEAR = re.compile(r"(?<![\d:.])(?:1[89]|2[01])\d{2}(?![\d:])")
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")
_DATE_LABEL = lexicon.alternation("date_labels")
_LABEL = re.compile(rf"(?i)\b(?P<label>{_DATE_LABEL})\b(?:\s+(?:on|at))?[\s:.,-]*$")
_UPDATED_LABELS = ("updated", "modified", "edited")
_MAX_RUN = 80
_DATE_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": True,
}


@dataclass(frozen=True)
class LineDate:
    """A full calendar date stated in one line, with where it stands and how it is labelled."""

    day: dt.date
    start: int
    end: int
    text: str
    label: str = ""
    """'published' (Published, Posted, Date, ...), 'updated' (Updated, Modified) or ''."""
    ambiguous: str = ""
    """For an all-numeric date whose day and month could be swapped: the other reading."""

    @property
    def updated(self) -> bool:
        return self.label == "updated"


def _parse_run(run: str) -> dt.date | None:
    import dateparser  # imported on first use: slow to load

    text = re.sub(r"\s*[|·•@]\s*|\s+/\s+", " ", run).strip(" ,-–—/")
    tries = [text]
    year = list(_YEAR.finditer(text))
    if year:
        tries.append(text[: year[0].end()])  # the time and zone after the year are a bonus
    for t in tries:
        try:
            got = dateparser.parse(t, languages=["en"], settings=_DATE_SETTINGS)
        except Exception:  # a third-party parser on untrusted text: no answer, no crash
            got = None
        if got is not None and 1800 <= got.year <= 2200:
            return got.date()
    return None


def _full_date_shape(run: str) -> bool:
    """Whether a run can state a whole date: an ISO or numeric date, or a month name with
    a day and a year, and not a range of days."""
    if re.search(r"\d{4}-\d{2}-\d{2}", run) or _NUMERIC.search(run):
        return True
    months = re.findall(rf"(?i)(?<!\w){_MONTH_WORD}(?!\w)", run)
    numbers = re.findall(r"(?<![\d:.])\d{1,4}(?![\d:])|'\d{2}", run)
    return len(months) == 1 and len(numbers) >= 2


def find_dates(line: str) -> list[LineDate]:
    """Every full calendar date a (header) line states, in order. A date range, a month or
    a year alone, and a date with a part missing state none."""
    out: list[LineDate] = []
    prev = 0
    for m in _DATE_RUN.finditer(line):
        run = m.group(0).rstrip(" ,-–—/|·•@")
        run = re.sub(r"(?i)\s+(?:of|the)$", "", run)
        lone = re.search(r"(?:\s*[,|·•@–—]\s*|\s+)\d{1,2}$", run)
        if lone and _YEAR.search(run[: lone.start()]):
            run = run[: lone.start()]  # "Jan 16, 2025 · 4 min read"
        if len(run) > _MAX_RUN or not re.search(r"\d", run) or not _full_date_shape(run):
            continue  # (a date with its time and zone is far shorter than _MAX_RUN)
        if _RANGE.search(run) or len(_YEAR.findall(run)) > 1:
            continue  # "12-14 March 2024", "12 March 2024 - 14 March 2024"
        between = line[prev : m.start()]
        if out and re.fullmatch(r"(?i)\s*(?:to|until|till|through|and|[-–—])\s*", between):
            out.pop()  # "12 March 2024 to 14 March 2024": a range
            prev = m.end()
            continue
        day = _parse_run(run)
        prev = m.end()
        if day is None:
            continue
        lab = _LABEL.search(line[max(0, m.start() - 40) : m.start()])
        label = ""
        if lab:
            word = lab.group("label").lower()
            label = "updated" if word.endswith(_UPDATED_LABELS) else "published"
        ambiguous = ""
        num = _NUMERIC.search(run)
        if num and not re.search(r"(?i)[a-z]{3}", run.replace("T", " ")):
            a, b = int(num.group(1)), int(num.group(2))
            if a != b and a <= 12 and b <= 12:
                try:
                    other = dt.date(day.year, day.day, day.month)
                    ambiguous = other.isoformat()
                except ValueError:
                    ambiguous = ""
        out.append(LineDate(day, m.start(), m.start() + len(run), run, label, ambiguous))
    return out


def preferred(dates: list[LineDate]) -> LineDate | None:
    """The publication date among a line's or a header's dates: the first labelled as
    published, else the first unlabelled, else the first updated one."""
    for want in ("published", ""):
        hit = next((d for d in dates if d.label == want), None)
        if hit:
            return hit
    return dates[0] if dates else None


def date_line(plain: str) -> tuple[LineDate, str] | None:
    """A header line that is a date, perhaps with an outlet name: (its publication date,
    name or ''); None when the line states no full date or is a sentence with a date in it."""
    dates = find_dates(plain)
    best = preferred(dates)
    if best is None:
        return None
    # What is left after the dates, their labels, posting words and reading times.
    rest = plain
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _EMBARGO.sub("", rest)  # "EMBARGOED UNTIL 00:01 GMT WEDNESDAY 11 JUNE 2025"
    rest = re.sub(r"(?i)\b\d+\s*min(?:ute)?s?\.?\s+read\b", " ", rest)
    rest = re.sub(
        rf"(?i)\b(?:{_DATE_LABEL}|on|at|last)\b",
        " ",
        rest,
    )
    words = [w for w in re.split(r"[\s,|•·:/–—()\[\]-]+", rest) if w]
    if len(words) > 5:
        return None
    name = (
        " ".join(words) if words and all(w[:1].isupper() or w[:1].isdigit() for w in words) else ""
    )
    if re.match(r"(?i)by\s", name):
        name = ""  # "By Aoife Brennan 12 March 2025": a byline with its date, not an outlet
    return best, name


def _date_line(plain: str) -> tuple[dt.date, str] | None:
    """`date_line` with the date as a calendar day."""
    got = date_line(plain)
    return (got[0].day, got[1]) if got else None


def outlet_from_url(url: str, text: str) -> str:
    """An outlet's name from its web address: the spelling the text uses if it names it
    ("globalresearch.ca" → "Global Research"), else the domain label made readable."""
    host = urlparse(url if "://" in url else "http://" + url).netloc.lower()
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    parts = host.split(".")
    label = (
        parts[-3]
        if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2
        else parts[-2]
        if len(parts) >= 2
        else host
    )
    for m in re.finditer(r"\b[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,4}", text):
        cand = m.group(0)
        words = cand.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                phrase = " ".join(words[i:j])
                if re.sub(r"[^a-z0-9]", "", phrase.lower()) == label:
                    return phrase
    if label.startswith("the") and len(label) > 6:
        return "The " + label[3:].capitalize()
    return label.capitalize()
