"""Actor names: an entity's text cleaned to a name, a matching key, and the acronyms a text
defines ("Full Name (FN)")."""

from __future__ import annotations

import re

from . import lexicon

#: Titles that stand before a person's name ("Minister", "Spokeswoman"), as a regex
#: alternation shared by the actor and source rules (lexicon/titles.txt).
TITLE_WORDS = lexicon.TITLES

_HONORIFIC = re.compile(rf"^{lexicon.alternation('honorifics_strip')}\.?\s+")

#: A month or weekday name on its own: a date word, never an actor.
CALENDAR_WORD = re.compile(rf"^(?:{lexicon.MONTH_FULL}|{lexicon.WEEKDAY})$")


def clean_name(text: str) -> str:
    """An entity's text without article, possessive, honorific and stray punctuation."""
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
