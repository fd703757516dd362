"""Actor names: an entity's text cleaned to a name, a matching key, and the acronyms a text
defines ("Full Name (FN)")."""

from __future__ import annotations

import functools
import re
from collections import Counter

from . import lexicon

#: Titles that stand before a person's name ("Minister", "Spokeswoman"), as a regex
#: alternation shared by the actor and source rules (lexicon/titles.txt).
TITLE_WORDS = lexicon.TITLES

_HONORIFIC = re.compile(rf"^{lexicon.alternation('honorifics_strip')}\.?\s+")

#: A month or weekday name on its own: a date word, never an actor.
CALENDAR_WORD = re.compile(rf"^(?:{lexicon.MONTH_FULL}|{lexicon.WEEKDAY})$")


@functools.lru_cache(maxsize=1 << 16)  # the same names recur in a text and across texts
def clean_name(text: str) -> str:
    """An entity's text without article, possessive, honorific, stray punctuation and
    invisible format characters (a zero-width space before "\u200bKyiv" is no letter)."""
    text = lexicon.visible(text)
    t = " ".join(text.replace("[", "").replace("]", "").split())  # "[George H. W.] Bush"
    t = re.sub(r"(?:’s|'s|’|')$", "", t)
    t = re.sub(r"^(?:the|The)\s+", "", t)
    t = _HONORIFIC.sub("", t)
    t = re.sub(r"\s+or\s+[A-Z]{2,6}$", "", t)  # "Presidential Leadership Council or PLC"
    t = re.sub(r"\s+\d+(?:[-–]\d+)?$", "", t)  # "Bangladesh 10-0": a score
    t = re.sub(r"\s+(?:of|for|and|the|in|on)$", "", t)
    return (
        t.strip(' ,;:–—-"“”()').rstrip(".") if not re.search(r"\b[A-Z]\.$", t) else t.strip(" ,;:")
    )


_CURRENCY = lexicon.word_set("currency_codes")
_MEASURE = lexicon.word_set("measure_words")
_TIME_ZONES = lexicon.TIME_ZONES
_NUMBER = re.compile(r"^[+−–-]?\d[\d.,:]*%?$")
_UTC_OFFSET = re.compile(r"^(?:UTC|GMT)\s*[+−–-]\s*\d{1,2}(?::?\d{2})?$")
_MONTH_SHORT = re.compile(rf"^{lexicon.MONTH_ABBR}\.?$")
_AMOUNT_WORDS = lexicon.word_set("amount_words")


def not_a_name(name: str) -> bool:
    """A name that is a unit, a date or a time, never an actor: a currency code with or
    without its amount ("USD", "EUR 5 million"), a month's short form ("Mar", "Sept."), a
    time zone or a UTC offset ("GMT", "UTC+03:00"), a measurement ("Magnitude 6.3", "6.3
    magnitude", "40 km")."""
    words = name.split()
    if not words:
        return True
    if len(words) == 1 and (_MONTH_SHORT.match(name) or _UTC_OFFSET.match(name)):
        return True
    if all(w in _TIME_ZONES or _UTC_OFFSET.match(w) or _NUMBER.match(w) for w in words):
        return True  # "GMT", "UTC +3", "21:40 GMT"
    rest = [w for w in words if not _NUMBER.match(w) and w.lower() not in _AMOUNT_WORDS]
    if any(w in _CURRENCY for w in words) and all(w in _CURRENCY for w in rest):
        return True
    has_number = len(rest) < len(words)
    return has_number and bool(rest) and all(w.lower().strip(".") in _MEASURE for w in rest)


_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def split_run_together(name: str, text: str) -> str:
    """A name with two words run together where markup joined them ("Kofi AnnanBrown": a
    lower-case letter followed by a capital inside a word), cut after the first: only when
    both halves stand as words of their own inside a sentence elsewhere in the text and the
    joined word occurs just once, so that "McDonald", "iPhone", "YouTube" or a "PlayStation"
    the text names twice stay whole."""
    words = name.split()
    for i, word in enumerate(words):
        cut = _CASE_CHANGE.search(word)
        if cut is None:
            continue
        left, right = word[: cut.start()], word[cut.start() :]
        if len(left) < 3 or not left[:1].isupper() or len(right) < 3:
            return name  # "McDonald", "iPhone": a name's own capital
        counts, inside = _word_stats(text)
        if counts[word] == 1 and left in inside and right in inside:
            return " ".join(words[:i] + [left])
        return name
    return name


_TOKEN = re.compile(r"\S+")
_WORD_EDGES = "\"“”‘’'()[],.;:!?"


@functools.lru_cache(maxsize=2)
def _word_stats(text: str) -> tuple[Counter[str], frozenset[str]]:
    """How often each word occurs in the text, and the words it uses inside a sentence (not
    only as the capitalised first word of one: "You can ..." says nothing of "YouTube").
    One pass over the text."""
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    opens = True
    for m in _TOKEN.finditer(text):
        raw = m.group()
        word = re.sub(r"(?:’s|'s)$", "", raw.strip(_WORD_EDGES))
        if word:
            counts[word] += 1
            if not opens and raw[:1] not in '"“':
                inside.add(word)
        gap = text[m.end() : m.end() + 2]
        opens = raw[-1:] in ".!?" or "\n" in gap
    return counts, frozenset(inside)


def name_key(name: str) -> str:
    """The key names are clustered by (lexicon.name_key, compact)."""
    return lexicon.name_key(name, compact=True)


def acronyms(text: str) -> dict[str, str]:
    """ "Full Name (FN)" pairs: acronym → full name, when the initials agree."""
    out: dict[str, str] = {}
    for m in re.finditer(
        # A name starts where a word starts, and a word is not given back once read: a long
        # run of capitals or hyphens is then read once, not once per letter.
        r"(?<![\w’'-])((?:[A-Z][\w’'-]*+\s+(?:(?:of|for|and|the|on|de|in|former|new)\s+)*){1,8})"
        r"\(([A-Z][A-Za-z]{1,9})\)",
        text,
    ):
        words = m.group(1).split()
        acr = m.group(2)
        found = next(
            (
                words[i:j]
                for j in range(len(words), 0, -1)
                for i in range(j - 1, -1, -1)
                if words[i][0].isupper()
                and words[j - 1][0].isupper()
                and "".join(w[0] for w in words[i:j] if w[0].isupper()).upper() == acr.upper()
            ),
            None,
        )
        if found:
            out[acr] = clean_name(" ".join(found))
    for m in re.finditer(r"\b((?:[A-Za-z][a-z-]+\s+){1,5})\(([A-Z]{2,6})\)", text):
        parts = [p for p in re.split(r"[\s-]+", m.group(1)) if p and p not in ("and", "of", "the")]
        words = parts[-len(m.group(2)) :]
        if "".join(w[0] for w in words).upper() == m.group(2) and all(
            w.islower() for w in words[1:]
        ):
            # "artificial intelligence (AI)", "foot-and-mouth disease (FMD)": a concept
            out[m.group(2)] = ""
    return out


_acronyms = acronyms  # the name sources.py imports (kept until it imports `acronyms`)
