"""Key actors: spaCy entities of the body, merged to canonical names, typed, given roles
from titles and appositions, ranked by salience (headline, lead, mentions)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import gazetteer as gz
from .body import Body, quote

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof|Gen|Sen|Rep|Lt|Col|Capt)\.?\s+")
# Entity names ending in these words name events, documents or plans, not actors.
_NOT_ACTOR_HEAD = re.compile(
    r"\b(?:Summit|Games|Olympics|Conference|War|Wars|Initiative|Agreement|Declaration|Act|Plan|"
    r"Programme|Treaty|Accords?|Convention|Charter|Strategy|Doctrine|Cup|Championship|Festival|Award|"
    r"Prize|Day|Week|Year|Goals?|Report|Index|Wall|Pipeline)$"
)
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:president|prime minister|minister|secretary|secretary-general|chancellor|king|queen|"
    r"prince|leader|speaker|chief|head|director|spokes(?:person|man|woman)|coach|ambassador|governor|"
    r"mayor|senator|general|commander|judge|chair(?:man|woman|person)?|ceo|founder|envoy|"
    r"commissioner|premier|counterpart|adviser|advisor|boss|predecessor|successor|deputy|emir|"
    r"sultan|monarch|pope|cardinal|bishop|official|officer|researcher|scientist|professor|"
    r"spokesperson|captain|manager|executive|negotiator|representative|lawmaker|mp|attorney)\b"
)
_MONTHS = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


@dataclass
class _Cluster:
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


def clean_name(text: str) -> str:
    """An entity's text without article, possessive, honorific and stray punctuation."""
    t = " ".join(text.split())
    t = re.sub(r"(?:’s|'s|’|')$", "", t)
    t = re.sub(r"^(?:the|The)\s+", "", t)
    t = _HONORIFIC.sub("", t)
    t = re.sub(r"\s+(?:of|for|and|the|in|on)$", "", t)
    return (
        t.strip(' ,;:–—-"“”()').rstrip(".") if not re.search(r"\b[A-Z]\.$", t) else t.strip(" ,;:")
    )


def _key(name: str) -> str:
    return re.sub(r"[^\w]", "", name.casefold())


def find_actors(
    body: Body, text: str, title: str, exclude: list[str], max_actors: int = 12, max_words: int = 12
) -> list[dict[str, Any]]:
    """Ranked key actors as record dicts (name, type, role?, aliases?, evidence)."""
    excluded = {_key(clean_name(x)) for x in exclude if x}
    excluded_tokens = {_key(x.split()[-1]) for x in exclude if x and len(x.split()) > 1}
    acronyms = _acronyms(text)
    clusters: dict[str, _Cluster] = {}
    singles: list[tuple[str, str, tuple[int, int, Any, int, int], int]] = []
    for s in body.sentences:
        for ent in s.span.ents:
            if ent.label_ not in LABELS:
                continue
            raw = clean_name(ent.text)
            if not raw or not re.search(r"[A-Z]", raw) or "\n" in raw or _MONTHS.match(raw):
                continue
            if _NOT_ACTOR_HEAD.search(raw) or len(raw) < 2:
                continue
            m = (s.base + ent.start_char, s.base + ent.end_char, s.span, s.start, s.end)
            label = ent.label_
            canon, weight = _canonical(raw, label, ent, acronyms)
            if canon is None or _key(canon) in excluded or _key(raw) in excluded:
                continue
            if label == "PERSON" and " " not in canon and _key(canon) in excluded_tokens:
                continue  # a bylined author's surname
            if (
                label in ("PERSON", "ORG", "GPE")
                and " " not in canon
                and not gz.country(canon)
                and canon not in acronyms.values()
                and not canon.isupper()
            ):
                singles.append((canon, label, m, s.para))
                continue
            _add(clusters, canon, label, raw, m, s.para, weight)
    # Single words ("Stoltenberg", "Guterres") join the full name that ends (or begins) with them.
    for canon, label, m, para in singles:
        target = next(
            (c for c in clusters.values() if c.name.split()[-1] == canon and " " in c.name), None
        ) or next(
            (
                c
                for c in clusters.values()
                if c.name.split()[0] == canon
                and " " in c.name
                and (c.labels["PERSON"] or label == "ORG" and c.labels["ORG"])
            ),
            None,
        )
        _add(clusters, target.name if target else canon, label, canon, m, para, 1.0)
    ranked = _rank(clusters, title, text)
    out = []
    for c in ranked[:max_actors]:
        out.append(_record(c, text, max_words))
    return out


def _canonical(
    raw: str, label: str, ent: Any, acronyms: dict[str, str]
) -> tuple[str | None, float]:
    """Canonical name and mention weight of one entity mention (None: not an actor)."""
    if label == "NORP":
        # A demonym names a country's people or government; it supports that country's
        # salience but does not make it an actor on its own (weight < 1, see _rank).
        c = gz.demonym_country(raw) or gz.country(raw)
        if c:
            return c, 0.4
        return (
            (raw, 1.0)
            if raw.endswith("s") and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"
            else (None, 0)
        )
    if raw in acronyms:
        if not acronyms[raw]:
            return None, 0
        raw = acronyms[raw]
    c = gz.country(raw) or gz.country(raw + ".")
    if c:
        return c, 1.0
    if raw in gz.ORG_ALIASES:
        return gz.ORG_ALIASES[raw], 1.0
    if label == "GPE" and gz.capital_country(raw):
        head = ent.root
        if head.dep_ in ("nsubj", "nsubjpass", "poss") or (
            head.dep_ == "conj" and head.head.dep_ == "nsubj"
        ):
            return gz.capital_country(raw), 1.0  # "Riyadh has asked": the government
    return raw, 1.0


def _add(
    clusters: dict[str, _Cluster],
    canon: str,
    label: str,
    form: str,
    m: tuple[int, int, Any, int, int],
    para: int,
    weight: float,
) -> None:
    key = _key(canon)
    c = clusters.setdefault(key, _Cluster(canon))
    if gz.country(canon):
        c.country = True
    if weight >= 1 or label != "NORP":
        c.labels[label] += 1
    c.forms[form] += 1
    c.mentions.append(m)
    c.weight += weight
    c.paras.add(para)


def _acronyms(text: str) -> dict[str, str]:
    """ "Full Name (FN)" pairs: acronym → full name, when the initials agree."""
    out: dict[str, str] = {}
    for m in re.finditer(
        r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on|de)\s+)*){1,8})\(([A-Z][A-Za-z]{1,9})\)", text
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
    for m in re.finditer(r"\b((?:[A-Za-z][a-z]+\s+){1,5})\(([A-Z]{2,6})\)", text):
        words = m.group(1).split()[-len(m.group(2)) :]
        if "".join(w[0] for w in words).upper() == m.group(2) and all(
            w.islower() for w in words[1:]
        ):
            out[m.group(2)] = ""  # "artificial intelligence (AI)": a concept, not an actor
    return out


def _rank(clusters: dict[str, _Cluster], title: str, text: str) -> list[_Cluster]:
    """Clusters that are actors, most salient first."""
    scored = []
    for c in clusters.values():
        label = _type(c)
        if c.labels.total() == 0:
            continue  # only demonyms: "Japanese" alone is not an actor
        c.role, c.role_mention = _role(c)
        in_title = any(re.search(rf"\b{re.escape(f)}\b", title) for f in list(c.forms) + [c.name])
        lead = min(c.paras) <= 1
        score = c.weight + (3 if in_title else 0) + (1.5 if lead else 0) + (1 if c.role else 0)
        n = len(c.mentions)
        if label == "place" and not in_title and n < 3:
            continue  # places are actors only when the story is about them
        if label == "other":
            continue
        if (
            n < 2
            and not in_title
            and not c.role
            and not (lead and label != "place")
            and not (label == "person" and " " in c.name)
        ):
            continue
        scored.append((-score, min(m[0] for m in c.mentions), c))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [c for _, _, c in scored]


def _type(c: _Cluster) -> str:
    if c.country:
        return "country"
    top = c.labels.most_common()
    if not top:
        return "other"
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
    return {
        "ORG": "organization",
        "NORP": "organization",
        "GPE": "place",
        "LOC": "place",
        "FAC": "place",
    }.get(label, "other")


def _preceded_by_the(m: tuple[int, int, Any, int, int]) -> bool:
    span = m[2]
    doc = span.doc
    base = m[3] - span.start_char
    for t in span:
        if base + t.idx == m[0]:
            return t.i > 0 and doc[t.i - 1].lower_ == "the"
    return False


def _role(c: _Cluster) -> tuple[str, int]:
    """A title or function for a person: "NATO Secretary-General Jens Stoltenberg" or
    "The US energy secretary, Chris Wright"."""
    if _type(c) != "person":
        return "", -1
    for k, m in enumerate(c.mentions):
        span = m[2]
        base = m[3] - span.start_char
        first = next((t for t in span if base + t.idx == m[0]), None)
        if first is None:
            continue
        doc = span.doc
        i = first.i - 1
        apposition = i >= 0 and doc[i].text == ","
        if apposition:
            i -= 1
        toks = []
        while i >= span.start and (
            doc[i].pos_ in ("PROPN", "NOUN", "ADJ")
            or doc[i].tag_ == "POS"
            or doc[i].text in ("-", "’s", "'s")
            or (
                doc[i].lower_ == "and"
                and toks
                and i > span.start
                and doc[i - 1].pos_ in ("NOUN", "PROPN")
            )
        ):
            if doc[i].ent_type_ == "PERSON":
                break  # another person's name: the title before it is theirs
            if doc[i].lower_ == "and" and not (toks and _ROLE_WORDS.search(doc[i - 1].text)):
                break
            toks.insert(0, doc[i])
            i -= 1
        if toks and _ROLE_WORDS.search(toks[-1].text):
            s, e = toks[0].idx + base, toks[-1].idx + len(toks[-1].text) + base
            role = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
            if 1 <= len(role.split()) <= 8 and s < e:
                return " ".join(role.split()), k
    return "", -1


def _record(c: _Cluster, text: str, max_words: int) -> dict[str, Any]:
    rec: dict[str, Any] = {"name": c.name, "type": _type(c)}
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


def _best_mention(c: _Cluster) -> tuple[int, int, Any, int, int]:
    """The first mention under the canonical name, else the first mention."""
    for m in c.mentions:
        if c.name in m[2].text:
            return m
    return c.mentions[0]
