"""The places index: countries and other places with their counts and pages, the map drawn
at build time from the shipped open data, and the build script's geometry."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.pages import actor_pages, places
from generator.pages.catalog import build_actors
from generator.pages.context import Links, SiteContext
from generator.pages.data import build_places
from generator.pages.places import locate, project
from generator.pages.templating import environment
from generator.siteconfig import SiteConfig


def record(rid: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": rid, "title": f"Story {rid}", "date": "2022-01-01", "actors": actors}


def render(records: list[dict[str, Any]]) -> dict[str, str]:
    actors = build_actors(records)
    ctx = SiteContext(records, actors, [], Links(), SiteConfig(publish_drafts=True), environment())
    return places.pages(ctx)


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


def test_the_index_lists_countries_then_other_places_with_counts_and_pages() -> None:
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
    assert "- [Boston](../actors/boston.md)" in page
    # Listed even without coordinates; NATO is no place.
    assert "- [Atlantis Under The Sea](../actors/atlantis-under-the-sea.md)" in page
    assert "NATO" not in page
    assert "1 country and 2 other places are named" in page
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
        ("../actors/japan/", "Japan: 1 briefing"),
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
    assert "| [Bordeaux](../../actors/bordeaux.md) | place | 1 |" in letter
    # A crowded initial goes on over further pages.
    monkeypatch.setattr(actor_pages, "LETTER_PAGE", 2)
    pages = render([record(f"r{i}", [{"name": n, "type": "place"}]) for i, n in enumerate(names)])
    assert "# Places: B (2 of 2)" in pages["places/by-letter/b-2.md"]
    assert "Pages: **1** · [2](b-2.md)" in pages["places/by-letter/b.md"]


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
