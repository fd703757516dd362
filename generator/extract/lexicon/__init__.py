"""The extraction lexicon: the one home of the word lists the rules use (months, weekdays,
function words, verbs of saying, titles, honorifics, head nouns, ...) and of `name_key`.

Each list is a plain text file here, one entry a line, `#` starts a comment; files are read
once. Where two lists differ on purpose (honorifics stripped from names vs honorifics that
make a name a person), both are kept, and the file's comment says why.

Countries and news agencies live in the gazetteer (gazetteer.py and data/), which reads
them from its own data files.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The entries of lexicon/NAME.txt, in file order."""
    path = HERE / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuntimeError(f"{path}: cannot read the word list ({exc}); restore the file") from None
    return tuple(w for w in (ln.split("#", 1)[0].strip() for ln in lines) if w)


def word_set(name: str) -> frozenset[str]:
    """The entries of lexicon/NAME.txt as a set."""
    return frozenset(words(name))


def alternation(name: str) -> str:
    """The entries of lexicon/NAME.txt as a regex group `(?:a|b|...)`, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True)) + ")"


MONTHS: tuple[str, ...] = words("months")
"""Month names, capitalised, January first."""
WEEKDAYS: tuple[str, ...] = words("weekdays")
"""Weekday names, capitalised, Monday first."""
MONTH_FULL = alternation("months")
MONTH_ABBR = alternation("month_abbreviations")
MONTH_PREFIX = "(?:" + "|".join(m[:3] for m in MONTHS) + ")"
"""The first three letters of each month: `MONTH_PREFIX[a-z]*\\.?` reads "Sept.", "March"."""
WEEKDAY = alternation("weekdays")
STOP_WORDS = word_set("stop_words")
SPEECH_VERBS = word_set("speech_verbs")
TITLES = alternation("titles")
"""Titles before a person's name, as a regex alternation."""
TIME_ZONES = word_set("time_zones")


def visible(text: str) -> str:
    """The text without invisible format characters (zero-width joiners and spaces, soft
    hyphens, bidi controls: Unicode category Cf), which would make one name two."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


_HOMOGLYPHS = {ord(a): b for a, b in (w.split() for w in words("homoglyphs"))}
_HOMOGLYPHS |= {
    ord(a.upper()): b for a, b in (w.split() for w in words("homoglyphs")) if a.upper() != a
}


@functools.lru_cache(maxsize=1 << 16)  # the same names are keyed again and again
def name_key(name: str, compact: bool = False) -> str:
    """A key equal for names that differ only in form: accents, case, punctuation and a
    leading "the" do not count ("The U.N." and "the U N"). `compact` also drops the spaces
    between words ("al-Houthi" and "Al Houthi"; the key extraction clusters names by)."""
    text = unicodedata.normalize("NFKD", visible(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    if any("a" <= ch <= "z" for ch in text):
        text = text.translate(_HOMOGLYPHS)
    text = re.sub(r"[^\w\s]", " ", text)
    parts = text.split()
    if parts and parts[0] == "the":
        parts = parts[1:]
    return ("" if compact else " ").join(parts)
