"""Browsing the site: the timeline by year (and by month when a year is long) with a filter
by actor, place and status; the briefings list by year; tag pages drawn from the records; the
home page's counts. The last tests build a sample site from the test corpus and use the filter
in Chromium."""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.pages.paging import EVENTS_PER_PAGE, ROWS_PER_PAGE
from generator.pages.tags import build_tags, is_date_tag
from generator.pages.timeline import actor_names, named_in
from generator.render import Briefing, render_pages
from generator.siteconfig import SiteConfig

from .conftest import EXAMPLE_RECORD

SITE = SiteConfig(publish_drafts=True)


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def record(rid: str, date: str, **fields: object) -> dict:
    rec = example()
    rec.update(id=rid, date=date, title=f"Story {rid}", tags=[])
    rec.update(fields)
    return rec


def render(*records: dict) -> dict[str, str]:
    return render_pages([Briefing(r, f"{r['id']}.yaml") for r in records], SITE)


def events_of(page: str) -> list[dict[str, str]]:
    """The events of a timeline page with their data attributes."""
    out = []
    for li in re.findall(r'<li class="bf-event[^"]*"[^>]*><span[^>]*>', page):
        out.append({k: html.unescape(v) for k, v in re.findall(r'data-([a-z]+)="([^"]*)"', li)})
    return out


# --- the timeline ---------------------------------------------------------------------------


def test_every_year_has_a_page_and_the_index_is_an_overview() -> None:
    rec = record("a", "2023-05-05")
    rec["timeline"] = rec["timeline"] + [
        {
            "date": "XXXX-XX-XX",
            "event": "Something the text gives no date for.",
            "status": "occurred",
        }
    ]
    pages = render(rec)
    timeline = sorted(p for p in pages if p.startswith("timeline/"))
    assert timeline == [
        "timeline/2023.md",
        "timeline/2024.md",
        "timeline/index.md",
        "timeline/other.md",
    ]
    index = pages["timeline/index.md"]
    assert '| [2024](2024.md) | <span class="bf-num">1</span>' in index
    assert '| [2023](2023.md) | <span class="bf-num">3</span>' in index
    assert index.index("[2024](2024.md)") < index.index("[2023](2023.md)")
    assert "[no year stated](other.md)" in index
    # A bar per year, as wide as its share of the busiest year.
    assert 'style="width: 100%"' in index and 'style="width: 33%"' in index
    assert "## Latest events" in index and "<li" in index
    year = pages["timeline/2023.md"]
    assert "## Jul 2023" in year and len(events_of(year)) == 3
    assert '<form class="bf-filter" data-bf-filter hidden' in year
    assert "Something the text gives no date for" in pages["timeline/other.md"]
    # Each year leads to the years next to it.
    assert "[2024 →](2024.md)" in year and "[← 2023](2023.md)" in pages["timeline/2024.md"]
    assert (
        "→](" not in pages["timeline/2024.md"] and "Other years" not in pages["timeline/other.md"]
    )


def test_a_year_too_long_for_a_page_gets_a_page_per_month() -> None:
    march = EVENTS_PER_PAGE + 10  # more than a page: the month goes on in a second part
    events = [
        {"date": f"2024-03-{1 + i % 28:02d}", "event": f"March event {i}.", "status": "occurred"}
        for i in range(march)
    ]
    events += [
        {"date": f"2024-{m:02d}-02", "event": f"Event of month {m}.", "status": "planned"}
        for m in (1, 7, 11)
    ]
    events.append({"date": "2024", "event": "Sometime in the year.", "status": "occurred"})
    events.append({"date": "2023-12-31", "event": "Year before.", "status": "occurred"})
    pages = render(record("big", "2024-12-31", timeline=events))
    year = pages["timeline/2024.md"]
    assert "<li" not in year  # an overview of the months
    for line in [
        "| [Nov 2024](2024/11.md) | 1 |",
        "| [Jul 2024](2024/07.md) | 1 |",
        f"| [Mar 2024](2024/03.md) | {march} |",
        "| [Jan 2024](2024/01.md) | 1 |",
        "| [2024, month not stated](2024/year.md) | 1 |",
    ]:
        assert line in year
    assert year.index("2024/11.md") < year.index("2024/03.md") < year.index("2024/year.md")
    first, second = pages["timeline/2024/03.md"], pages["timeline/2024/03-2.md"]
    assert len(events_of(first)) == EVENTS_PER_PAGE and len(events_of(second)) == 10
    assert "[Part 2](03-2.md)" in first and "[Part 1](03.md)" in second
    assert "[Timeline](../index.md) › [2024](../2024.md) ›" in first
    assert 'href="../../../briefings/big/"' in first
    assert "Sometime in the year" in pages["timeline/2024/year.md"]
    # The year before is short: one page with its events.
    assert len(events_of(pages["timeline/2023.md"])) == 1
    assert not any(p.startswith("timeline/2023/") for p in pages)


def test_long_events_fill_a_page_sooner() -> None:
    words = "The ministry said the talks would go on through the night and into the week. " * 3
    events = [
        {"date": f"2024-05-{1 + i % 28:02d}", "event": f"{words}{i}", "status": "occurred"}
        for i in range(56)
    ]
    assert len(events) < EVENTS_PER_PAGE
    pages = render(record("long", "2024-06-01", timeline=events))
    assert "| [May 2024](2024/05.md) | 56 |" in pages["timeline/2024.md"]
    first, second = (
        events_of(pages["timeline/2024/05.md"]),
        events_of(pages["timeline/2024/05-2.md"]),
    )
    assert len(first) + len(second) == 56 and len(first) > len(second) > 0


def test_names_match_whole_words_only() -> None:
    assert named_in("Iran said it would not.", ["Iran"])
    assert named_in("Iran's navy left.", ["Iran"])
    assert not named_in("Iranian officials met.", ["Iran"])
    assert not named_in("UNESCO listed the site.", ["UN"])
    assert named_in("The UN voted.", ["UN"])
    assert not named_in("the iran deal", ["Iran"])  # case as written
    person = {"name": "Kwabena Asante-Darko", "type": "person"}
    assert actor_names(person) == ["Kwabena Asante-Darko", "Asante-Darko"]
    assert actor_names({"name": "Martin Luther King Jr.", "type": "person"}) == [
        "Martin Luther King Jr."
    ]
    assert actor_names({"name": "New Zealand", "type": "country"}) == ["New Zealand"]
    assert actor_names({"name": "Ali Reza", "type": "person", "aliases": ["A. Reza"]}) == [
        "Ali Reza",
        "A. Reza",
        "Reza",
    ]


def test_events_carry_the_actors_and_places_they_name_and_their_status() -> None:
    actors = [
        {"name": "Iran", "type": "country"},
        {"name": "Tehran", "type": "place"},
        {"name": "United Nations", "type": "organization", "aliases": ["UN"]},
        {"name": "Kwabena Asante-Darko", "type": "person"},
    ]
    timeline = [
        {
            "date": "2024-01-05",
            "event": "Iranian officials met UNESCO staff.",
            "status": "occurred",
        },
        {"date": "2024-01-06", "event": "Iran told the UN in Tehran.", "status": "planned"},
        {"date": "2024-01-07", "event": "Asante-Darko signed the deal.", "status": "ongoing"},
    ]
    pages = render(record("named", "2024-01-10", actors=actors, timeline=timeline))
    got = {e["edtf"]: e for e in events_of(pages["timeline/2024.md"])}
    assert got["2024-01-05"] == {
        "status": "occurred",
        "actors": "",
        "places": "",
        "edtf": "2024-01-05",
    }
    assert got["2024-01-06"]["actors"] == "united-nations"
    assert got["2024-01-06"]["places"].split() == ["iran", "tehran"]
    assert got["2024-01-06"]["status"] == "planned"
    assert got["2024-01-07"]["actors"] == "kwabena-asante-darko"
    page = pages["timeline/2024.md"]
    # The filter offers what the page's events name, with counts.
    assert '<option value="united-nations">United Nations (1)</option>' in page
    assert '<option value="tehran">Tehran (1)</option>' in page
    assert '<option value="planned">planned (1)</option>' in page
    assert '<option value="kwabena-asante-darko">' in page


def test_the_longer_of_two_overlapping_names_is_meant() -> None:
    actors = [
        {"name": "Kenya", "type": "country"},
        {"name": "Kenya Red Cross Society", "type": "organization"},
    ]
    timeline = [
        {"date": "2025-11-16", "event": "The Kenya Red Cross Society rescued 230 people."},
        {"date": "2025-11-17", "event": "Kenya's Red Cross said more were missing."},
        {"date": "2025-11-18", "event": "Kenya asked the Kenya Red Cross Society for help."},
    ]
    page = render(record("floods", "2025-11-20", actors=actors, timeline=timeline))[
        "timeline/2025.md"
    ]
    got = {e["edtf"]: (e["actors"], e["places"]) for e in events_of(page)}
    assert got["2025-11-16"] == ("kenya-red-cross-society", "")
    assert got["2025-11-17"] == ("", "kenya")
    assert got["2025-11-18"] == ("kenya-red-cross-society", "kenya")


def test_filter_labels_are_escaped() -> None:
    actors = [{"name": 'Evil <img src=x onerror="alert(1)"> Corp', "type": "organization"}]
    timeline = [
        {
            "date": "2024-01-05",
            "event": 'Evil <img src=x onerror="alert(1)"> Corp said no.',
            "status": "occurred",
        }
    ]
    page = render(record("evil", "2024-01-10", actors=actors, timeline=timeline))[
        "timeline/2024.md"
    ]
    assert "<img" not in page and 'onerror="' not in page
    assert len(events_of(page)) == 1 and events_of(page)[0]["actors"]


# --- the briefings list ------------------------------------------------------------------------


def test_briefings_are_listed_by_year() -> None:
    pages = render(
        record("one", "2024-03-01"), record("two", "2024-01-01"), record("three", "2022-06-01")
    )
    index = pages["briefings/index.md"]
    assert index.index("## 2024 (2)") < index.index("(one.md)") < index.index("(two.md)")
    assert index.index("(two.md)") < index.index("## 2022 (1)") < index.index("(three.md)")
    assert not any(p.startswith("briefings/by_year/") for p in pages)


def test_a_long_list_of_briefings_gets_a_page_per_year_that_no_briefing_can_take() -> None:
    recs = [
        record(f"b{i}", f"{2020 + i % 3}-01-{1 + i % 28:02d}") for i in range(ROWS_PER_PAGE + 1)
    ]
    # A briefing whose id is a year, and one named like the folder (ids use hyphens only).
    recs += [record("2021", "2021-05-05"), record("by-year", "2021-05-06")]
    pages = render(*recs)
    index = pages["briefings/index.md"]
    count = {y: sum(r["date"].startswith(y) for r in recs) for y in ("2020", "2021", "2022")}
    for y, n in count.items():
        assert f"| [{y}](by_year/{y}.md) | {n} |" in index
    assert "## Latest" in index
    year = pages["briefings/by_year/2021.md"]
    assert "[Briefings](../index.md) ›" in year
    assert "(../2021.md)" in year and "(../by-year.md)" in year
    assert "briefings/2021.md" in pages and "briefings/by-year.md" in pages


# --- tags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        "August 15",
        "March 14",
        "2024",
        "1990s",
        "15 August 2024",
        "Aug. 15, 2024",
        "Tuesday",
        "March 2024",
        "2024-03-14",
        "14/03/2024",
        "May",
    ],
)
def test_date_tags_are_recognised(tag: str) -> None:
    assert is_date_tag(tag)


@pytest.mark.parametrize(
    "tag",
    [
        "Africa",
        "Law and Justice",
        "COVID-19",
        "G20",
        "9/11",
        "Agenda 2030",
        "deep-sea mining",
        "March for Our Lives",
        "Mayotte",
        "Windows 95",
    ],
)
def test_topic_tags_are_kept(tag: str) -> None:
    assert not is_date_tag(tag)


def test_tag_pages_list_briefings_newest_first_with_unique_escaped_names() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1))"
    pages = render(
        record("old", "2021-01-01", tags=["Africa", "August 15", "C++", hostile]),
        record("new", "2024-01-01", tags=["africa", "2024", "C", "Index"]),
        record("mid", "2023-01-01", tags=["Africa "]),
    )
    tags = sorted(p for p in pages if p.startswith("tags/"))
    assert "tags/august-15.md" not in tags and "tags/2024.md" not in tags
    assert {
        "tags/index.md",
        "tags/africa.md",
        "tags/c.md",
        "tags/c-2.md",
        "tags/index-2.md",
    } <= set(tags)
    assert len(tags) == 6  # index, africa, c, c-2, index-2 and the hostile tag
    africa = pages["tags/africa.md"]
    assert "3 briefings" in africa
    assert africa.index("(../briefings/new.md)") < africa.index("(../briefings/mid.md)")
    assert africa.index("(../briefings/mid.md)") < africa.index("(../briefings/old.md)")
    index = pages["tags/index.md"]
    assert index.index("Africa") < index.index("Index")
    assert '<a class="bf-tag" href="africa/">Africa <span class="bf-tag-count">3</span>' in index
    assert "August" not in index and "2024" not in index
    everything = "\n".join(v for k, v in pages.items() if k.startswith("tags/"))
    assert "<script" not in everything
    # The front matter is shown as text only; the page bodies hold no live link either.
    bodies = [v.split("\n---\n", 1)[1] for k, v in pages.items() if k.startswith("tags/")]
    assert not any("](javascript" in b for b in bodies)
    assert "&#60;script&#62;alert&#40;1&#41;" in index
    # Briefing pages no longer carry tags for a plugin that is gone.
    assert "\ntags:" not in pages["briefings/old.md"].split("\n---\n", 1)[0]


def test_briefing_pages_link_their_tags() -> None:
    pages = render(record("one", "2024-01-01", tags=["Asia", "August 15", "asia", "<b>x</b>"]))
    page = pages["briefings/one.md"]
    line = next(ln for ln in page.splitlines() if ln.startswith('<p class="bf-tags"'))
    assert "[Asia](../tags/asia.md)" in line and line.count("../tags/") == 2
    assert "August" not in line and "<b>" not in line and "&#60;b&#62;x" in line
    assert "tags/b-x-b.md" in pages


def test_tags_merge_case_and_spacing_and_skip_dates() -> None:
    tags = build_tags(
        [
            record("a", "2024-01-01", tags=["Climate  change", "June 3"]),
            record("b", "2024-01-02", tags=["climate change"]),
        ]
    )
    assert [(t.slug, t.count) for t in tags] == [("climate-change", 2)]


# --- the home page -----------------------------------------------------------------------------


def test_home_page_counts_years_and_most_named_actors() -> None:
    first = record("one", "2024-03-01")
    second = record("two", "2023-06-01")
    second["actors"] = [{"name": "NATO", "type": "organization"}]
    pages = render(first, second)
    overview = pages["briefings/.overview.md"]
    text = re.sub(r"<[^>]+>", "", overview)
    assert "2 briefings" in text
    assert "3 actors" in text  # NATO, Stoltenberg, Kishida; countries count as places
    assert "6 places" in text
    assert "8 events" in text
    assert "[2024](timeline/2024.md)&nbsp;(1) · [2023](timeline/2023.md)&nbsp;(1)" in overview
    assert overview.index("[NATO](actors/nato.md)&nbsp;(2)") < overview.index("Stoltenberg")
    home = (Path(__file__).resolve().parents[1] / "docs" / "index.md").read_text("utf-8")
    for snippet in ("briefings/.overview.md", "briefings/.latest.md", "briefings/.policy.md"):
        assert f'--8<-- "{snippet}"' in home


# --- in a browser, on a site drafted from the corpus -------------------------------------------


@pytest.fixture(scope="module")
def site(corpus_site: Path) -> Path:
    from .browser import require_browser

    require_browser()
    return corpus_site


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from .browser import chromium

    with chromium() as b:
        yield b


def _busiest_year(site: Path) -> str:
    text = (site.parent / "docs" / "timeline" / "index.md").read_text("utf-8")
    rows = re.findall(r'\| \[(\d{4})\]\(\d{4}\.md\) \| <span class="bf-num">(\d+)<', text)
    return max(rows, key=lambda r: int(r[1]))[0]


def test_the_filter_hides_and_shows_events(site: Path, browser) -> None:
    from .browser import serve

    year = _busiest_year(site)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}timeline/{year}/", wait_until="load")
        events = page.locator("li.bf-event")
        total = events.count()
        assert total > 10
        form = page.locator("form.bf-filter")
        assert form.is_visible()
        assert page.locator(".bf-filter-count").inner_text() == f"{total} events."
        actor = page.locator('select[data-bf-key="actors"]')
        value = actor.locator("option").nth(1).get_attribute("value")
        label = actor.locator("option").nth(1).inner_text()
        want = int(re.search(r"\((\d+)\)$", label).group(1))
        actor.select_option(value)
        visible = page.locator("li.bf-event:visible")
        assert visible.count() == want < total
        for i in range(visible.count()):
            assert value in visible.nth(i).get_attribute("data-actors").split()
        assert page.locator(".bf-filter-count").inner_text() == f"Showing {want} of {total} events."
        # The choice is kept in the address, and an address with a choice opens filtered.
        assert f"actor={value}" in page.url
        page.goto(f"{base}timeline/{year}/?actor={value}", wait_until="load")
        assert page.locator("li.bf-event:visible").count() == want
        assert actor.input_value() == value
        page.locator(".bf-filter-reset").click()
        page.wait_for_function(
            f"document.querySelectorAll('li.bf-event:not([hidden])').length == {total}"
        )
        status = page.locator('select[data-bf-key="status"]')
        status.select_option("planned")
        planned = page.locator("li.bf-event:visible")
        assert 0 < planned.count() < total
        for i in range(planned.count()):
            assert planned.nth(i).get_attribute("data-status") == "planned"
        # A month left without events hides its heading.
        for h in page.locator("article h2").all():
            if h.is_visible():
                assert h.evaluate(
                    "h => h.nextElementSibling.querySelector('li:not([hidden])') !== null"
                )
        page.close()
        # Without JavaScript the filter stays hidden and every event shows.
        context = browser.new_context(java_script_enabled=False)
        plain = context.new_page()
        plain.goto(f"{base}timeline/{year}/", wait_until="load")
        assert plain.locator("form.bf-filter").is_hidden()
        assert plain.locator("li.bf-event:visible").count() == total
        context.close()


def _browse_pages(site: Path) -> list[str]:
    pages = ["", "briefings/", "timeline/", "tags/"]
    for folder in ("timeline", "tags", "briefings/by_year"):
        for path in sorted((site / folder).rglob("index.html")):
            rel = path.parent.relative_to(site).as_posix() + "/"
            if rel not in pages:
                pages.append(rel)
    return pages


def test_browse_pages_stay_small_on_this_host_and_never_scroll_sideways(
    site: Path, browser
) -> None:
    from .browser import serve

    paths = _browse_pages(site)
    assert any(re.fullmatch(r"timeline/\d{4}/", p) for p in paths)
    assert any(p.startswith("tags/") and p != "tags/" for p in paths)
    problems: list[str] = []
    for path in paths:
        size = (site / path / "index.html").stat().st_size
        if size > 200_000:
            problems.append(f"{path}: {size} bytes of HTML")
    with serve(site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        for width, height in [(1280, 800), (390, 844)]:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "request",
                lambda r: (
                    problems.append(f"request to {r.url}")
                    if urllib.parse.urlsplit(r.url)[:2] != origin
                    and not r.url.startswith(("data:", "blob:"))
                    else None
                ),
            )
            for path in paths:
                page.goto(base + path, wait_until="load")
                wide = page.evaluate("document.documentElement.scrollWidth")
                tall = page.evaluate("document.documentElement.scrollHeight")
                if wide > width:
                    problems.append(f"{path} at {width}px: scrolls sideways ({wide}px)")
                if tall > 16_000:
                    problems.append(f"{path} at {width}px: {tall}px tall")
            page.close()
    assert problems == []


def test_screenshots_of_the_browse_pages(site: Path, browser) -> None:
    from .browser import ARTIFACTS, serve

    ARTIFACTS.mkdir(exist_ok=True)
    year = _busiest_year(site)
    with serve(site) as base:
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in [
                ("home", ""),
                ("timeline", "timeline/"),
                ("timeline-year", f"timeline/{year}/"),
                ("tags", "tags/"),
            ]:
                page.goto(base + path, wait_until="load")
                out = ARTIFACTS / f"browse-{name}-{width}.png"
                page.screenshot(path=str(out), full_page=True)
                assert out.stat().st_size > 10_000
            page.close()
