"""An extractive, lightly compressed summary: the most central body sentences (overlap with
the headline and with the words the whole body repeats, lead paragraphs preferred), with
parentheticals, opening connectives and trailing attributions dropped. For analysis and
opinion pieces the author's conclusion is added as the author's ("The author argues that ...").
"""

from __future__ import annotations

import re
from collections import Counter

from .body import Body, Sentence

_STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has have
had it its this that these those he she they we his her their our not no will would can
could may might should than then there which who what when where while if so also into
over after before about up out more most such only other some any all said says i you""".split()  # noqa: SIM905
)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|my|me|we|our|us)\b")
_MODAL = re.compile(
    r"(?i)\b(?:should|must|need(?:s)? to|ought to|cannot|can't|can’t|will have to|has to|have to|"
    r"would|could|is (?:not )?(?:no )?(?:reason|clear|likely|unlikely))\b"
)
_ANAPHOR = re.compile(r"^(?:It|They|He|She|This|These|That|Those|Such|There|Its|Their|His|Her)\b")
_QUOTE = re.compile(r"[“”\"]")
# Connectives and hedges that open a sentence and tie it to the one before.
_OPENER = re.compile(
    r"^(?:(?:And|But|So|Yet|Still|Also|Instead|Meanwhile|However|Moreover|Furthermore|Indeed|"
    r"In addition|In fact|Despite this|Even so|As a result|For example|For instance|"
    r"At the same time|By contrast|In contrast|Of course|Nevertheless|Nonetheless|Similarly|"
    r"Likewise|Earlier|Later|Now|Today|Ultimately|Overall|In short|In other words|Then)"
    r"\b,?\s+)+"
)
_ASIDE = re.compile(
    r",\s*(?:for (?:example|instance)|however|of course|in fact|too|though)\s*,", re.I
)
_TRAIL_ATTRIB = re.compile(
    r",\s*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}|the \w+(?:\s+\w+){0,3}|(?:he|she|they|it))"
    r"\s+(?:has|have)\s+(?:learned|learnt|reported|found)\s*(?=[.!]$)"
)


#: Weights of the sentence score (general, not fitted to any text).
K = {
    "title": 1.5,
    "lead0": 1.2,
    "lead2": 0.6,
    "pos": 0.6,
    "first": 0.5,
    "anaphor": 0.8,
    "modal": 0.0,
    "tail": 0.3,
    "cap": 8,
    "redund": 0.6,
    "tr": 1.0,
    "oplead": 0.2,
    "clauses": 1,
}


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
        and len(_QUOTE.findall(t)) < 2
        and not re.match(r"^(?:Read more|Related|See also)\b", t)
    )


def _lemmas(s: Sentence) -> set[str]:
    return {
        t.lemma_.lower()
        for t in s.span
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
    }


def _textrank(bags: list[set[str]], damping: float = 0.85, rounds: int = 30) -> list[float]:
    """TextRank centrality of sentences: PageRank over word-overlap similarity."""
    import math

    n = len(bags)
    if n == 0:
        return []
    links: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            common = len(bags[a] & bags[b])
            if common and len(bags[a]) > 1 and len(bags[b]) > 1:
                w = common / (math.log(len(bags[a])) + math.log(len(bags[b])))
                links[a].append((b, w))
                links[b].append((a, w))
    out = [sum(w for _, w in row) for row in links]
    rank = [1.0 / n] * n
    for _ in range(rounds):
        rank = [
            (1 - damping) / n + damping * sum(w / out[b] * rank[b] for b, w in links[a])
            for a in range(n)
        ]
    return rank


def argumentative(s: Sentence) -> bool:
    """A claim rather than a narrated event: its main verb is in the present or future,
    or carries a modal ("must", "should", "will", "cannot"), not a plain past tense."""
    root = s.span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    aux = [t for t in root.children if t.dep_ in ("aux", "auxpass")]
    if any(t.tag_ == "MD" for t in aux):
        return True
    if root.tag_ == "VBD" or any(t.tag_ == "VBD" for t in aux):
        return False
    if root.tag_ == "VBN" and any(t.lemma_ == "have" for t in aux):
        return False  # present perfect: what has happened
    return root.tag_ in ("VBZ", "VBP") or any(t.tag_ in ("VBZ", "VBP") for t in aux)


def compress(text: str) -> str:
    """A sentence without parentheticals, opening connectives, asides and a trailing
    "X has learned" credit; capitalised again. Meaning-bearing clauses are kept."""
    t = " ".join(text.split())
    t = re.sub(r"\s*\([^()]{1,120}\)", "", t)
    t = _ASIDE.sub(" ", t)
    t = _TRAIL_ATTRIB.sub("", t)
    if K["clauses"]:
        # Non-restrictive asides: ", which ...," and ", including ...," add detail, not news.
        t = re.sub(
            r",\s+(?:which|who|whose|including|such as|where)\s+[^,;.]{3,120}(?=[,;])", "", t
        )
        t = re.sub(r",\s+(?:which|including|such as)\s+[^,;]{3,120}(?=\.$)", "", t)
    opener = _OPENER.match(t)
    if opener and len(t) - opener.end() > 20:
        t = t[opener.end() :]
        t = t[:1].upper() + t[1:]
    t = re.sub(r"\s+([,.;:])", r"\1", t)
    return " ".join(t.split())


def is_opinion(body: Body, academic_byline: bool = False) -> bool:
    """Whether the piece argues rather than reports: an academic byline, or prose that
    speaks in the first person and in the modal voice more than it attributes."""
    text = " ".join(s.text for s in body.sentences)
    n = max(1, len(body.sentences))
    first = len(_FIRST_PERSON.findall(text))
    modal = len(_MODAL.findall(text))
    attrib = len(re.findall(r"\b(?:said|says|told|according to|announced|stated)\b", text))
    return academic_byline or (first + modal) / n > 0.35 and attrib / n < 0.15


def _framed(sentence: str, authors: int, s: Sentence) -> str:
    t = sentence
    first = t.split()[0] if t.split() else ""
    tok = next((x for x in s.span if x.text == first), None)
    if (
        first[:1].isupper()
        and not first.isupper()
        and (tok is None or (tok.pos_ != "PROPN" and not tok.ent_type_))
    ):
        t = t[:1].lower() + t[1:]  # a common word capitalised only as the sentence's first
    subject = "The authors argue that " if authors > 1 else "The author argues that "
    return subject + t


def summarize(
    body: Body,
    title: str,
    max_words: int = 90,
    max_sentences: int = 3,
    *,
    opinion: bool = False,
    authors: int = 1,
    target_words: int = 70,
) -> str:
    """1-3 compressed body sentences, at most `max_words` words (about `target_words`):
    the most central sentences in text order; for an opinion piece the last one is the
    author's conclusion, framed as the author's argument."""
    sents = body.sentences
    cands = [(i, s) for i, s in enumerate(sents) if _usable(s)]
    if not cands:
        cands = list(enumerate(sents[:3]))
    if not cands:
        return title
    n = len(sents)
    df = Counter(w for s in sents for w in set(_words(s.text)))
    title_words = set(_words(title))
    first_para = min(s.para for s in sents)

    rank = _textrank([_lemmas(s) for s in sents]) if K["tr"] else [0.0] * n

    def centrality(s: Sentence, i: int = -1) -> float:
        ws = set(_words(s.text))
        if not ws:
            return 0.0
        if K["tr"]:
            central = K["tr"] * rank[i] * n
        else:
            central = sum(min(df[w], K["cap"]) for w in ws if df[w] > 1) / (len(ws) ** 0.5 * n**0.5)
        return central + K["title"] * len(ws & title_words) / (len(title_words) or 1)

    def score(i: int, s: Sentence) -> float:
        pos = s.para - first_para
        lead = K["lead0"] if pos == 0 else K["lead2"] if pos <= 2 else 0.0
        if opinion:
            lead *= K["oplead"]  # analysis is not written as an inverted pyramid
        penalty = K["first"] if _FIRST_PERSON.search(s.text) else 0.0
        if _ANAPHOR.match(texts[i]):
            penalty += K["anaphor"]  # leans on the sentence before it
        return centrality(s, i) + lead - K["pos"] * i / n - penalty

    texts = {i: compress(s.text) for i, s in cands}
    conclusion: tuple[int, str] | None = None
    if opinion and n >= 6:
        tail = [
            (i, s)
            for i, s in cands
            if i >= n * (1 - K["tail"])
            and not _FIRST_PERSON.search(s.text)
            and not _ANAPHOR.match(texts[i])
            and argumentative(s)
        ]
        if tail:
            i, s = max(
                tail,
                key=lambda c: (
                    centrality(c[1], c[0]) + (K["modal"] if _MODAL.search(c[1].text) else 0),
                    c[0],
                ),
            )
            conclusion = (i, _framed(texts[i], authors, s))
    budget = target_words - (len(conclusion[1].split()) if conclusion else 0)
    limit = max_sentences - (1 if conclusion else 0)
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    for i, s in sorted(cands, key=lambda c: (-score(*c), c[0])):
        if len(chosen) >= limit or (conclusion and i == conclusion[0]):
            continue
        ws = set(_words(s.text))
        if ws and len(ws & seen) / len(ws) > K["redund"]:
            continue  # says again what a chosen sentence says
        k = len(texts[i].split())
        if total + k <= budget or not chosen and total + k <= max_words:
            chosen.append(i)
            total += k
            seen |= ws
    parts = [texts[i] for i in sorted(chosen)]
    if conclusion:
        parts.append(conclusion[1])
    text = " ".join(parts) or " ".join(texts[cands[0][0]].split())
    words = text.split()
    if len(words) > max_words:  # one very long sentence
        text = " ".join(words[: max_words - 1]).rstrip(",;:") + "…"
    return text
