"""Key actors: spaCy entities of the body, merged to canonical names, typed, given roles
from titles and appositions, ranked by salience (headline, lead, mentions)."""

from __future__ import annotations

import re
from typing import Any

from . import gazetteer as gz
from .actor_names import _MONTHS, _acronyms, _key, clean_name
from .actor_types import _Cluster, _named_body, _record, _role, _type
from .body import Body
from .clean import dateline

__all__ = ["LABELS", "clean_name", "find_actors"]

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Entity names ending in these words name events, documents or plans, not actors.
_NOT_ACTOR_HEAD = re.compile(
    r"\b(?:Summit|Games|Olympics|Conference|War|Wars|Initiative|Agreement|Declaration|Act|Plan|"
    r"Programme|Treaty|Accords?|Convention|Charter|Strategy|Doctrine|Cup|Championship|Festival|Award|"
    r"Prize|Day|Week|Year|Goals?|Report|Index|Wall|Pipeline)$"
)


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
        skip = dateline(s.text)[0]  # "GDANSK, Poland (Reuters) - ": a place line, not an actor
        for ent in s.span.ents:
            if ent.label_ not in LABELS or s.base + ent.start_char < s.start + skip:
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
    if label != "NORP" and gz.demonym_country(raw) and not gz.country(raw):
        label = "NORP"  # "the Ugandan town of Entebbe": a demonym the tagger took for a body
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
    if len(raw.split()) >= 2:
        full = next(
            (f for f in acronyms.values() if f and f != raw and f.startswith(raw + " ")), None
        )
        if full:
            raw = full  # "International Criminal Tribunal" of "... for the former Yugoslavia"
    c = gz.country(raw) or gz.country(raw + ".")
    if c:
        return c, 1.0
    if raw in gz.ORG_ALIASES:
        return gz.ORG_ALIASES[raw], 1.0
    if label == "ORG" and gz.capital_country(raw) and not _located(ent):
        return gz.capital_country(raw), 1.0  # a capital tagged as a body: its government
    if label == "GPE" and gz.capital_country(raw):
        head = ent.root
        if head.dep_ in ("nsubj", "nsubjpass", "poss") or (
            head.dep_ == "conj" and head.head.dep_ == "nsubj"
        ):
            return gz.capital_country(raw), 1.0  # "Riyadh has asked": the government
    return raw, 1.0


def _located(ent: Any) -> bool:
    """Whether a mention names where something happens ("presented in Niamey")."""
    head = ent.root
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "from", "to", "outside")


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
            and not (label == "organization" and _named_body(c))
        ):
            continue
        scored.append((-score, min(m[0] for m in c.mentions), c))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [c for _, _, c in scored]
