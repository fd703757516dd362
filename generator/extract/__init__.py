"""Extraction: seed document → draft briefing record (see `pipeline.extract`).

The package's names are imported on first use, so that importing a leaf module (the lexicon,
say, from the site catalogue) does not load the whole extraction cascade.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .nlp import load_nlp
    from .options import Options
    from .pipeline import extract
    from .temporal import Temporal, find_temporal

__all__ = ["Options", "Temporal", "extract", "find_temporal", "load_nlp"]

_HOME = {
    "Options": "options",
    "load_nlp": "nlp",
    "extract": "pipeline",
    "Temporal": "temporal",
    "find_temporal": "temporal",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
