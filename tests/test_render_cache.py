"""The render cache never changes what a render writes: after one changed record, a render that
reuses the last one's work writes the pages a render without any cache writes, byte for byte;
and a change to any file of the generator drops the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.bench.__main__ import corpus
from generator.bench.corpus import site_repo, write_corpus
from generator.entities import load_registry
from generator.owned import GENERATED
from generator.pages import cache as render_cache
from generator.pages.cache import Keep, RenderCache, package_salt
from generator.render import read_briefings, render_pages, render_site, write_pages
from generator.siteconfig import load_site_config

from .conftest import PROJECT

N = 40


@pytest.fixture(scope="module")
def items() -> list:
    return corpus(PROJECT, N)


def project(root: Path, items: list) -> Path:
    site_repo(PROJECT, root)
    write_corpus(root, items, records=True)
    return root


def generated(docs: Path) -> dict[str, bytes]:
    out = {}
    for name in GENERATED:
        top = docs / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        out.update({p.relative_to(docs).as_posix(): p.read_bytes() for p in files})
    return out


def edit_one(root: Path) -> Path:
    """Change one record where every catalogue sees it: its summary, an event and a tag."""
    path = sorted((root / "briefings").glob("*.yaml"))[N // 2]
    lines = path.read_text("utf-8").split("\n")
    at = lines.index("summary: >-")
    lines[at + 1] += " A late correction."
    event = next(i for i, line in enumerate(lines) if line.startswith("  - date:"))
    lines.insert(event + 1, "    event: The mayor of Lodorgaia opened a new bridge.")
    tags = lines.index("tags:")
    lines.insert(tags + 1, "  - bridges")
    path.write_text("\n".join(lines), "utf-8")
    return path


#: The pages whose builders look their inputs up in the cache.
MEMOISED = ("briefings/", "timeline/", "tags/", "sources/", "actors/")
#: Lists of every briefing: rendered each time.
LISTS = ("briefings/index.md", "briefings/by_year/", "actors/index.md", "actors/by-letter/")


def keeps(root: Path) -> dict[str, bool]:
    """Which pages (of those in `MEMOISED` folders) a render with the cache keeps (True) or
    renders (False); all of them are written out."""
    docs = root / "docs"
    cache = RenderCache.for_docs(docs)
    cache.forget_changed_pages(docs)
    read = read_briefings(root, root / "briefings", root / "seeds", cache)
    registry = load_registry(root / "briefings", root)
    pages = render_pages(read.briefings, load_site_config(root), cache, registry)
    write_pages(docs, pages, cache=cache)
    cache.pages_written(docs)
    cache.save()
    return {
        name: isinstance(text, Keep)
        for name, text in pages.items()
        if name.startswith(MEMOISED) and not name.startswith(LISTS)
    }


def test_a_render_after_one_changed_record_writes_what_a_cold_render_writes(
    tmp_path: Path, items: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm = project(tmp_path / "warm", items)
    first = render_site(warm)
    assert first.written == first.pages > 100
    before = generated(warm / "docs")

    # Nothing changed: every page is kept, none is rendered or written.
    again = render_site(warm)
    assert (again.pages, again.written, again.removed) == (first.pages, 0, 0)
    assert generated(warm / "docs") == before

    # One changed record: the pages it is on are rendered again, most pages are kept.
    edit_one(warm)
    kept = keeps(warm)
    assert kept and not all(kept.values())
    assert sum(kept.values()) > len(kept) // 2
    timeline = [name for name in kept if name.startswith("timeline/")]
    assert any(kept[n] for n in timeline) and not all(kept[n] for n in timeline)
    actors = [name for name in kept if name.startswith("actors/")]
    assert any(kept[n] for n in actors) and not all(kept[n] for n in actors)
    after = generated(warm / "docs")
    assert after != before

    # The same records rendered with no cache at all, in another folder.
    same_as_cold(warm, tmp_path, monkeypatch)

    # A page edited by hand is written again, as a cold render would.
    page = warm / "docs" / "timeline" / "index.md"
    page.write_text("edited by hand\n", "utf-8")
    assert render_site(warm).written == 1
    assert generated(warm / "docs") == after


def same_as_cold(warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm project's pages are those a render without any cache writes of its records."""
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path / "cold-cache"))
    cold = project(tmp_path / "cold", [])
    for folder in ("briefings", "seeds"):
        shutil.rmtree(cold / folder)
        shutil.copytree(warm / folder, cold / folder)
    render_site(cold)
    assert generated(cold / "docs") == generated(warm / "docs")


@pytest.mark.parametrize("change", ["added", "removed"])
def test_a_render_after_an_added_or_removed_record_writes_what_a_cold_render_writes(
    tmp_path: Path, items: list, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    # The project holds all records but one (added later), or all (one removed later).
    warm = project(tmp_path / "warm", items)
    records = sorted((warm / "briefings").glob("*.yaml"))
    # A record that names an actor of another record, so that its actor pages change.
    named = {
        line.strip()
        for path in records
        for line in path.read_text("utf-8").split("\n")
        if line.startswith("  - name:")
    }
    moved = next(
        path
        for path in records[len(records) // 3 :]
        if any(
            line.strip() in named and sum(line.strip() in p.read_text("utf-8") for p in records) > 1
            for line in path.read_text("utf-8").split("\n")
            if line.startswith("  - name:")
        )
    )
    aside = tmp_path / moved.name
    if change == "added":
        shutil.move(moved, aside)
    before = render_site(warm)
    assert before.written == before.pages
    pages_before = generated(warm / "docs")
    if change == "added":
        shutil.move(aside, moved)
    else:
        moved.unlink()
    after = render_site(warm)
    assert 0 < after.written < after.pages
    if change == "removed":
        assert after.removed >= 1  # its briefing page at least
    assert generated(warm / "docs") != pages_before
    same_as_cold(warm, tmp_path, monkeypatch)


def test_a_change_to_the_generator_drops_the_cache(
    tmp_path: Path, items: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "site", items[:12])
    render_site(root)
    before = generated(root / "docs")
    keeps(root)  # (a page showing record fields is keyed by them as the cache holds them)
    assert all(keeps(root).values())  # the same generator: everything is kept
    assert RenderCache.for_docs(root / "docs").derived  # e.g. the actors' own events

    # Another generator (any file of the package differs): nothing is taken from the cache,
    # and the pages are the same.
    monkeypatch.setattr(render_cache, "package_salt", lambda: "another generator")
    assert RenderCache.for_docs(root / "docs").records == {}
    assert RenderCache.for_docs(root / "docs").derived == {}
    assert not any(keeps(root).values())
    assert generated(root / "docs") == before


def test_the_salt_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = Path(render_cache.__file__).resolve().parents[1]
    copy = tmp_path / "generator"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert package_salt(copy) == package_salt(package)
    module = copy / "pages" / "timeline.py"
    module.write_text(module.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert package_salt(copy) != package_salt(package)
