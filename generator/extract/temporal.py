"""Find temporal expressions in any English text and normalise them to EDTF strings.

`find_temporal(text, anchor)` is self-contained (regexes + small resolution functions, no
model), so the `briefings dates` command can use it on any text. Relative expressions
("last week", "next year", "on Saturday") are resolved against `anchor`, the publication date.
Values give what the expression denotes: "July 11-12" an interval of days, "last week" the
seven days of that calendar week (Monday to Sunday), "late September" 15-30 September,
"the end of the year" 31 December, "early 2020" a year. Where the briefing records date an
event more coarsely (tests/data/devset/README.md: "last week" inside one month is the month,
"late February" the month, "at the end of the year" the year), `Temporal.coarse` holds that
value, and the timeline uses it. Dates without a year or week (a bare weekday, "in March",
"May 5") are placed by the tense of their clause, read from its words (`clause_tense`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import lexicon
from ._dates import (
    WEEKDAYS,
    WORD_NUM,
    D,
    month_no,
    shift_month,
    tensed_year,
)
from .temporal_patterns import PATTERNS, PRIORITY
from .temporal_ranges import Temporal, merge_ranges


def find_temporal(text: str, anchor: dt.date) -> list[Temporal]:
    """Every temporal expression in `text`, in order, resolved against `anchor`.

    Values are EDTF strings that `edtf.parse_edtf` accepts.
    """
    raw: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pat in PATTERNS:
        for m in pat.finditer(text):
            s = m.start()
            if name == "month" and m.group("prep"):
                s = m.end("prep")
            raw.append((s, m.end(), name, m))
    # Longest match wins; on equal spans the earlier pattern in the list (more specific).
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), PRIORITY[r[2]]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for item in raw:
        if item[0] >= last_end and text[item[0] : item[1]].strip():
            chosen.append(item)
            last_end = item[1]
    state = _State(anchor, text)
    years = _years_named(text, chosen)
    out: list[Temporal] = []
    for s, e, name, m in chosen:
        state.span = (s, e)
        if name == "qyear" and not m.group("qual") and not _is_year(text, s, e, years):
            continue  # "1500 troops", "about 2000", "at 2053 GMT", "Local 1709": no year
        if name == "vagueago":
            # "several years ago": some time before the writing, an open interval (vague)
            out.append(Temporal(s, e, text[s:e], f"../{anchor.isoformat()}", True, -1, False, True))
            continue
        res = _resolve(name, m, state)
        if res is None:
            continue
        lo, hi, approx, relative, direction, vague = res
        # Strip trailing white space and possessives from the quoted span.
        while e > s and text[e - 1] in " \t\n,":
            e -= 1
        value = _edtf(lo, hi, approx)
        repeat = False
        if name in ("mdy", "dmy") and not m.group("y") and (lo.m, lo.d) in state.days_seen:
            repeat = True
            lo = hi = D(state.days_seen[(lo.m, lo.d)], lo.m, lo.d)
            value = _edtf(lo, hi, approx)
        if lo.d and lo == hi and not relative:
            state.days_seen.setdefault((lo.m, lo.d), lo.y)
        if not relative and not vague:
            state.last_year = hi.y
        coarse = ""
        if name in ("rel", "ago") and lo.d and hi.d and (lo.y, lo.m) == (hi.y, hi.m):
            coarse = _edtf(D(lo.y, lo.m), D(lo.y, lo.m), approx)  # a week inside one month
        out.append(Temporal(s, e, text[s:e], value, relative, direction, repeat, vague, coarse))
    return [_refine(t) for t in merge_ranges(text, out, anchor)]


_PART_OF_MONTH = re.compile(
    r"(?i)^(?:the\s+)?(?:very\s+)?(?P<q>early|beginning\s+of|start\s+of|mid|middle\s+of|late|"
    r"end\s+of)[\s-]+(?:the\s+month\s+of\s+)?[A-Z]"
)
_END_OF_YEAR = re.compile(
    r"(?i)^(?:the\s+end\s+of\s+(?:the|this|next|last)\s+year|(?:the\s+)?year[- ]end)$"
)
#: The days of a month a part of it names: early, mid-, late; "the end of" is its last day.
_PART_DAYS = {
    "early": (1, 15),
    "beginning": (1, 15),
    "start": (1, 15),
    "mid": (10, 20),
    "middle": (10, 20),
    "late": (15, 31),
    "end": (31, 31),
}


def _refine(t: Temporal) -> Temporal:
    """The days a part of a month or year names, where the match gave the whole period:
    "late September" is 15-30 September, "the end of the year" 31 December; the period
    stays as the value at record precision (`coarse`), as the gold records date them."""
    if t.coarse or "/" in t.value:
        return t
    d = D.parse(t.value.rstrip("~"))
    if d is None or d.d:
        return t
    if d.m is None and _END_OF_YEAR.match(t.text.strip()):
        return replace(t, value=f"{d.y:04d}-12-31", coarse=t.value)
    m = _PART_OF_MONTH.match(t.text.strip())
    if d.m is None or d.m > 12 or not m:
        return t
    first, last = _PART_DAYS[m.group("q").split()[0].lower()]
    last = min(last, calendar.monthrange(d.y, d.m)[1])
    first = min(first, last)
    lo, hi = D(d.y, d.m, first), D(d.y, d.m, last)
    return replace(t, value=_edtf(lo, hi, False), coarse=t.value)


_COUNTED = re.compile(
    r"\s+(?:more\s+|other\s+|additional\s+)?(?:people|persons|troops|soldiers|civilians|deaths|dead|children|"
    r"women|men|residents|refugees|votes|voters|members|workers|jobs|homes|houses|cases|units|tonnes|"
    r"tons|barrels|km|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|pounds|words|pages|"
    r"times|hours|minutes|seconds|killed|injured|wounded|displaced)\b",
    re.I,
)
_QUANT = re.compile(
    r"\b(?:about|around|some|nearly|almost|approximately|roughly|than|least|over|"
    r"under|up to|estimated)\s+$",
    re.I,
)


_YEAR_CUES = lexicon.word_set("year_cues")
_NUMBER_LABELS = lexicon.word_set("number_labels")
_PLURALS = lexicon.word_set("irregular_plurals")
_ARTICLES = lexicon.word_set("clause_determiners")  # "the 2014 protests": a year
_PREV_WORD = re.compile(r"(\S+)\s*$")
_NEXT_WORD = re.compile(r"\s+(?:more\s+|other\s+|additional\s+)?([a-z][a-z’'-]*)")
_CLOCK_AFTER = re.compile(
    rf"\s*(?:{lexicon.alternation('time_zones')}\b|hours\b|hrs\b|h\b|local\s+time\b|Z\b)"
)
_DAY_BEFORE = re.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?,?|\b\d{{4}},|(?i:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR})\.?,?)$"
)


def _plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun ("schoolchildren", "votes", "levels")."""
    if word in _PLURALS:
        return True
    return (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "’s", "'s"))
    )


def _years_named(text: str, chosen: list[tuple[int, int, str, re.Match[str]]]) -> set[str]:
    """The four-digit numbers the text uses as years somewhere: inside a date or a range
    ("July 2003", "2000 - 2050"), or bare with a cue ("in 2000")."""
    out = set()
    for s, e, name, m in chosen:
        y = m.groupdict().get("y")
        if y and len(y) == 4 and (name != "qyear" or _year_evidence(text, s, e) == 1):
            out.add(y)
    return out


def _is_year(text: str, s: int, e: int, years: set[str]) -> bool:
    """A bare four-digit number is a year with a cue, or without one when the text uses
    the same number as a year elsewhere ("of 2000 levels" after "over 2000 - 2050")."""
    evidence = _year_evidence(text, s, e)
    return evidence == 1 or evidence == 0 and text[e - 4 : e] in years


def _year_evidence(text: str, s: int, e: int) -> int:
    """Whether the bare four-digit number text[s:e] is a year: 1 when a word before it says
    so ("in", "since", "the", lexicon/year_cues.txt), or a day or month ("March 14, 2024"),
    a name ("World Cup 2018"), a comma, a bracket or the start of a sentence stands before
    it, or a word that is no plural follows ("fellow 2012 presidential candidate"). -1 (never
    a year) after a colon ("20:53"), after a label ("Local 1709",
    lexicon/number_labels.txt), before a time zone ("2053 GMT") or after a quantity word
    ("about 2000"). 0 (a count, unless the text uses the number as a year elsewhere) before
    a counted noun ("1709 schoolchildren"; "the 2014 protests" is a year) or with no cue."""
    before = text[max(0, s - 40) : s]
    if re.search(r"[:#]\s*$", before) or _QUANT.search(before) or _CLOCK_AFTER.match(text, e):
        return -1
    pm = _PREV_WORD.search(before)
    prev = pm.group(1) if pm else ""
    low = prev.lower()
    if low in _NUMBER_LABELS or low.rstrip(".") in _NUMBER_LABELS:
        return -1
    if _DAY_BEFORE.search(prev) and (prev[:1].isupper() or prev[:1].isdigit()):
        return 1  # "April 2023", "March 14, 2024", "2009, 2010"; not "may", "march"
    nxt = _NEXT_WORD.match(text, e)
    if _COUNTED.match(text, e) or nxt and nxt.group(1) in _PLURALS:
        return 0  # "1500 troops", "the 1709 schoolchildren": people are counted, not dated
    if nxt and _plural(nxt.group(1)) and low not in _ARTICLES:
        return 0  # "1520 ballots"; "the 2014 protests" is a year
    if low in _YEAR_CUES or low.endswith(("©", ",")):
        return 1
    if not pm or prev[-1] in '.!?("“[' or "\n" in before[pm.end(1) :]:
        return 1  # at the start of a sentence, a line or a bracket
    if prev[:1].isupper() and not prev.isdigit():
        return 1  # "World Cup 2018", "Expo 2016"
    return int(nxt is not None and nxt.group(1) not in lexicon.STOP_WORDS)


class _State:
    """What the resolver has seen so far: the anchor, the last explicit year, dated days."""

    def __init__(self, anchor: dt.date, text: str = "") -> None:
        self.anchor = anchor
        self.text = text
        self.span = (0, 0)
        self.last_year: int | None = None
        self.days_seen: dict[tuple[int | None, int | None], int] = {}


_Res = tuple[D, D, bool, bool, int, bool]

_PAST_FORMS = lexicon.word_set("past_forms")
_FUTURE_MARKERS = lexicon.word_set("future_markers")
_NOT_PAST_ED = lexicon.word_set("not_past_ed")
_BE_NOW = frozenset({"is", "are", "am", "be", "being"})
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


_DETERMINERS = lexicon.word_set("clause_determiners")


def _marker(words: list[str], i: int) -> int:
    """-1 when word i marks a past clause, +1 a future one, 0 neither."""
    w = words[i]
    low = w.lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    prev = words[i - 1].lower() if i else ""
    if low in _FUTURE_MARKERS or low == "going" and nxt == "to":
        return 1
    if low in ("is", "are") and nxt == "to":
        return 1  # "are to travel on Wednesday"
    if low in _PAST_FORMS and prev not in _BE_NOW:
        return -1  # "was held"; not "is to be held" (a participle)
    if (
        low.endswith("ed")
        and len(low) > 4
        and w[0].islower()
        and low not in _NOT_PAST_ED
        and prev not in _BE_NOW
        and prev not in _DETERMINERS
        and not (prev.endswith("ly") and len(prev) > 4)
    ):
        return -1  # "announced"; not "is closed" (a present passive), "United", "a highly
        # polarised election" (a participle as adjective)
    return 0


_OPENERS = lexicon.word_set("clause_openers")
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\b(?:which|who|that|and|but|while)\b")


_UNTIL = frozenset({"until", "till", "through", "to"})
_REPORTING = lexicon.word_set("reporting_verbs_past")


def reported(words: list[str]) -> bool:
    """A past verb of saying among `words`: what follows is reported speech."""
    return any(w.lower() in _REPORTING for w in words)


def clause_tense(text: str, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown: the tense the words of the expression's sentence give
    it, read without a parser: the nearest tense marker before the expression in its sentence
    ("was held on Sunday", "will meet on Friday"); for an expression that opens its sentence,
    the first marker of the clause after it ("On Saturday, X interviewed"). An infinitive
    between the marker and the expression ("agreed to resume talks in March") leaves the
    tense open."""
    lo = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)),
        default=max(0, start - 300),
    )
    hi_m = _SENTENCE_END.search(text, end)
    hi = hi_m.start() if hi_m else min(len(text), end + 300)
    before = [m.group(0) for m in _WORD.finditer(text, lo, start)]
    for i in range(len(before) - 1, -1, -1):
        low = before[i].lower()
        nxt = before[i + 1] if i + 1 < len(before) else ""
        if low == "to" and nxt[:1].islower() and nxt.lower() not in _DETERMINERS:
            prev = before[i - 1].lower() if i else ""
            return 1 if prev in ("is", "are", "going") else 0  # "agreed to resume"
        mark = _marker(before, i)
        if mark < 0 and before and before[-1].lower() in _UNTIL and reported(before[:i]):
            return 0  # "said its pipeline was funded until November": a backshifted present
        if mark:
            return mark
    if any(w[0].islower() and w.lower() not in _OPENERS for w in before):
        return 0  # the date sits inside its sentence: a later clause is not its own
    rest = text[end:hi]
    lead = re.match(r"[\s,]*", rest)
    skip = lead.end() if lead else 0
    brk = _CLAUSE_BREAK.search(rest, skip)
    after = [m.group(0) for m in _WORD.finditer(rest, skip, brk.start() if brk else len(rest))]
    for i in range(len(after)):
        mark = _marker(after, i)
        if mark:
            return mark
    return 0


def _tense(st: _State) -> int:
    return clause_tense(st.text, *st.span) if st.text else 0


def _valid(y: int, m: int, d: int | None) -> bool:
    if not (1 <= m <= 12) or not (1000 <= y <= 2999):
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def _resolve(name: str, m: re.Match[str], st: _State) -> _Res | None:
    """Turn one match into (low, high, approximate, relative, direction, vague) or None."""
    resolver = _RESOLVERS.get(name)
    return resolver(m.groupdict(), st) if resolver else None


_Groups = dict[str, Any]


def _iso(g: _Groups, st: _State) -> _Res | None:
    y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
    return (D(y, mo, d), D(y, mo, d), False, False, 0, False) if _valid(y, mo, d) else None


def _day_month(g: _Groups, st: _State) -> _Res | None:
    """ "May 5", "5 May 2024", "5 May '24", "May 5-7"."""
    mo = month_no(g["mon"])
    d = int(g["d"])
    y2 = g.get("y2")
    if y2:
        y = 2000 + int(y2) if int(y2) < 50 else 1900 + int(y2)
    elif g.get("y"):
        y = int(g["y"])
    else:
        tense = _tense(st)
        mo2_ = month_no(g["mon2"]) if g.get("mon2") else mo
        if tense > 0 and g.get("d2") and (mo2_, int(g["d2"])) > (mo, d):
            # "is to run from January 23 through March 9": a span that is still to end
            y = tensed_year(st.anchor, mo2_, int(g["d2"]), tense)
        else:
            y = tensed_year(st.anchor, mo, d, tense)
    mo2 = month_no(g["mon2"]) if g.get("mon2") else mo
    if g.get("qual") and not g.get("d2"):
        return None  # "late May 5" is not a date form we understand
    if not _valid(y, mo, d):
        return None
    lo = hi = D(y, mo, d)
    if not y2 and g.get("d2"):
        d2 = int(g["d2"])
        if not _valid(y, mo2, d2) or (mo2, d2) <= (mo, d):
            return None
        hi = D(y, mo2, d2)
    return lo, hi, False, not (g.get("y") or y2), 0, False


def _month_year(g: _Groups, st: _State) -> _Res | None:
    mo, y = month_no(g["mon"]), int(g["y"])
    return (D(y, mo), D(y, mo), False, False, 0, False) if _valid(y, mo, None) else None


def _month(g: _Groups, st: _State) -> _Res | None:
    """A month without a year: "in May", "last March", "in June this year"."""
    a = st.anchor
    mo = month_no(g["mon"])
    prep = (g.get("prep") or "").strip().lower()
    rel = (g.get("rel") or "").lower()
    back = {"that": 0, "same": 0, "following": 1, "previous": -1}
    ref = next((back[w] for w in rel.split() if w in back), None)
    if ref is not None and st.last_year is not None:
        y = st.last_year + ref  # "in November that year": the year named before
    elif ref is not None:
        y = tensed_year(a, mo, None, _tense(st))
    elif "last year" in rel:
        y = a.year - 1
    elif "next year" in rel:
        y = a.year + 1
    elif "this year" in rel or prep == "this":
        y = a.year
    elif prep == "last":
        y = a.year if mo < a.month else a.year - 1
    elif prep == "next":
        y = a.year if mo > a.month else a.year + 1
    else:
        y = tensed_year(a, mo, None, _tense(st))
    return D(y, mo), D(y, mo), False, True, 0, False


def _season(g: _Groups, st: _State) -> _Res | None:
    season = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}[
        g["season"].lower()
    ]
    rel = (g.get("rel") or "").lower()
    if g.get("y"):
        y = int(g["y"])
    elif rel in ("this", "last", "next"):
        y = st.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        return None  # a bare "summer" is not a date
    if g["season"].lower() == "fall" and not g.get("y") and not rel:
        return None
    return D(y, season), D(y, season), False, not g.get("y"), 0, False


def _year_range(g: _Groups, st: _State) -> _Res | None:
    y1 = int(g["y"])
    y2s = g["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if len(y2s) == 2 and y2 < y1:
        y2 += 100
    if not (y1 < y2 <= y1 + 200) or y2 > st.anchor.year + 50:
        return None
    return D(y1), D(y2), False, False, 0, False


def _decade(g: _Groups, st: _State) -> _Res | None:
    y = int(g["y"])
    return D(y), D(y + 9), False, False, 0, True


def _year(g: _Groups, st: _State) -> _Res | None:
    y = int(g["y"])
    if y > st.anchor.year + 50:
        return None
    return D(y), D(y), False, False, 0, False


def _rel(g: _Groups, st: _State) -> _Res | None:
    return _resolve_rel(g["mod"].lower().split(), g["unit"].lower(), st.anchor)


def _ago(g: _Groups, st: _State) -> _Res | None:
    """ "three days ago", "two weeks later" (relative to another event: not resolved)."""
    a = st.anchor
    n = int(g["n"]) if g["n"].isdigit() else WORD_NUM[g["n"].lower()]
    sign = -1 if g["dir"].lower() in ("ago", "earlier") else 1
    unit = g["unit"].lower()
    if unit == "decade":
        unit, n = "year", 10 * n
    if g["dir"].lower() in ("earlier", "later"):
        return None  # relative to some other event, not to the anchor
    if unit == "day":
        day = a + dt.timedelta(days=sign * n)
        return D.of(day), D.of(day), False, True, sign, False
    if unit == "week":
        day = a + dt.timedelta(days=7 * sign * n)
        monday = day - dt.timedelta(days=day.weekday())
        return D.of(monday), D.of(monday + dt.timedelta(days=6)), False, True, sign, False
    if unit == "month":
        y, mo = shift_month(a.year, a.month, sign * n)
        return D(y, mo), D(y, mo), False, True, sign, False
    return D(a.year + sign * n), D(a.year + sign * n), False, True, sign, False


def _span_back(g: _Groups, st: _State) -> _Res | None:
    """ "the past 35 years": from that many years before the anchor's year up to it, a
    background span (vague) that dates no single event."""
    n = int(g["n"]) if g["n"].isdigit() else WORD_NUM[g["n"].lower()]
    if not 1 < n <= 200:
        return None
    a = st.anchor
    return D(a.year - n), D(a.year), False, True, -1, True


_PART_NO = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _part_of_year(g: _Groups, st: _State) -> _Res | None:
    """ "the second half of the year" (July-December), "the first quarter of 2025", "Q3 2024"."""
    if g.get("code"):
        unit = "half" if g["code"][0].upper() == "H" else "quarter"
        n, y = int(g["code"][1]), int(g["y2"])
    else:
        unit = g["unit"].lower()
        n = _PART_NO.get(g["part"].lower(), 4 if unit == "quarter" else 2)
        rel = (g.get("rel") or "").lower()
        y = int(g["y"]) if g.get("y") else st.anchor.year + {"next": 1, "last": -1}.get(rel, 0)
    size = 6 if unit == "half" else 3
    if n * size > 12:
        return None
    first = (n - 1) * size + 1
    rel_ = not g.get("y") and not g.get("y2")
    return D(y, first), D(y, first + size - 1), False, rel_, 0, False


def _century(g: _Groups, st: _State) -> _Res | None:
    """ "the 20th century" (1900-1999), "the past century": a background span (vague)."""
    if g.get("n"):
        n = int(g["n"])
    else:
        n = st.anchor.year // 100 + (0 if g["rel"].lower() == "this" else -1) + 1
    if not 1 <= n <= 30:
        return None
    return D((n - 1) * 100), D((n - 1) * 100 + 99), False, not g.get("n"), 0, True


_DECADE_WORDS = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)


def _decade_word(g: _Groups, st: _State) -> _Res | None:
    """ "the sixties": the decade of the last century (vague)."""
    y = 1920 + 10 * _DECADE_WORDS.index(g["w"].lower())
    return D(y), D(y + 9), False, False, 0, True


def _following(g: _Groups, st: _State) -> _Res | None:
    """ "the following year", "a year later": counted from the last year named."""
    mod = " ".join(g["mod"].lower().split())
    later = (g.get("later") or "").strip().lower()
    if mod == "the" and later in ("before", "after") and st.last_year is None:
        y = st.anchor.year + (1 if later == "after" else -1)  # no year named: from the writing
        return D(y), D(y), False, True, 0, False
    if st.last_year is None:
        return None
    if mod in ("a", "the") and not later:
        return None
    if mod == "the":
        if later not in ("before", "after"):
            return None
        y = st.last_year + (1 if later == "after" else -1)  # "the year before"
        return D(y), D(y), False, True, 0, False
    off = {
        "the following": 1,
        "the next": 1,
        "the previous": -1,
        "the same": 0,
        "that": 0,
        "a": 1,
    }[mod]
    y = st.last_year + off
    return D(y), D(y), False, True, 0, False


def _day_word(g: _Groups, st: _State) -> _Res | None:
    w = " ".join(g["w"].lower().split())
    off = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
    day = st.anchor + dt.timedelta(days=off)
    return D.of(day), D.of(day), False, True, off, False


def _recent(g: _Groups, st: _State) -> _Res | None:
    a = st.anchor
    return D(a.year, a.month), D(a.year, a.month), True, True, -1, False


def _weekday(g: _Groups, st: _State) -> _Res | None:
    """A weekday: the next / last one; the one its clause's tense points to; else the
    nearest one (within three days)."""
    a = st.anchor
    target = WEEKDAYS.index(g["wd"])
    mod = (g.get("mod") or "").lower()
    diff = (target - a.weekday()) % 7  # 0..6 days ahead
    if mod == "next":
        off = diff or 7
    elif mod == "last":
        off = diff - 7 if diff else -7
    else:
        tense = _tense(st)
        if tense < 0:
            off = diff - 7 if diff else 0  # "was held on Sunday": the last Sunday
        elif tense > 0:
            off = diff  # "will meet on Friday": the coming Friday
        else:
            off = diff if diff <= 3 else diff - 7  # the nearest one
    day = a + dt.timedelta(days=off)
    return D.of(day), D.of(day), False, True, (off > 0) - (off < 0), False


def _weekend(g: _Groups, st: _State) -> _Res | None:
    """ "this weekend", "at the weekend", "last weekend": Saturday and Sunday, the last ones
    in a past clause, the coming ones in a future clause, else those of the anchor's week."""
    a = st.anchor
    mod = (g.get("mod") or "").lower()
    to_sat = (5 - a.weekday()) % 7  # days to the coming (or today's) Saturday
    if a.weekday() == 6:
        to_sat = -1  # on a Sunday, this weekend began yesterday
    tense = -1 if mod == "last" else 1 if mod == "next" else _tense(st)
    if tense < 0:
        sat = a - dt.timedelta(days=(a.weekday() - 5) % 7)
        if mod == "last" and a.weekday() >= 5:
            sat -= dt.timedelta(days=7)
    elif tense > 0 and mod == "next" and a.weekday() >= 5:
        sat = a + dt.timedelta(days=to_sat + 7)
    else:
        sat = a + dt.timedelta(days=to_sat)
    direction = (sat > a) - (sat + dt.timedelta(days=1) < a)
    return D.of(sat), D.of(sat + dt.timedelta(days=1)), False, True, direction, False


_RESOLVERS: dict[str, Callable[[_Groups, _State], _Res | None]] = {
    "iso": _iso,
    "mdy": _day_month,
    "dmy": _day_month,
    "dmy2": _day_month,
    "my": _month_year,
    "month": _month,
    "season": _season,
    "yrange": _year_range,
    "decade": _decade,
    "qyear": _year,
    "rel": _rel,
    "ago": _ago,
    "span": _span_back,
    "century": _century,
    "part": _part_of_year,
    "decword": _decade_word,
    "yearend": lambda g, st: (D(st.anchor.year), D(st.anchor.year), False, True, 0, False),
    "follow": _following,
    "day": _day_word,
    "recent": _recent,
    "weekday": _weekday,
    "weekend": _weekend,
}


def _resolve_rel(mod: list[str], unit: str, a: dt.date) -> _Res:
    """ "last week", "later this year", "the end of next month" and the like."""
    direction = (
        -1
        if mod[0] in ("last", "past", "previous", "earlier")
        else (1 if mod[0] in ("next", "coming", "later") else 0)
    )
    off = direction if mod[0] in ("last", "past", "previous", "next", "coming") else 0
    if mod[:3] == ["the", "end", "of"]:
        off = {"next": 1, "last": -1}.get(mod[-1], 0)
        direction = off or 1
    if unit == "week":
        monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=7 * off)
        return D.of(monday), D.of(monday + dt.timedelta(days=6)), False, True, direction, False
    if unit == "month":
        y, mo = shift_month(a.year, a.month, off)
        return D(y, mo), D(y, mo), False, True, direction, False
    return D(a.year + off), D(a.year + off), False, True, direction, False


def _edtf(lo: D, hi: D, approx: bool) -> str:
    value = lo.edtf() if lo == hi else f"{lo.edtf()}/{hi.edtf()}"
    return value + "~" if approx and lo == hi else value
