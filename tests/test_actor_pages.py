"""Actor pages that brief: the period, briefings per year, roles over time, the actor's own
events, grouping by year, the page limits of a long-lived actor; and, on a built sample site in
Chromium, the actor and places pages (no request elsewhere, no sideways scroll at 390 px)."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.entities import Registry, parse_registry
from generator.pages import actor_pages
from generator.pages.actor_pages import brief, name_pattern, own_events
from generator.pages.cache import RenderCache
from generator.pages.catalog import build_actors
from generator.pages.context import Links, SiteContext
from generator.pages.templating import environment
from generator.render import Briefing, Keep, render_pages, write_pages
from generator.siteconfig import SiteConfig

from .browser import ARTIFACTS, chromium, require_browser, serve


def record(
    rid: str, date: str, actors: list[dict[str, Any]], events: tuple[Any, ...] | list[Any] = ()
) -> dict[str, Any]:
    return {
        "id": rid,
        "title": f"Story {rid}",
        "date": date,
        "status": "reviewed",
        "summary": "A summary.",
        "actors": actors,
        "timeline": [{"date": d, "event": text, "status": "occurred"} for d, text in events],
        "source_chain": [],
        "seed": {"path": f"seeds/{rid}.txt", "sha256": "0" * 64},
    }


def context(records: list[dict[str, Any]], registry: Registry | None = None) -> SiteContext:
    records = sorted(records, key=lambda r: r["date"], reverse=True)
    return SiteContext(
        records,
        build_actors(records, registry=registry),
        [],
        Links(),
        SiteConfig(publish_drafts=True),
        environment(),
    )


def render(records: list[dict[str, Any]], registry: Registry | None = None) -> dict[str, str]:
    return actor_pages.pages(context(records, registry))


def registry_of(*entities: dict[str, Any]) -> Registry:
    registry = parse_registry({"entities": list(entities)})
    assert not registry.problems, registry.problems
    return registry


def actor_of(records: list[dict[str, Any]], name: str):
    ctx = context(records)
    actor = next(a for a in ctx.actors if a.name == name)
    return actor, {r["id"]: r for r in ctx.records}


NATO = {"name": "NATO", "type": "organization"}


def test_period_and_briefings_per_year() -> None:
    records = [
        record("a", "2021-03-01", [NATO]),
        record("b", "2021-07-14", [NATO]),
        record("c", "2023-01-05", [NATO]),
    ]
    page = render(records)["actors/nato.md"]
    assert '<span class="bf-label">Period</span> 1 Mar 2021 – 5 Jan 2023' in page
    actor, by_id = actor_of(records, "NATO")
    assert brief(actor, by_id).years == [("2023", 1, 50), ("2021", 2, 100)]
    # Newest year first, with its count; a short list is not grouped, so no year links.
    assert page.index('<span class="bf-year">2023</span>') < page.index(">2021</span>")
    assert 'href="#y' not in page
    assert '<span style="width: 50%"></span></span><span class="bf-count">1</span>' in page


def test_one_briefing_has_one_date_for_a_period_and_no_year_chart() -> None:
    # Named once, NATO has a page because the entity registry lists it.
    page = render([record("a", "2022-05-02", [NATO])], registry_of(NATO))["actors/nato.md"]
    assert '<span class="bf-label">Period</span> 2 May 2022</span>' in page
    assert "Briefings per year" not in page


def test_roles_over_time_with_their_dates_and_counts() -> None:
    jens = {"name": "Jens Stoltenberg", "type": "person"}
    records = [
        record("a", "2015-02-01", [dict(jens, role="Secretary General")]),
        record("b", "2019-06-01", [dict(jens, role="Secretary-General")]),
        record("c", "2010-01-01", [dict(jens, role="Prime Minister of Norway")]),
    ]
    page = render(records)["actors/jens-stoltenberg.md"]
    section = page.split("## Roles over time", 1)[1].split("##", 1)[0]
    lines = [ln for ln in section.splitlines() if ln.startswith("- ")]
    assert len(lines) == 2
    assert "(../briefings/b.md)" in lines[0] and "1 Feb 2015 – 1 Jun 2019, 2 briefings" in lines[0]
    assert lines[1] == ("- Prime Minister of Norway ([briefing](../briefings/c.md)) · 1 Jan 2010")


def test_own_events_are_those_that_name_the_actor_by_a_name_form() -> None:
    iran = {"name": "Iran", "type": "country", "aliases": ["Islamic Republic"]}
    records = [
        record(
            "a",
            "2020-05-01",
            [iran, {"name": "Tehran", "type": "place"}],
            [
                ("2020-01-03", "Iran fires missiles at two bases."),
                ("2020-02-01", "Iranian officials deny the report."),
                ("2020-03-01", "Tehran closes its schools."),
                ("2020-04-01", "The Islamic Republic reopens its airspace."),
                ("2020-04-02", "Iran's parliament meets."),
            ],
        ),
        record(
            "b",
            "2021-05-01",
            [iran],
            [("2021-01-01", "Sanctions on IRAN are eased."), ("2021-02-01", "Miran wins.")],
        ),
    ]
    actor, by_id = actor_of(records, "Iran")
    found = [(e.date, e.briefing_id) for e in own_events(actor, by_id)]
    assert found == [
        ("2021-01-01", "b"),
        ("2020-04-02", "a"),
        ("2020-04-01", "a"),
        ("2020-01-03", "a"),
    ]
    page = render(records)["actors/iran.md"]
    assert page.index("Sanctions on IRAN") < page.index("Iran fires missiles")
    assert "Iranian officials" not in page and "Miran wins" not in page
    assert 'href="../../briefings/a/"' in page and "bf-status" in page


def test_a_surname_names_a_person_unless_another_actor_bears_it() -> None:
    jens = {"name": "Jens Stoltenberg", "type": "person"}
    alone = record("a", "2023-01-02", [jens], [("2023-01", "Stoltenberg visits Tokyo.")])
    shared = record(
        "b",
        "2023-02-02",
        [jens, {"name": "Thorvald Stoltenberg", "type": "person"}],
        [("2023-02", "Stoltenberg gives a speech.")],
    )
    actor, by_id = actor_of([alone, shared], "Jens Stoltenberg")
    assert [e.briefing_id for e in own_events(actor, by_id)] == ["a"]


def test_name_forms_match_whole_words_and_acronyms_only_in_capitals() -> None:
    pattern = name_pattern(["US", "George Bush", "Bush"])
    assert pattern is not None
    for text in ["The US said so.", "US-led talks", "George  Bush spoke", "Bush's plan"]:
        assert pattern.search(text), text
    for text in ["Let us go.", "a bush fire", "USB sticks", "Bushehr port", "AUS"]:
        assert not pattern.search(text), text
    assert name_pattern(["", "  ", ".", "A", "-"]) is None
    assert not name_pattern(["EU", "."]).search("A year. Then more.")  # type: ignore[union-attr]


def test_copies_of_one_event_are_told_once() -> None:
    ev = [("2022-03-01", "NATO meets in Brussels.")]
    records = [record("a", "2022-03-02", [NATO], ev), record("b", "2022-03-03", [NATO], ev)]
    actor, by_id = actor_of(records, "NATO")
    assert [e.briefing_id for e in own_events(actor, by_id)] == ["b"]


def test_briefings_are_grouped_by_year_only_when_long() -> None:
    short = [record(f"r{i}", f"{2010 + i % 3}-01-0{1 + i % 9}", [NATO]) for i in range(12)]
    page = render(short)["actors/nato.md"]
    assert "### 2012" not in page and page.count("\n- ") == 12
    long = short + [record("r12", "2013-06-01", [NATO])]
    page = render(long)["actors/nato.md"]
    heads = re.findall(r"^### (\d{4}) · (\d+) \{ #y\d{4} \}$", page, re.M)
    assert heads == [("2013", "1"), ("2012", "4"), ("2011", "4"), ("2010", "4")]
    # Each year of the chart leads to its group.
    assert '<a class="bf-year" href="#y2012">2012</a>' in page


def many_years(n: int, events_each: int = 3) -> list[dict[str, Any]]:
    """An actor in n briefings over six years, each briefing with events naming it."""
    return [
        record(
            f"b{i:04d}",
            f"{2015 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            [dict(NATO, role=f"Role {i % 30}"), {"name": f"Other {i % 50}", "type": "person"}],
            [
                (f"{2015 + i % 6}-{1 + i % 12:02d}", f"NATO acts, step {i}.{j}.")
                for j in range(events_each)
            ],
        )
        for i in range(n)
    ]


def items(page: str) -> int:
    """The entries of a page's lists (Markdown items and HTML list items)."""
    return len(re.findall(r"^- |<li", page, re.M))


def test_a_long_lived_actor_keeps_every_page_small() -> None:
    pages = render(many_years(600))
    main = pages["actors/nato.md"]
    years = sorted(p for p in pages if p.startswith("actors/nato/"))
    # The page shows the newest briefings and events and leads to a page per year; a year of
    # more briefings than a page holds goes on over further pages.
    assert years == sorted(
        f"actors/nato/{y}{part}.md" for y in range(2015, 2021) for part in ("", "-2")
    )
    assert "The 10 newest of 600:" in main and "the 20 newest of 1800" in main
    assert "[2020](nato/2020.md) · [2019](nato/2019.md)" in main
    assert 'href="2020/">2020</a>' in main
    assert "and 18 other roles" in main
    # 100 briefings a year (60 on its first page, 40 on the next), with the year's events
    # capped on the first.
    year = pages["actors/nato/2017.md"]
    assert year.count("](../../briefings/") == 60
    assert pages["actors/nato/2017-2.md"].count("](../../briefings/") == 40
    assert "the 40 newest; 260 more are in the briefings below" in year
    assert "bf-event" not in pages["actors/nato/2017-2.md"]
    assert "[Actors](../index.md) › [NATO](../nato.md) ›" in year
    for path in ["actors/nato.md", *years]:
        assert items(pages[path]) <= 150, (path, items(pages[path]))
        assert len(pages[path].encode()) < 60_000, path


def test_a_crowded_year_is_split_into_pages() -> None:
    records = [
        record(f"b{i:03d}", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", [NATO]) for i in range(300)
    ]
    pages = render(records)
    parts = sorted(p for p in pages if p.startswith("actors/nato/"))
    assert parts == [f"actors/nato/2020{p}.md" for p in ("-2", "-3", "-4", "-5", "")]
    assert pages["actors/nato/2020.md"].count("](../../briefings/") == 60
    assert pages["actors/nato/2020-5.md"].count("](../../briefings/") == 60
    assert (
        "Pages: **1** · [2](2020-2.md) · [3](2020-3.md) · [4](2020-4.md) · [5](2020-5.md)"
        in pages["actors/nato/2020.md"]
    )
    assert "# NATO: 2020 (3 of 5)" in pages["actors/nato/2020-3.md"]


def test_the_actor_index_leaves_countries_and_places_to_the_places_index() -> None:
    records = [
        record(
            "a",
            "2020-01-01",
            [
                NATO,
                {"name": "Japan", "type": "country"},
                {"name": "Tokyo", "type": "place"},
                {"name": "Jens Stoltenberg", "type": "person"},
            ],
        ),
        record(
            "b",
            "2020-02-01",
            [
                NATO,
                {"name": "Japan", "type": "country"},
                {"name": "Jens Stoltenberg", "type": "person"},
            ],
        ),
    ]
    pages = render(records)
    index = pages["actors/index.md"]
    assert "(nato.md)" in index and "(jens-stoltenberg.md)" in index
    assert "(japan.md)" not in index and "(tokyo.md)" not in index
    assert "Countries and other places (2) are in the [places index](../places/index.md)" in index
    assert "index.md).\n\n| Actor | Type | Briefings |\n" in index  # a table, not a paragraph
    # Their pages stay where links expect them, and lead back to the places index; a place
    # named once has none (the places index leads to its row in its briefing).
    assert "[Places](../places/index.md) ›" in pages["actors/japan.md"]
    assert "actors/tokyo.md" not in pages
    assert "[Actors](index.md) ›" in pages["actors/nato.md"]


def test_a_crowded_initial_is_split_into_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor_pages, "ACTORS_ONE_PAGE", 3)
    monkeypatch.setattr(actor_pages, "LETTER_PAGE", 2)
    people = [{"name": f"Person {c}", "type": "person"} for c in "ABCDE"]
    pages = render([record(f"r{i}", "2020-01-01", [p]) for i, p in enumerate(people)])
    assert sorted(p for p in pages if "by-letter" in p) == [
        "actors/by-letter/p-2.md",
        "actors/by-letter/p-3.md",
        "actors/by-letter/p.md",
    ]
    assert "[P](by-letter/p.md) (5)" in pages["actors/index.md"]
    second = pages["actors/by-letter/p-2.md"]
    assert "# Actors: P (2 of 3)" in second
    assert "Pages: [1](p.md) · **2** · [3](p-3.md)" in second
    assert second.count("| person |") == 2


def test_hostile_names_and_events_are_escaped() -> None:
    evil = {
        "name": "<script>alert(1)</script>",
        "type": "person",
        "role": "[x](javascript:alert(1))",
    }
    records = [
        record(
            "a",
            "2020-01-01",
            [evil, NATO],
            [("2020-01-01", "<script>alert(1)</script> <img src=x onerror=alert(2)> met NATO")],
        ),
        record("b", "2020-02-01", [NATO]),
    ]
    pages = render(records)
    for page in pages.values():
        assert "<script>" not in page and "<img" not in page and "](javascript:" not in page
    nato = pages["actors/nato.md"]
    assert "&#60;img src&#61;x onerror&#61;alert&#40;2&#41;&#62; met NATO" in nato


# --- Who has a page of its own --------------------------------------------------------------

JENS = {"name": "Jens Stoltenberg", "type": "person"}
OLA = {"name": "Ola Nordmann", "type": "person"}


def site(records: list[dict[str, Any]], registry: Registry | None = None) -> dict[str, str]:
    """Every page of a site of these records, as `briefings render` makes them."""
    return render_pages(
        [Briefing(r, f"{r['id']}.yaml") for r in records],
        SiteConfig(publish_drafts=True),
        registry=registry,
    )


def row(page: str, name: str) -> str:
    """The row of the briefing page's actors table that names the actor."""
    return next(ln for ln in page.splitlines() if ln.startswith("| <span id=") and name in ln)


def test_an_actor_named_once_has_no_page_and_leads_to_its_row_in_its_briefing() -> None:
    records = [
        record("a", "2020-01-01", [NATO, JENS]),
        record("b", "2020-02-01", [NATO, OLA, {"name": "Oslo", "type": "place"}]),
    ]
    pages = site(records)
    assert "actors/nato.md" in pages
    assert "actors/jens-stoltenberg.md" not in pages and "actors/ola-nordmann.md" not in pages
    assert "actors/oslo.md" not in pages  # a place alike (the places index leads to its row)
    # Its briefing names it without a link, in a row with an anchor; NATO's name is a link.
    jens = row(pages["briefings/a.md"], "Jens Stoltenberg")
    assert jens.startswith('| <span id="actor-2"></span>Jens Stoltenberg |'), jens
    assert "](../actors/" not in jens
    nato = row(pages["briefings/a.md"], "NATO")
    assert nato.startswith('| <span id="actor-1"></span>[NATO](../actors/nato.md) |'), nato
    # The index lists it with its type, its name leading to that row.
    index = pages["actors/index.md"]
    assert "| [Jens Stoltenberg](../briefings/a.md#actor-2) | person | 1 |" in index
    assert "| [Ola Nordmann](../briefings/b.md#actor-2) | person | 1 |" in index
    assert "| [NATO](nato.md) | organization | 2 |" in index
    assert "The 2 named in one briefing only lead to their row in that briefing." in index
    # A companion without a page leads to its row too.
    assert "- [Jens Stoltenberg](../briefings/a.md#actor-2) · 1 briefing" in pages["actors/nato.md"]
    # No page links to an actor page that is not there.
    linked = {
        m
        for page in pages.values()
        for m in re.findall(r"\]\((?:\.\./)*(?:actors/)?([\w-]+)\.md\)", page)
    }
    assert not {"jens-stoltenberg", "ola-nordmann"} & linked


def test_a_second_briefing_gives_the_actor_its_page_and_both_briefings_link_it(
    tmp_path: Path,
) -> None:
    one = [record("a", "2020-01-01", [NATO, JENS]), record("b", "2020-02-01", [NATO])]
    docs = tmp_path / "docs"
    cache = RenderCache(tmp_path / "cache.json")
    briefings = [Briefing(r, f"{r['id']}.yaml", seed_sha=r["id"]) for r in one]
    first = render_pages(briefings, SiteConfig(publish_drafts=True), cache)
    write_pages(docs, first)
    cache.pages_written(docs)
    assert "actors/jens-stoltenberg.md" not in first
    # A third briefing names him: his page appears, and the first briefing's page is rendered
    # again (not kept from the cache) with the link.
    third = Briefing(record("c", "2020-03-01", [JENS]), "c.yaml", seed_sha="c")
    again = render_pages([*briefings, third], SiteConfig(publish_drafts=True), cache)
    assert "actors/jens-stoltenberg.md" in again
    for rid in ("a", "c"):
        page = again[f"briefings/{rid}.md"]
        assert not isinstance(page, Keep), rid
        assert "[Jens Stoltenberg](../actors/jens-stoltenberg.md)" in page, rid
    assert isinstance(again["briefings/b.md"], Keep)  # its links did not change
    jens = again["actors/jens-stoltenberg.md"]
    assert "(../briefings/a.md)" in jens and "(../briefings/c.md)" in jens
    assert "| [Jens Stoltenberg](jens-stoltenberg.md) | person | 2 |" in again["actors/index.md"]


def test_an_actor_the_registry_lists_keeps_its_page_when_named_once() -> None:
    records = [record("a", "2020-01-01", [NATO, JENS, OLA])]
    pages = site(records, registry_of(dict(OLA, aliases=["O. Nordmann"])))
    assert "actors/ola-nordmann.md" in pages
    assert "actors/jens-stoltenberg.md" not in pages and "actors/nato.md" not in pages
    assert "[Ola Nordmann](../actors/ola-nordmann.md)" in pages["briefings/a.md"]
    assert "| [Ola Nordmann](ola-nordmann.md) | person | 1 |" in pages["actors/index.md"]


def test_own_events_compile_no_pattern_per_actor_or_per_briefing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The work grows with the records, not with actors times events: a form of plain words is
    compared word by word where its first word is, and any other form's pattern is compiled
    once for the whole site."""
    actor_pages._form_pattern.cache_clear()
    compiled: list[tuple[str, ...]] = []
    real = actor_pages.name_pattern
    monkeypatch.setattr(
        actor_pages, "name_pattern", lambda forms: compiled.append(tuple(forms)) or real(forms)
    )
    surnames = [c + c.lower() * 2 for c in "ABCDEFGHIJ"]
    people = [{"name": f"Person {s}", "type": "person"} for s in surnames]
    us = {"name": "U.S.", "type": "country"}
    records = [
        record(
            f"r{i}",
            f"2020-01-{1 + i:02d}",
            [NATO, us, *people],
            [("2020-01", f"NATO meets Person {s} in round {i}") for s in surnames]
            + [("2020-01", f"Talks, round {i}.{j}, in the U.S.") for j in range(20)]
            + [("2020-01", f"The U.S.A. and nato{i} person_aaa PERSON aaa, Person\tAaa")],
        )
        for i in range(20)
    ]
    pages = render(records)
    assert compiled == [("U.S.",)]
    assert "Events</span> 40</span>" in pages["actors/person-aaa.md"]  # "Person\tAaa" too
    assert "NATO meets Person Aaa in round 19" in pages["actors/person-aaa.md"]
    assert "the 20 newest of 200" in pages["actors/nato.md"]
    assert "the 20 newest of 400" in pages["actors/u-s.md"]
    text = actor_pages._RecordText(records[0])
    assert [n for n, _ in text.where["nato"]] == list(range(10))


def test_word_by_word_matching_finds_what_the_pattern_finds() -> None:
    forms = ["US", "George Bush", "Bush", "iPhone", "3M", "NATO", "Iran", "U.S.", "Ola"]
    texts = [
        "The US said so.", "US-led talks", "George  Bush spoke", "Bush's plan", "Let us go.",
        "a bush fire", "USB sticks", "Bushehr port", "AUS", "george bush", "GEORGE BUSH met",
        "George\nBush", "George-Bush", "IPHONE and iphone", "3m and 3M", "Nato, NATO_2",
        "Iran’s and Iranian", "the U.S. and US", "\u212aola and Ola and \u0130ran", "Ola\u0301",
    ]  # fmt: skip
    text = actor_pages._RecordText(record("a", "2020-01-01", [], [("2020", t) for t in texts]))
    for form in forms:
        pattern = name_pattern([form])
        assert pattern is not None
        expected = [n for n, t in enumerate(text.plain) if pattern.search(t)]
        assert text.naming([form]) == expected, form


# --- In Chromium, on a site drafted from the corpus seeds ----------------------------------


@pytest.fixture(scope="module")
def sample_site(corpus_site: Path) -> Path:
    require_browser()
    return corpus_site


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def _most_named_actor(site: Path) -> str:
    """The actor page (not a place) with the most briefings, by the actor index."""
    index = (site / "actors" / "index.html").read_text("utf-8")
    first = re.search(r'<td><a href="([^"]+)"', index)
    assert first, "the actor index lists no actor"
    return "actors/" + first.group(1)


def test_actor_and_places_pages_in_the_browser(sample_site: Path, browser) -> None:
    shots = ARTIFACTS / "actors"
    shots.mkdir(parents=True, exist_ok=True)
    actor = _most_named_actor(sample_site)
    places = (sample_site / "places" / "index.html").read_text("utf-8")
    assert places.count('class="bf-dot"') >= 10 and "<svg" in places
    elsewhere: list[str] = []
    with serve(sample_site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        for width, height in [(1280, 800), (390, 844)]:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "request",
                lambda r: (
                    elsewhere.append(r.url)
                    if urllib.parse.urlsplit(r.url)[:2] != origin
                    and not r.url.startswith(("data:", "blob:"))
                    else None
                ),
            )
            for path, name in [(actor, "actor"), ("places/", "places")]:
                page.goto(base + path, wait_until="networkidle")
                assert page.locator("h1").count() == 1
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width + 1, f"{path} scrolls sideways at {width}px"
                tall = page.evaluate("document.documentElement.scrollHeight")
                assert tall <= 20 * height, f"{path} is {tall}px tall at {width}px"
                page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
            # The map's dots lead to the place pages.
            dot = page.locator("svg.bf-map a").first
            href = dot.get_attribute("href")
            assert href and href.startswith("../actors/")
            page.goto(urllib.parse.urljoin(base + "places/", href))
            assert page.locator("nav.bf-crumbs a").inner_text().strip() == "Places"
            assert not elsewhere, elsewhere
            page.close()
