"""Rendering records into the site's Markdown pages, written as real files under docs/.

The generated folders (`GENERATED_DIRS`) belong to the generator: each render writes the pages
that changed and removes every file no page owns. Seeds and records are third-party text:
every value that reaches a template is escaped by default (Jinja's `finalize`); only values
wrapped in `Markup` by this package pass as they are.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import human_date, sort_key
from .entities import Registry, known_keys, load_registry, remember_keys
from .errors import BriefingError
from .owned import GENERATED, link_problems
from .pages import actor_pages, home, places, related, search, sources, tags, timeline
from .pages.cache import Keep, RenderCache, text_sha, warnings_of
from .pages.catalog import actor_links, build_actors
from .pages.chain import chain_svg
from .pages.context import Links, SiteContext
from .pages.escape import md_escape, safe_url
from .pages.seedtext import anchors_for, marked_seed
from .pages.templating import environment
from .records import list_records, read_record
from .seeds import Seed, read_seed, sha256_bytes
from .siteconfig import SiteConfig, load_site_config
from .validate import (
    Problem,
    display_path,
    publish_level,
    unreadable_problem,
    validate_record,
)

__all__ = [
    "Briefing",
    "environment",
    "GENERATED_DIRS",
    "md_escape",
    "render_briefing",
    "render_pages",
    "render_site",
    "safe_url",
    "write_pages",
]

#: The folders (and files) under docs/ that the generator owns.
GENERATED_DIRS = GENERATED

#: The builders of every page besides the briefing pages, in order; each is given the
#: `SiteContext` and returns its pages by path under docs/.
PAGE_BUILDERS: tuple[Callable[[SiteContext], dict[str, str]], ...] = (
    home.pages,
    actor_pages.pages,
    places.pages,
    timeline.pages,
    sources.pages,
    search.pages,
    tags.pages,
)


@dataclass
class Briefing:
    """A valid record with what its page needs besides the record."""

    record: dict[str, Any]
    file: str
    seed_text: str | None = None
    seed_sha: str | None = None
    """Fingerprint of the seed file's bytes, when known (it keys the page cache)."""
    load_seed: Callable[[], str | None] | None = None
    """Reads the seed text when it was not read yet and the page must be rendered."""
    record_sha: str | None = None
    """Fingerprint of the record file's bytes, when known (it keys the whole render)."""

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def date(self) -> str:
        return str(self.record["date"])


def _briefing_view(
    b: Briefing, site: SiteConfig, links: Links, related_to: list[related.Related] | None = None
) -> dict[str, Any]:
    rec = b.record
    quotes = [
        str(x["evidence"])
        for key in ("actors", "timeline", "source_chain")
        for x in rec.get(key, [])
        if x.get("evidence")
    ]
    anchors = anchors_for(quotes)
    seed_html, placed = (
        marked_seed(b.seed_text, anchors) if b.seed_text is not None else (None, set())
    )

    def ev(item: dict[str, Any]) -> dict[str, str] | None:
        """The evidence marker of a field: its anchor in the seed text and its number."""
        anchor = anchors.get(" ".join(str(item.get("evidence", "")).split()))
        return {"id": anchor, "n": anchor.removeprefix("ev-")} if anchor in placed else None

    actors = [
        {
            "name": a["name"],
            "type": a["type"],
            "role": a.get("role"),
            "aliases": a.get("aliases", []),
            "ev": ev(a),
            "page": links.actor_page(str(rec["id"]), str(a["name"])),
        }
        for a in rec.get("actors", [])
    ]
    timeline = sorted(
        (
            {"date": e["date"], "event": e["event"], "status": e.get("status"), "ev": ev(e)}
            for e in rec.get("timeline", [])
        ),
        key=lambda e: sort_key(str(e["date"])),
    )
    chain = [
        {
            "name": s["name"],
            "role": s["role"],
            "date": s.get("date"),
            "authors": s.get("authors", []),
            "url": s.get("url"),
            "title": s.get("title"),
            "ev": ev(s),
            "anonymous": s.get("anonymous") is True,
            "anchor": links.sources.get(sources.source_key(s, str(rec["id"]))),
        }
        for s in rec.get("source_chain", [])
    ]
    original = next((s for s in chain if s["role"] == "original"), None)
    outlets = [s for s in chain if s["role"] in ("original", "republisher")]
    return {
        "id": rec["id"],
        "title": rec["title"],
        "date": rec["date"],
        "status": rec["status"],
        "draft": rec["status"] != "reviewed",
        "tags": rec.get("tags", []),
        "tag_links": tags.links_of(rec, links.tags),
        "summary": rec["summary"],
        "actors": actors,
        "review": [q for q in rec.get("review", []) if isinstance(q, dict)],
        "timeline": timeline,
        "chain": chain,
        "original": original,
        "in_hand": outlets[-1] if outlets else None,
        "svg": chain_svg(rec.get("source_chain", []), human_date),
        "seed_html": seed_html,
        "seed": rec["seed"],
        "record_file": b.file,
        "edit_url": site.edit_url(b.file),
        "related": related_to or [],
        "generator": (rec.get("generator") or {}).get("version")
        if isinstance(rec.get("generator"), dict)
        else None,
    }


def render_briefing(
    record: dict[str, Any],
    record_file: str,
    seed_text: str | None = None,
    site: SiteConfig | None = None,
) -> str:
    """The Markdown page of one briefing (without links to catalogue pages)."""
    view = _briefing_view(Briefing(record, record_file, seed_text), site or SiteConfig(), Links())
    return environment().get_template("briefing.md.j2").render(r=view)


def _newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (sort_key(b.date), b.id), reverse=True)


def _page_key(b: Briefing, view_links: dict[str, Any], site: SiteConfig) -> str:
    payload = json.dumps(
        [b.record, b.file, b.seed_sha, view_links, site.repo_url, site.branch],
        sort_keys=True,
        default=str,
    )
    return sha256_bytes(payload.encode("utf-8"))


def render_pages(
    briefings: list[Briefing],
    site: SiteConfig | None = None,
    cache: RenderCache | None = None,
    registry: Registry | None = None,
) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/. With a cache, a briefing page
    whose inputs are unchanged comes back as `Keep` (and its seed is never read)."""
    site = site or SiteConfig()
    env = environment()
    # The publishing policy (`publish_drafts`): unless the site publishes drafts, only
    # reviewed briefings reach any page, list, catalogue or the feed.
    held_back = [b for b in briefings if not _published(b, site)]
    ordered = _newest_first([b for b in briefings if _published(b, site)])
    records = [b.record for b in ordered]
    actors = build_actors(records, registry=registry)
    site_sources = sources.build_sources(records)
    actor_slugs, actor_slugs_in = actor_links(actors)
    links = Links(actor_slugs, {s.key: s.href for s in site_sources if s.page}, actor_slugs_in)
    links.actor_pages = {a.slug for a in actors if a.page}
    links.tags = tags.tag_links(tags.build_tags(records))
    related_lists = related.build_related(records, links.actor)
    ctx = SiteContext(records, actors, site_sources, links, site, env, len(held_back), cache)
    briefing_template = env.get_template("briefing.md.j2")
    pages: dict[str, str] = {}
    for b in ordered:
        name = f"briefings/{b.id}.md"
        mine = {
            "actors": [links.actor_page(b.id, str(a["name"])) for a in b.record.get("actors", [])],
            "sources": [
                links.sources.get(sources.source_key(s, b.id))
                for s in b.record.get("source_chain", [])
            ],
            "related": [x.key() for x in related_lists.get(b.id, [])],
            "tags": tags.links_of(b.record, links.tags),
        }
        key = _page_key(b, mine, site) if cache is not None and b.seed_sha else ""
        if key and cache is not None and cache.page_unchanged(name, key):
            pages[name] = Keep()
            continue
        if b.seed_text is None and b.load_seed is not None:
            b.seed_text = b.load_seed()
        pages[name] = briefing_template.render(
            r=_briefing_view(b, site, links, related_lists.get(b.id))
        )
        if key and cache is not None:
            cache.set_page(name, key)
    for builder in PAGE_BUILDERS:
        pages.update(builder(ctx))
    return pages


def site_key(briefings: list[Briefing], site: SiteConfig, registry: Registry) -> str:
    """The key of everything the pages are made of: each record file (its name and bytes)
    and its seed's bytes, the site's settings and the entity registry (the generator's own
    files key the whole cache). Empty when a fingerprint is missing."""
    files = sorted((b.file, b.record_sha, b.seed_sha) for b in briefings)
    if any(not r or not s for _, r, s in files):
        return ""
    payload = [
        files,
        repr(site),
        [[e.name, e.type, list(e.aliases), list(e.not_same_as)] for e in registry.entities],
        sorted(registry.not_actors),
    ]
    return sha256_bytes(json.dumps(payload).encode("utf-8"))


def _published(b: Briefing, site: SiteConfig) -> bool:
    return site.publish_drafts or b.record.get("status") == "reviewed"


def _write_page(path: Path, data: bytes) -> None:
    """Replace a page in one step, so a server never serves half a page. Unlike records,
    pages are derived and rewritten by every render: no fsync, which would cost more than
    the rest of the render."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_pages(
    docs_dir: Path,
    pages: dict[str, str],
    owned: tuple[str, ...] = GENERATED_DIRS,
    cache: RenderCache | None = None,
) -> tuple[int, int]:
    """Write pages that changed; remove files in the owned folders that no page claims.
    Returns (written, removed). Links are never followed: callers refuse a tree with links
    in it first (`owned.link_problems`), and the walk here does not descend into one. With a
    cache, a page whose file the last render wrote with the same text is not read back."""
    written = removed = 0
    for name, text in sorted(pages.items()):
        path = docs_dir / name
        if isinstance(text, Keep) and path.is_file():
            continue
        if isinstance(text, Keep):
            raise BriefingError(
                path, "was to be kept from the last render but is gone", "run the render again"
            )
        data = text.encode("utf-8")
        if cache is not None:
            sha = text_sha(data)
            cache.set_text(name, sha)
            if cache.text_unchanged(name, sha):
                continue
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            continue
        _write_page(path, data)
        written += 1
    for folder in owned:
        top = docs_dir / folder
        if top.is_symlink():
            continue
        if top.is_file() and folder not in pages:
            top.unlink()
            removed += 1
        if not top.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(top, topdown=False, followlinks=False):
            for fname in filenames:
                rel = Path(dirpath, fname).relative_to(docs_dir).as_posix()
                if rel not in pages:
                    Path(dirpath, fname).unlink()
                    removed += 1
            for dname in dirnames:
                sub = Path(dirpath, dname)
                if not sub.is_symlink() and not any(sub.iterdir()):
                    sub.rmdir()
    return written, removed


@dataclass
class RenderResult:
    written: int = 0
    removed: int = 0
    pages: int = 0
    warnings: list[Problem] = field(default_factory=list)
    """Problems that must not be published unnoticed (a reviewed record's warnings, e.g. a
    stale one): MkDocs warnings, which fail a strict build."""
    notes: list[Problem] = field(default_factory=list)
    """Problems shown for information only (drafts' notes, plausibility, look-alike names)."""
    left_out: list[Problem] = field(default_factory=list)
    """One notice for each draft left out of the site because it has errors."""


@dataclass
class _Read:
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


def _read_cached(
    path: Path, shown: str, seeds_dir: Path, root: Path, cache: RenderCache
) -> tuple[str, Briefing | None, list[Problem]]:
    """An unchanged record (and seed) from the cache, with its warnings; else (sha, None, [])."""
    try:
        record_sha = sha256_bytes(path.read_bytes())
    except OSError:
        return "", None, []
    entry = cache.record(path.name, record_sha)
    if not entry:
        return record_sha, None, []
    seed_file = seeds_dir.joinpath(*Path(str(entry["data"]["seed"]["path"])).parts[1:])
    seed_sha = _file_sha(seed_file)
    if not seed_sha or entry.get("seed") != seed_sha:
        return record_sha, None, []
    return (
        record_sha,
        Briefing(entry["data"], shown, None, seed_sha, _seed_loader(seed_file, root), record_sha),
        warnings_of(entry),
    )


def read_briefings(root: Path, records_dir: Path, seeds_dir: Path, cache: RenderCache) -> _Read:
    """Read and validate every record; unchanged records and seeds come from the cache."""
    out = _Read()
    for path in list_records(records_dir):
        shown = display_path(path, root)
        out.names.add(path.name)
        record_sha, cached, warnings = _read_cached(path, shown, seeds_dir, root, cache)
        if cached is not None:
            out.problems += warnings
            out.briefings.append(cached)
            continue
        try:
            loaded = read_record(path)
        except BriefingError as exc:
            out.problems.append(unreadable_problem(exc, shown, path))
            continue
        seen: dict[str, Seed] = {}
        found = validate_record(loaded, root, seeds_dir, seen)
        out.problems += found
        if any(p.level == "error" for p in found):
            continue
        seed = seen.get(path.stem)
        sha = seed.sha256 if seed else None
        out.briefings.append(
            Briefing(loaded.data, shown, seed.text if seed else None, sha, None, record_sha)
        )
        if sha and record_sha:
            cache.store(path.name, record_sha, sha, loaded.data, found)
    return out


def render_site(
    root: Path,
    docs_dir: Path | None = None,
    records_dir: Path | None = None,
    seeds_dir: Path | None = None,
) -> RenderResult:
    """Validate every record and write the generated pages: read → validate → render → write.
    Invalid records raise BriefingError listing every error; so does a link at a generated
    path, before anything is written. Warnings (stale records, unknown keys) are returned.
    Records and seeds unchanged since the last render are neither parsed nor checked again."""
    docs_dir = docs_dir or root / "docs"
    records_dir = records_dir or root / "briefings"
    seeds_dir = seeds_dir or root / "seeds"
    links = link_problems(root, docs_dir)
    if links:
        raise BriefingError(links[0].file, links[0].message)
    cache = RenderCache.for_docs(docs_dir)
    with cache.locked():
        cache = RenderCache.for_docs(docs_dir)  # what a render that held the lock left
        cache.forget_changed_pages(docs_dir)
        remember_keys(cache.name_keys)
        read = read_briefings(root, records_dir, seeds_dir, cache)
        errors = [p for p in read.problems if publish_level(p) == "error"]
        if errors:
            lines = "\n".join(p.format() for p in sorted(errors))
            raise BriefingError(
                records_dir,
                f"{len(errors)} error(s) in records; fix them "
                f"(briefings check lists them too):\n{lines}",
            )
        registry = load_registry(records_dir, root)
        if registry.problems:
            lines = "\n".join(p.format() for p in registry.problems)
            raise BriefingError(
                records_dir,
                f"{len(registry.problems)} error(s) in the entity registry; fix them "
                f"(briefings check lists them too):\n{lines}",
            )
        site = load_site_config(root)
        key = site_key(read.briefings, site, registry)
        if key and key == cache.site and cache.pages and not cache.pages_forgotten:
            # The same inputs as the last complete render, and every page it wrote is there
            # as it wrote it: the same pages.
            pages: dict[str, str] = {name: Keep() for name in cache.pages}
        else:
            pages = render_pages(read.briefings, site, cache, registry)
        cache.set_site("")  # until the pages are written
        written, removed = write_pages(docs_dir, pages, cache=cache)
        cache.pages_written(docs_dir)
        cache.keep_only(read.names, set(pages))
        cache.set_site(key)
        cache.set_name_keys(known_keys())
        cache.save()
    levels = [(publish_level(p), p) for p in read.problems]
    return RenderResult(
        written,
        removed,
        len(pages),
        [p for level, p in levels if level == "warning"],
        [p for level, p in levels if level == "info"],
        _left_out([p for level, p in levels if level == "leave-out"]),
    )


def _left_out(problems: list[Problem]) -> list[Problem]:
    """One notice per draft left out of the site, naming its first error and the fix."""
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(problems):
        by_file.setdefault(p.file, []).append(p)
    out = []
    for file, found in by_file.items():
        first = found[0]
        what = f"{first.keypath}: {first.message}" if first.keypath else first.message
        n = len(found) - 1
        more = f" (and {n} more error{'s' if n > 1 else ''})" if n else ""
        out.append(
            Problem(
                file,
                first.line,
                "",
                f"this draft is left out of the site, the "
                f"other briefings are published: {what}{more}; fix the record "
                "(briefings check lists every error) or delete it",
                "warning",
                kind="draft",
            )
        )
    return out


def _file_sha(path: Path) -> str | None:
    try:
        return sha256_bytes(path.read_bytes())
    except OSError:
        return None


def _seed_loader(path: Path, root: Path) -> Callable[[], str | None]:
    def load() -> str | None:
        try:
            return str(read_seed(path, root).text)
        except BriefingError:
            return None

    return load
