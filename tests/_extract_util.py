"""Shared helpers for the extraction tests: parse a synthetic body with the real model."""

from __future__ import annotations

from generator.extract.body import Body, parse_body
from generator.extract.clean import classify
from generator.extract.options import Options, load_nlp


def body_of(text: str, authors: list[str] | None = None) -> Body:
    """The parsed body of a synthetic document (headline line + paragraphs)."""
    return parse_body(load_nlp(Options().model_name()), classify(text, authors))
