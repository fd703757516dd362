"""Header lines of a seed: bylines ("By A, B and C", "A, Professor, University"), date lines
with an outlet's name, and an outlet's name from its web address."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from ._dates import parse_loose_date
from .clean import strip_markup

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_NAME_TOKEN = rf"(?:[{_UP}][\w’'.-]*|de|da|van|von|der|den|del|la|le|bin|al|el|ibn|dos|du)"
_PERSON = re.compile(rf"[{_UP}][\w’'.-]*(?:\s+{_NAME_TOKEN}){{1,4}}")
_AFFIL = re.compile(
    r"\b(?:University|Professor|Lecturer|Researcher|Research|Fellow|Director|Analyst|"
    r"Editor|Correspondent|Reporter|Writer|Institute|School|College|Centre|Center|Reader|"
    r"Dean|Chair|Student|Candidate|Scholar|Journalist|Contributor|Columnist|Associate|"
    r"Scientist|Department|Staff)\b"
)
_DATE_WORDS = re.compile(r"^(?:updated|published|posted|last|modified|on|date|dated)$", re.I)


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


def parse_byline(line: str) -> list[str]:
    """Author names from a byline: "By A, B and C" or "A, Professor, University; B, ..."."""
    line = strip_markup(line)
    m = re.match(
        r"^(?:by|written by|words by|reporting by|edited by|compiled by|reporting)\s*:?\s+(.+)$",
        line,
        re.I,
    )
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


def _date_line(plain: str) -> tuple[dt.date, str] | None:
    """A header line that is a date, perhaps with an outlet name: (date, name or '')."""
    day = parse_loose_date(plain)
    if day is None:
        return None
    # "X via Y · Posted Jan 16, 2025 · 4 min read": reading times and posting words go.
    plain = _EMBARGO.sub("", plain)  # "EMBARGOED UNTIL 00:01 GMT WEDNESDAY 11 JUNE 2025"
    segments = [
        re.sub(r"(?i)^(?:posted|published|updated|first published)(?:\s+on)?\s*:?\s*", "", seg)
        for seg in re.split(r"\s+[·•|]\s+", plain)
        if not re.fullmatch(r"(?i)\s*\d+\s*min(?:ute)?s?\.?\s+read\s*", seg)
    ]
    plain = " | ".join(segments)
    rest = re.sub(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?", " ", plain)
    rest = re.sub(
        r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b|\b\d{1,4}(?:st|nd|rd|th)?\b",
        " ",
        rest,
    )
    words = [
        w
        for w in re.split(r"[\s,|•·:/–—-]+", rest)
        if w
        and not _DATE_WORDS.match(w)
        and w.lower()
        not in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "gmt", "utc", "bst", "est")
    ]
    if len(words) > 5:
        return None
    name = (
        " ".join(words) if words and all(w[:1].isupper() or w[:1].isdigit() for w in words) else ""
    )
    if re.match(r"(?i)by\s", name):
        name = ""  # "By Aoife Brennan 12 March 2025": a byline with its date, not an outlet
    return day, name


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
