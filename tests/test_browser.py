"""The built site in a real browser: every page clean, nothing from other hosts, the diagram,
search, dark mode, evidence links, and screenshots at desktop and phone width."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, chromium, page_urls, require_browser, serve
from .sitebuild import add_devset, build, make_repo

RID = "2023-05-05-nato-opens-japan-office"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    root = make_repo(tmp_path_factory.mktemp(f"site-{request.param}") / "repo")
    add_devset(root)
    return build(root, request.param)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def test_every_page_loads_clean_on_its_own_origin(site: Path, browser) -> None:
    problems: list[str] = []
    ids: dict[str, set[str]] = {}
    targets: set[tuple[str, str]] = set()
    with serve(site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        urls = page_urls(site, base)
        assert len(urls) > 40, urls
        context = browser.new_context()
        page = context.new_page()
        current = {"url": ""}
        page.on(
            "console",
            lambda m: (
                problems.append(f"{current['url']}: console {m.type}: {m.text}")
                if m.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda e: problems.append(f"{current['url']}: script error {e}"))
        page.on(
            "request",
            lambda r: (
                problems.append(f"{current['url']}: request to {r.url}")
                if urllib.parse.urlsplit(r.url)[:2] != origin
                and not r.url.startswith(("data:", "blob:"))
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                problems.append(f"{current['url']}: {r.status} {r.url}")
                if r.status >= 400
                else None
            ),
        )
        for url in urls:
            current["url"] = url
            page.goto(url, wait_until="load")
            ids[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            # An SVG link's href is an object (SVGAnimatedString): resolve its attribute.
            resolve = "els => els.map(e => new URL(e.getAttribute('href'), e.baseURI).href)"
            for href in page.eval_on_selector_all("a[href]", resolve):
                parts = urllib.parse.urlsplit(href)
                if parts[:2] == origin:
                    targets.add(
                        (
                            urllib.parse.urlunsplit(parts._replace(fragment="")),
                            urllib.parse.unquote(parts.fragment),
                        )
                    )
        context.close()
        for target, fragment in sorted(targets):
            path = urllib.parse.unquote(urllib.parse.urlsplit(target).path).lstrip("/")
            file = site / path
            if file.is_dir() or path == "":
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"broken link: {target}")
            elif fragment and target in ids and fragment not in ids[target]:
                problems.append(f"broken anchor: {target}#{fragment}")
    assert problems == []


def test_source_chain_is_drawn_as_svg(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}briefings/{RID}/")
        svg = page.locator("svg.bf-chain-svg--wide")
        box = svg.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 50
        assert svg.locator("g.bf-node").count() == 4
        assert svg.locator("line.bf-edge").count() == 3
        assert page.locator("svg.bf-chain-svg--tall").is_hidden()
        page.set_viewport_size({"width": 390, "height": 800})
        assert page.locator("svg.bf-chain-svg--tall").is_visible()
        assert page.locator("svg.bf-chain-svg--wide").is_hidden()
        page.close()


def test_search_finds_a_briefing_by_an_actor(site: Path, browser) -> None:
    """The site's own search (docs/assets/search.js), with either engine: nothing of the
    index is fetched until the reader types, then only from the site itself; typing an
    actor's name shows the briefing first, with its date."""
    with serve(site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base, wait_until="networkidle")
        assert not [u for u in requests if "search" in u and not u.endswith(".js")], requests
        # Under MkDocs the box sits in the header; Zensical's search button opens a dialog.
        page.locator("#bf-search-input:visible, [data-bf-search-open]:visible").first.click()
        page.keyboard.type("Kishida", delay=30)
        first = page.locator("#bf-search-results li[role=option]").first
        first.wait_for(timeout=15000)
        assert first.inner_text().startswith("Briefing · 5 May 2023")
        assert first.locator("a").get_attribute("href") == f"{base}briefings/{RID}/"
        assert [u for u in requests if "/search-data/t/" in u]
        assert all(urllib.parse.urlsplit(u)[:2] == origin for u in requests), requests
        assert not [u for u in requests if u.endswith(("search_index.json", "search.json"))]
        page.close()


def test_dark_mode_toggle(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(color_scheme="light")
        page.goto(f"{base}briefings/{RID}/")
        body = page.locator("body")
        assert body.get_attribute("data-md-color-scheme") == "default"
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(
            "document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5000
        )
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(255, 255, 255)"
        page.close()


def test_evidence_link_opens_the_seed_at_the_quote(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}briefings/{RID}/")
        assert page.locator("details.bf-seed").get_attribute("open") is None
        link = page.locator("ol.bf-timeline a.bf-ev").first
        anchor = link.get_attribute("href").lstrip("#")
        link.click()
        page.wait_for_function("document.querySelector('details.bf-seed').open", timeout=5000)
        mark = page.locator(f"mark[data-evidence~='{anchor}']").first
        assert mark.is_visible()
        assert (
            "end of January" in mark.inner_text()
            or "January" in page.locator(f"mark[data-evidence~='{anchor}']").all_inner_texts()[-1]
        )
        page.close()


def test_screenshots_at_desktop_and_phone_width(site: Path, browser) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    engine = site.parent.parent.name.split("-")[1].rstrip("0123456789")
    with serve(site) as base:
        for name, width in [("desktop", 1280), ("phone", 390)]:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}briefings/{RID}/", wait_until="networkidle")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width + 1, f"the page scrolls sideways at {width}px"
            out = ARTIFACTS / f"briefing-{engine}-{name}.png"
            page.screenshot(path=str(out), full_page=True)
            assert out.stat().st_size > 20000
            page.close()


def test_print_shows_the_content_and_the_seed_without_navigation(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}briefings/{RID}/")
        page.emulate_media(media="print")
        assert page.locator(".md-header").is_hidden()
        assert page.locator(".md-sidebar--primary").is_hidden()
        assert page.locator(".bf-seed-text").is_visible()
        assert page.locator("svg.bf-chain-svg--wide").is_visible()
        pdf = page.pdf() if "chrom" in browser.browser_type.name else b"%PDF"
        assert pdf.startswith(b"%PDF")
        page.close()


PHONE = {"width": 390, "height": 844}
SIDEWAYS = """() => {
  const out = [];
  if (document.documentElement.scrollWidth > window.innerWidth)
    out.push('page ' + document.documentElement.scrollWidth + 'px');
  for (const el of document.querySelectorAll('.md-content table, .md-typeset__scrollwrap')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      out.push(el.tagName + ' ' + el.scrollWidth + '/' + el.clientWidth + 'px');
  }
  return out;
}"""


def test_nothing_scrolls_sideways_on_a_phone(site: Path, browser) -> None:
    """Every page at 390 px: the document never scrolls sideways, and no table in the
    generated pages hides a column off-screen in a scrolling box."""
    problems: list[str] = []
    with serve(site) as base:
        page = browser.new_page(viewport=PHONE)
        for url in page_urls(site, base):
            page.goto(url, wait_until="load")
            found = page.evaluate(SIDEWAYS)
            if not url.endswith(("record-format/", "reviewing/", "about/", "benchmark/")):
                problems += [f"{url}: {f}" for f in found]
            elif found and found[0].startswith("page"):
                problems.append(f"{url}: {found[0]}")
        page.goto(f"{base}briefings/{RID}/", wait_until="load")
        # The headline leaves room: the bottom line starts on the first screen.
        top = page.evaluate("document.querySelector('.bf-bottom-line').getBoundingClientRect().top")
        assert top < PHONE["height"] - 100, top
        page.close()
    assert problems == []


def test_evidence_markers_are_numbers_that_open_their_quote(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}briefings/{RID}/")
        article = page.locator("article").first
        assert "quote" not in [t.strip() for t in article.locator("a").all_inner_texts()]
        markers = page.locator("a.bf-ev")
        assert markers.count() >= 15
        for i in range(markers.count()):
            marker = markers.nth(i)
            number = marker.inner_text().strip()
            assert number.isdigit()
            assert marker.get_attribute("aria-label") == f"quote {number} in the seed text"
            assert marker.bounding_box()["width"] < 30
        target = page.locator("ol.bf-timeline a.bf-ev").nth(1)
        anchor = target.get_attribute("href").lstrip("#")
        target.click()
        page.wait_for_function("document.querySelector('details.bf-seed').open", timeout=5000)
        current = page.locator("mark.bf-current")
        assert current.count() >= 1
        for evidence in current.evaluate_all("els => els.map(e => e.dataset.evidence)"):
            assert anchor in evidence.split()
        # Only the quoted words are marked: a minority of the seed's text.
        share = page.evaluate("""() => {
          const seed = document.querySelector('.bf-seed-text');
          const marked = [...seed.querySelectorAll('mark')].map(m => m.textContent.length)
            .reduce((a, b) => a + b, 0);
          return marked / seed.textContent.length;
        }""")
        assert 0 < share < 0.5, share
        number = page.locator(f"#{anchor}").evaluate(
            "el => getComputedStyle(el, '::before').content"
        )
        assert number.strip('"') == anchor.removeprefix("ev-")
        page.close()


def test_diagram_labels_stay_inside_their_boxes(site: Path, browser) -> None:
    with serve(site) as base:
        for width, kind in [(1280, "wide"), (390, "tall")]:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}briefings/{RID}/")
            nodes = page.locator(f"svg.bf-chain-svg--{kind} g.bf-node")
            names = []
            for i in range(nodes.count()):
                box = nodes.nth(i).evaluate("""g => {
                  const r = g.querySelector('rect').getBBox();
                  const texts = [...g.querySelectorAll('text')].map(t => {
                    const b = t.getBBox();
                    return {text: t.textContent, right: b.x + b.width, bottom: b.y + b.height};
                  });
                  return {right: r.x + r.width, bottom: r.y + r.height, texts,
                          title: g.querySelector('title').textContent};
                }""")
                for t in box["texts"]:
                    assert t["right"] <= box["right"] and t["bottom"] <= box["bottom"], (kind, t)
                    assert not t["text"].endswith("…"), t
                names.append(box["title"])
            listed = page.locator("article ol li strong").all_inner_texts()
            assert sorted(names) == sorted(listed)
            assert "a person with knowledge of the proceedings" in names
            page.close()


def test_pages_reached_from_an_index_mark_their_section_and_lead_back(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path, section, index in [
            # an actor named in several briefings of the sample (one named once has no page)
            ("actors/nato/", "Actors", "actors/"),
            (f"briefings/{RID}/", "Briefings", "briefings/"),
        ]:
            page.goto(base + path)
            active = page.locator(".md-sidebar--primary a.md-nav__link--active")
            assert active.count() == 1 and active.inner_text().strip() == section
            assert active.get_attribute("aria-current") == "location"
            crumb = page.locator("nav.bf-crumbs a")
            assert crumb.inner_text().strip() == section
            crumb.click()
            page.wait_for_load_state()
            assert page.url == base + index
        page.goto(base + "sources/")
        active = page.locator(".md-sidebar--primary .md-nav__link--active")
        assert active.first.inner_text().strip() == "Sources"
        page.close()


def test_the_site_says_what_it_publishes_and_lists_the_benchmark_under_about(
    site: Path, browser
) -> None:
    assert (site / "benchmark" / "index.html").is_file()
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        text = page.locator("article").first.inner_text()
        # The sample site publishes drafts: its home page says what a draft is.
        assert "marked draft was made by the machine and has not been checked" in text
        page.goto(f"{base}briefings/{RID}/")
        assert "not yet checked by a person" in page.locator(".bf-draft-note").inner_text()
        page.goto(f"{base}about/")
        # the benchmark is a page of the project's documentation, in the About section
        assert "Benchmark" in page.locator(".md-sidebar--primary nav").first.inner_text()
        page.close()
