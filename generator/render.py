"""Rendering records into Markdown pages, written as real files under `docs/briefings/`.

Seeds and records are third-party text. Every value that reaches a template is escaped by
default (Jinja's `finalize`): Markdown and HTML punctuation become numeric character
references, so no markup, link, snippet or attribute syntax in a record can become live.
Only values wrapped in `Markup` by this module pass unescaped.
"""

from __future__ import annotations

import functools
import html
import json
import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import __version__
from .dates import human_date, sort_key
from .errors import BriefingError
from .records import atomic_write, list_records, read_record
from .validate import Problem, display_path, problem_from_error, validate_record

#: The folder under docs/ that the generator owns: it is rewritten on every render.
GENERATED = "briefings"
LATEST_COUNT = 10

# Everything Markdown, its extensions or HTML could read as syntax.
_ESCAPE = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!<>&|~^=:\"'$%@"}


def md_escape(value: Any) -> str:
    """Plain text → inert Markdown: punctuation as character references, one line."""
    return " ".join(str(value).split()).translate(_ESCAPE)


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md_escape(value)


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
    if any(ch in url for ch in "\"'<> \t\n\r\\`"):
        return None
    return url


def _external_link(url: Any, text: Any = None) -> Markup:
    href = safe_url(url)
    label = md_escape(text if text else url)
    if href is None:
        return Markup(label)
    return Markup(f'<a href="{html.escape(href, quote=True)}" rel="nofollow noopener">{label}</a>')


def _front_matter_title(value: Any) -> Markup:
    # MkDocs themes print page.title without escaping (in <title>, the nav, search results),
    # so the title is given HTML-escaped, as a JSON string (which YAML reads as is).
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=True)))


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    env.filters["external_link"] = _external_link
    env.filters["front_matter_title"] = _front_matter_title
    env.globals["version"] = __version__
    return env


@dataclass
class Briefing:
    """A record as the templates see it."""

    record: dict[str, Any]
    file: str

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def date(self) -> str:
        return str(self.record["date"])


def _view(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of a record with optional keys filled in, so templates need no guards."""
    view = dict(record)
    view.setdefault("tags", [])
    view["actors"] = [{"role": None, "aliases": [], **a} for a in record.get("actors", [])]
    view["timeline"] = sorted(({"status": None, **e} for e in record.get("timeline", [])),
                              key=lambda e: sort_key(str(e["date"])))
    view["source_chain"] = [{"date": None, "authors": [], "url": None, "title": None, **s}
                            for s in record.get("source_chain", [])]
    return view


def render_briefing(record: dict[str, Any], record_file: str) -> str:
    """The Markdown page of one briefing."""
    return environment().get_template("briefing.md.j2").render(
        r=_view(record), record_file=record_file)


def _newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (sort_key(b.date), b.id), reverse=True)


def render_pages(briefings: list[Briefing]) -> dict[str, str]:
    """Every generated page, keyed by its path under the generated folder."""
    env = environment()
    ordered = _newest_first(briefings)
    items = [_view(b.record) for b in ordered]
    pages = {f"{b.id}.md": render_briefing(b.record, b.file) for b in ordered}
    pages["index.md"] = env.get_template("index.md.j2").render(items=items)
    pages[".latest.md"] = env.get_template("latest.md.j2").render(
        items=items[:LATEST_COUNT], total=len(items))
    return pages


def write_pages(out_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write pages that changed and remove files no page owns. Returns (written, removed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = removed = 0
    for name, text in sorted(pages.items()):
        path = out_dir / name
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        atomic_write(path, data)
        written += 1
    for dirpath, dirnames, filenames in os.walk(out_dir, topdown=False):
        for fname in filenames:
            rel = Path(dirpath, fname).relative_to(out_dir).as_posix()
            if rel not in pages:
                Path(dirpath, fname).unlink()
                removed += 1
        for dname in dirnames:
            with_dir = Path(dirpath, dname)
            if not any(with_dir.iterdir()):
                with_dir.rmdir()
    return written, removed


@dataclass
class RenderResult:
    written: int = 0
    removed: int = 0
    pages: int = 0
    warnings: list[Problem] = field(default_factory=list)


def render_site(root: Path, docs_dir: Path | None = None, records_dir: Path | None = None,
                seeds_dir: Path | None = None) -> RenderResult:
    """Validate every record and write the generated pages. Invalid records raise BriefingError
    listing every error; warnings (stale records, unknown keys) are returned."""
    docs_dir = docs_dir or root / "docs"
    records_dir = records_dir or root / "briefings"
    problems: list[Problem] = []
    briefings: list[Briefing] = []
    for path in list_records(records_dir):
        shown = display_path(path, root)
        try:
            loaded = read_record(path)
        except BriefingError as exc:
            problems.append(problem_from_error(exc, shown))
            continue
        found = validate_record(loaded, root, seeds_dir)
        problems += found
        if not any(p.level == "error" for p in found):
            briefings.append(Briefing(loaded.data, shown))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        lines = "\n".join(p.format() for p in sorted(errors))
        raise BriefingError(records_dir, f"{len(errors)} error(s) in records:\n{lines}",
                            "fix them (briefings check lists them too)")
    pages = render_pages(briefings)
    written, removed = write_pages(docs_dir / GENERATED, pages)
    return RenderResult(written, removed, len(pages),
                        [p for p in problems if p.level == "warning"])
