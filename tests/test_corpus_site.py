"""The site a newsroom gets from every article the tests hold (40 real Wikinews articles, the
dev set and the synthetic set, drafted by the real extractor), met as a reader meets it: no page
too heavy or too tall to use, nothing scrolling sideways, nothing from other hosts; and
screenshots of the pages a reader browses by, at desktop and phone width."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, chromium, page_urls, require_browser, serve

#: The limits a page must keep whatever the size of the site (issue: reader navigation).
MAX_HTML_BYTES = 200 * 1024
MAX_SCREENS = 20
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SHOTS = ARTIFACTS / "corpus-site"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    with chromium() as b:
        yield b


def _browse_pages(site: Path) -> list[str]:
    """Every page that is not a briefing or an actor page (indexes, timeline, sources, places,
    tags, hand-written pages), plus the three heaviest briefing and actor pages."""
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    heavy = sorted(rels, key=lambda r: (site / r).stat().st_size, reverse=True)
    out = [r for r in rels if not r.startswith(("briefings/", "actors/")) or r.count("/") == 1]
    for kind in ("briefings/", "actors/"):
        out += [r for r in heavy if r.startswith(kind) and r.count("/") == 2][:3]
    return sorted(set(out))


def test_no_page_is_heavier_than_200_kb(corpus_site: Path) -> None:
    heavy = {
        p.relative_to(corpus_site).as_posix(): p.stat().st_size
        for p in corpus_site.rglob("*.html")
        if p.stat().st_size > MAX_HTML_BYTES
    }
    assert heavy == {}


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The built file and the anchor a relative link of a page leads to."""
    url = urllib.parse.urljoin(page.relative_to(site).as_posix(), href)
    path, _, anchor = urllib.parse.unquote(url).partition("#")
    file = site / path
    return (file / "index.html" if path.endswith("/") or not path else file), anchor


def test_every_link_to_an_actor_leads_to_its_page_or_its_row(corpus_repo: Path) -> None:
    """An actor or place named in one briefing has no page (unless in the registry): the
    indexes, the places map and search lead to its row in its briefing, which has that anchor;
    every link to an actor page leads to a page that is there."""
    from generator.entities import load_registry

    site = corpus_repo / "site"
    registry = load_registry(corpus_repo / "briefings")
    rows = pages = 0
    broken: list[str] = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        for href in re.findall(r'href="(?!/)([^"#:]*(?:actors/[^"]*|#actor-\d+))"', html):
            file, anchor = _target(site, page, href)
            if not file.is_file() or (anchor and f'id="{anchor}"' not in file.read_text("utf-8")):
                broken.append(f"{page.relative_to(site)} → {href}")
            rows += bool(anchor.startswith("actor-"))
    for page in (site / "actors").glob("*/index.html"):
        html = page.read_text("utf-8")
        if page.parent.name == "by-letter":
            continue
        pages += 1
        name = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        once = "Briefings</span> 1</span>" in html
        assert not once or (name and registry.entity(name.group(1))), page
    assert rows > 20 and pages > 5, (rows, pages)
    assert broken == []
    # Search leads where the indexes do.
    docs = [d for f in sorted((site / "search-data" / "m").glob("*.json")) for d in json.loads(
        f.read_text("utf-8"))]  # fmt: skip
    found = [
        d[2] for d in docs if d[2].startswith(("actors/", "briefings/")) and d[0] != "briefing"
    ]
    assert any("#actor-" in url for url in found) and any(u.startswith("actors/") for u in found)
    # Places alike: one named once is found and leads to its row, from search and the map.
    assert any(d[0] in ("country", "place") and "#actor-" in d[2] for d in docs)
    assert any(d[0] in ("country", "place") and d[2].startswith("actors/") for d in docs)
    dots = re.findall(r'<a href="([^"]+)" tabindex="-1"><circle class="bf-dot"',
                      (site / "places" / "index.html").read_text("utf-8"))  # fmt: skip
    assert any("#actor-" in d for d in dots) and any("/actors/" in d for d in dots), dots[:5]
    for url in found:
        file, anchor = _target(site, site / "index.html", url)
        assert file.is_file(), url
        assert not anchor or f'id="{anchor}"' in file.read_text("utf-8"), url


def test_no_page_is_taller_than_twenty_screens(corpus_site: Path, browser) -> None:
    tall: list[str] = []
    with serve(corpus_site) as base:
        for name, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport)
            for rel in _browse_pages(corpus_site):
                page.goto(base + rel.removesuffix("index.html"), wait_until="load")
                height = page.evaluate("document.documentElement.scrollHeight")
                if height > MAX_SCREENS * viewport["height"]:
                    tall.append(f"{rel} at {name}: {height / viewport['height']:.1f} screens")
            page.close()
    assert tall == []


def test_browse_pages_stay_on_their_host_and_fit_a_phone(corpus_site: Path, browser) -> None:
    problems: list[str] = []
    with serve(corpus_site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        page = context.new_page()
        page.on(
            "request",
            lambda req: (
                problems.append(f"request to {req.url}")
                if urllib.parse.urlsplit(req.url)[:2] != origin and not req.url.startswith("data:")
                else None
            ),
        )
        for url in page_urls(corpus_site, base):
            rel = url.removeprefix(base)
            if rel.startswith(("briefings/", "actors/")) and rel.count("/") > 1:
                continue
            page.goto(url, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > VIEWPORTS["phone"]["width"] + 1:
                problems.append(f"{rel}: scrolls sideways ({width}px)")
        context.close()
    assert problems == []


def test_screenshots_of_the_pages_a_reader_browses_by(corpus_site: Path, browser) -> None:
    """Home, the most named actor, the timeline, sources and a search, at 1280 and 390 px, saved
    under test-artifacts/corpus-site/ for the people who review the site's look."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    actors = sorted(
        (p for p in (corpus_site / "actors").glob("*/index.html") if p.parent.name != "by-letter"),
        key=lambda p: p.stat().st_size,
        reverse=True,
    )
    assert actors
    targets = {
        "home": "",
        "actor": f"actors/{actors[0].parent.name}/",
        "timeline": "timeline/",
        "sources": "sources/",
    }
    with serve(corpus_site) as base:
        for name, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport)
            for what, rel in targets.items():
                page.goto(base + rel, wait_until="networkidle")
                out = SHOTS / f"{what}-{name}.png"
                page.screenshot(path=str(out), full_page=False)
                assert out.stat().st_size > 10000
            page.goto(base, wait_until="networkidle")
            box = page.locator("input[type=search], input[name=query]").first
            if not box.is_visible():
                page.locator(
                    "label[for=__search], .md-search-toggle, [data-md-toggle=search]"
                ).first.click()
            box.fill("Obama")
            page.wait_for_timeout(800)
            out = SHOTS / f"search-{name}.png"
            page.screenshot(path=str(out), full_page=False)
            assert out.stat().st_size > 10000
            page.close()


def test_a_place_page_marks_places_in_the_menu(corpus_site: Path, browser) -> None:
    """A country's page lives under actors/ but is reached from the places index: the menu marks
    Places, as its breadcrumb does, and a person's page marks Actors."""
    pages = {"Places": "", "Actors": ""}
    for path in sorted((corpus_site / "actors").glob("*/index.html")):
        crumbs = path.read_text("utf-8").split('class="bf-crumbs"', 1)[-1][:300]
        for section in pages:
            if not pages[section] and f">{section}</a>" in crumbs:
                pages[section] = f"actors/{path.parent.name}/"
    assert all(pages.values()), pages
    with serve(corpus_site) as base:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        for section, rel in pages.items():
            page.goto(base + rel, wait_until="load")
            active = page.locator(".md-sidebar--primary .md-nav__link--active")
            assert active.count() == 1 and active.inner_text().strip() == section, rel
        page.close()
