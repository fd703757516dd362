"""Plausibility checks on an assembled record: pure functions of the record dict, the seed's
text and the publication date.

Each check names what is implausible in a `Finding` (key path, what is wrong, what to do).
`make_plausible` applies the fixes at the end of extraction; `briefings check` reports the
same findings as warnings on any record (`findings`).

- `dateline_persons`: a dateline's place ("N'DJAMENA, Chad –") typed as a person;
- `event_dates`: an `occurred` event dated after the publication date, or a `planned` one
  that ends before it;
- `event_statements`: a timeline "event" that is a date/time line or a dateline, no statement;
- `primary_speakers`: a `primary` source that is no speaker, document or body but a noun
  phrase such as "eight agreements signed";
- `anonymous_sources`: a source the text does not name ("a source familiar with the visit")
  that is not marked `anonymous: true`;
- `outlet_names`: an original or republisher that is a common word, a page label or a photo
  credit (the extractor never writes one: `sources.is_outlet` keeps them out).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from . import lexicon
from .clean import dateline


@dataclass(frozen=True)
class Finding:
    """One implausible field of a record."""

    path: str
    """Key path of the field ("timeline[2].status")."""
    problem: str
    fix: str

    def message(self) -> str:
        return f"{self.problem}; {self.fix}"


def _items(rec: dict[str, Any], key: str) -> list[Any]:
    """The list under `key` (empty when the record holds something else there)."""
    value = rec.get(key) if isinstance(rec, dict) else None
    return value if isinstance(value, list) else []


# --- a dateline place is not a person -------------------------------------------------


def dateline_places(text: str) -> set[str]:
    """The places that open a wire dateline in the text ("GOMA, Congo (Reuters) -" ->
    "goma"), casefolded."""
    places = set()
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"^[\s>*_#]+", "", para)
        n, _agency = dateline(para)
        if n:
            place = re.split(r"[,(–—-]", para[:n])[0].strip(" *_")
            if place and not re.search(r"\d", place):
                places.add(place.casefold())
    return places


def dateline_persons(rec: dict[str, Any], text: str) -> list[Finding]:
    """Actors typed `person` whose name is the place of a dateline."""
    places = dateline_places(text)
    out = []
    for i, actor in enumerate(_items(rec, "actors")):
        if not isinstance(actor, dict) or actor.get("type") != "person":
            continue
        if str(actor.get("name", "")).casefold() in places:
            out.append(
                Finding(
                    f"actors[{i}].type",
                    f"'{actor['name']}' opens the seed's dateline: it is a place, not a person",
                    "set its type to place (or remove the actor)",
                )
            )
    return out


# --- events and the publication date --------------------------------------------------

_EDTF_DAY = re.compile(r"^(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$")


def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an EDTF date can mean ("2024-03" -> 1 to 31 March 2024);
    None for a date that is uncertain or approximate ("2024~"), open or unreadable."""
    value = str(value).strip()
    if not value or re.search(r"[~?%]|\.\.|^/|/$", value):
        return None
    parts = value.split("/")
    if len(parts) > 2:
        return None
    bounds = [_one_bounds(p) for p in parts]
    if any(b is None for b in bounds):
        return None
    return bounds[0][0], bounds[-1][1]  # type: ignore[index]


def _one_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    m = _EDTF_DAY.match(value)
    if not m:
        return None
    year = int(m.group(1))
    month, day = m.group(2), m.group(3)
    try:
        if not month or month == "XX":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        mo = int(month)
        if not day or day == "XX":
            return dt.date(year, mo, 1), dt.date(year, mo, calendar.monthrange(year, mo)[1])
        d = dt.date(year, mo, int(day))
        return d, d
    except ValueError:
        return None


def publication_date(rec: dict[str, Any]) -> dt.date | None:
    """The record's publication date when it is one known day."""
    b = date_bounds(str(rec.get("date", "")))
    return b[0] if b and b[0] == b[1] else None


# What keeps a plan that was due before the publication date a plan: it did not happen.
_CALLED_OFF = re.compile(rf"(?i)\b{lexicon.alternation('called_off')}")


def _words(ev: dict[str, Any]) -> str:
    return f"{ev.get('event', '')} {ev.get('evidence', '')}"


def event_dates(rec: dict[str, Any], date: dt.date | None = None) -> list[Finding]:
    """`occurred` events that start after the publication date; `planned` ones that end
    before it, unless the event says the plan was called off or put off."""
    date = date or publication_date(rec)
    if date is None:
        return []
    out = []
    for i, ev in enumerate(_items(rec, "timeline")):
        if not isinstance(ev, dict):
            continue
        bounds = date_bounds(str(ev.get("date", "")))
        if bounds is None:
            continue
        status = ev.get("status")
        if status == "occurred" and bounds[0] > date:
            out.append(
                Finding(
                    f"timeline[{i}].status",
                    f"occurred, but dated {ev['date']}, after the publication date "
                    f"{date.isoformat()}",
                    "set the status to planned, or correct the event's date",
                )
            )
        elif status == "planned" and bounds[1] < date and not _CALLED_OFF.search(_words(ev)):
            out.append(
                Finding(
                    f"timeline[{i}].status",
                    f"planned, but dated {ev['date']}, before the publication date "
                    f"{date.isoformat()}",
                    "set the status to occurred, or correct the event's date",
                )
            )
    return out


# --- a timeline event is a statement --------------------------------------------------

_DATE_WORDS = re.compile(
    rf"(?i)^(?:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR}|{lexicon.WEEKDAY}|"
    rf"{lexicon.alternation('weekday_abbreviations')}|{lexicon.alternation('date_line_words')})$"
)


def is_statement(event: str) -> bool:
    """Whether a timeline event reads as a statement: at least three words, one of them a
    lowercase word that is no date or time word. A date/time line ("Thursday, February 23,
    2006", "Updated: 8:42 AM GMT") or a dateline ("MOSCOW, March 3 (Sputnik) -") is not."""
    text = " ".join(str(event).split())
    n, _agency = dateline(text + " X")
    if n and not re.search(r"[a-z]{2,}", text[n:]):
        return False  # a dateline with nothing after it
    words = re.findall(r"[^\W\d_][\w’'.-]*", text)
    lower = [w for w in words if w[0].islower() and not _DATE_WORDS.match(w.strip("."))]
    return len(text.split()) >= 3 and bool(lower)


def event_statements(rec: dict[str, Any]) -> list[Finding]:
    """Timeline events that are a date/time line or a dateline, not a statement."""
    out = []
    for i, ev in enumerate(_items(rec, "timeline")):
        if isinstance(ev, dict) and not is_statement(str(ev.get("event", ""))):
            out.append(
                Finding(
                    f"timeline[{i}].event",
                    f"'{ev.get('event')}' is a date or dateline line, not a statement of "
                    "what happened",
                    "write what happened on that date, or remove the event",
                )
            )
    return out


# --- a primary source is a speaker, a document or a body ------------------------------

_NUMBER = re.compile(
    r"(?i)^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds?|thousands?|several|many|some|few|both)$"
)
# Heads of a phrase that can speak or be cited: people, bodies, documents and figures.
_SPEAKER_HEADS = re.compile(rf"(?i)^{lexicon.alternation('speaker_heads')}$")
_PARTICIPLES = re.compile(
    r"(?i)^(?:\w{3,}ed|made|held|seen|taken|given|done|won|struck|set|put|built|sold|bought|"
    r"paid|met|brought|kept|left|lost|found|shown|known|written|drawn|chosen|frozen)$"
)


def is_speaker(name: str) -> bool:
    """Whether a primary source's name can be a speaker, a document or a body: not a noun
    phrase about things ("eight agreements signed", "three new ports")."""
    words = [w.strip(",.;:()\"“”‘’'") for w in str(name).split()]
    words = [w for w in words if w]
    if not words:
        return False
    named = any(w[:1].isupper() for w in words[1:]) or words[0][:1].isupper() and len(words) == 1
    people = any(_SPEAKER_HEADS.match(w) or w.lower() in ("who", "whom") for w in words)
    if not named and not people and len(words) >= 2 and _PARTICIPLES.match(words[-1]):
        return False  # "eight agreements signed": things done, not someone who said them
    if _NUMBER.match(words[0]) and not named:
        head = words[-1]
        return bool(_SPEAKER_HEADS.match(head))
    return True


def primary_speakers(rec: dict[str, Any]) -> list[Finding]:
    """`primary` links whose name cannot be a speaker, document or body."""
    out = []
    for i, link in enumerate(_items(rec, "source_chain")):
        if (
            isinstance(link, dict)
            and link.get("role") == "primary"
            and not is_speaker(str(link.get("name", "")))
        ):
            out.append(
                Finding(
                    f"source_chain[{i}].name",
                    f"'{link.get('name')}' is no speaker, document or body that the text quotes",
                    "name who said it (the person, body or document), or remove the link",
                )
            )
    return out


# --- anonymous sources ----------------------------------------------------------------

_ANONYMOUS = re.compile(
    r"(?i)\b(?:familiar with|(?:asked|requested|spoke on condition) not to be "
    r"(?:named|identified)|(?:declined|refused) to be (?:named|identified)|"
    r"(?:asked|declined|requested) (?:that )?(?:his |her |their )?"
    r"(?:name|names|identity|identities) (?:not be|be withheld)|"
    r"on (?:the )?condition of anonymity|not authori[sz]ed to (?:speak|comment)|"
    r"anonymous(?:ly)?|unnamed|unidentified|with knowledge of|close to the)\b"
)
_UNNAMED_HEAD = re.compile(
    r"(?i)^(?:an?|one|two|three|four|several|some|other|senior|"
    r"(?:a|an|one|two|three)\s+(?:senior|top|high-ranking|western|european|american|"
    r"government|military|security|diplomatic|administration|official))\s+"
    r"(?:senior\s+|top\s+|high-ranking\s+)?(?:\w+\s+)?"
    r"(?:source|sources|official|officials|person|people|diplomat|diplomats|insider|insiders)\b"
)


def is_anonymous(name: str, evidence: str = "") -> bool:
    """Whether a source's name withholds who it is: "a source familiar with the visit",
    "officials who asked not to be named", "a senior diplomat"; or a common noun the quote
    `evidence` describes so ("Officials" in "Officials who asked not to be named said")."""
    name = " ".join(str(name).split())
    if _ANONYMOUS.search(name):
        return True
    words = name.split()
    if evidence and words and not any(w[:1].isupper() for w in words[1:]):
        at = " ".join(evidence.split()).find(name)
        if at >= 0:
            after = re.split(r"[.;:!?]", " ".join(evidence.split())[at + len(name) :])[0]
            if re.match(r"\s*,?\s*(?:who|which|that)\b", after) and _ANONYMOUS.search(after):
                return True
    m = _UNNAMED_HEAD.match(name)
    return m is not None and not re.search(r"\b[A-Z][a-z]+\b", name[m.end() :])


def anonymous_sources(rec: dict[str, Any]) -> list[Finding]:
    """Sources the text does not name that are not marked `anonymous: true`."""
    out = []
    for i, link in enumerate(_items(rec, "source_chain")):
        if not isinstance(link, dict) or link.get("role") != "primary":
            continue
        anonymous = is_anonymous(str(link.get("name", "")), str(link.get("evidence", "")))
        if anonymous and link.get("anonymous") is not True:
            out.append(
                Finding(
                    f"source_chain[{i}]",
                    f"'{link.get('name')}' is an unnamed source",
                    "add 'anonymous: true' so the site does not merge it with other "
                    "briefings' sources",
                )
            )
    return out


# --- outlets --------------------------------------------------------------------------


def outlet_names(rec: dict[str, Any]) -> list[Finding]:
    """`original` and `republisher` links whose name is no outlet by its form: a single
    common word or a page label ("Logo", "Home", "Latest News"), or a name its quote gives
    only as a photo credit ("Photo: Ann Lee/Reuters")."""
    from .sources import looks_like_no_outlet

    out = []
    for i, link in enumerate(_items(rec, "source_chain")):
        if not isinstance(link, dict) or link.get("role") not in ("original", "republisher"):
            continue
        name = str(link.get("name", ""))
        if looks_like_no_outlet(name, str(link.get("evidence", ""))):
            out.append(
                Finding(
                    f"source_chain[{i}].name",
                    f"'{name}' is a common word, a page label or a photo credit, not an outlet",
                    "name the outlet that published the story, or remove the link",
                )
            )
    return out


# --- all checks -------------------------------------------------------------------------


def findings(rec: dict[str, Any], text: str, date: dt.date | None = None) -> list[Finding]:
    """Every implausible field of a record (the seed's text and publication date given)."""
    return [
        *dateline_persons(rec, text),
        *event_dates(rec, date),
        *event_statements(rec),
        *primary_speakers(rec),
        *anonymous_sources(rec),
        *outlet_names(rec),
    ]


def make_plausible(rec: dict[str, Any], text: str, date: dt.date | None) -> dict[str, Any]:
    """The record with each finding fixed: a dateline place retyped as a place, an event's
    status set by its date, a date or dateline line dropped from the timeline, a non-speaker
    dropped from the primary sources, an unnamed source marked anonymous."""
    places = dateline_places(text)
    for actor in _items(rec, "actors"):
        if actor.get("type") == "person" and str(actor.get("name", "")).casefold() in places:
            actor["type"] = "place"
    for f in event_dates(rec, date):
        i = int(re.search(r"\[(\d+)\]", f.path).group(1))  # type: ignore[union-attr]
        ev = rec["timeline"][i]
        ev["status"] = "planned" if ev["status"] == "occurred" else "occurred"
    if "timeline" in rec:
        rec["timeline"] = [e for e in rec["timeline"] if is_statement(str(e.get("event", "")))]
    if "source_chain" in rec:
        chain = []
        for link in rec["source_chain"]:
            if link.get("role") == "primary":
                if not is_speaker(str(link.get("name", ""))):
                    continue
                if is_anonymous(str(link.get("name", "")), str(link.get("evidence", ""))):
                    link["anonymous"] = True
            chain.append(link)
        rec["source_chain"] = chain
    return rec
