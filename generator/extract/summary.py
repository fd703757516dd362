"""An extractive summary: the lead of the body, topped up with the most central sentences."""

from __future__ import annotations

import re
from collections import Counter

from .body import Body, Sentence

_STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been
has have had it its this that these those he she they we his her their our not no will would can
could may might should than then there which who what when where while if so also into over after
before about up out more most such only other some any all said says i you""".split()
)


def _words(s: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z’'-]+", s.lower()) if w not in _STOP and len(w) > 2]


def _usable(s: Sentence) -> bool:
    t = s.text.strip()
    n = len(t.split())
    return (
        6 <= n <= 60
        and not t.endswith(("?", ":"))
        and t[:1].isupper()
        and not re.match(r"^(?:I|We|My|Our)\b", t)
    )


def summarize(body: Body, title: str, max_words: int = 90, max_sentences: int = 3) -> str:
    """1-3 body sentences, at most `max_words` words: the first substantive sentence, then
    the best-scoring of the next ones (overlap with the headline and the whole body)."""
    cands = [s for s in body.sentences if _usable(s)][:12]
    if not cands:
        cands = body.sentences[:3]
    if not cands:
        return title
    freq = Counter(w for s in body.sentences for w in set(_words(s.text)))
    title_words = set(_words(title))

    def score(i: int, s: Sentence) -> float:
        ws = set(_words(s.text))
        if not ws:
            return 0.0
        central = sum(freq[w] for w in ws) / (len(ws) ** 0.5 * max(1, len(body.sentences)) ** 0.5)
        return central + 1.5 * len(ws & title_words) / (len(title_words) or 1) - 0.15 * i

    chosen = [0]
    ranked = sorted(range(1, len(cands)), key=lambda i: (-score(i, cands[i]), i))
    total = len(cands[0].text.split())
    for i in ranked:
        if len(chosen) >= max_sentences:
            break
        n = len(cands[i].text.split())
        if total + n <= max_words:
            chosen.append(i)
            total += n
    text = " ".join(" ".join(cands[i].text.split()) for i in sorted(chosen))
    words = text.split()
    if len(words) > max_words:  # one very long lead sentence
        text = " ".join(words[: max_words - 1]).rstrip(",;:") + "…"
    return text
