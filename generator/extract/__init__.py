"""Extraction: seed document → draft briefing record (see `pipeline.extract`)."""

from .options import Options, load_nlp
from .pipeline import extract
from .temporal import Temporal, find_temporal

__all__ = ["Options", "Temporal", "extract", "find_temporal", "load_nlp"]
