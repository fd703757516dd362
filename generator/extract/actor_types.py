"""An actor cluster (the mentions of one actor) and what is read off it: its type, its role
from titles and appositions, and its record with evidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import gazetteer as gz
from . import lexicon, nlp
from .body import quote

_ROLE_WORDS = re.compile(
    r"(?i)\b(?:president|prime minister|minister|secretary|secretary-general|chancellor|king|queen|"
    r"prince|leader|speaker|chief|head|director|spokes(?:person|man|woman)|coach|ambassador|governor|"
    r"mayor|senator|general|commander|judge|chair(?:man|woman|person)?|ceo|founder|envoy|"
    r"commissioner|premier|counterpart|adviser|advisor|boss|predecessor|successor|deputy|emir|"
    r"sultan|monarch|pope|cardinal|bishop|official|officer|researcher|scientist|professor|"
    r"spokesperson|captain|manager|executive|negotiator|representative|lawmaker|mp|attorney)\b"
)


ROLE_WORDS = _ROLE_WORDS


@dataclass
class Cluster:
    name: str
    labels: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)
    mentions: list[tuple[int, int, Any, int, int]] = field(default_factory=list)
    """(start, end, sentence span, sentence start, sentence end) in seed text."""
    weight: float = 0.0
    paras: set[int] = field(default_factory=set)
    country: bool = False
    role: str = ""
    role_mention: int = -1


def named_body(c: Cluster) -> bool:
    """A full proper name of an institution acting in a sentence: several capitalised words
    ("International Criminal Court") or an acronym defined in the text, used as the subject,
    object or agent of a verb rather than as a modifier."""
    m = c.mentions[0]
    span = m[2]
    base = m[3] - span.start_char
    toks = [t for t in span if m[0] <= base + t.idx < m[1]]
    if not toks:
        return False
    root = min(toks, key=lambda t: len(nlp.ancestors(t)))
    acronym = c.name.isupper() and len(c.name) >= 3  # "ACLED reported ..."
    return (len(c.name.split()) >= 2 or acronym) and nlp.dep(root) in (
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "conj",
        "appos",
        "agent",
    )


_PLACE_HEAD = re.compile(rf"\b{lexicon.alternation('place_heads')}$")
_BODY_HEAD = re.compile(rf"\b{lexicon.alternation('body_heads')}$")


_HONORIFICS = lexicon.word_set("honorifics_person")


def _titled(c: Cluster) -> bool:
    """A name a title stands right before ("Minister Semisi Naivalu", "Country Director,
    Amara Diallo"): a person, whatever the tagger said."""
    if not 2 <= len(c.name.split()) <= 4 or _BODY_HEAD.search(c.name):
        return False
    for m in c.mentions:
        tok = _first_token(m)
        if tok is None or tok.i == 0:
            continue
        i = tok.i - 1
        if tok.doc[i].text.rstrip(".") in _HONORIFICS:
            return True  # "said Dr Ama Owusu-Boateng"
        apposition = tok.doc[i].text == "," and i > 0
        if apposition:
            i -= 1
        # Back over the portfolio: "Minister for Fisheries and Forestry, Semisi Naivalu";
        # after a comma a title in lower case will do ("chief operating officer, Marcus Bell").
        for step in range(8):
            word = tok.doc[i]
            # a role in lower case right before the name will do ("lawmaker Ama Diallo")
            if _ROLE_WORDS.fullmatch(word.text) and (
                word.text[:1].isupper() or apposition or step == 0
            ):
                return True
            if i == 0 or not (word.text[:1].isupper() or nlp.lower(word) in ("of", "for", "and")):
                break
            i -= 1
    return False


def actor_type(c: Cluster) -> str:
    if c.country:
        return "country"
    top = c.labels.most_common()
    if not top:
        return "other"
    if _PLACE_HEAD.search(c.name):
        return "place"  # "Gatún Lake", "Clarion-Clipperton Zone"
    if _BODY_HEAD.search(c.name):
        return "organization"  # "Nordlys Line", "Kenya Red Cross Society"
    if _titled(c) or _described_as_person(c):
        return "person"
    if gz.capital_country(c.name):
        return "place"  # "Kyiv", "Nairobi" as a tagger's person: a city of the gazetteer
    if top[0][0] == "PERSON" and _org_context(c):
        return "organization"  # "retailer Best Buy", "App Store customers": no person
    places = c.labels["GPE"] + c.labels["LOC"]
    if top[0][0] == "PERSON" and " " not in c.name and places >= c.labels["PERSON"]:
        return "place"  # a one-word name the tagger calls a place as often as a person
    if c.labels["PERSON"] and " " in c.name and c.labels["PERSON"] * 2 >= c.labels.total() - 1:
        return "person"
    label = top[0][0]
    if label == "PERSON":
        # "the Houthis": a name used with an article is a group, not a person.
        with_the = sum(1 for m in c.mentions if _preceded_by_the(m))
        return (
            "organization"
            if with_the * 2 >= len(c.mentions) or " " not in c.name and c.name.endswith("s")
            else "person"
        )
    if label == "ORG" and _located(c):
        return "place"
    return {
        "ORG": "organization",
        "NORP": "organization",
        "GPE": "place",
        "LOC": "place",
        "FAC": "place",
    }.get(label, "other")


_LOCATIVE = lexicon.word_set("locative_prepositions")
_ORG_CONTEXT = lexicon.word_set("org_context_words")


def _org_context(c: Cluster) -> bool:
    """A name some mention of which a company's word stands next to: a descriptor right
    before it ("retailer Best Buy", "the carmaker General Motors") or a noun right after it
    ("App Store customers", "General Motors shares"; lexicon/org_context_words.txt). A
    person's name takes neither; "Smith shares his view" has a verb after it."""
    for m in c.mentions:
        first, last = _first_token(m), _last_token(m)
        if first is None or last is None:
            continue
        doc = first.doc
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if before is not None and nlp.lower(before) in _ORG_CONTEXT and nlp.pos(before) != "VERB":
            return True
        if after is not None and nlp.pos(after) == "NOUN" and nlp.lower(after) in _ORG_CONTEXT:
            return True
    return False


def _located(c: Cluster) -> bool:
    """A one-word name (not an acronym) used mostly after "in", "around", "near" ... without
    an article is a place the tagger took for an organisation ("around El-Fasher"). A name in
    a possessive ("in Smith's view") does not count."""
    if " " in c.name or c.name.isupper():
        return False
    hits = 0
    for m in c.mentions:
        tok = _first_token(m)
        if tok is None or tok.i == 0 or nlp.lower(tok.doc[tok.i - 1]) not in _LOCATIVE:
            continue
        last = _last_token(m)
        nxt = tok.doc[last.i + 1] if last is not None and last.i + 1 < len(tok.doc) else None
        if nxt is None or nlp.tag(nxt) != "POS":
            hits += 1
    return hits * 2 >= len(c.mentions)


def _described_as_person(c: Cluster) -> bool:
    """A name a role word describes: in apposition ("said Ama Diallo, the agency's country
    director"), as what the name is ("Ama Diallo has been the island's envoy") or in a
    relative clause on "who" ("Ama Diallo, who leads the network"). Bodies are excluded by
    their head word."""
    if not 2 <= len(c.name.split()) <= 4 or _BODY_HEAD.search(c.name) or c.name.isupper():
        return False
    for m in c.mentions:
        last = _last_token(m)
        if last is None:
            continue
        head = last
        for kid in nlp.children(head):
            if nlp.dep(kid) == "appos" and _ROLE_WORDS.fullmatch(kid.text):
                return True
            if nlp.dep(kid) == "relcl" and any(
                nlp.dep(g) == "nsubj" and nlp.lower(g) == "who" for g in nlp.children(kid)
            ):
                return True
        if nlp.dep(head) == "nsubj" and nlp.lemma(nlp.head(head)) == "be":
            attr = [k for k in nlp.children(nlp.head(head)) if nlp.dep(k) in ("attr", "acomp")]
            if any(_ROLE_WORDS.fullmatch(a.text) for a in attr):
                return True
    return False


def _first_token(m: tuple[int, int, Any, int, int]) -> Any:
    span = m[2]
    base = m[3] - span.start_char
    return next((t for t in span if base + t.idx == m[0]), None)


def _last_token(m: tuple[int, int, Any, int, int]) -> Any:
    span = m[2]
    base = m[3] - span.start_char
    toks = [t for t in span if m[0] <= base + t.idx < m[1]]
    return toks[-1] if toks else None


def _preceded_by_the(m: tuple[int, int, Any, int, int]) -> bool:
    span = m[2]
    doc = span.doc
    base = m[3] - span.start_char
    for t in span:
        if base + t.idx == m[0]:
            return t.i > 0 and nlp.lower(doc[t.i - 1]) == "the"
    return False


def actor_role(c: Cluster) -> tuple[str, int]:
    """A title or function for a person: "NATO Secretary-General Jens Stoltenberg" or
    "The US energy secretary, Chris Wright"."""
    if actor_type(c) != "person":
        return "", -1
    for k, m in enumerate(c.mentions):
        span = m[2]
        base = m[3] - span.start_char
        doc = span.doc
        at = doc.char_span(m[0] - base, m[0] - base + 1, alignment_mode="expand")
        first = (
            at[0]
            if at is not None
            and len(at)
            and at[0].idx == m[0] - base
            and span.start <= at[0].i < span.end
            else None
        )
        if first is None:
            continue
        i = first.i - 1
        apposition = i >= 0 and doc[i].text == ","
        if apposition:
            i -= 1
        toks: list[Any] = []
        while i >= span.start and (
            nlp.pos(doc[i]) in ("PROPN", "NOUN", "ADJ")
            or nlp.tag(doc[i]) == "POS"
            or doc[i].text in ("-", "’s", "'s")
            or (
                nlp.lower(doc[i]) == "and"
                and toks
                and i > span.start
                and nlp.pos(doc[i - 1]) in ("NOUN", "PROPN")
            )
        ):
            if nlp.ent_type(doc[i]) == "PERSON":
                break  # another person's name: the title before it is theirs
            if nlp.lower(doc[i]) == "and" and not (toks and _ROLE_WORDS.search(doc[i - 1].text)):
                break
            toks.insert(0, doc[i])
            i -= 1
        if toks and _ROLE_WORDS.search(toks[-1].text):
            s, e = toks[0].idx + base, toks[-1].idx + len(toks[-1].text) + base
            role = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
            if 1 <= len(role.split()) <= 8 and s < e:
                return " ".join(role.split()), k
    return "", -1


def actor_record(c: Cluster, text: str, max_words: int) -> dict[str, Any]:
    rec: dict[str, Any] = {"name": c.name, "type": actor_type(c)}
    if c.role:
        rec["role"] = c.role
    aliases = []
    for f, _ in c.forms.most_common():
        if f != c.name and f.casefold() != c.name.casefold() + "s" and f not in aliases:
            aliases.append(f)
    if aliases:
        rec["aliases"] = aliases[:4]
    m = c.mentions[c.role_mention] if c.role_mention >= 0 else _best_mention(c)
    s, e = m[0], m[1]
    if c.role_mention >= 0:
        s = max(m[3], s - len(c.role) - 3)
    rec["evidence"] = quote(text, s, e, m[3], m[4], max_words)
    return rec


def _best_mention(c: Cluster) -> tuple[int, int, Any, int, int]:
    """The first mention under the canonical name, else the first mention."""
    for m in c.mentions:
        if c.name in m[2].text:
            return m
    return c.mentions[0]
