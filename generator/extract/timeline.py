"""Dated events of the body: one per dated statement, with status from date and tense."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import replace
from typing import Any

from . import lexicon, nlp
from ._dates import D, month_no, nearest_year
from .body import Body, Sentence, quote
from .clean import dateline
from .temporal import Temporal, clause_tense, find_temporal, reported

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
    starts = [o[0] for o in offsets]
    for t in find_temporal(joined, anchor):
        if t.coarse:
            t = replace(t, value=t.coarse)  # a record dates "last week" by its month
        base = offsets[bisect.bisect_right(starts, t.start) - 1]  # the block it is in
        out.append((t, t.start - base[0] + base[1]))
    return out


_BARE_WEEKDAY = re.compile(rf"^(?:on\s+)?{lexicon.WEEKDAY}(?:’s|'s)?$")
_FUTURE_AUX = lexicon.word_set("future_auxiliaries")
_FUTURE_HEADS = lexicon.word_set("future_heads")


def tense_at(sent: Sentence, offset: int, direct: bool = False, end: int = -1) -> int:
    """-1 past, +1 future, 0 present or unknown: the tense of the verb that governs the
    expression at seed offsets `offset`..`end` ("said on Friday" past, "will meet on
    Friday" future). With `direct`, 0 when a noun outside the expression stands between it
    and the verb ("talks on Monday")."""
    inside = [t for t in sent.span if offset <= sent.base + t.idx < max(end, offset + 1)] or [
        t for t in sent.span if sent.base + t.idx <= offset < sent.base + t.idx + len(t) + 1
    ]
    if not inside:
        return 0
    ids = {t.i for t in inside}
    # The expression's own head ("end" of "the end of December"), then upwards from there.
    tok = next((t for t in inside if nlp.head(t).i not in ids or nlp.head(t).i == t.i), inside[0])
    first = tok
    while tok is not None and (
        nlp.pos(tok) not in ("VERB", "AUX")
        or not direct
        and (
            nlp.dep(tok) in ("acl", "amod")
            or (nlp.tag(tok) == "VBN" and nlp.dep(tok).startswith("nsubj"))
        )
    ):
        # A participle that only describes a noun ("rains forecast for July") does not
        # carry the clause's tense: go on to the verb of that noun.
        if direct and tok.i != first.i and nlp.pos(tok) in ("NOUN", "PROPN"):
            return 0  # "talks on Monday": the day belongs to the talks, not to the verb
        tok = None if nlp.head(tok).i == tok.i else nlp.head(tok)  # the root heads itself
    if tok is None:
        return 0
    aux = [c for c in nlp.children(tok) if nlp.dep(c) in ("aux", "auxpass")]
    if any(nlp.lower(c) in _FUTURE_AUX for c in aux) and not any(
        nlp.lemma(c) == "have" for c in aux
    ):
        return 1
    if any(nlp.lower(c) == "would" for c in aux) and any(
        nlp.lemma(a) in ("say", "tell", "announce", "warn", "confirm", "state", "add")
        for a in nlp.ancestors(tok)
    ):
        return 1  # "said the schools would reopen on January 5": future when it was said
    head = nlp.head(tok) if nlp.dep(tok) == "xcomp" else None
    if nlp.tag(tok) == "VB" and head is not None and nlp.lemma(head) in _FUTURE_HEADS:
        return 1 if nlp.tag(head) != "VBD" else 0  # "plans to meet"; "planned to meet" is unknown
    if nlp.tag(tok) == "VBD" or any(nlp.tag(c) == "VBD" for c in aux):
        return -1
    if nlp.tag(tok) == "VBN" and any(nlp.lemma(c) == "have" for c in aux):
        return -1
    return 0


_YEARLESS = re.compile(
    r"(?i)^(?:on\s+|in\s+|by\s+|from\s+|until\s+|since\s+|before\s+|after\s+)?"
    r"(?:(?:early|mid|late|the end of|the start of|the beginning of)[\s-]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{lexicon.MONTH_PREFIX}[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?$"
)


_SPEECH = lexicon.SPEECH_VERBS


def _said_before(sent: Sentence, offset: int) -> int:
    """-1 when the date directly follows a past verb of saying ("said on Monday it will
    cut ..."): in news copy the day is when it was said, whatever the parse attaches it to."""
    before = [t for t in sent.span if sent.base + t.idx < offset]
    if before and nlp.lower(before[-1]) == "on":
        before = before[:-1]
    if before and nlp.pos(before[-1]) in ("NOUN", "PRON") and len(before) > 1:
        before = before[:-1]  # "told reporters on Friday"
    last = before[-1] if before else None
    return -1 if last is not None and nlp.lemma(last) in _SPEECH and nlp.tag(last) == "VBD" else 0


def by_tense(
    t: Temporal, sent: Sentence, offset: int, anchor: dt.date, year: int | None = None
) -> str:
    """A date the text gives without its week or year, placed by the tense of its verb:
    the nearest reading is only a guess. "said on Friday" is the Friday before the anchor,
    "will meet on Friday" the one after; "will reopen on January 5" in November is next
    January, "was signed on October 1" in March last October."""
    text = t.text.strip()
    yearless = t.relative and ("/" in t.value or _YEARLESS.match(text))
    if year and yearless and not re.search(r"\d{4}|year", text):
        ys = {p[:4] for p in t.value.split("/")}
        if len(ys) == 1 and ys != {str(year)}:
            # "Last year's rains, between March and May": the year the sentence gave.
            return t.value.replace(ys.pop(), str(year))
    weekday = _BARE_WEEKDAY.match(text)
    if not weekday and not (t.relative and _YEARLESS.match(text)):
        return t.value
    day = D.parse(t.value)
    if day is None or "/" in t.value or weekday and not day.d:
        return t.value
    end = offset + len(t.text)
    pre = sent.text[: max(0, offset - sent.start)]
    if re.search(r"(?i)\b(?:until|till|through)\s+$", pre) and reported(pre.split()):
        return t.value  # "said its pipeline was funded until November": backshifted, not past
    tense = _said_before(sent, offset) or tense_at(sent, offset, direct=True, end=end)
    lo = dt.date(day.y, day.m or 1, day.d or 1)
    hi = lo if day.d else dt.date(day.y, day.m or 12, calendar.monthrange(day.y, day.m or 12)[1])
    if weekday:
        if tense < 0 and lo > anchor:
            return (lo - dt.timedelta(days=7)).isoformat()
        if tense > 0 and lo < anchor:
            return (lo + dt.timedelta(days=7)).isoformat()
        return t.value
    shift = -1 if tense < 0 and lo > anchor else 1 if tense > 0 and hi < anchor else 0
    return t.value.replace(str(day.y), str(day.y + shift), 1) if shift else t.value


_PART = re.compile(r"(?i)\b(?P<q>early|beginning of|start of|mid|middle of|late|end of)\b")


def _part_of_period(value: str, text: str, anchor: dt.date) -> int:
    """-1 when a qualified month or year ("early March", "the end of 2026") lies wholly
    before the anchor, +1 when wholly after it, 0 otherwise."""
    m = _PART.search(text)
    d = D.parse(value.rstrip("~?%")) if "/" not in value else None
    if not m or d is None or d.d or d.y != anchor.year:
        return 0
    q = m.group("q").lower()
    third = 0 if q in ("early", "beginning of", "start of") else 1 if q.startswith("mid") else 2
    if d.m:
        if d.m != anchor.month:
            return 0
        lo, hi, now = (1, 11, 21)[third], (10, 20, 31)[third], anchor.day
    else:
        lo, hi, now = (1, 5, 9)[third], (4, 8, 12)[third], anchor.month
    return -1 if hi < now else 1 if lo > now else 0


def status(value: str, anchor: dt.date, t: Temporal, sentence: str, tense: int = 0) -> str:
    """occurred / planned / ongoing: from the date relative to the anchor, then the
    wording, then the tense of the date's verb."""
    lo, hi = bounds(value)
    a = (anchor.year, anchor.month, anchor.day)
    if hi < a:
        return "occurred"
    if lo > a:
        return "planned"
    if t.direction:
        return "occurred" if t.direction < 0 else "planned"
    part = _part_of_period(value, t.text, anchor)
    if part:
        return "occurred" if part < 0 else "planned"
    if tense:
        return "occurred" if tense < 0 else "planned"
    if _FUTURE.search(sentence):
        return "planned"
    if re.search(r"\b(?:has|have|had|was|were|did)\b|\b\w+ed\b", sentence):
        return "occurred"
    return "ongoing"


def event_text(sent: Sentence, t_start: int, t_end: int, text: str) -> str:
    """One short sentence for the event: the clause with the date, leading date phrase
    dropped, capitalised, at most ~25 words."""
    s = " ".join(text[sent.start : sent.end].split())
    cut = dateline(s)[0]  # "LONDON (Reuters) - "
    s = s[cut:]
    # Drop a leading date adverbial: "In 1993, the UN ..." → "The UN ...".
    lead = " ".join(text[sent.start : t_end].split())[cut:]
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
        date_words = len(" ".join(text[sent.start : t_start].split())[cut:].split())
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


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|or)\b|\b(?:and|but) that\b|.{60}")
_SINCE = re.compile(
    r"(?i)\bsince\s+(?:(?:independence|records began|records? (?:were|was) first kept|"
    r"(?:it|they) (?:was|were) (?:founded|created|established))\s+in\s+)?"
    r"(?:the\s+)?(?:early\s+|late\s+|mid-?)?$"
)


_MARKS = re.compile(
    r"(?i)^\s*(?:marks|marked|marking|will mark)\s+(?:\w+\s+){0,3}(?:years?|months?|decades?|"
    r"anniversary)\b"
)


def _anniversary(text: str, t: Temporal, start: int) -> bool:
    """ "This week marks three years since the attack", "a year ago this week": the week of
    writing is not the event's date; the date counted from is."""
    if t.relative and re.search(r"\bago,?\s+$", text[max(0, start - 8) : start]):
        return True  # "a year ago this week": the date is the year-ago one
    return t.relative and bool(_MARKS.match(text[start + len(t.text) : start + len(t.text) + 60]))


_SINCE_START = re.compile(r"(?i)\bsince\s+(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?$")
_PERFECT = re.compile(
    r"(?i)\b(?:has|have)\s+(?:not\s+|also\s+|only\s+)?(?:been|\w+(?:ed|en|wn|ung|ept))\b"
)


def _since_ongoing(sent: Sentence, text: str, start: int) -> bool:
    """ "Rainfall has been below average since June": a state the present perfect carries
    from the date up to the time of writing is under way, not over."""
    if not _SINCE_START.search(text[max(sent.start, start - 30) : start]):
        return False
    if any(
        nlp.lower(t) == "been"
        and (nlp.dep(t) == "auxpass" or any(nlp.dep(c) == "attr" for c in nlp.children(t)))
        for t in sent.span
    ):
        return False  # "has been envoy since 2024", "have been suspended since 2022": begun then
    return bool(_PERFECT.search(text[sent.start : sent.end]))


_NAMED_EDITION = re.compile(rf"\s+(?!{lexicon.MONTH_PREFIX})[A-Z][a-z]")


_RECURRING = lexicon.word_set("recurring_events")


def _edition(text: str, t: Temporal, start: int, anchor: dt.date) -> bool:
    """ "At the 2020 Tokyo Summer Olympics", "the 2026 Asian Games": a year inside the name
    of an edition of a recurring event, this year's or a past one, names the event (the
    background, or the story's own event dated by its days), not something that happened
    in that year. A coming edition is kept, and so is any other name ("the 2022 Black Sea
    Grain Initiative")."""
    if not re.fullmatch(r"\d{4}", t.text.strip()):
        return False
    if not re.search(r"(?i)\bthe\s+$", text[max(0, start - 5) : start]):
        return False
    if int(t.text.strip()) > anchor.year or not _NAMED_EDITION.match(text, start + len(t.text)):
        return False  # a coming edition ("the 2027 Africa Cup") is a planned event
    name = re.match(r"(?:\s+[A-Z][\w’'-]*|\s+of|\s+the){1,6}", text[start + len(t.text) :])
    return bool(name and set(name.group(0).split()) & _RECURRING)


_COVERAGE = re.compile(r"(?i)\b(?:our|this)\s+(?:live\s+)?(?:coverage|blog|live\s+page|updates)\b")


def _states_something(sent: Sentence) -> bool:
    """A sentence with a verb: a line that only gives a date or a time ("Tuesday 4 November
    2025, 14:05 GMT", "Updated: May 5, 2023") or a place and a date is no event."""
    return any(nlp.pos(t) in ("VERB", "AUX") and not nlp.like_num(t) for t in sent.span)


def _baseline(sent: Sentence, text: str, start: int) -> bool:
    """A date that is only the baseline of a comparison ("the largest strike since 2008",
    "the most since 1946", "for the first time since 1990"): nothing happened on it."""
    if not _SINCE.search(text[max(sent.start, start - 30) : start]):
        return False
    return any(nlp.tag(t) in ("JJS", "RBS") or nlp.lower(t) in ("first", "last") for t in sent.span)


_ENTRY_STAMP = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[:.]\d{2}|\d{1,2}(?:[:.]\d{2})?\s*[AaPp]\.?[Mm]\.?)"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,5}|local\s+time))?\s*[—–-]\s+\S[^\n]*$"
)
_SELF = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?)\b")  # "US" is a country


def _root_tense(sent: Sentence) -> int:
    """The tense of the sentence's main verb (see `tense_at`)."""
    root = nlp.root(sent.span)
    return tense_at(sent, sent.base + root.idx, end=sent.base + root.idx + len(root))


def live_entries(
    body: Body, text: str, anchor: dt.date, taken: set[int], max_words: int
) -> list[dict[str, Any]]:
    """Events of a live page: each entry stamped with a time of day ("14:05 GMT — Strong
    aftershock") reports what happened at that time on the page's day; its first sentence
    is the event. At least two stamped entries make a live page; an entry that speaks of
    the coverage itself ("We are pausing our live coverage") is no event."""
    stamps = list(_ENTRY_STAMP.finditer(text))
    if len(stamps) < 2:
        return []
    sents = body.sentences
    events: list[dict[str, Any]] = []
    starts = {m.start() for m in stamps}
    for m in stamps:
        nxt = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
        line = text.rfind("\n", 0, nxt) + 1
        if line in starts or nxt >= len(text):
            continue  # a stamp followed by another stamp: a schedule, not a report
        k = next((i for i, s in enumerate(sents) if s.end > m.end() + 1), None)
        if k is None or k in taken:
            continue
        sent = sents[k]
        start = max(sent.start, m.end() + 1)
        while start < sent.end and text[start].isspace():
            start += 1
        body_text = " ".join(text[start : sent.end].split())
        line_end = text.find("\n", start)
        if (
            not body_text
            or _SELF.search(re.sub(r"[“\"][^”\"]*[”\"]", "", body_text))
            or _SELF.search(m.group(0))
            or 0 <= line_end < sent.end
            and not text[line_end : sent.end].strip()
        ):
            continue
        taken.add(k)
        value = anchor.isoformat()
        t = Temporal(0, 0, "", value)
        event = body_text[0].upper() + body_text[1:]
        events.append(
            {
                "date": value,
                "event": event if event.endswith((".", "!", "?", "”", '"')) else event + ".",
                "status": status(
                    value, anchor, t, body_text, clause_tense(body_text, 0, 0) or _root_tense(sent)
                ),
                "evidence": quote(text, start, start + 1, start, sent.end, max_words),
                "_key": (bounds(value), start),
            }
        )
    return events


_DATELINE_DAY = re.compile(rf"\b(?P<mon>{lexicon.MONTH_PREFIX}[a-z]*)\.?\s+(?P<d>\d{{1,2}})\b")


def story_day(body: Body, anchor: dt.date) -> dt.date:
    """The day the story's relative dates count from: the day of a wire dateline that opens
    the body ("WASHINGTON, March 6 (Reuters) -") when it lies up to a week before the date
    of the copy (a repost or a later copy of wire news), else that date. "On Tuesday" in the
    wire story is the Tuesday before the dateline, not before the day it was copied."""
    if not body.blocks:
        return anchor
    first = body.blocks[0].text
    n, agency = dateline(first)
    m = _DATELINE_DAY.search(first[:n]) if n and agency else None
    if not m:
        return anchor
    month = month_no(m.group("mon"))
    try:
        day = dt.date(nearest_year(anchor, month, int(m.group("d"))), month, int(m.group("d")))
    except ValueError:
        return anchor
    return day if 0 <= (anchor - day).days <= 7 else anchor


def _dated_sentences(
    body: Body, text: str, anchor: dt.date
) -> dict[int, list[tuple[Temporal, int]]]:
    """The dates of each sentence that states something, without those that date nothing
    of the story (decades, repeats, baselines, anniversaries, editions, the coverage)."""
    by_sentence: dict[int, list[tuple[Temporal, int]]] = {}
    sents = body.sentences
    for t, start in body_temporals(body, anchor):
        if t.vague or t.repeat:
            continue
        if t.text.lower() in ("today", "tonight") and not _FUTURE.search(t.text):
            # "today" is mostly "nowadays" in analysis; wire copy dates events explicitly.
            continue  # decades are background; a repeated day refers back to an event
        k = next((i for i, s in enumerate(sents) if s.start <= start < s.end), None)
        if k is not None and (_baseline(sents[k], text, start) or _anniversary(text, t, start)):
            continue
        if _edition(text, t, start, anchor):
            continue
        if k is not None and _states_something(sents[k]) and not _COVERAGE.search(sents[k].text):
            by_sentence.setdefault(k, []).append((t, start))
    return by_sentence


def _sentence_values(
    items: list[tuple[Temporal, int]], sent: Sentence, text: str, anchor: dt.date
) -> list[str]:
    """The EDTF value of each date of a sentence, in order."""
    values = []
    year: int | None = None
    year_end = -1
    for t, start in items:
        # A year given just before, in the same clause ("last year's rains, between
        # March and May"), not one a clause away ("in 2027, and ... by September").
        near = year is not None and not _CLAUSE_BREAK.search(text[year_end:start])
        values.append(by_tense(t, sent, start, anchor, year if near else None))
        if re.fullmatch(r"\d{4}", values[-1]):
            year, year_end = int(values[-1]), start + len(t.text)
    return values


def _sentence_events(
    by_sentence: dict[int, list[tuple[Temporal, int]]],
    sents: list[Sentence],
    text: str,
    anchor: dt.date,
    max_words: int,
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    seen: dict[str, set[str]] = {}
    seen_in: set[tuple[str, int]] = set()
    for k in sorted(by_sentence):
        items = by_sentence[k]
        sent = sents[k]
        values = _sentence_values(items, sent, text, anchor)
        for (t, start), value in zip(items, values, strict=True):
            lo, hi = bounds(value)
            # A coarser date that contains a finer one of the same sentence adds nothing.
            if any(
                bounds(v)[0] >= lo and bounds(v)[1] <= hi and bounds(v) != (lo, hi) for v in values
            ):
                continue
            state = (
                "ongoing"
                if _since_ongoing(sent, text, start)
                else status(value, anchor, t, sent.text, tense_at(sent, start))
            )
            again = value in seen and (state in seen[value] or re.fullmatch(r"\d{4}", value))
            if again or (value, k) in seen_in:
                continue  # later mentions of a date usually restate its event
            # ... unless they tell of another stage of it: what was done and what is to
            # come in the same month or on the same day ("work began in March" / "is
            # expected to open in March"); a year is too wide for that to tell.
            seen.setdefault(value, set()).add(state)
            seen_in.add((value, k))
            end = start + (t.end - t.start)
            events.append(
                {
                    "date": value,
                    "event": event_text(sent, start, end, text),
                    "status": state,
                    "evidence": quote(text, start, end, sent.start, sent.end, max_words),
                    "_key": (bounds(value), start),
                }
            )
    return events


def build_timeline(
    body: Body, text: str, anchor: dt.date, max_words: int = 14
) -> list[dict[str, Any]]:
    """Timeline records (date, event, status, evidence), oldest first, one per date."""
    anchor = story_day(body, anchor)
    by_sentence = _dated_sentences(body, text, anchor)
    events = _sentence_events(by_sentence, body.sentences, text, anchor, max_words)
    events += live_entries(body, text, anchor, set(by_sentence), max_words)
    # Within one period, what happened comes before what is under way and what is to come.
    rank = {"occurred": 0, "ongoing": 1, "planned": 2}
    events.sort(key=lambda e: (e["_key"][0], rank.get(e["status"], 1), e["_key"][1]))
    for e in events:
        del e["_key"]
    return events
