"""Escaping third-party text for Markdown and HTML, and vetting URLs.

One escaper serves both contexts: every character that Markdown, its extensions (snippets,
attribute lists, tables) or HTML could read as syntax becomes a numeric character reference,
which Markdown passes through and browsers show as the character.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from typing import Any

from markupsafe import Markup

ESCAPES = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!<>&|~^=:\"'$%@"}
_BY_CHAR = {chr(k): v for k, v in ESCAPES.items()}
#: Any character `ESCAPES` replaces (a substitution is about twice as fast as `translate`
#: with a table of strings, and most values hold few such characters).
_SYNTAX = re.compile("[" + re.escape("".join(_BY_CHAR)) + "]")


def _reference(m: re.Match[str]) -> str:
    return _BY_CHAR[m.group()]


def escape_syntax(text: str) -> str:
    """Every character of `ESCAPES` in the text as its reference (white space as it is)."""
    return _SYNTAX.sub(_reference, text)


def md_escape(value: Any) -> str:
    """Plain text → inert Markdown and HTML text: one line, punctuation as references."""
    return _SYNTAX.sub(_reference, " ".join(str(value).split()))


def attr(value: Any) -> Markup:
    """Text for an HTML attribute value (always written in double quotes)."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def safe_url(value: Any) -> str | None:
    """An http(s) URL fit for an href attribute, or None for anything else."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\"'<> \t\n\r\\`") or any(ord(ch) < 32 for ch in url):
        return None
    return url


def external_link(url: Any, text: Any = None) -> Markup:
    """An outgoing link for a vetted URL; anything else is shown as inert text."""
    href = safe_url(url)
    label = md_escape(text if text else url)
    if href is None:
        return Markup(label)
    return Markup(f'<a href="{html.escape(href, quote=True)}" rel="nofollow noopener">{label}</a>')


def front_matter_text(value: Any) -> Markup:
    """A front-matter title. Themes print page titles unescaped in text (<title>, the header,
    the navigation) and escaped in attributes, and search shows them as text: so `<` and `>`
    are escaped, and nothing else (an escaped quote would show as `&quot;` in search). Given
    as a JSON string, which YAML reads as is."""
    text = " ".join(str(value).split()).replace("<", "&lt;").replace(">", "&gt;")
    return Markup(json.dumps(text, ensure_ascii=False))


def front_matter_attr(value: Any) -> Markup:
    """A front-matter value that themes print unescaped inside an attribute (the page
    description in <meta content="...">): fully HTML-escaped, as a JSON string."""
    return Markup(
        json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=False)
    )


def path_part(value: Any) -> Markup:
    """A name made into one segment of a link or an anchor (ids, slugs): percent-encoded, so
    that even a value no check has seen cannot end the link or start markup."""
    return Markup(urllib.parse.quote(str(value), safe="-_.~"))
