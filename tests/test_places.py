"""The places index: countries and other places with their counts and pages (a place named in
one briefing only has none and leads to its row there), the map drawn at build time from the
shipped open data, and the build script's geometry."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.entities import parse_registry
from generator.pages import actor_pages, places, search
from generator.pages.catalog import build_actors
from generator.pages.context import Links, SiteContext
from generator.pages.data import build_places
from generator.pages.places import locate, project
from generator.pages.templating import environment
from generator.render import Briefing, render_pages
from generator.siteconfig import SiteConfig


def record(rid: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": rid, "title": f"Story {rid}", "date": "2022-01-01", "actors": actors}


def context(records: list[dict[str, Any]]) -> SiteContext:
    actors = build_actors(records)
    return SiteContext(records, actors, [], Links(), SiteConfig(publish_drafts=True), environment())


def render(records: list[dict[str, Any]]) -> dict[str, str]:
    return places.pages(context(records))


def test_countries_are_found_by_any_of_their_names_and_cities_by_theirs() -> None:
    us = locate("United States", "country")
    assert us and us.kind == "country" and 30 < us.lat < 50 and -110 < us.lon < -85
    for other in ["US", "the U.S.", "United States of America", "America"]:
        assert locate(other, "country") == us, other
    boston = locate("Boston", "place")
    assert boston and boston.kind == "city" and round(boston.lat) == 42
    assert locate("Kiev", "place") == locate("Kyiv", "place") is not None
    # A capital is never its country: Paris is the city, not France.
    paris = locate("Paris", "place")
    assert paris and paris.kind == "city" and paris.name == "Paris"
    assert paris.lat > 48 and paris.lon < 3
    assert locate("Atlantis Under The Sea", "place") is None
    assert locate("", "place") is None


def test_a_country_found_by_type_first_and_a_place_by_city_first() -> None:
    # "Hong Kong" is a country-level territory and a city: the type decides which is meant.
    assert locate("Hong Kong", "country").kind == "country"  # type: ignore[union-attr]
    assert locate("Hong Kong", "place").kind == "city"  # type: ignore[union-attr]


def test_the_index_lists_countries_then_other_places_with_counts_and_links() -> None:
    records = [
        record("a", [{"name": "Japan", "type": "country"}, {"name": "Boston", "type": "place"}]),
        record(
            "b", [{"name": "Japan", "type": "country"}, {"name": "NATO", "type": "organization"}]
        ),
        record("c", [{"name": "Atlantis Under The Sea", "type": "place"}]),
    ]
    page = render(records)["places/index.md"]
    assert page.index("## Countries") < page.index("## Other places")
    assert '- [Japan](../actors/japan.md) <span class="bf-count">2</span>' in page
    # A place named in one briefing only leads to its row in that briefing's key actors.
    assert '- [Boston](../briefings/a.md#actor-2) <span class="bf-count">1</span>' in page
    # Listed even without coordinates; NATO is no place.
    assert "- [Atlantis Under The Sea](../briefings/c.md#actor-1)" in page
    assert "NATO" not in page
    assert "1 country and 2 other places are named" in page
    assert "The 2 places named in one briefing only lead to their row in that briefing." in page
    assert "2 of 3 places" in page


def test_the_map_has_a_dot_for_a_known_place_and_none_for_an_unknown_one() -> None:
    records = [
        record("a", [{"name": "Boston", "type": "place"}, {"name": "Japan", "type": "country"}]),
        record("b", [{"name": "Boston", "type": "place"}]),
        record("c", [{"name": "Atlantis Under The Sea", "type": "place"}]),
    ]
    page = render(records)["places/index.md"]
    svg = re.search(r"<svg class=\"bf-map\".*?</svg>", page, re.S)
    assert svg
    dots = re.findall(
        r'<a href="([^"]+)" tabindex="-1"><circle class="bf-dot" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)">'
        r"<title>([^<]+)</title>",
        svg.group(0),
    )
    assert [(d[0], d[4]) for d in dots] == [
        ("../actors/boston/", "Boston: 2 briefings"),
        ("../briefings/a/#actor-2", "Japan: 1 briefing"),  # no page: its row in its briefing
    ]
    x, y = project(42.36, -71.06)
    assert abs(float(dots[0][1]) - x) < 1 and abs(float(dots[0][2]) - y) < 1
    assert float(dots[0][3]) > float(dots[1][3])  # more briefings, a bigger dot
    assert "Atlantis" not in svg.group(0)
    # Nothing is fetched: the outline is inline, with no reference to another host.
    assert 'class="bf-land" d="M' in svg.group(0) and "http" not in svg.group(0)


def test_no_place_no_map() -> None:
    page = render([record("a", [{"name": "NATO", "type": "organization"}])])["places/index.md"]
    assert "No places yet." in page and "<svg" not in page


def test_hostile_place_names_are_escaped_in_the_list_and_the_map() -> None:
    evil = "Paris<script>alert(1)</script>"
    records = [
        record("a", [{"name": evil, "type": "place"}]),
        record("b", [{"name": 'Boston"><img src=x onerror=alert(1)>', "type": "place"}]),
    ]
    page = render(records)["places/index.md"]
    assert "<script>" not in page and "<img" not in page
    assert "&#60;script&#62;" in page  # in the list, as text


def test_many_places_are_listed_by_initial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "PLACES_SHOWN", 3)
    names = ["Boston", "Berlin", "Bordeaux", "Cairo", "Zagreb"]
    pages = render([record(f"r{i}", [{"name": n, "type": "place"}]) for i, n in enumerate(names)])
    index = pages["places/index.md"]
    assert "The 3 most named of 5" in index
    assert "[B](by-letter/b.md) (3) · [C](by-letter/c.md) (1) · [Z](by-letter/z.md) (1)" in index
    letter = pages["places/by-letter/b.md"]
    assert "[Places](../index.md) ›" in letter
    assert "| [Bordeaux](../../briefings/r2.md#actor-1) | place | 1 |" in letter
    # A crowded initial goes on over further pages.
    monkeypatch.setattr(actor_pages, "LETTER_PAGE", 2)
    pages = render([record(f"r{i}", [{"name": n, "type": "place"}]) for i, n in enumerate(names)])
    assert "# Places: B (2 of 2)" in pages["places/by-letter/b-2.md"]
    assert "Pages: **1** · [2](b-2.md)" in pages["places/by-letter/b.md"]


def full_record(rid: str, date: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        **record(rid, actors),
        "date": date,
        "status": "reviewed",
        "summary": "A summary.",
        "timeline": [],
        "source_chain": [],
        "seed": {"path": f"seeds/{rid}.txt", "sha256": "0" * 64},
    }


def site(records: list[dict[str, Any]], registry: Any = None) -> dict[str, str]:
    return render_pages(
        [Briefing(r, f"{r['id']}.yaml") for r in records],
        SiteConfig(publish_drafts=True),
        registry=registry,
    )


NATO = {"name": "NATO", "type": "organization"}
BERGEN = {"name": "Bergen", "type": "place"}
NORWAY = {"name": "Norway", "type": "country"}


def test_a_place_named_once_has_no_page_and_leads_to_its_row_everywhere() -> None:
    records = [
        full_record("a", "2020-01-01", [NATO, NORWAY, BERGEN]),
        full_record("b", "2020-02-01", [NATO, NORWAY]),
    ]
    pages = site(records)
    assert "actors/norway.md" in pages and "actors/bergen.md" not in pages
    # Its briefing names it without a link, in a row with an anchor.
    briefing = pages["briefings/a.md"]
    row = next(ln for ln in briefing.splitlines() if "Bergen" in ln and ln.startswith("| <span"))
    assert row.startswith('| <span id="actor-3"></span>Bergen |') and "](../" not in row
    assert "[Norway](../actors/norway.md)" in briefing
    # The places index and the map lead to that row; the country keeps its page.
    index = pages["places/index.md"]
    assert "- [Bergen](../briefings/a.md#actor-3)" in index
    assert "- [Norway](../actors/norway.md)" in index
    assert '<a href="../briefings/a/#actor-3" tabindex="-1">' in index
    assert '<a href="../actors/norway/" tabindex="-1">' in index
    # Search finds it, leading to the same row.
    docs = {d[1]: d for d in search.build_index(context(records)).docs}
    assert docs["Bergen"][:3] == ["place", "Bergen", "briefings/a/#actor-3"]
    assert docs["Norway"][2] == "actors/norway/"
    # No page links to a place page that is not there.
    assert not [p for p, text in pages.items() if "bergen.md" in text or "bergen/" in text]


def test_a_second_briefing_gives_a_place_its_page() -> None:
    one = [full_record("a", "2020-01-01", [NATO, BERGEN]), full_record("b", "2020-02-01", [NATO])]
    assert "actors/bergen.md" not in site(one)
    more = [*one, full_record("c", "2020-03-01", [BERGEN])]
    two = site(more)
    page = two["actors/bergen.md"]
    assert "[Places](../places/index.md) ›" in page  # reached from the places index
    assert "(../briefings/a.md)" in page and "(../briefings/c.md)" in page
    for rid in ("a", "c"):
        assert "[Bergen](../actors/bergen.md)" in two[f"briefings/{rid}.md"], rid
    index = two["places/index.md"]
    assert '- [Bergen](../actors/bergen.md) <span class="bf-count">2</span>' in index
    assert "named in one briefing only" not in index
    docs = {d[1]: d for d in search.build_index(context(more)).docs}
    assert docs["Bergen"][2] == "actors/bergen/"


def test_a_place_the_registry_lists_keeps_its_page_when_named_once() -> None:
    registry = parse_registry({"entities": [BERGEN]})
    assert not registry.problems, registry.problems
    pages = site([full_record("a", "2020-01-01", [NATO, BERGEN])], registry)
    assert "actors/bergen.md" in pages
    assert "- [Bergen](../actors/bergen.md)" in pages["places/index.md"]


def test_the_shipped_data_is_small_and_read_whole() -> None:
    outline = (places.DATA / "world.path").read_text("utf-8")
    assert outline.startswith("M") and len(outline) < 60_000
    countries, cities = places.gazetteer_table()
    assert len(countries) > 200 and len(cities) > 3000
    readme = (places.DATA / "README.md").read_text("utf-8")
    assert "CC BY 4.0" in readme and "public domain" in readme


def test_build_script_geometry() -> None:
    # Douglas-Peucker keeps the corners and drops what lies on the line.
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (2.0, 5.0)]
    assert build_places.simplify(line, 0.5) == [(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]
    area, cx, cy = build_places.ring_area_centroid([(0, 0), (4, 0), (4, 2), (0, 2), (0, 0)])
    assert (area, cx, cy) == (8.0, 2.0, 1.0)
    kept = build_places.variants("Kyiv", ["Kiev", "Ko", "Kyivska", "Киев", "kiev", "Kiew"])
    assert kept == ["Kiev"]  # "Kiew" is three letters off
    assert build_places.edit_distance("kiev", "kyiv") == 2
