"""An extractive, lightly compressed summary: the most central body sentences (overlap with
the headline and with the words the whole body repeats, lead paragraphs preferred), with
parentheticals, opening connectives and trailing attributions dropped. For analysis and
opinion pieces the author's conclusion is added as the author's ("The author argues that ...").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import lexicon, nlp
from .body import Body, Sentence
from .clean import dateline
from .options import Options

_STOP = lexicon.STOP_WORDS | lexicon.word_set("summary_stop_words")
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
    r"Likewise|Earlier|Later|Now|Today|Ultimately|Overall|In short|In other words|Then|Finally|"
    r"Lastly|First|Firstly|Second|Secondly|Third|Thirdly|Thus|Therefore|Hence|Above all|"
    r"In the end)"
    r"\b,?\s+)+"
)
# An opening phrase that points back at the sentence before: "With this in mind,",
# "Despite these caveats,", "Against that backdrop,".
_BACKREF = re.compile(
    r"^(?:With|Despite|Given|Against|In|For|Because of|After|Beyond|Amid)\s+"
    r"(?:all\s+)?(?:this|that|these|those|such)\b[^,;]{0,40},\s+"
)
_ASIDE = re.compile(
    r",\s*(?:for (?:example|instance)|however|of course|in fact|too|though)\s*,", re.I
)
_TRAIL_ATTRIB = re.compile(
    r",\s*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}|the \w+(?:\s+\w+){0,3}|(?:he|she|they|it))"
    r"\s+(?:has|have)\s+(?:learned|learnt|reported|found)\s*(?=[.!]$)"
)


def _said_forms() -> str:
    """The present and past forms of the verbs of saying, as a regex group."""
    forms = {"said", "says", "told", "tells"}
    for v in lexicon.word_set("speech_verbs"):
        forms |= {v + "s", v + ("d" if v.endswith("e") else "ed")}
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_SAID = _said_forms()
# A closing attribution set off by a comma: ", officials from both countries said.",
# ", said the minister.", ", according to a statement from the board." The subject is short
# and names no clause (not ", as the minister said", not ", which he said").
_ATTRIB_SUBJECT = r"(?!(?:as|which|what|that|who|and|but|when|while)\b)[^,;:“”\"()]{2,60}?"
_TAIL_SAID = re.compile(
    rf",\s+(?:{_ATTRIB_SUBJECT}\s+{_SAID}(?:\s+(?:reporters|journalists))?"
    rf"|said\s+{_ATTRIB_SUBJECT}|according to\s+{_ATTRIB_SUBJECT})\s*(?=[.!]$)"
)


def _words(s: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z’'-]+", s.lower()) if w not in _STOP and len(w) > 2]


def _share(text: str, words: set[str]) -> float:
    """The share of `words` that `text` uses."""
    return len(set(_words(text)) & words) / (len(words) or 1)


_BULLET = re.compile(r"^[-–—•*▪]\s+")
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")


def quoted_share(text: str) -> float:
    """The share of `text` (in characters) inside quotation marks."""
    return sum(len(q) for q in _QUOTED.findall(text)) / max(1, len(text))


def _quotes_pair(text: str) -> bool:
    """Whether the quotation marks of `text` pair up: a sentence cut out of a longer
    quotation opens or closes one that it does not hold. Parentheticals, which the summary
    drops, are not counted."""
    text = re.sub(r"\([^()]*\)", "", text)
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _usable(s: Sentence, opt: Options | None = None) -> bool:
    """Whether a sentence can stand in a summary: a statement (no question, no colon
    before a list), long enough and not over-long, not the writer's own voice, not mostly
    someone's quoted words (a quoted phrase inside it is fine) nor a piece of a longer
    quotation, no link prompt."""
    opt = opt or Options()
    t = _BULLET.sub("", s.text.strip())
    n = len(t.split())
    return (
        opt.summary_min_sentence_words <= n <= opt.summary_max_sentence_words
        and not t.endswith(("?", ":"))
        and t[:1].isupper()
        and not re.match(r"^(?:I|We|My|Our)\b", t)
        and quoted_share(t) < opt.summary_max_quoted_share
        and _quotes_pair(t)
        and not re.match(r"^(?:Read more|Related|See also)\b", t)
    )


def _lemmas(s: Sentence) -> set[str]:
    return {
        nlp.lemma(t)
        for t in s.span
        if nlp.is_alpha(t)
        and not nlp.is_stop(t)
        and nlp.pos(t) in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
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
    # Each link's share of its source's weight, divided once rather than in every round.
    shares = [[(b, w / out[b]) for b, w in row] for row in links]
    rank = [1.0 / n] * n
    for _ in range(rounds):
        rank = [
            (1 - damping) / n + damping * sum(x * rank[b] for b, x in shares[a]) for a in range(n)
        ]
    return rank


def argumentative(s: Sentence, people: frozenset[str] = frozenset()) -> bool:
    """A claim rather than a narrated event: its main verb carries a modal ("must",
    "should", "will", "cannot"), or is in the present with a subject other than a named
    person (an entity, or a word of a name the text tags as a person elsewhere, in
    `people`); not a past tense."""
    root = nlp.root(s.span)
    if nlp.pos(root) not in ("VERB", "AUX"):
        return False
    aux = [t for t in nlp.children(root) if nlp.dep(t) in ("aux", "auxpass")]
    if any(nlp.tag(t) == "MD" for t in aux):
        return True
    if any(
        nlp.dep(t) in ("nsubj", "nsubjpass") and (nlp.ent_type(t) == "PERSON" or t.text in people)
        for t in nlp.children(root)
    ):
        return False  # what a named person does or faces is news, not the author's claim
    if nlp.tag(root) == "VBD" or any(nlp.tag(t) == "VBD" for t in aux):
        return False
    if nlp.tag(root) == "VBN" and any(nlp.lemma(t) == "have" for t in aux):
        return False  # present perfect: what has happened
    return nlp.tag(root) in ("VBZ", "VBP") or any(nlp.tag(t) in ("VBZ", "VBP") for t in aux)


_KEEP_LEAD_ENTS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "EVENT",
        "PRODUCT",
        "LAW",
        "CARDINAL",
        "PERCENT",
        "MONEY",
        "QUANTITY",
    }
)
_TIME_MARKS = lexicon.word_set("time_conjunctions")


def _temporal_clause(head: Any) -> bool:
    """An adverbial clause that only says when ("before the games began"); conditions,
    concessions and contrasts ("if", "although", "while", "until") change the meaning."""
    marks = [nlp.lower(t) for t in nlp.children(head) if nlp.dep(t) == "mark"]
    return bool(marks) and all(m in _TIME_MARKS for m in marks)


def _lead_adverbial(span: Any) -> range:
    """Token offsets (in the doc) of a short opening adverbial set off by a comma ("In
    terms of highlights,", "Just days before the games began,") when it names nobody and
    holds no number; longer, named or dated openers carry news and stay. Empty if none."""
    root = nlp.root(span)
    subjects = [
        t for t in nlp.children(root) if nlp.dep(t) in ("nsubj", "nsubjpass", "expl", "csubj")
    ]
    if not subjects:
        return range(0)
    start = min(nlp.left_edge(t).i for t in subjects)
    commas = [t for t in span if t.text == "," and t.i < start]
    if not commas:
        return range(0)
    comma = commas[-1]
    before = [t for t in nlp.children(root) if t.i < comma.i]
    if (
        comma.i - span.start > 8
        or span.end - comma.i < 13
        or not before
        or any(nlp.dep(t) not in ("advcl", "prep", "npadvmod", "advmod", "punct") for t in before)
        or any(nlp.dep(t) == "advcl" and not _temporal_clause(t) for t in before)
        or any(nlp.lower(t) in ("not", "never", "no") for t in span.doc[span.start : comma.i])
        or any(nlp.label(e) in _KEEP_LEAD_ENTS and e.start < comma.i for e in nlp.entities(span))
        or any(nlp.like_num(t) for t in span.doc[span.start : comma.i])
    ):
        return range(0)
    return range(span.start, comma.i + 1)


def _bracketed_asides(span: Any) -> list[range]:
    """Token offsets of non-restrictive asides between two commas: relative clauses
    (", who was born in 1950,") and examples (", including X and Y,"). The parse gives
    the aside's extent, so a list inside it is not mistaken for its end."""
    doc = span.doc
    out = []
    for t in span:
        aside = nlp.dep(t) == "relcl" or (
            nlp.dep(t) == "prep" and nlp.lower(t) in ("including", "such")
        )
        if not aside:
            continue
        first, last = nlp.left_edge(t).i, nlp.right_edge(t).i
        if nlp.dep(t) == "prep" and nlp.lower(t) == "such":
            first = t.i
        if (
            first - 1 > span.start
            and last + 1 < span.end - 1
            and doc[first - 1].text == ","
            and doc[last + 1].text == ","
            and last - first < 30
        ):
            out.append(range(first - 1, last + 2))  # both commas: "X, who was Y, said"
    return out


def pruned(s: Sentence) -> str:
    """The sentence without a short opening adverbial and without comma-bracketed
    asides, rebuilt from its tokens and capitalised again."""
    span = s.span
    drop: set[int] = set(_lead_adverbial(span))
    for r in _bracketed_asides(span):
        drop.update(r)
    if not drop:
        return s.text
    kept = [
        t.text + (" " if nlp.whitespace(t) or t.i + 1 in drop else "")
        for t in span
        if t.i not in drop
    ]
    text = re.sub(r"\s+([,.;:!?])", r"\1", "".join(kept)).strip()
    if len(text.split()) < 6:
        return s.text
    return text[:1].upper() + text[1:]


def compress(text: str, drop_said: bool = False) -> str:
    """A sentence without a wire dateline, parentheticals, opening connectives, asides and a
    trailing "X has learned" credit; capitalised again. Meaning-bearing clauses are kept."""
    t = _BULLET.sub("", " ".join(text.split()))
    t = t[dateline(t)[0] :]
    t = re.sub(r"\s*\([^()]{1,120}\)", "", t)
    t = _ASIDE.sub(" ", t)
    t = _TRAIL_ATTRIB.sub("", t)
    if drop_said:
        t = _TAIL_SAID.sub("", t)
    back = _BACKREF.match(t)
    if back and len(t) - back.end() > 20:
        t = t[back.end() :]
        t = t[:1].upper() + t[1:]
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


_NAME_ENTS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)


def _decapitalised(t: str, s: Sentence, lower_words: set[str]) -> str:
    """`t` with its first word lower-cased when that word is capitalised only because it
    opens the sentence: a function word, a plural common noun, or a word the text also
    writes in lower case, and not part of a name."""
    first = t.split()[0] if t.split() else ""
    word = re.sub(r"[^\w’'-]+$", "", first)
    if not word[:1].isupper() or word.isupper() or len(word) < 2 and word != "A":
        return t
    tok = next((x for x in s.span if x.text == word), None)
    if tok is not None and (nlp.ent_type(tok) in _NAME_ENTS or nlp.pos(tok) == "PROPN"):
        return t
    closed = tok is not None and (
        nlp.is_stop(tok)
        or nlp.pos(tok) in ("ADP", "DET", "PRON", "SCONJ", "CCONJ", "AUX", "NUM", "ADV")
        or nlp.tag(tok) == "NNS"  # a plural common noun; names are seldom plural
    )
    if closed or word.lower() in lower_words:
        return t[:1].lower() + t[1:]
    return t


def _framed(sentence: str, authors: int, s: Sentence, lower_words: set[str]) -> str:
    subject = "The authors argue that " if authors > 1 else "The author argues that "
    return subject + _decapitalised(sentence, s, lower_words)


_DAY_WORD = re.compile(
    rf"^(?:on\s+)?(?:{lexicon.WEEKDAY}|yesterday|today)"
    r"(?:’s|'s)?$",
    re.I,
)


def with_dates(text: str, sent: Sentence, anchor: dt.date) -> str:
    """`text` (a compressed form of `sent`) with its days named by weekday or as
    "yesterday" and "today" given as dates ("on Tuesday" -> "on 11 November 2025"): a
    briefing is read long after the week it was written in."""
    from .temporal import find_temporal
    from .timeline import by_tense

    for t in find_temporal(sent.text, anchor):
        phrase = t.text.strip()
        if not _DAY_WORD.match(phrase) or phrase.endswith(("’s", "'s")):
            continue
        value = by_tense(t, sent, sent.start + t.start, anchor)
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if not m:
            continue
        day = f"{int(m.group(3))} {lexicon.MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
        part = re.search(
            rf"\b{re.escape(phrase)}\s+(?:night|morning|afternoon|evening)\b", text, re.I
        )
        if part:  # "on Monday night": the date joins the words, which stay as they are
            text = text[: part.end()] + f" ({day})" + text[part.end() :]
            continue
        words = phrase.split()
        on = "On" if not text[: text.find(phrase)].strip() else "on"  # it may open the sentence
        if words[0].lower() in ("on", "yesterday", "today"):
            new = f"{on} {day}"
        else:
            before = text[: text.find(phrase)]
            new = day if re.search(r"\bon\s+$", before, re.I) else f"{on} {day}"
        text = re.sub(rf"\b{re.escape(phrase)}\b", new, text, count=1)
    return text


def question_paragraphs(body: Body) -> list[int]:
    """The body paragraphs (ordinals) that end with a question or open with "Q:": an
    interviewer's questions, or an explainer's question headings."""
    paras: dict[int, list[str]] = {}
    for s in body.sentences:
        paras.setdefault(s.para, []).append(s.text.strip())
    return [
        k
        for k, texts in sorted(paras.items())
        if texts[-1].endswith("?") or re.match(r"^Q\s*[:.]", texts[0])
    ]


def _headline_sentence(title: str) -> str:
    """The headline as a sentence: what it says, with a full stop."""
    t = " ".join(title.split())
    return t if not t or t.endswith((".", "!", "?")) else t + "."


def summarize(
    body: Body,
    title: str,
    max_words: int = 90,
    max_sentences: int = 3,
    *,
    opinion: bool = False,
    authors: int = 1,
    target_words: int | None = None,
    anchor: dt.date | None = None,
    options: Options | None = None,
) -> str:
    """1-3 compressed body sentences, at most `max_words` words (about `target_words`):
    the best-scored sentences in text order; for an opinion piece the last one is the
    author's conclusion, framed as the author's argument. An interview (a body of questions
    and answers) is summarised from its introduction, after its headline."""
    opt = options or Options()
    target = opt.summary_target_words if target_words is None else target_words
    sents = body.sentences
    cands = [(i, s) for i, s in enumerate(sents) if _usable(s, opt)]
    opening = ""
    questions = question_paragraphs(body)
    if len(questions) >= opt.summary_interview_questions and opt.summary_interview_questions:
        intro = [(i, s) for i, s in cands if s.para < questions[0]]
        cands = intro or cands
        opinion = False  # the answers argue; the piece reports what was asked and said
        if opt.summary_interview_headline and title.strip():
            opening = _headline_sentence(title)
            max_sentences -= 1
            max_words -= len(opening.split())
            target -= len(opening.split())
    if not cands:
        cands = list(enumerate(sents[:3]))
    if not cands:
        return opening or title
    sc = _Scorer(
        sents,
        title,
        opinion,
        {i: compress(pruned(s), opt.summary_drop_attribution) for i, s in cands},
        opt,
    )
    conclusion = _conclusion(sc, cands, authors) if opinion and len(sents) >= 6 else None
    concluding = len(conclusion[1].split()) if conclusion else 0
    limit = max_sentences - (1 if conclusion else 0)
    skip = conclusion[0] if conclusion else None
    chosen = _choose(sc, cands, limit, target - concluding, concluding, max_words, skip)
    parts = [sc.texts[i] for i in chosen]
    if conclusion:
        parts.append(conclusion[1])
    if anchor is not None:
        order = [*chosen, *([conclusion[0]] if conclusion else [])]
        parts = [with_dates(p, sents[i], anchor) for p, i in zip(parts, order, strict=True)]
    text = " ".join(parts) or " ".join(sc.texts[cands[0][0]].split())
    words = text.split()
    if len(words) > max_words:  # one very long sentence
        text = " ".join(words[: max_words - 1]).rstrip(",;:") + "…"
    return f"{opening} {text}".strip()


_FIGURES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"})
_NEXT = lexicon.word_set("future_markers")
_SAYING = lexicon.word_set("speech_verbs")


class _Scorer:
    """How central and how well placed each sentence is (weights: `Options.summary_w_*`)."""

    def __init__(
        self,
        sents: list[Sentence],
        title: str,
        opinion: bool,
        texts: dict[int, str],
        opt: Options | None = None,
    ) -> None:
        self.opt = opt = opt or Options()
        self.sents = sents
        self.n = len(sents)
        self.title_words = set(_words(title))
        self.first_para = min(s.para for s in sents)
        self.rank = (
            _textrank([_lemmas(s) for s in sents]) if opt.summary_w_textrank else [0.0] * self.n
        )
        self.opinion = opinion
        self.texts = texts
        """Each candidate sentence, compressed."""
        last = {s.para: s.text.rstrip() for s in sents}  # the last sentence of each paragraph
        self.answers = {p + 1 for p, text in last.items() if text.endswith("?")}
        """Paragraphs that follow a paragraph ending in a question."""

    def centrality(self, s: Sentence, i: int = -1) -> float:
        opt = self.opt
        central = opt.summary_w_textrank * self.rank[i] * self.n
        return central + opt.summary_w_title * _share(s.text, self.title_words)

    def features(self, i: int, s: Sentence) -> float:
        """The weighted sum of the sentence's form features: figures, shortness, an answer
        to a question, what comes next, a report of what someone said, a quotation."""
        opt = self.opt
        span = s.span
        figures = sum(1 for e in nlp.entities(span) if nlp.label(e) in _FIGURES)
        words = sum(1 for t in span if nlp.is_alpha(t))
        ahead = any(nlp.lower(t) in _NEXT for t in span)
        said = nlp.lemma(nlp.root(span)) in _SAYING
        return (
            opt.summary_w_numbers * min(figures, 3) / 3
            + opt.summary_w_short * max(0.0, (15 - words) / 15)
            + opt.summary_w_after_question * (s.para in self.answers)
            + opt.summary_w_next * ahead
            + opt.summary_w_saying * said
            + opt.summary_w_quote * bool(_QUOTE.search(s.text))
        )

    def score(self, i: int, s: Sentence) -> float:
        opt = self.opt
        pos = s.para - self.first_para
        lead = opt.summary_w_lead if pos == 0 else opt.summary_w_near_lead if pos <= 2 else 0.0
        if self.opinion:
            lead *= opt.summary_opinion_lead  # analysis is not written as an inverted pyramid
        penalty = opt.summary_w_first_person if _FIRST_PERSON.search(s.text) else 0.0
        if _ANAPHOR.match(self.texts[i]):
            penalty += opt.summary_w_anaphor  # leans on the sentence before it
        position = opt.summary_w_position * i / self.n
        return self.centrality(s, i) + lead - position - penalty + self.features(i, s)


def _conclusion(
    sc: _Scorer, cands: list[tuple[int, Sentence]], authors: int
) -> tuple[int, str] | None:
    """An opinion piece's conclusion: an argumentative sentence near its end, framed as the
    author's argument (index, text), or None."""
    sents, texts, n, opt = sc.sents, sc.texts, sc.n, sc.opt
    people = frozenset(
        t.text
        for x in sents
        for e in nlp.entities(x.span)
        if nlp.label(e) == "PERSON"
        for t in e
        if t.text[:1].isupper()
    )
    tail = [
        (i, s)
        for i, s in cands
        if i >= n * (1 - opt.summary_thesis_tail)
        and not _FIRST_PERSON.search(s.text)
        and not _ANAPHOR.match(texts[i])
        and argumentative(s, people)
        and len(texts[i].split()) <= opt.summary_thesis_words
    ]
    if not tail:
        return None
    i, s = max(
        tail,
        key=lambda c: (
            sc.centrality(c[1], c[0])
            + opt.summary_thesis_title * _share(c[1].text, sc.title_words),
            c[0],
        ),
    )
    lower = {t.text for x in sents for t in x.span if t.text.islower()}
    return i, _framed(texts[i], authors, s, lower)


def _choose(
    sc: _Scorer,
    cands: list[tuple[int, Sentence]],
    limit: int,
    budget: int,
    concluding: int,
    max_words: int,
    skip: int | None,
) -> list[int]:
    """The best-scored sentences that fit the word budget and say something new, in text
    order (`skip`: the conclusion's index, placed apart)."""
    opt = sc.opt
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    scores = {i: sc.score(i, s) for i, s in cands}
    ranked = sorted(cands, key=lambda c: (-scores[c[0]], c[0]))
    ranks = {c[0]: r for r, c in enumerate(ranked)}
    shortlist = max(opt.summary_shortlist_min, round(opt.summary_shortlist_share * len(ranked)))
    pool = [(i, s, set(_words(s.text))) for i, s in ranked if i != skip]
    while pool and len(chosen) < limit:
        if chosen:  # what is not on the shortlist is too peripheral to be worth its words
            pool = [c for c in pool if ranks[c[0]] < shortlist]
            if not pool:
                break
        # The best sentence, less what it repeats of those already chosen.
        i, s, ws = max(
            pool,
            key=lambda c: (
                scores[c[0]] - opt.summary_w_overlap * _repeated(c[2], seen),
                -c[0],
            ),
        )
        pool = [c for c in pool if c[0] != i]
        if ws and _repeated(ws, seen) > opt.summary_redundancy:
            continue  # says again what a chosen sentence says
        k = len(sc.texts[i].split())
        if total + k <= budget or not chosen and total + k + concluding <= max_words:
            chosen.append(i)
            total += k
            seen |= ws
    return sorted(chosen)


def _repeated(words: set[str], seen: set[str]) -> float:
    """The share of `words` already in `seen`."""
    return len(words & seen) / len(words) if words else 0.0
