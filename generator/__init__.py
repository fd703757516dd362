"""Briefings: turn news documents into reviewable briefing records and a static MkDocs site."""

__version__ = "0.1.0"
