"""The places index: every country and place named in the briefings, and a map of them.
Each leads to the place's page, or, for a place named in one briefing only (no page of its
own, `catalog.worth_a_page`), to its row in that briefing's key actors.

The map is drawn at build time as inline SVG from data shipped in generator/pages/data
(Natural Earth outlines, GeoNames and Natural Earth coordinates; see its README.md): no tile
server, no request to another host."""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from ..extract import gazetteer
from .actor_pages import actor_href, actor_url, by_initial, is_place, letter_pages
from .catalog import Actor, name_key
from .context import SiteContext

MAP_WIDTH = 1000
#: The map shows latitudes from NORTH down to SOUTH (Antarctica is left out).
NORTH, SOUTH = 84.0, -56.0
SCALE = MAP_WIDTH / 360
MAP_HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates (x, y) of a point: plate carrée, west at 0, north at 0."""
    return (lon + 180) * SCALE, (NORTH - max(SOUTH, min(NORTH, lat))) * SCALE


DATA = Path(__file__).with_name("data")
#: At most this many places are listed on the index in each group (the most named); above
#: it, every place is listed on a page per initial.
PLACES_SHOWN = 150
#: At most this many dots on the map (the most named places).
DOTS = 400
RADIUS_MIN, RADIUS_MAX = 2.5, 12.0


@dataclass
class Coordinates:
    name: str
    kind: str
    lat: float
    lon: float


@dataclass
class Place:
    actor: Actor
    at: Coordinates | None

    @property
    def count(self) -> int:
        return len(self.actor.mentions)


@functools.cache
def gazetteer_table() -> tuple[dict[str, Coordinates], dict[str, Coordinates]]:
    """Coordinates by name key, countries and cities apart: each name to the most populous
    place that bears it, its own name before another's spelling variant."""
    countries: dict[str, Coordinates] = {}
    cities: dict[str, Coordinates] = {}
    rows: list[tuple[int, Coordinates, list[str]]] = []
    for line in (DATA / "places.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, name, lat, lon, population, _code, others = (line.split("\t") + [""] * 7)[:7]
        at = Coordinates(name, kind, float(lat), float(lon))
        rows.append((int(population or 0), at, [o for o in others.split("|") if o]))
    rows.sort(key=lambda r: -r[0])
    for primary in (True, False):
        for _, at, variants in rows:
            table = countries if at.kind == "country" else cities
            for form in [at.name] if primary else variants:
                table.setdefault(name_key(form), at)
    return countries, cities


@functools.cache
def country_forms() -> dict[str, tuple[str, ...]]:
    """Every name of a country (the project's country list: name and other names, never its
    capital) by the name key of each."""
    groups: dict[str, list[str]] = {}
    for form, canonical in gazetteer.COUNTRY_BY_NAME.items():
        groups.setdefault(canonical, [canonical]).append(form)
    return {name_key(f): tuple(forms) for forms in groups.values() for f in forms}


def locate(name: str, kind: str) -> Coordinates | None:
    """Where a place is: a country by any of its names, a city by its name; a place typed
    `country` is looked up among countries first, any other place among cities first."""
    countries, cities = gazetteer_table()
    key = name_key(name)
    keys = [key] + [name_key(f) for f in country_forms().get(key, ())]
    tables = (countries, cities) if kind == "country" else (cities, countries)
    for table in tables:
        for k in keys:
            if k and k in table:
                return table[k]
    return None


def build_places(actors: list[Actor]) -> list[Place]:
    return [Place(a, locate(a.name, a.type)) for a in actors if is_place(a)]


def draw_map(places: list[Place], to_root: str = "../") -> Markup:
    """The world outline with a dot at each located place, its area growing with the count
    of briefings; each dot links to the place's page (or its row in the one briefing that
    names it, `actor_url`) from a page whose URL reaches the site's root by `to_root`, and
    names it on hover."""
    located = sorted((p for p in places if p.at), key=lambda p: (-p.count, p.actor.name))[:DOTS]
    top = max((p.count for p in located), default=1)
    outline = (DATA / "world.path").read_text("utf-8").strip()
    dots = []
    for p in located:
        assert p.at is not None
        x, y = project(p.at.lat, p.at.lon)
        r = RADIUS_MIN + (RADIUS_MAX - RADIUS_MIN) * math.sqrt(p.count / top)
        label = f"{p.actor.name}: {p.count} briefing{'' if p.count == 1 else 's'}"
        href = html.escape(to_root + _url(actor_url(p.actor)), quote=True)
        dots.append(
            f'<a href="{href}" tabindex="-1">'
            f'<circle class="bf-dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
            f"<title>{html.escape(label)}</title></circle></a>"
        )
    return Markup(
        # The list under the map holds the same links for keyboards and screen readers, so
        # the drawing is skipped by both.
        f'<svg class="bf-map" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" aria-hidden="true">'
        f'<path class="bf-land" d="{outline}"/>' + "".join(dots) + "</svg>"
    )


def _url(url: str) -> str:
    """A site URL (`actor_url`) with each part of its path percent-encoded."""
    path, hash_, anchor = url.partition("#")
    return quote(path, safe="/-_.~") + hash_ + anchor


def pages(ctx: SiteContext) -> dict[str, str]:
    places = build_places(ctx.actors)
    countries = [p for p in places if p.actor.type == "country"]
    others = [p for p in places if p.actor.type != "country"]
    split = len(countries) > PLACES_SHOWN or len(others) > PLACES_SHOWN
    letters = by_initial(places, lambda p: p.actor.name) if split else {}
    env = ctx.env
    out = {
        "places/index.md": env.get_template("places.md.j2").render(
            countries=countries[:PLACES_SHOWN],
            others=others[:PLACES_SHOWN],
            total_countries=len(countries),
            total_others=len(others),
            located=sum(1 for p in places if p.at),
            drawn=min(DOTS, sum(1 for p in places if p.at)),
            map=draw_map(places) if any(p.at for p in places) else None,
            letters=[(k, len(v)) for k, v in sorted(letters.items())],
            singles=sum(1 for p in places if not p.actor.page),
            href=actor_href,
        )
    }
    out.update(
        letter_pages(
            env.get_template("places_letter.md.j2"), "places", letters, "places", href=actor_href
        )
    )
    return out
