"""Key actors: spaCy entities of the body, merged to canonical names, typed, given roles
from titles and appositions, ranked by salience (headline, lead, mentions)."""

from __future__ import annotations

import re
from typing import Any

from . import gazetteer as gz
from . import lexicon, nlp
from .actor_names import (
    CALENDAR_WORD,
    TITLE_WORDS,
    clean_name,
    name_key,
    not_a_name,
    split_run_together,
)
from .actor_names import acronyms as find_acronyms
from .actor_types import ROLE_WORDS as _ROLE_WORD
from .actor_types import Cluster, actor_record, actor_role, actor_type, named_body
from .body import Body
from .clean import dateline

__all__ = ["LABELS", "clean_name", "find_actors"]

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Entity names ending in these words name events, documents or plans, not actors.
_NOT_ACTOR_HEAD = re.compile(rf"\b{lexicon.alternation('event_heads')}$")
# Names opening with these words name storms and operations ("Cyclone Idai").
_NOT_ACTOR_OPENER = re.compile(rf"^{lexicon.alternation('event_openers')}\s")


def find_actors(
    body: Body, text: str, title: str, exclude: list[str], max_actors: int = 12, max_words: int = 12
) -> list[dict[str, Any]]:
    """Ranked key actors as record dicts (name, type, role?, aliases?, evidence)."""
    excluded = {name_key(clean_name(x)) for x in exclude if x}
    excluded_tokens = {name_key(x.split()[-1]) for x in exclude if x and len(x.split()) > 1}
    acronyms = find_acronyms(text)
    storms = _storm_words(body)
    clusters: dict[str, Cluster] = {}
    singles: list[tuple[str, str, tuple[int, int, Any, int, int], int]] = []
    for s in body.sentences:
        skip = dateline(s.text)[0]  # "GDANSK, Poland (Reuters) - ": a place line, not an actor
        for ent in nlp.entities(s.span):
            if nlp.label(ent) not in LABELS or s.base + ent.start_char < s.start + skip:
                continue
            named = _entity_name(ent)
            if named is None:
                continue
            raw, label = named
            raw = split_run_together(raw, text)  # "Kofi AnnanBrown": two names run together
            m = (s.base + ent.start_char, s.base + ent.end_char, s.span, s.start, s.end)
            canon, weight = _canonical(raw, label, ent, acronyms)
            if canon is None or name_key(canon) in excluded or name_key(raw) in excluded:
                continue
            if canon in storms:
                continue  # "Phailin", "Cyclone": the short forms of "Cyclone Phailin"
            if gz.agency(canon) and canon not in title:
                continue  # a news agency the report cites is a source, not an actor
            if label == "PERSON" and " " not in canon and name_key(canon) in excluded_tokens:
                continue  # a bylined author's surname
            if _single_word(canon, label, acronyms):
                singles.append((canon, label, m, s.para))
                continue
            _add(clusters, canon, label, raw, m, s.para, weight)
    for canon, label, m, para in _headline_names(body, title, clusters, singles):
        if name_key(canon) not in excluded and not gz.agency(canon):
            _add(clusters, canon, label, canon, m, para, 1.0)
    _join_singles(clusters, singles)
    _merge_short_forms(clusters)
    _merge_fragments(clusters, text)
    _merge_acronyms(clusters)
    common = {
        nlp.lower(t) for doc in body.docs for t in doc if nlp.pos(t) == "NOUN" and nlp.is_lower(t)
    }
    for key, c in list(clusters.items()):
        if _common_noun_name(c, common):
            del clusters[key]
    ranked = _rank(clusters, title, text)
    return [actor_record(c, text, max_words) for c in ranked[:max_actors]]


def _storm_words(body: Body) -> set[str]:
    """The words of every storm or operation the text names ("Cyclone Phailin"): alone,
    each is a short form of that name, not an actor."""
    out: set[str] = set()
    for doc in body.docs:
        for ent in nlp.entities(doc):
            name = clean_name(ent.text)
            if _NOT_ACTOR_OPENER.match(name):
                out.update(name.split())
    return out


def _headline_names(
    body: Body,
    title: str,
    clusters: dict[str, Cluster],
    singles: list[tuple[str, str, tuple[int, int, Any, int, int], int]],
) -> list[tuple[str, str, tuple[int, int, Any, int, int], int]]:
    """Names the tagger missed that the headline gives and the body repeats: a run of proper
    nouns outside any entity ("Aner Shalev", "The Onion") that occurs in the headline. Two to
    four words make a person unless a head word makes them a body or a place; a name after
    "the" is a body. A lone word without "the" is left alone (a sentence-initial word)."""
    if not title:
        return []
    known = {name_key(c.name) for c in clusters.values()} | {name_key(x[0]) for x in singles}
    known |= {name_key(clean_name(e.text)) for doc in body.docs for e in nlp.entities(doc)}
    out = []
    for s in body.sentences:
        toks = list(s.span)
        i = 0
        while i < len(toks):
            t = toks[i]
            if (
                nlp.pos(t) != "PROPN"
                or nlp.ent_type(t)
                or not t.text[:1].isupper()
                or not nlp.is_alpha(t)
            ):
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks)
                and nlp.pos(toks[j + 1]) == "PROPN"
                and not nlp.ent_type(toks[j + 1])
                and toks[j + 1].text[:1].isupper()
                and nlp.is_alpha(toks[j + 1])
            ):
                j += 1
            run = toks[i : j + 1]
            i = j + 1
            name = " ".join(x.text for x in run)
            after_the = run[0].i > 0 and nlp.lower(run[0].doc[run[0].i - 1]) == "the"
            if not 1 <= len(run) <= 4 or (len(run) == 1 and not after_the):
                continue
            if nlp.dep(run[-1]) in ("compound", "amod") and nlp.head(run[-1]).i > run[-1].i:
                continue  # "the Scientology organisation": a modifier, not a name in use
            if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title):
                continue
            if CALENDAR_WORD.match(name) or name_key(name) in known or _NOT_ACTOR_HEAD.search(name):
                continue
            label = "ORG" if after_the or _BODY_HEAD_WORD.search(name) else "PERSON"
            if _PLACE_HEAD_WORD.search(name):
                label = "LOC"
            start = s.base + run[0].idx
            m = (start, start + len(name), s.span, s.start, s.end)
            out.append((name, label, m, s.para))
    return out


def _entity_name(ent: Any) -> tuple[str, str] | None:
    """An entity's cleaned name and label, or None when it names no actor."""
    before = nlp.lower(ent.doc[ent.start - 1]) if ent.start > 0 else ""
    if nlp.label(ent) == "ORG" and before in ("a", "an"):
        return None  # "create a World Technology Organization": a body that does not exist
    raw, label = _tidy(clean_name(_extended(ent)), nlp.label(ent))
    if label == nlp.label(ent) and _portfolio(ent):
        return None  # "Minister for Canal Affairs", "Interior Cabinet Secretary"
    if label != "PERSON" and _PLACE_PAIR.match(raw) and not gz.country(raw):
        return None  # "N'Djamena and Abéché": two places, each named on its own
    if not raw or not re.search(r"[A-Z]", raw) or "\n" in raw or CALENDAR_WORD.match(raw):
        return None
    if " / " in raw:
        return None  # "Newsmax / Zogby": two names, neither one the actor
    if not_a_name(raw) or raw in _BARE_INSTITUTIONS:
        return None  # "USD", "Mar", "UTC+03:00", "Magnitude 6.3"; a bare "Government"
    if _NOT_ACTOR_OPENER.match(raw):
        return None
    if _NOT_ACTOR_HEAD.search(raw) and not _acting_body(raw, ent):
        return None
    if len(raw) < 2:
        return None
    return raw, label


_BODY_OR_EVENT = lexicon.word_set("event_heads") & lexicon.word_set("body_heads")
_EVENT_VERBS = lexicon.word_set("event_verbs")


def _acting_body(raw: str, ent: Any) -> bool:
    """A name whose head word may name a body or a plan ("World Food Programme", "Space
    Programme") is a body when it is the subject of a verb that events are not the subject
    of: "the World Food Programme would begin airdropping food" acts, "the programme
    began in 1981" does not."""
    if raw.split()[-1] not in _BODY_OR_EVENT:
        return False
    root = nlp.root(ent)
    if nlp.dep(root) not in ("nsubj", "nsubjpass"):
        return False
    verb = nlp.head(root)
    actions = [verb] + [
        k for k in nlp.children(verb) if nlp.dep(k) in ("xcomp", "conj") and nlp.pos(k) == "VERB"
    ]
    return any(nlp.lemma(v) not in _EVENT_VERBS for v in actions)


def _single_word(canon: str, label: str, acronyms: dict[str, str]) -> bool:
    """A one-word name that may be the short form of a full name ("Stoltenberg")."""
    return (
        label in ("PERSON", "ORG", "GPE")
        and " " not in canon
        and not gz.country(canon)
        and canon not in acronyms.values()
        and not canon.isupper()
    )


def _join_singles(
    clusters: dict[str, Cluster],
    singles: list[tuple[str, str, tuple[int, int, Any, int, int], int]],
) -> None:
    """Single words ("Stoltenberg", "Guterres") join the full name that ends (or begins) with
    them; the others become actors of their own."""
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


_BODY_HEAD_WORD = re.compile(rf"\b{lexicon.alternation('body_heads')}$")
_PLACE_HEAD_WORD = re.compile(rf"\b{lexicon.alternation('place_heads')}$")
_HONORIFIC_WORDS = lexicon.word_set("honorifics_strip") | lexicon.word_set("honorifics_person")
_TIME_ZONES = lexicon.TIME_ZONES
_BARE_INSTITUTIONS = lexicon.word_set("institution_words")
_TITLE_WORD = re.compile(rf"\b(?:{TITLE_WORDS}|General|Representative)$")
_PLACE_PAIR = re.compile(r"^([A-Z][\w’'-]+) and ([A-Z][\w’'-]+)$")


_REMIT_HEADS = lexicon.word_set("remit_heads")
_PARTICLES = lexicon.word_set("name_particles")


def _extended(ent: Any) -> str:
    """The entity's text, run on where the tagger stopped too early: over a name particle
    ("Conseil [du Café-Cacao]") or over "for the" into a body's remit ("United Nations
    Office [for the Coordination of Humanitarian Affairs]")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if nlp.label(ent) == "PERSON":
        # Back over given names the tagger left out ("Action, [Idriss] Mahamat Saleh"), never
        # over a title, an honorific or another entity; cut at a possessive ("Gadi
        # Eisenkot's Yashar" is Gadi Eisenkot).
        if _given_name(doc, ent.start - 1):
            start -= 1
        cut = next((t.i for t in doc[ent.start : ent.end] if nlp.tag(t) == "POS"), None)
        if cut is not None and cut > ent.start:
            end = cut
    while (
        end + 1 < len(doc) and nlp.lower(doc[end]) in _PARTICLES and doc[end + 1].text[:1].isupper()
    ):
        end += 2
        while end < len(doc) and (
            doc[end].text[:1].isupper()
            or doc[end].text == "-"
            and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
    if (
        nlp.label(ent) == "ORG"
        and end + 2 < len(doc)
        and nlp.lower(doc[end]) in ("for", "of")
        and doc[end - 1].text in _REMIT_HEADS
    ):
        nxt = next(
            (
                e
                for e in nlp.entities(doc)
                if e.start in (end + 1, end + 2)
                and nlp.label(e) == "ORG"
                and doc[end + 1 : e.start].text.lower() in ("", "the")
            ),
            None,
        )
        if nxt is not None:
            end = nxt.end
    return doc[start:end].text if (start, end) != (ent.start, ent.end) else ent.text


def _given_name(doc: Any, i: int) -> bool:
    """Whether token i, right before a person's name, is a given name the tagger left out: a
    capitalised proper noun of two letters or more that is no entity, title or honorific,
    and that opens the name (after punctuation, a conjunction, a verb or a lower-case noun:
    "Action, [Idriss] Mahamat Saleh", "curator [Elaine] Gustafon"; not "Mayor of Galway
    Niamh Fahy" or "The Midwest Magic Jubilee")."""
    if i < 0:
        return False
    t = doc[i]
    if not (
        nlp.pos(t) == "PROPN"
        and nlp.is_alpha(t)
        and len(t.text) >= 2
        and t.text[:1].isupper()
        and not t.text.isupper()
        and not nlp.ent_type(t)
        and not _TITLE_WORD.search(t.text)
        and not _ROLE_WORD.fullmatch(t.text)
        and t.text not in _HONORIFIC_WORDS
    ):
        return False
    if i == 0 or nlp.is_sent_start(t):
        return True
    return nlp.pos(doc[i - 1]) not in ("DET", "ADP", "ADJ", "NUM", "PROPN", "PRON")


def _portfolio(ent: Any) -> bool:
    """An entity that is the portfolio of a title, not an actor: "Minister for [Canal
    Affairs]", "[Interior Cabinet] Secretary Daniel Wafula"."""
    doc = ent.doc
    before = doc[max(0, ent.start - 2) : ent.start]
    titled = len(before) == 2 and bool(_TITLE_WORD.search(before[0].text))
    if titled and nlp.lower(before[1]) in ("for", "of"):
        return nlp.label(ent) == "ORG"
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        nlp.label(ent) == "ORG"
        and after is not None
        and bool(_TITLE_WORD.search(after.text))
        and after.text[:1].isupper()
        and ent.end + 1 < len(doc)
        and nlp.ent_type(doc[ent.end + 1]) == "PERSON"
    )


def _tidy(raw: str, label: str) -> tuple[str, str]:
    """An entity's name with what the tagger ran into it taken off: an unclosed bracket
    ("... Sea (ICES"), lower-case words before it ("council of the X"), a title before a
    person ("Canal Administrator Rodrigo Castillo"), a person after a portfolio ("Food and
    Agriculture, Kwabena Asante-Darko") or an alias after a comma."""
    if "(" in raw and ")" not in raw:
        raw = raw.split("(")[0].strip()
    m = re.match(r"^(?:[a-z][\w’'-]*\s+)+(?:of\s+)?(?:the\s+)?(?=[A-Z])", raw)
    if m:
        raw = raw[m.end() :]
    words = raw.split()
    title = max((i for i, w in enumerate(words) if _TITLE_WORD.search(w)), default=-1)
    if (
        title >= 0
        and len(words) - title - 1 >= 2
        and label in ("ORG", "PERSON")
        and not _BODY_HEAD_WORD.search(raw)  # "General Motors Corporation": a body
    ):
        return " ".join(words[title + 1 :]), "PERSON"
    if label == "ORG" and ", " in raw:
        head, tail = raw.split(", ", 1)
        tail_words = tail.split()
        if len(tail_words) == 1:
            return head, label  # "Federal Agency for Fishery, Rosrybolovstvo": an alias
        if 2 <= len(tail_words) <= 4 and all(w[:1].isupper() for w in tail_words):
            return tail, "PERSON"
    return raw, label


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
            if raw.endswith("s") and ent.start > 0 and nlp.lower(ent.doc[ent.start - 1]) == "the"
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
        head = nlp.root(ent)
        if nlp.dep(head) in ("nsubj", "nsubjpass", "poss") or (
            nlp.dep(head) == "conj" and nlp.dep(nlp.head(head)) == "nsubj"
        ):
            return gz.capital_country(raw), 1.0  # "Riyadh has asked": the government
    return raw, 1.0


def _merge_short_forms(clusters: dict[str, Cluster]) -> None:
    """A person named by the last words of a full name ("Castillo Vega" after "Rodrigo
    Castillo Vega") is that person."""
    people = [c for c in clusters.values() if c.labels["PERSON"] and len(c.name.split()) >= 3]
    for key, c in list(clusters.items()):
        if len(c.name.split()) < 2:
            continue
        full = next((p for p in people if p is not c and p.name.endswith(" " + c.name)), None)
        if full is None:
            continue
        full.labels.update(c.labels)
        full.forms.update(c.forms)
        full.mentions.extend(c.mentions)
        full.weight += c.weight
        full.paras |= c.paras
        del clusters[key]


# The words a company's name may end in without naming another body (lexicon/org_suffixes.txt,
# shared with the site-wide entity resolution): "General Motors Corporation" is "General Motors".
_LEGAL_SUFFIX = re.compile(rf"(?i)\s+{lexicon.alternation('org_suffixes')}\.?$")
_PREFIX_WORD = re.compile(r"(?:[A-Z][\w’'&-]*|[a-z]+[A-Z][\w’'&-]*)$")
# Words inside a longer name ("National Air and Space Museum", "Conseil du Café-Cacao").
_CONNECTORS = _PARTICLES | {"and", "of", "for", "&"}
_NOT_PREFIX = lexicon.word_set("stop_words") | {w.lower() for w in _HONORIFIC_WORDS}


def _longer_name(name: str, starts: list[int], text: str) -> str:
    """The longer capitalised name the mentions of `name` in the text are the end of ("Music
    Store" inside "iTunes Music Store", "Motors Corporation" inside "General Motors
    Corporation"): every mention, or two or more with no other words before the rest (which
    are short forms); "" when the words before differ or the name runs on further back
    ("National Air and Space Museum X"). `starts` are where the mentions of `name` begin."""
    runs = [_run_before(text, at, name) for at in starts]
    if any(r is None for r in runs):
        return ""
    prefixes = {r for r in runs if r}
    if len(prefixes) != 1:
        return ""
    prefix = prefixes.pop()
    hits = sum(1 for r in runs if r == prefix)
    return f"{prefix} {name}" if hits == len(runs) or hits >= 2 else ""


def _run_before(text: str, at: int, name: str) -> str | None:
    """The capitalised words right before a mention ("iTunes" before "Music Store"), "" for
    none, None when a connector stands inside them ("Air and Space Museum")."""
    if text[at - 1 : at] != " ":
        return ""
    body = bool(_BODY_HEAD_WORD.search(name))
    run: list[str] = []
    for w in reversed(text[max(0, at - 80) : at].split(" ")[:-1][-3:]):
        if w in _CONNECTORS:
            return None if run else ""
        if (
            not _PREFIX_WORD.fullmatch(w)
            or w.lower() in _NOT_PREFIX
            or not body
            and (_TITLE_WORD.search(w) or _ROLE_WORD.fullmatch(w))
            or w.endswith(("'s", "’s", "'", "’"))  # "Kenya's Ministry": a possessive
            or CALENDAR_WORD.match(w)
        ):
            break
        run.insert(0, w)
    return " ".join(run)


def _merge_fragments(clusters: dict[str, Cluster], text: str) -> None:
    """A body's name the tagger cut from a longer name ("Music Store" of "iTunes Music
    Store") is the longer name: the cluster joins the cluster of that name, else takes it
    as its name. A name with a legal suffix joins the same name without one ("General
    Motors Corporation" is "General Motors"). People are left alone (a title stands before
    their names)."""
    for key, c in list(clusters.items()):
        if len(c.name.split()) < 2 or c.labels["PERSON"] * 2 > c.labels.total():
            continue
        starts = [at for m in c.mentions if (at := text.find(c.name, m[0], m[1])) >= 0]
        longer = _longer_name(c.name, starts, text)
        if longer and name_key(longer) not in clusters:
            c.name = longer
        target = clusters.get(name_key(longer)) if longer else None
        bare = _LEGAL_SUFFIX.sub("", c.name)
        if target is None and bare != c.name and " " in bare:
            target = clusters.get(name_key(bare))
        if target is not None and target is not c:
            _absorb(target, c)
            del clusters[key]


def _absorb(target: Cluster, c: Cluster) -> None:
    """Cluster `c`'s mentions become `target`'s."""
    target.labels.update(c.labels)
    target.forms.update(c.forms)
    target.mentions.extend(c.mentions)
    target.weight += c.weight
    target.paras |= c.paras


def _common_noun_name(c: Cluster, common: set[str]) -> bool:
    """A "person" whose first word the same text uses as a common noun ("Space Shuttle
    Atlantis" beside "the space shuttle", "Iodine" beside "iodine levels"): a thing the
    tagger took for a person. A title or role before the name keeps it a person."""
    if c.labels["PERSON"] * 2 <= c.labels.total() or actor_role(c)[0]:
        return False
    return c.name.split()[0].lower() in common


def _acts(c: Cluster) -> bool:
    """Whether some mention of the actor is the subject of a verb ("UNHCR said ...")."""
    for m in c.mentions:
        span = m[2]
        base = m[3] - span.start_char
        toks = [t for t in span if m[0] <= base + t.idx < m[1]]
        top = min(toks, key=lambda t: len(nlp.ancestors(t))) if toks else None
        if top is not None and nlp.dep(top) in ("nsubj", "nsubjpass"):
            return True
    return False


def _merge_acronyms(clusters: dict[str, Cluster]) -> None:
    """An acronym the text does not spell out in brackets but whose letters are the initials
    of one full name in it ("IE" beside "Internet Explorer", "MIT" beside "Massachusetts
    Institute of Technology") is that name."""
    for key, c in list(clusters.items()):
        if not (2 <= len(c.name) <= 6 and c.name.isalpha() and c.name.isupper()):
            continue
        full = [
            f
            for f in clusters.values()
            if f is not c
            and len(f.name.split()) >= 2
            and "".join(w[0] for w in f.name.split() if w[:1].isupper()) == c.name
        ]
        if len(full) != 1:
            continue
        target = full[0]
        target.labels.update(c.labels)
        target.forms.update(c.forms)
        target.mentions.extend(c.mentions)
        target.weight += c.weight
        target.paras |= c.paras
        del clusters[key]


def _located(ent: Any) -> bool:
    """Whether a mention names where something happens ("presented in Niamey")."""
    head = nlp.root(ent)
    places = ("in", "at", "near", "from", "to", "outside")
    return nlp.dep(head) == "pobj" and nlp.lower(nlp.head(head)) in places


def _add(
    clusters: dict[str, Cluster],
    canon: str,
    label: str,
    form: str,
    m: tuple[int, int, Any, int, int],
    para: int,
    weight: float,
) -> None:
    key = name_key(canon)
    c = clusters.setdefault(key, Cluster(canon))
    if gz.country(canon):
        c.country = True
    if weight >= 1 or label != "NORP":
        c.labels[label] += 1
    c.forms[form] += 1
    c.mentions.append(m)
    c.weight += weight
    c.paras.add(para)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


def _word_in(word: str, text: str) -> bool:
    """Whether `word` occurs in `text` between word boundaries: what
    `re.search(rf"\b{re.escape(word)}\b", text)` tells, without compiling a pattern for
    every name (each name is a new pattern: a compile each)."""
    if not word:
        return re.search(r"\b", text) is not None
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        before = i > 0 and _is_word_char(text[i - 1])
        after = j < len(text) and _is_word_char(text[j])
        if before != first and after != last:
            return True
        i = text.find(word, i + 1)
    return False


def _rank(clusters: dict[str, Cluster], title: str, text: str) -> list[Cluster]:
    """Clusters that are actors, most salient first."""
    scored = []
    for c in clusters.values():
        label = actor_type(c)
        if c.labels.total() == 0:
            continue  # only demonyms: "Japanese" alone is not an actor
        c.role, c.role_mention = actor_role(c)
        in_title = any(_word_in(f, title) for f in list(c.forms) + [c.name])
        lead = min(c.paras) <= 1
        score = c.weight + (3 if in_title else 0) + (1.5 if lead else 0) + (1 if c.role else 0)
        n = len(c.mentions)
        if label == "place" and not in_title and n < 3:
            continue  # places are actors only when the story is about them
        if label == "other":
            continue
        if n == 1 and not in_title and not _acts(c):
            if c.name.isupper() and len(c.name) >= 2:
                continue  # an acronym named once and never spelled out, that does nothing
            if label == "organization" and c.mentions[0][0] > len(text) / 2:
                continue  # a body named once in passing in the second half of the story
        if (
            n < 2
            and not in_title
            and not c.role
            and not (lead and label != "place")
            and not (label == "person" and " " in c.name)
            and not (label == "organization" and named_body(c))
        ):
            continue
        scored.append((-score, min(m[0] for m in c.mentions), c))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [c for _, _, c in scored]
