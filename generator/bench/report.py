"""The benchmark's table and its results page with a plot drawn as SVG."""

from __future__ import annotations

from typing import Any


def _steps(key: str, step: str) -> Any:
    return lambda row: (row.get(key) or {}).get(step)


def _ratio(top: str, bottom: str) -> Any:
    return lambda row: row[top] / row[bottom] if row.get(top) and row.get(bottom) else None


def _peak(row: dict[str, Any]) -> str | None:
    if row.get("peak_mb") is None:
        return None
    return f"{row['peak_mb']:.0f} ({row.get('peak_step', '?').replace('_', ' ')})"


Column = tuple[str, Any, str]

# The figures issue 14 asks for, one row per N.
COLUMNS: list[Column] = [
    ("N", "n", "{:d}"),
    ("pages", lambda r: (r.get("pages") or {}).get("all"), "{:,}"),
    ("full build (s)", "full_build_s", "{:.1f}"),
    ("of which MkDocs (s)", "mkdocs_s", "{:.1f}"),
    ("one seed: briefings build (s)", "one_build_s", "{:.1f}"),
    ("pages rebuilt", "one_build_pages", "{:d}"),
    ("one seed: mkdocs serve (s)", "serve_update_s", "{:.1f}"),
    ("plain MkDocs, same pages (s)", "plain_s", "{:.1f}"),
    ("full build / plain", _ratio("full_build_s", "plain_s"), "{:.2f}×"),
    ("MkDocs / plain", _ratio("mkdocs_s", "plain_s"), "{:.2f}×"),
    ("cold extract / bare spaCy", _ratio("extract_rate", "spacy_rate"), "{:.2f}×"),
    ("peak memory (MB, step)", _peak, "{}"),
]

# Where the time goes, and the other figures.
DETAILS: list[Column] = [
    ("N", "n", "{:d}"),
    ("cold extract (seeds/s)", "extract_rate", "{:.2f}"),
    ("1 process (seeds/s)", "extract_rate_1", "{:.2f}"),
    ("bare spaCy (seeds/s)", "spacy_rate", "{:.2f}"),
    ("full: extract (s)", _steps("full_steps", "extract"), "{:.1f}"),
    ("full: check (s)", _steps("full_steps", "check"), "{:.1f}"),
    ("full: render (s)", _steps("full_steps", "render"), "{:.1f}"),
    ("no-op build (s)", "noop_build_s", "{:.1f}"),
    ("one seed: extract (s)", _steps("one_steps", "extract"), "{:.1f}"),
    ("one seed: check (s)", _steps("one_steps", "check"), "{:.1f}"),
    ("one seed: render (s)", _steps("one_steps", "render"), "{:.1f}"),
    ("one seed: MkDocs (s)", _steps("one_steps", "mkdocs"), "{:.1f}"),
    ("serve: first build (s)", "serve_first_s", "{:.1f}"),
    ("serve: each update (s)", lambda r: r.get("serve_update_runs"), "{}"),
    ("Zensical cold (s)", "zensical_s", "{:.1f}"),
    ("Zensical warm (s)", "zensical_warm_s", "{:.1f}"),
    ("load average before / after", lambda r: _load(r), "{}"),
]

PEAK_STEPS = [
    ("extract", "cold extract"),
    ("extract_1", "extract, 1 process"),
    ("full_build", "full build"),
    ("noop_build", "no-op build"),
    ("one_build", "one seed: build"),
    ("serve", "mkdocs serve session"),
    ("bare_spacy", "bare spaCy"),
    ("plain", "plain MkDocs"),
    ("zensical", "Zensical cold"),
]

# Page kinds shown first, in this order; any other kind follows.
PAGE_KINDS = [
    ("briefings", "briefings"),
    ("briefings/by_year", "briefing lists by year"),
    ("actors", "actors"),
    ("actors/by-letter", "actor-letter pages"),
    ("actors/*", "actor pages by year"),
    ("places", "places"),
    ("places/by-letter", "place-letter pages"),
    ("timeline", "timeline pages"),
    ("timeline/*", "timeline months"),
    ("sources", "sources"),
    ("tags", "tags"),
    ("tags/by-letter", "tag-letter pages"),
    ("tags/*", "tags, further pages"),
]


def _load(row: dict[str, Any]) -> str | None:
    if row.get("load_before") is None:
        return None
    return f"{row['load_before']:.1f} / {row.get('load_after', 0):.1f}"


def _value(row: dict[str, Any], key: Any) -> Any:
    return key(row) if callable(key) else row.get(key)


def _cell(value: Any, fmt: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(f"{v:.1f}" for v in value)
    return fmt.format(value)


def _table(columns: list[Column], rows: list[dict[str, Any]]) -> str:
    head = "| " + " | ".join(title for title, _, _ in columns) + " |"
    rule = "|" + "|".join("---:" for _ in columns) + "|"
    body = ["| " + " | ".join(_cell(_value(r, k), f) for _, k, f in columns) + " |" for r in rows]
    return "\n".join([head, rule, *body])


def table(rows: list[dict[str, Any]]) -> str:
    """The main table: a Markdown table, also readable as plain text."""
    return _table(COLUMNS, rows)


def details_table(rows: list[dict[str, Any]]) -> str:
    return _table(DETAILS, rows)


def peaks_table(rows: list[dict[str, Any]]) -> str:
    """Peak memory of each measured step (MB)."""
    columns: list[Column] = [("N", "n", "{:d}")]
    for step, title in PEAK_STEPS:
        if any(step in (r.get("peaks_mb") or {}) for r in rows):
            columns.append((title, _steps("peaks_mb", step), "{:.0f}"))
    return _table(columns, rows)


def pages_table(rows: list[dict[str, Any]]) -> str:
    """Pages by kind for each N, with the distinct actors and the fitted recurrence law."""
    titles = dict(PAGE_KINDS)
    order = {k: i for i, (k, _) in enumerate(PAGE_KINDS)}
    seen = {k for r in rows for k in (r.get("pages") or {}) if k != "all"}

    def place(kind: str) -> tuple[int, str]:  # a sub-folder next to its folder
        return (order.get(kind, order.get(kind.split("/")[0], len(order))), kind)

    kinds = [(k, titles.get(k, k)) for k in sorted(seen, key=place)]
    kinds.append(("all", "all pages"))
    columns: list[Column] = [("N", "n", "{:d}")]
    columns += [(title, _steps("pages", kind), "{:,}") for kind, title in kinds]
    columns += [
        ("distinct actors", "actors_distinct", "{:,}"),
        ("gamma", "actor_gamma", "{:.2f}"),
        ("top 1 % of actors: share of mentions", "actor_top1", "{:.1%}"),
    ]
    return _table(columns, rows)


SERIES = [
    ("full_build_s", "full build", "#3f51b5"),
    ("mkdocs_s", "of which MkDocs", "#7986cb"),
    ("plain_s", "plain MkDocs, same pages", "#9e9e9e"),
    ("one_build_s", "one seed: briefings build", "#e65100"),
    ("serve_update_s", "one seed: mkdocs serve", "#009485"),
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
        'font-size="11" fill="currentColor" style="max-width: 100%; height: auto">'
        "<title>Build time against the number of briefings</title>",
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


def page(rows: list[dict[str, Any]], machine: str, command: str, measured: str = "") -> str:
    """The measured part of the results page; `measured`: the actor recurrence of the real
    documents. The hand-written part (from its "## Findings" heading on) is added by the
    caller from the page as it was."""
    real = (
        f"""
Actor recurrence in the project's real documents (the gold records of tests/data/devset,
synthetic, wikinews and first-seed), which the realistic corpus reproduces: {measured}.
"""
        if measured
        else ""
    )
    return f"""# Benchmark

How long it takes to build a site of N briefings and to update it after one seed changed, on
{machine}. Each figure is the median of the runs the command asks for (`--repeat`, default 3).
Measured with:

```
{command}
```

{table(rows)}

- **full build**: `briefings build --clean` from records whose seeds are unchanged, as in a
  fresh checkout: no generated pages, no site folder, no caches. Extract (nothing to draft),
  check, render and MkDocs, all included; **of which MkDocs** is its `mkdocs build` step alone.
- **one seed**: a sentence appended to one seed, then, with the state and caches of the
  builds before (warm), `briefings build` (extract drafts the seed again, check, render, and
  `mkdocs build --dirty`, which rebuilds only the pages that changed, see
  `generator/incremental.py`), with the **pages rebuilt**; and in `briefings serve --live`
  (`mkdocs serve --dirty` on a free port, after its first build): the seconds from the edit
  until the server serves the briefing's page with the new sentence (polled over HTTP; each
  edit waits until the server is idle; the first edit of a session also loads the spaCy model
  in the server, see *serve: each update*).
- **plain MkDocs**: as many plain Markdown pages as the site has, of the same mean size,
  built by `mkdocs build` with the Material theme and `navigation.prune`, no search plugin (the
  site has none) and a `nav` that lists only the index page, the others `not_in_nav`, as the
  site's generated pages are: the baseline. The ratios divide the site's time by it.
- **cold extract / bare spaCy**: the extractor drafting a sample of new seeds on all cores,
  model loading included, against one process that loads the same spaCy model and runs
  `nlp.pipe` over the same texts, nothing else (in seeds per second; above 1 is faster).
- **peak memory**: the highest of the measured steps of the site (extraction, builds, the
  `mkdocs serve` session), each the larger of the summed proportional set size of the
  command's whole process tree (workers included; sampled every 0.1 s, less often for big
  processes) and the largest resident size any one of its processes reached; the step is
  named.

Where the time goes (the steps `briefings build` reports), and the other figures:

{details_table(rows)}

Peak memory of each step (MB):

{peaks_table(rows)}

Pages by kind (the corpus: real seeds and records varied so that actors recur as in real
briefings, see `generator/bench/corpus.py`):

{pages_table(rows)}
{real}
<figure>
{plot(rows)}
</figure>
"""
