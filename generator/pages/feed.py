"""An Atom feed of the latest briefings, a static file at the site's root (`feed.xml`).

It lives at the root because Material fetches `sitemap.xml` beside every `rel=alternate`
link of a page; at the root, that is the sitemap MkDocs and Zensical write."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from ..dates import sort_key

FEED_SIZE = 30


def _timestamp(edtf: str) -> str:
    start = sort_key(edtf)
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", start)
    if not m:
        return "1970-01-01T00:00:00Z"
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}T00:00:00Z"


def _clean(text: Any) -> str:
    # XML 1.0 forbids most control characters even when escaped.
    return escape(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", " ".join(str(text).split())))


def atom_feed(records: list[dict[str, Any]], site_name: str, site_url: str) -> str:
    """The feed XML. `records` newest first. Links are relative to the feed unless the site
    has a `site_url`. No clock is read, so the same records give the same bytes."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    items = records[:FEED_SIZE]
    updated = _timestamp(str(items[0]["date"])) if items else "1970-01-01T00:00:00Z"
    feed_id = f"{base}feed.xml" if base else "urn:briefings:feed"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{_clean(site_name)}</title>",
        f"  <id>{_clean(feed_id)}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" href="{_clean(base + "feed.xml" if base else "feed.xml")}"/>',
        f'  <link rel="alternate" href="{_clean(base + "briefings/")}"/>',
    ]
    for rec in items:
        rid = str(rec["id"])
        href = f"{base}briefings/{rid}/"
        lines += [
            "  <entry>",
            f"    <title>{_clean(rec['title'])}</title>",
            f"    <id>{_clean(href if base else 'urn:briefings:' + rid)}</id>",
            f'    <link rel="alternate" href="{_clean(href)}"/>',
            f"    <updated>{_timestamp(str(rec['date']))}</updated>",
            "    <author><name>" + _clean(site_name) + "</name></author>",
            f"    <summary>{_clean(rec['summary'])}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
