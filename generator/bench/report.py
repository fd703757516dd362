"""The benchmark's table and its results page with a plot drawn as SVG."""

from __future__ import annotations

from typing import Any

COLUMNS = [
    ("n", "N", "{:d}"),
    ("extract_rate", "cold extract (seeds/s)", "{:.2f}"),
    ("extract_rate_1", "1 process (seeds/s)", "{:.2f}"),
    ("spacy_rate", "bare spaCy, 1 process (seeds/s)", "{:.2f}"),
    ("extract_ratio", "cold extract / bare spaCy", "{:.2f}×"),
    ("extract_peak_mb", "extract peak (MB)", "{:.0f}"),
    ("noop_extract_s", "no-op extract (s)", "{:.2f}"),
    ("one_extract_s", "1 changed: extract (s)", "{:.2f}"),
    ("render_s", "render (s)", "{:.2f}"),
    ("render_noop_s", "render no-op (s)", "{:.2f}"),
    ("mkdocs_s", "MkDocs build (s)", "{:.1f}"),
    ("mkdocs_peak_mb", "MkDocs peak (MB)", "{:.0f}"),
    ("zensical_s", "Zensical cold (s)", "{:.1f}"),
    ("zensical_warm_s", "Zensical warm (s)", "{:.1f}"),
    ("one_site_mkdocs_s", "1 changed: site, MkDocs (s)", "{:.1f}"),
    ("one_site_s", "1 changed: site, Zensical (s)", "{:.1f}"),
    ("one_build_s", "1 changed: briefings build, incremental (s)", "{:.1f}"),
    ("one_build_pages", "pages rebuilt", "{:d}"),
    ("one_dirty_s", "1 changed: mkdocs build --dirty (serve) (s)", "{:.1f}"),
    ("plain_s", "plain MkDocs, same page count (s)", "{:.1f}"),
    ("plain_ratio", "MkDocs build / plain", "{:.2f}×"),
]

PAGE_KINDS = [
    ("briefings", "briefings"),
    ("actors", "actors"),
    ("actors/by-letter", "actor-letter pages"),
    ("timeline", "timeline pages"),
    ("sources", "sources"),
    ("all", "all pages"),
]


def derived(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its ratios (cold extraction over bare spaCy; site build over plain)."""
    out = dict(row)
    if row.get("extract_rate") and row.get("spacy_rate"):
        out["extract_ratio"] = row["extract_rate"] / row["spacy_rate"]
    if row.get("mkdocs_s") and row.get("plain_s"):
        out["plain_ratio"] = row["mkdocs_s"] / row["plain_s"]
    return out


def pages_table(rows: list[dict[str, Any]]) -> str:
    """Pages by kind for each N, with the distinct actors and the fitted recurrence law."""
    head = (
        "| N | "
        + " | ".join(t for _, t in PAGE_KINDS)
        + " | distinct actors | gamma | top 1 % of actors: share of mentions |"
    )
    rule = "|" + "|".join("---:" for _ in range(len(PAGE_KINDS) + 4)) + "|"
    body = []
    for r in rows:
        pages = r.get("pages") or {}
        cells = [str(pages.get(k, "–")) for k, _ in PAGE_KINDS]
        extra = [
            str(r.get("actors_distinct", "–")),
            _cell(r, "actor_gamma", "{:.2f}"),
            _cell(r, "actor_top1", "{:.1%}"),
        ]
        body.append(f"| {r['n']} | " + " | ".join(cells + extra) + " |")
    return "\n".join([head, rule, *body])


def _cell(row: dict[str, Any], key: str, fmt: str) -> str:
    value = row.get(key)
    return "–" if value is None else fmt.format(value)


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table of the results (also readable as plain text)."""
    head = "| " + " | ".join(title for _, title, _ in COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(_cell(derived(r), k, f) for k, _, f in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


SERIES = [
    ("mkdocs_s", "MkDocs + Material", "#3f51b5"),
    ("zensical_s", "Zensical (cold)", "#009485"),
    ("plain_s", "plain MkDocs, same pages", "#9e9e9e"),
    ("render_s", "render", "#e65100"),
]


def plot(rows: list[dict[str, Any]], width: int = 640, height: int = 360) -> str:
    """Build time against N, one line per step, as an SVG."""
    left, right, top, bottom = 60, 180, 20, 40
    xs = [r["n"] for r in rows]
    values = [r[k] for r in rows for k, _, _ in SERIES if r.get(k) is not None]
    if not xs or not values:
        return ""
    xmax, ymax = max(xs), max(values) * 1.1 or 1

    def px(x: float) -> float:
        return left + (width - left - right) * x / xmax

    def py(y: float) -> float:
        return height - bottom - (height - top - bottom) * y / ymax

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="sans-serif" '
        'font-size="11"><title>Build time against the number of briefings</title>',
        f'<line x1="{left}" y1="{py(0)}" x2="{width - right}" y2="{py(0)}" stroke="#888"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{py(0)}" stroke="#888"/>',
    ]
    for i in range(5):
        y = ymax * i / 4
        out.append(f'<text x="{left - 6}" y="{py(y) + 4:.0f}" text-anchor="end">{y:.0f} s</text>')
    for x in xs:
        out.append(
            f'<text x="{px(x):.0f}" y="{height - bottom + 16}" text-anchor="middle">{x}</text>'
        )
    out.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 6}" '
        'text-anchor="middle">briefings (N)</text>'
    )
    for k, (key, label, colour) in enumerate(SERIES):
        points = [(px(r["n"]), py(r[key])) for r in rows if r.get(key) is not None]
        if not points:
            continue
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points]
        ly = top + 14 + 18 * k
        out.append(
            f'<line x1="{width - right + 12}" y1="{ly - 4}" x2="{width - right + 30}" '
            f'y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>'
        )
        out.append(f'<text x="{width - right + 36}" y="{ly}">{label}</text>')
    out.append("</svg>")
    return "".join(out)


KEPT = "## Findings"


def page(
    rows: list[dict[str, Any]], machine: str, command: str, measured: str = "", kept: str = ""
) -> str:
    """The results page. `measured`: the actor recurrence of the real documents; `kept`: the
    hand-written part of the previous page (from its "## Findings" heading on), kept as it is."""
    real = (
        f"""
Actor recurrence in the project's real documents (the gold records of tests/data/devset,
synthetic, wikinews and first-seed), which the realistic corpus reproduces: {measured}.
"""
        if measured
        else ""
    )
    tail = "\n" + kept.strip() + "\n" if kept else ""
    return f"""# Benchmark

How long each step takes for a site of N briefings, on {machine}. Each figure is the median
of the runs the command asks for (`--repeat`, default 3). Measured with:

```
{command}
```

{table(rows)}

Pages by kind (the corpus: real seeds and records varied so that actors recur as in real
briefings, see `generator/bench/corpus.py`):

{pages_table(rows)}
{real}
<figure markdown="0">
{plot(rows)}
</figure>

- **cold extract**: the extractor on a sample of new seeds, model loading included, on all cores;
  **1 process** is the same with one worker; **bare spaCy** is one process that loads the same
  spaCy model and runs `nlp.pipe` over the same texts, nothing else: the floor.
- **no-op extract**: every seed unchanged; **1 changed**: one seed edited, then extract
  (and, for *site*, render and a build with MkDocs or a warm build with Zensical).
- **incremental**: one seed edited, then `briefings build` (extract, check, render and
  `mkdocs build --dirty`, which rebuilds only the pages that changed, see
  `generator/incremental.py`), with the pages it rebuilt; **mkdocs build --dirty** alone is
  what `briefings serve --live` does on a change (its plugin drafts the seed and renders).
- **render**: writing every page from the records into `docs/`; **no-op**: nothing changed.
- **MkDocs build** and **Zensical cold**: the whole site from scratch; **Zensical warm**: again
  with its cache.
- **plain MkDocs**: as many plain Markdown pages as the site has, of the same mean size, with the
  Material theme and `navigation.prune`, built by MkDocs alone: the baseline.
{tail}"""
