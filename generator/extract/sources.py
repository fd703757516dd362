"""The source chain: primary sources from attributions in the body, then the original outlet
and the republisher (the copy in hand) from the metadata."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import gazetteer as gz
from . import lexicon, nlp
from .actor_names import TITLE_WORDS, acronyms
from .actors import clean_name
from .body import Body, Sentence, quote
from .clean import dateline
from .metadata import Metadata, Outlet
from .nlp import Token

SAY = lexicon.SPEECH_VERBS | lexicon.word_set("attribution_verbs")
"""Lemmas of the verbs that attribute information to a source ("said", "estimated")."""
_SKIP_SUBJ = lexicon.word_set("vague_subjects")
_DOCUMENT = re.compile(
    rf"(?i)^(?:a|an|the|its|their|his|her)\s+(?:\w+\s+)?{lexicon.alternation('document_nouns')}\b"
)
_ACCORDING = re.compile(
    r"\baccording to\s+(?P<name>[^,.;:()]{3,80})|"
    # A statement named by its noun: "reassurances by the presiding judge that ...",
    # "remarks from the minister", "a warning by the agency".
    rf"\b(?i:{lexicon.alternation('statement_nouns')})\s+(?i:by|from)\s+"
    r"(?P<by>(?:the\s+)?[^,.;:()“\"]{3,60}?)(?=\s+(?:that|to|on|about|in|were|was|have|has|had)\b|[,.;:“\"])"
)


def primary_sources(
    body: Body, text: str, exclude: list[str], limit: int = 8
) -> list[dict[str, Any]]:
    """People, bodies and studies the report attributes information to, first seen first."""
    excluded = {_k(x) for x in exclude if x}
    found: dict[str, dict[str, Any]] = {}
    last_person = ""
    full_names = _full_names(body)
    short_forms = {k: v for k, v in acronyms(text).items() if v}
    for sent in body.sentences:
        span = sent.span
        skip = sent.start + dateline(sent.text)[0]  # "N'DJAMENA – ": a place, never a source
        said = any(_is_say(t) for t in span)
        _according(found, sent, text, said, excluded)
        for tok in span:
            if not _is_say(tok):
                continue
            subj = _say_subject(tok, sent.base, skip)
            name = _source_name(subj, sent.base, skip, last_person) if subj is not None else ""
            name = full_names.get(name, name)  # "Nowak said" after "Tomasz Nowak told"
            name = short_forms.get(name, name)  # "WFP said" after "World Food Programme (WFP)"
            if subj is None or not name or _ANAPHORIC.match(name):
                continue
            s_off = sent.base + min(subj.idx, tok.idx)
            e_off = sent.base + max(tok.idx + len(tok.text), subj.idx + len(subj.text))
            _put(found, name, quote(text, s_off, e_off, sent.start, sent.end, 15), s_off, excluded)
        persons = [e for e in nlp.entities(span, "PERSON") if " " in e.text.strip()]
        if persons:
            last_person = clean_name(persons[-1].text)
    proper = _proper_words(body)
    items = []
    seen: set[str] = set()
    for it in sorted(found.values(), key=lambda x: x["_pos"]):
        form = source_form(it["name"], proper)
        if form is None:
            continue  # "the deal", "17 to 24", "Deaths": no one who says anything
        it["name"], anonymous = form
        if _k(it["name"]) in seen:
            continue  # "curator Elaine Gustafon" after "Elaine Gustafon"
        seen.add(_k(it["name"]))
        if anonymous:
            it["anonymous"] = True
        del it["_pos"]
        items.append(it)
    return items[:limit]


_SPEAKER_HEADS = lexicon.word_set("speaker_heads")
_DOCUMENTS = lexicon.word_set("source_documents")
_DETERMINERS = lexicon.word_set("clause_determiners")
_NEGATIONS = lexicon.word_set("negations")
_PRONOUNS = lexicon.word_set("pronouns")
_HEAD_END = re.compile(
    r"\s+(?:in|at|of|from|by|on|for|who|which|that|with|to|across|within|and|or)\s+.*$"
)
_PROPER_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")


def _proper_words(body: Body) -> frozenset[str]:
    """The words of the text's named entities and proper nouns inside a sentence: a
    capitalised word opening a sentence is a name only when the text names something
    with it."""
    words = {
        w for doc in body.docs for e in nlp.entities(doc, *_PROPER_LABELS) for w in e.text.split()
    }
    words |= {
        t.text
        for doc in body.docs
        for t in doc
        if nlp.pos(t) == "PROPN" and not nlp.is_sent_start(t) and t.text[:1].isupper()
    }
    return frozenset(words)


def source_form(name: str, proper: frozenset[str]) -> tuple[str, bool] | None:
    """How a primary source stands in the chain: (its name, whether it is unnamed), or None
    for a fragment that names no one. A proper name (a person or body: its head word is a
    name, "Sri Lanka Navy", "Kjersti Haugland", "Nauru") is a named source; a description
    with a speaker, a body or a document at its head ("officials", "U.S. officials",
    "Industry groups", "a UN fact-finding mission") is an anonymous source of its briefing;
    words before a full name are dropped ("curator Elaine Gustafon"), a document goes to
    the name that issued it ("Cornyn's statement" is Cornyn); a longer description is an
    anonymous body ("the city's chamber of commerce"); anything else ("the deal", "17 to
    24", "Deaths", "No injuries or deaths") is no source."""
    name = " ".join(name.split())
    lead = re.match(r"^(?:[a-z][\w’'-]*\s+)+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+$)", name)
    if lead:
        name = name[lead.end() :]  # "curator Elaine Gustafon"
    head = _HEAD_END.sub("", name)
    owned = re.match(
        r"^(?:the\s+)?(?P<o>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)(?:’s|'s)\s+[a-z]", head
    )
    words = head.split()
    if not words or words[0].lower() in _NEGATIONS or name.lower() in _PRONOUNS:
        return None  # "No injuries or deaths", "They"
    tail = name[len(head) :]
    issuer = _ISSUER.match(tail)
    if words[-1] in _DOCUMENTS and issuer and _is_name(issuer.group("o"), proper):
        return issuer.group("o"), False  # "a statement from COCOBOD"
    if owned and _is_name(owned.group("o"), proper) and words[-1] in _DOCUMENTS:
        return owned.group("o"), False  # "Cornyn's statement", "PC World's recent analysis"
    if not _lower_head(head) and (
        len(words) > 1 or _is_name(words[0], proper) or re.search(r"\b[A-Z]", tail)
    ):
        # "Bolden to the gathered crowd": the name without the words the parser ran on
        return (name if re.search(r"\b[A-Z]", tail) else head), False
    if len(words) == 1 and len(words[0]) > 1 and words[0][:1].isupper() and not _common(words[0]):
        return name, False  # "Toccafondi": no English word, a name
    tokens = [w.strip(".,;:()\"“”'’").lower() for w in name.split()]
    if any(t in _SPEAKER_HEADS for t in tokens) or any(_is_name(w, proper) for w in name.split()):
        return name, True
    content = [t for t in tokens if t not in _DETERMINERS]
    if len(content) >= 3 and not tokens[0][:1].isdigit():
        return name, True  # "the city's chamber of commerce": a body the text describes
    return None


_ISSUER = re.compile(r"^\s+(?:from|by|of)\s+(?:the\s+)?(?P<o>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)$")


def _common(word: str) -> bool:
    """An English word ("Deaths", "Estimates"), not a name."""
    w = word.strip('.,;:()"“”').lower()
    return gz.is_common_word(w) or w.endswith("s") and gz.is_common_word(w[:-1])


def _lower_head(head: str) -> bool:
    """Whether the last word of a phrase's head is a lower-case word ("U.S. officials")."""
    last = head.split()[-1] if head.split() else ""
    if re.search(r"[a-z][-’'][A-Z]", last):
        return False  # "Suleiman al-Amr": a particle of the name
    return last[:1].islower() or last[:1].isdigit()


def _is_name(name: str, proper: frozenset[str]) -> bool:
    """A name: capitalised words, one of them an acronym or a word the text uses in a
    named entity ("PC World", "Nauru"; not a sentence's first word "Deaths")."""
    words = [re.sub(r"(?:’s|'s)$", "", w.strip('.,;:()"“”')) for w in name.split()]
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and any(w in proper or (w.isupper() and len(w) > 1) for w in words)
    )


def _is_say(tok: Token) -> bool:
    """A verb of saying or attributing ("said", "estimated")."""
    return nlp.lemma(tok) in SAY and nlp.is_verb(tok)


def _according(
    found: dict[str, dict[str, Any]], sent: Sentence, text: str, said: bool, excluded: set[str]
) -> None:
    """Sources a sentence names with "according to X" or "remarks by X"."""
    for m in _ACCORDING.finditer(sent.text):
        name = re.sub(r"^the\s+(?=[A-Z])", "", _trim(m.group("name") or m.group("by")))
        if said and _DOCUMENT.match(name):
            continue  # "X said ..., according to a statement": the statement is X's
        s = sent.start + m.start()
        end = sent.start + m.end(m.lastgroup or 0)
        _put(found, name, quote(text, s, end, sent.start, sent.end, 15), s, excluded)


def _say_subject(tok: Token, base: int, skip: int) -> Token | None:
    """The token that says: the verb's subject after the dateline, or the agent of a passive
    ("was told by X")."""
    subjects = nlp.children(tok, "nsubj", "nsubjpass")
    # A dateline the parser took for the subject: its apposition is the subject.
    subjects += [a for c in subjects for a in nlp.children(c, "appos")]
    subj = next((c for c in subjects if base + c.idx >= skip), None)
    agent = next(iter(nlp.children(tok, "agent")), None)
    if agent is not None:
        obj = next(iter(nlp.children(agent, "pobj")), None)
        subj = obj if obj is not None else subj
    return subj


def _source_name(subj: Token, base: int, skip: int, last_person: str) -> str:
    """The source a subject names: "he"/"she" is the person named last; other pronouns and
    vague subjects ("they", "some") name none."""
    if nlp.lower(subj) in ("he", "she") and last_person:
        return last_person
    if nlp.lower(subj) in _SKIP_SUBJ or nlp.pos(subj) == "PRON" or base + subj.idx < skip:
        return ""
    return _subject_name(subj, skip - base)


# A definite description that points back at a body named before ("the agency said",
# "the statement said"): that body is the source, not a new one.
_ANAPHORIC = re.compile(rf"(?i)^the\s+{lexicon.alternation('anaphoric_heads')}$")


_TITLE_HEAD = re.compile(rf"(?:{TITLE_WORDS})(?:-[A-Z][a-z]+)?")
_TITLED_NAME = re.compile(
    rf"\b(?:{TITLE_WORDS})(?:-[A-Z][a-z]+)?\b(?:\s+(?:of|for)\s+[A-Z][\w’'-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)?,?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})$"
)


def _full_names(body: Body) -> dict[str, str]:
    """Surname -> full name, for people the text names in full (one full name per surname)."""
    seen: dict[str, set[str]] = {}
    for sent in body.sentences:
        for e in nlp.entities(sent.span, "PERSON"):
            if " " in e.text.strip():
                full = clean_name(e.text)
                if full and " " in full:
                    seen.setdefault(full.split()[-1], set()).add(full)
    return {last: next(iter(names)) for last, names in seen.items() if len(names) == 1}


def _subject_name(subj: Token, start: int = 0) -> str:
    """The name of an attribution's subject: its named entity if it has one, else the noun
    phrase without relative clauses and appositions (and without the words before the
    character offset `start`, a dateline)."""
    named = next((a for a in nlp.children(subj, "appos") if nlp.pos(a) == "PROPN"), None)
    if (
        named is not None
        and subj.idx >= start
        and (nlp.pos(subj) == "NOUN" or _TITLE_HEAD.fullmatch(subj.text))
    ):
        # "Panama's Minister for Canal Affairs, Sofía Herrera, said": the person named.
        return clean_name(" ".join(t.text for t in nlp.subtree(named) if t.text not in ",()"))
    sub = [t for t in nlp.subtree(subj) if t.idx >= start]
    ents = [
        e
        for e in nlp.entities(subj.doc, "PERSON", "ORG", "GPE", "NORP")
        if e.start >= sub[0].i and e.end <= sub[-1].i + 1
    ]
    persons = [e for e in ents if nlp.label(e) == "PERSON"]
    if persons:
        return clean_name(persons[0].text)
    if nlp.pos(subj) == "PROPN" and not ents:
        # A proper name after a descriptor ("Shipping company Maersk"): the name alone.
        first = subj.i
        while first > sub[0].i and nlp.pos(subj.doc[first - 1]) == "PROPN":
            first -= 1
        before = [t for t in sub if t.i < first]
        if before and all(nlp.pos(t) in ("NOUN", "ADJ", "DET") for t in before):
            return clean_name(subj.doc[first : subj.i + 1].text)
    toks: list[Token] = []
    for t in sub:
        if t.text in (",", "(", "–", "—") or nlp.lower(t) in ("who", "which", "that", "whose"):
            if t.i > subj.i:
                break
            toks = []
            continue
        toks.append(t)
    phrase = "".join(t.text + nlp.whitespace(t) for t in toks).strip()
    phrase = re.sub(r"^(?:both|all|The)\s+", "", phrase)
    phrase = re.sub(r"^the\s+(?=[A-Z])", "", phrase)  # "the Environment Agency" → a proper name
    titled = _TITLED_NAME.search(phrase)
    if titled:
        return titled.group("name")  # "Panama's Minister for Canal Affairs, Sofía Herrera"
    if ents and (len(phrase.split()) > 6 or phrase.endswith(" " + ents[-1].text)):
        # A long phrase, or a descriptor before the name ("Shipping company Maersk"): the name.
        return clean_name(ents[-1].text if phrase.endswith(ents[-1].text) else ents[0].text)
    return _trim(phrase)


def _trim(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:")
    words = name.split()
    return " ".join(words[:8]) if words and len(words) <= 10 else ""


def _k(name: str) -> str:
    return re.sub(r"[^\w]", "", re.sub(r"^the\s+", "", name.casefold()))


def _put(
    found: dict[str, dict[str, Any]], name: str, evidence: str, pos: int, excluded: set[str]
) -> None:
    if not name or _k(name) in excluded or not re.search(r"[A-Za-z]", name):
        return
    key = _k(name)
    if " " not in name and any(
        _k(f["name"].split()[-1]) == key for f in found.values() if " " in f["name"]
    ):
        return  # a surname of a person already named in full
    if key not in found:
        found[key] = {"name": name, "role": "primary", "evidence": evidence, "_pos": pos}


def cited_links(md: Metadata, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports of a "Sources" list as primary links (the article was written from
    them), each once and not again when the body already attributes to that outlet."""
    seen = {_k(p["name"]) for p in found}
    out = []
    for o in md.cited:
        if _k(o.name) in seen or _photo_credited(o.evidence, o.name):
            continue
        if gz.is_common_word(o.name) and not gz.known_outlet(o.name):
            continue
        seen.add(_k(o.name))
        out.append(_link(o, "primary"))
    return out


# Credit forms that name an organization as the source of a copy: "(X) -", "X |",
# "Source: X", "via X", "first appeared in X", "© X", "republished from X", ...
_CREDIT_FORMS = (
    r"\({n}\)\s*(?:--|[-–—])",
    r"^\W*{n}\s*(?:[|·•›»]|[-–—]\s)",
    r"\b(?:source|sources|via|courtesy(?:\s+of)?|credit|original(?:\s+(?:article|story|text))?)\s*:?\s+{n}",
    r"(?:©|\(c\)|\bcopyright)\s*(?:\d{{4}}\s*)?{n}",
    r"\b(?:re)?(?:appeared|published|printed|posted|ran|syndicated|cross-?posted|adapted)"
    r"\b[^.]{{0,40}}?\b(?:in|on|by|from|at|of|with permission from)\s+(?:the\s+)?{n}",
    r"\boriginal source of this \w+ is\s+(?:the\s+)?{n}",
    r"\b(?:reports?|reporting) (?:from|by)\s+(?:[^.;]{{0,80}}?\b)?{n}",
    r"\bour thanks to\s+{n}",
    r"^{n}\s*,?\s+(?:\w+day,?\s+)?(?:\d{{1,2}}\s+)?[A-Z][a-z]{{2,8}}\.?\s+\d",  # "X, 12 March 2024"
    r"^\W*{n}\W*$",  # the site's masthead: its name alone on a line above the headline
    r"^From {n},\s+the\b",  # a site's tag line: "From X, the free news source"
)
# Words of a page's navigation and section labels: a name made of nothing else ("Latest
# News", "Top Stories") is a label, not an outlet.
_LABEL_WORDS = lexicon.word_set("page_label_words")
# Words that make a name a part of the page ("Truthdig logo", "Back to home"), not an outlet.
_PAGE_PART = re.compile(rf"(?i)\b{lexicon.alternation('page_part_words')}\b")
# A photo credit names the photographer's agency, not the copy's source.
_PHOTO_CREDIT = re.compile(
    r"(?i)^\W*(?:photo(?:graph)?s?|image|picture|pic|video|illustration|graphic|cover|file photo|"
    r"credit|getty|caption)\b|\b(?:photo(?:graph)?|image|picture)s?\s*(?::|by\b|credit\b)"
)


def _meta_site_names(meta: dict[str, str] | None, url: str = "") -> list[str]:
    """The site the seed's own metadata names: its site/publisher name and its address."""
    meta = meta or {}
    names = [meta[k] for k in ("publisher", "site", "site_name", "source", "outlet") if meta.get(k)]
    for address in (meta.get("url", ""), url):
        host = re.match(r"(?i)^(?:https?://)?([^/\s:]+)", address or "")
        if host and "." in host.group(1):
            names.append(host.group(1).lower().removeprefix("www."))
    return names


def _same_outlet(name: str, site: str) -> bool:
    a, b = gz.compact(name), gz.compact(site)
    if not a or not b:
        return False
    if "." in site and " " not in site:  # a host name: compare with its registrable label
        label = gz.domain_label(site)
        return a in (label, "the" + label, site.replace(".", "")) or a.removeprefix("the") == label
    return a == b or a.removeprefix("the") == b.removeprefix("the")


def is_outlet(
    name: str, meta: dict[str, str] | None = None, evidence: str = "", url: str = ""
) -> bool:
    """Whether `name` may stand in the source chain as an outlet or agency: a gazetteer
    outlet, the site the seed's metadata names (`meta` site/publisher/url, or `url`), or an
    organization the line it was read from (`evidence`) credits in a credit form. Never a
    single common word ("Logo", "Home") unless the gazetteer lists it, never a name taken
    from a photo credit ("Photo: X/Reuters")."""
    name = " ".join(name.split()).strip(" .,:;|")
    if not name or not re.search(r"[A-Za-z]", name) or len(name.split()) > 8:
        return False
    if _page_label(name):
        return False
    line = " ".join(evidence.split())
    if _photo_credited(line, name):
        return False
    if gz.known_outlet(name):
        return True
    if any(_same_outlet(name, site) for site in _meta_site_names(meta, url)):
        return True
    if gz.is_common_word(name):
        return False
    return bool(line) and _credits(line, name)


def _page_label(name: str) -> bool:
    """A page's label or part: "Latest News", "Top Stories", "Truthdig logo"."""
    words = re.findall(r"[a-z]+", name.lower())
    return all(w in _LABEL_WORDS for w in words) or bool(_PAGE_PART.search(name))


def looks_like_no_outlet(name: str, evidence: str = "") -> bool:
    """Whether a name is no outlet by its form alone: a single common word or a page label
    the gazetteer does not list ("Logo", "Latest News"), or a name its quote gives only as a
    photo credit."""
    name = " ".join(name.split()).strip(" .,:;|")
    if not name:
        return True
    if _page_label(name):
        return True
    if gz.is_common_word(name) and not gz.known_outlet(name):
        return True
    return _photo_credited(" ".join(evidence.split()), name)


def _photo_credited(line: str, name: str) -> bool:
    """Whether `line` names `name` only in a photo credit ("Photo: Ann Lee/Reuters")."""
    photo = _PHOTO_CREDIT.search(line)
    if photo is None or name.lower() not in line[photo.start() :].lower():
        return False
    return not _credits(line[: photo.start()], name)


def _credits(line: str, name: str) -> bool:
    """Whether `line` names `name` in one of the credit forms."""
    n = re.escape(name)
    return any(re.search(form.format(n=n), line, re.I) for form in _CREDIT_FORMS)


def _paragraph(text: str, evidence: str) -> str:
    """The paragraph of `text` that holds the quote `evidence` (the quote itself when the
    text does not hold it): a credit's quote is its first sentence, the form may follow."""
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return evidence
    start = max(text.rfind("\n\n", 0, at) + 2, 0) if "\n\n" in text[:at] else 0
    end = text.find("\n\n", at + len(evidence))
    return text[start : end if end >= 0 else len(text)]


def outlet_links(
    md: Metadata, meta: dict[str, str] | None = None, text: str = ""
) -> list[dict[str, Any]]:
    """The original outlet and the republisher, or the publisher as original when the copy
    in hand is the first publication. A name that is no outlet (`is_outlet`) is left out; a
    copy that credits an original that is no outlet stays the republisher. When the metadata
    found no original, a news agency the header credits (`header_agency`) is the original."""

    def checked(o: Outlet | None) -> Outlet | None:
        if o is None:
            return None
        para = _paragraph(text, o.evidence)
        ok = any(is_outlet(o.name, meta, line, md.url) for line in para.splitlines() or [""])
        return o if ok else None

    original = checked(md.original)
    publisher = checked(md.publisher)
    wire = header_agency(text) if md.original is None else None
    republished: Outlet | None = md.original
    if wire is not None and publisher is None:
        # No site named and a header that credits an agency: the agency's own story.
        wire.date, wire.authors = md.date, list(md.authors)
        original = wire
    elif wire is not None and publisher is not None and not _same_outlet(wire.name, publisher.name):
        # A copy whose header credits a news agency: the agency's story, republished.
        wire.date = publisher.date
        wire.authors, publisher = list(publisher.authors), replace(publisher, authors=[])
        original = republished = wire
    links = []
    if original is not None:
        links.append(_link(original, "original"))
    if publisher is not None:
        links.append(_link(publisher, "original" if republished is None else "republisher"))
    return links


_HEADER_CREDIT = re.compile(
    r"(?i)^(?:by\s+)?(?P<name>[A-Z][\w.&'’ -]{1,60}?)\s*(?:$|[|/·•,]|\s[-–—]\s)"
)


_COPYRIGHT = re.compile(
    r"(?i)(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}\s*,?\s*)?"
    r"(?P<name>[A-Z][\w.&'’ -]{1,60}?)\s*(?:[.,;|]|$|\ball rights\b)"
)


def header_agency(text: str) -> Outlet | None:
    """A news agency the copy credits: in a line before the first paragraph of prose that
    opens with the agency's name (or "By" and its name) and then ends or goes on after a
    separator ("Press Trust of India | New Delhi", "By Reuters", "AFP, Paris"), or in a
    short copyright line anywhere ("© 2025 The Associated Press. All rights reserved.")."""
    for line in text.splitlines():
        plain = " ".join(line.split()).strip("*_# ")
        if len(plain.split()) >= 20:
            break  # the body has begun
        m = _HEADER_CREDIT.match(plain)
        if m and not _PHOTO_CREDIT.search(plain):
            full = gz.agency(m.group("name"))
            if full is not None:
                return Outlet(full, evidence=line.strip())
    for line in text.splitlines():
        plain = " ".join(line.split()).strip("*_# ")
        m = _COPYRIGHT.search(plain) if len(plain.split()) <= 25 else None
        full = gz.agency(m.group("name")) if m else None
        if full is not None:
            return Outlet(full, evidence=line.strip())  # "© 2025 The Associated Press."
    return None


def _link(o: Outlet, role: str) -> dict[str, Any]:
    rec: dict[str, Any] = {"name": o.name, "role": role}
    if o.date:
        rec["date"] = o.date.isoformat()
    if o.authors:
        rec["authors"] = list(o.authors)
    if o.url:
        rec["url"] = o.url
    if o.title:
        rec["title"] = o.title
    if o.evidence:
        rec["evidence"] = o.evidence
    return rec
