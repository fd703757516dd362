"""`python -m generator.bench`: measure extraction, render and site builds for sites of N
briefings, print a table and write the results page (docs/benchmark.md, the Benchmark page of
the site's About section). Not a test: it asserts nothing about time."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..records import list_records
from ..render import GENERATED_DIRS
from .corpus import Base, load_bases, realistic, site_repo, variants, write_corpus
from .measure import Background, Run, fetch, free_port, median_of, run
from .recurrence import fit_gamma, frequencies, shape
from .report import KEPT, page, table


def _bases(project: Path) -> list[Base]:
    """The project's own reviewed-or-draft records with their seeds, and the dev set's gold."""
    pairs = []
    for record in list_records(project / "briefings"):
        seed = project / "seeds" / f"{record.stem}.txt"
        if seed.is_file():
            pairs.append((seed, record))
    for folder in ("devset", "synthetic"):
        data = project / "tests" / "data" / folder
        for gold in sorted((data / "gold").glob("*.yaml")):
            seed = data / "seeds" / f"{gold.stem}.txt"
            if seed.is_file():  # plain-text seeds only: variants edit the text
                pairs.append((seed, gold))
    if not pairs:
        raise SystemExit("bench: no seeds with records to vary; run it in the project")
    return load_bases(pairs)


# The real documents whose actors are measured (gold records; Wikinews gold has no seed key).
MEASURED = ("devset", "synthetic", "wikinews", "first-seed")


def measured_records(project: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The gold records of the project's real test documents, and their seeds' texts."""
    import yaml

    records, seeds = [], []
    for folder in MEASURED:
        data = project / "tests" / "data" / folder
        for gold in sorted((data / "gold").glob("*.yaml")):
            record = yaml.safe_load(gold.read_text("utf-8"))
            seed = data / str(record.get("seed", {}).get("path", f"seeds/{gold.stem}.txt"))
            records.append(record)
            seeds.append(seed.read_text("utf-8") if seed.is_file() else "")
    return records, seeds


def corpus(
    project: Path, n: int, kind: str = "realistic", seed: int = 0
) -> list[tuple[str, str, dict[str, Any]]]:
    """The benchmark corpus of n briefings: 'realistic' (actors recur as measured) or
    'renamed' (every person renamed in every variant, the old corpus)."""
    bases = _bases(project)
    if kind == "renamed":
        return list(variants(bases, n))
    records, _ = measured_records(project)
    counts = frequencies(records)
    head = {name for name, c in counts.items() if c > 1}
    return list(realistic(bases, n, head, fit_gamma(counts.values()), seed))


#: Sub-folders that hold one kind of page for the whole site (pages by initial, by year, the
#: kinds of sources); any other sub-folder belongs to one item (an actor's years, a tag's
#: further pages, a year's months) and is counted with the others of its folder.
SHARED_SUBFOLDERS = frozenset({"by-letter", "by_year", "anonymous", "named", "outlets"})


def page_kind(parts: tuple[str, ...]) -> str:
    """The kind of a generated page from its path under docs/: its folder, a shared
    sub-folder (`actors/by-letter`), or `folder/*` for the pages of one item's folder."""
    if len(parts) <= 2:
        return parts[0]
    sub = parts[1]
    return f"{parts[0]}/{sub}" if sub in SHARED_SUBFOLDERS else f"{parts[0]}/*"


def group_kinds(kinds: dict[str, int]) -> dict[str, int]:
    """Counts keyed as `pages_by_kind` keys them (also for figures kept from older runs,
    which counted each item's folder apart)."""
    grouped: dict[str, int] = {}
    for key, count in kinds.items():
        kind = key if key == "all" else page_kind(tuple(key.split("/")) + ("page",))
        grouped[kind] = grouped.get(kind, 0) + count
    return grouped


def pages_by_kind(docs: Path) -> dict[str, int]:
    """Generated Markdown pages by kind (briefings, actors, actor pages by year, ...)."""
    kinds: dict[str, int] = {}
    for name in GENERATED_DIRS:
        path = docs / name
        if path.is_dir():
            for page in path.rglob("*.md"):
                kind = page_kind(page.relative_to(docs).parts)
                kinds[kind] = kinds.get(kind, 0) + 1
        elif path.is_file() and path.suffix == ".md":
            kinds[name] = kinds.get(name, 0) + 1
    kinds["all"] = sum(1 for _ in docs.rglob("*.md"))
    return kinds


_BARE_SPACY = """
import sys, pathlib
from generator.extract.options import load_nlp, resolve_model
nlp = load_nlp(resolve_model(None))
texts = [p.read_text("utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def _plain_repo(root: Path, n: int, page_bytes: int) -> None:
    """The baseline: n plain Markdown pages of about page_bytes each (an index page and n - 1
    others), built as the site is: Material with `navigation.prune`, no search plugin (the site
    has none), and a `nav` that lists only the index page, the others `not_in_nav` (as the
    site's briefing and actor pages are). Without a `nav` every page would list every other
    page, which grows with the square of the page count."""
    docs = root / "docs" / "pages"
    docs.mkdir(parents=True)
    words = [
        "alliance",
        "office",
        "consultation",
        "partners",
        "region",
        "challenge",
        "summit",
        "programme",
        "cooperation",
        "threats",
        "technology",
        "proposal",
        "members",
        "negotiation",
        "station",
    ]

    def text(title: str, k: int) -> str:
        lines, size = [f"# {title}\n"], 0
        while size < page_bytes:
            para = " ".join(words[(k + j) % len(words)] for j in range(60)) + ".\n"
            lines.append(para)
            size += len(para) + 1
            k += 7
        return "\n".join(lines)

    (root / "docs" / "index.md").write_text(text("Plain pages", 0), "utf-8")
    for i in range(1, n):
        (docs / f"page-{i:05d}.md").write_text(text(f"Page {i}", i), "utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\n"
        "theme:\n  name: material\n  font: false\n  features:\n    - navigation.prune\n"
        "plugins: []\n"
        "nav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /pages/\n",
        "utf-8",
    )


def _py(*args: str) -> list[str]:
    return [sys.executable, *args]


def _clear_generated(root: Path) -> None:
    for name in GENERATED_DIRS:
        path = root / "docs" / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _step(row: dict[str, Any], key: str, fn: Any) -> Run | None:
    """Run a measured step; a failing step leaves its figure empty and says why."""
    try:
        result: Run = fn()
        return result
    except RuntimeError as exc:
        row[key] = None
        print(f"bench: N={row['n']}: {key} failed: {str(exc)[-400:]}", file=sys.stderr)
        return None


def build_steps(output: str) -> dict[str, float]:
    """The seconds of each step `briefings build` reports (extract, check, render) and of its
    MkDocs step ('mkdocs')."""
    steps = {m[1]: float(m[2]) for m in re.finditer(r"build: (\w+) done in ([\d.]+)s", output)}
    built = re.search(r"build: site built in ([\d.]+)s", output)
    if built:
        steps["mkdocs"] = float(built.group(1))
    return steps


def _rebuilt(output: str) -> int | None:
    """The pages an incremental build says it rebuilt; None for a full build."""
    found = re.search(r"incremental build: (\d+) page", output)
    return int(found.group(1)) if found else None


# Steps of the site itself; their highest peak is the row's peak memory. The baselines (plain
# MkDocs, bare spaCy, Zensical) are compared with, not counted.
OWN_STEPS = ("extract", "extract_1", "full_build", "noop_build", "one_build", "serve")


def _shows(url: str, sentence: str) -> bool:
    return sentence in (fetch(url) or "")


def serve_update(
    site: Path, env: dict[str, str], repeat: int, edit: Callable[[], str], page: str, log: Path
) -> dict[str, Any]:
    """`briefings serve --live` (`mkdocs serve --dirty`) on a free port: the seconds to its first
    build (until `page` is served), then `repeat` times: `edit` a seed (it returns a sentence the
    edit added) and the seconds until `page` is served with that sentence. Stopped as Ctrl-C
    would; with the peak memory of its processes over the whole session."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    server = Background(
        _py("-m", "generator", "serve", "--live", "--port", str(port)), site, log, env
    )
    out: dict[str, Any] = {}
    try:
        out["first"] = server.wait_for(lambda: fetch(url) is not None, 3600, "serve: first build")
        times = []
        for _ in range(repeat):
            server.settle()  # the rebuilds the last edit started (its record, drafted) are done
            sentence = edit()
            times.append(
                server.wait_for(
                    functools.partial(_shows, url, sentence), 600, "serve: the edited page"
                )
            )
        out["runs"] = [round(t, 2) for t in times]
        out["seconds"] = statistics.median(times)
    finally:
        out["peak_bytes"] = server.stop()
    return out


def measure(
    project: Path,
    work: Path,
    n: int,
    sample: int,
    repeat: int,
    zensical: str | None,
    kind: str = "realistic",
    zensical_max: int = 10**9,
    site_only: bool = False,
    extraction: bool = True,
) -> dict[str, Any]:
    cache = work / "cache"  # the generator's caches: wiped for a cold build, kept for warm ones
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFINGS_CACHE_DIR=str(cache))
    items = corpus(project, n, kind)
    row: dict[str, Any] = {"n": n, "corpus": kind, "load_before": os.getloadavg()[0]}
    shaped = shape([r for _, _, r in items], [t for _, t, _ in items])
    row["actors_distinct"], row["actor_gamma"] = shaped.actors, round(shaped.gamma, 3)
    row["actor_top1"] = round(shaped.top1, 4)
    peaks: dict[str, float] = {}

    def peak(step: str, result: Run | None) -> None:
        if result is not None:
            peaks[step] = round(result.peak_bytes / 1e6, 1)

    if not site_only and extraction:
        # Cold extraction of a sample of new seeds, model load included.
        ex = work / "extract"
        site_repo(project, ex)
        write_corpus(ex, items[:sample], records=False)

        def fresh_records() -> None:
            shutil.rmtree(ex / "briefings", ignore_errors=True)
            (ex / "briefings").mkdir()
            shutil.rmtree(cache, ignore_errors=True)

        cold = median_of(
            repeat, fresh_records, lambda: run(_py("-m", "generator", "extract"), ex, env)
        )
        row["extract_rate"] = sample / cold.seconds
        peak("extract", cold)
        try:
            one = median_of(
                repeat,
                fresh_records,
                lambda: run(_py("-m", "generator", "extract", "--jobs", "1"), ex, env),
            )
            row["extract_rate_1"] = sample / one.seconds
            peak("extract_1", one)
        except RuntimeError:  # an extractor without --jobs
            row["extract_rate_1"] = None
        # One bare spaCy process (model load included) over the same texts: the floor.
        bare = median_of(
            repeat, lambda: None, lambda: run(_py("-c", _BARE_SPACY, str(ex / "seeds")), ex, env)
        )
        row["spacy_rate"] = sample / bare.seconds
        peak("bare_spacy", bare)

    # The site of n briefings, from records whose seeds are unchanged.
    site = work / "site"
    site_repo(project, site)
    write_corpus(site, items, records=True)

    def cold_start() -> None:
        """As a fresh checkout in CI: no generated pages, no site, no caches."""
        _clear_generated(site)
        shutil.rmtree(site / "site", ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    build = _py("-m", "generator", "build")
    full = median_of(repeat, cold_start, lambda: run([*build, "--clean"], site, env))
    row["full_build_s"] = full.seconds
    row["full_steps"] = build_steps(full.output)
    row["mkdocs_s"] = row["full_steps"].get("mkdocs")
    peak("full_build", full)
    row["pages"] = pages_by_kind(site / "docs")
    # The baseline's size: the pages of the full build (one edited seed later changes them).
    built = list((site / "docs").rglob("*.md"))
    mean_bytes = int(sum(p.stat().st_size for p in built) / max(1, len(built)))
    noop = median_of(repeat, lambda: None, lambda: run(build, site, env))
    row["noop_build_s"] = noop.seconds
    peak("noop_build", noop)

    changed = site / "seeds" / items[0][0]
    original = changed.read_text("utf-8")
    counter = iter(range(1, 10**6))
    added: list[str] = []

    def edit_one() -> None:
        """Append a sentence, a new one each time, to one seed."""
        added.append(f"A correction was published as note {next(counter)} of the desk")
        changed.write_text(original.rstrip("\n") + f"\n\n{added[-1]}.\n", "utf-8")

    def edit_and_tell() -> str:
        """Edit the seed; words of the sentence added (the page escapes its punctuation)."""
        edit_one()
        return added[-1]

    # One changed seed, warm: the state of the builds above lets `briefings build` (extract,
    # check, render, `mkdocs build --dirty`) rebuild only the pages the seed touches.
    one_build = _step(
        row, "one_build_s", lambda: median_of(repeat, edit_one, lambda: run(build, site, env))
    )
    if one_build is not None:
        row["one_build_s"] = one_build.seconds
        row["one_build_pages"] = _rebuilt(one_build.output)
        row["one_steps"] = build_steps(one_build.output)
        peak("one_build", one_build)

    # One changed seed in `briefings serve --live`: timed until the server serves the page.
    rid = str(items[0][2]["id"])
    try:
        served = serve_update(
            site, env, repeat, edit_and_tell, f"briefings/{rid}/", work / "serve.log"
        )
        row["serve_first_s"] = served["first"]
        row["serve_update_s"] = served["seconds"]
        row["serve_update_runs"] = served["runs"]
        peaks["serve"] = round(served["peak_bytes"] / 1e6, 1)
    except RuntimeError as exc:
        row["serve_update_s"] = None
        print(f"bench: N={n}: serve failed: {str(exc)[-600:]}", file=sys.stderr)

    if zensical and n <= zensical_max:
        cold_z = _step(
            row,
            "zensical_s",
            lambda: median_of(
                repeat, lambda: None, lambda: run([zensical, "build", "--clean"], site, env)
            ),
        )
        warm_z = _step(
            row,
            "zensical_warm_s",
            lambda: median_of(repeat, lambda: None, lambda: run([zensical, "build"], site, env)),
        )
        row["zensical_s"] = cold_z.seconds if cold_z else None
        row["zensical_warm_s"] = warm_z.seconds if warm_z else None
        peak("zensical", cold_z)

    if not site_only:
        # The baseline: as many plain pages as the site has, of the same mean size.
        plain = work / "plain"
        _plain_repo(plain, len(built), mean_bytes)
        row["plain_pages"], row["plain_page_bytes"] = len(built), mean_bytes
        done = median_of(
            repeat,
            lambda: None,
            lambda: run(_py("-m", "mkdocs", "build", "--strict", "--quiet"), plain, env),
        )
        row["plain_s"] = done.seconds
        peak("plain", done)

    row["peaks_mb"], row["load_after"] = peaks, os.getloadavg()[0]
    own = {k: v for k, v in peaks.items() if k in OWN_STEPS}
    if own:
        row["peak_step"] = max(own, key=lambda k: own[k])
        row["peak_mb"] = own[row["peak_step"]]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        default="100,1000,5000",
        help="comma-separated site sizes N (default: 100,1000,5000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=60,
        help="new seeds for the cold-extraction figures (default 60)",
    )
    parser.add_argument("--project", type=Path, default=Path("."), help="the project root")
    parser.add_argument(
        "--page",
        default="docs/benchmark.md",
        help="where to write the results page, from the project root (default: "
        "docs/benchmark.md, a page of the site's documentation; '' for nowhere)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--corpus",
        choices=("realistic", "renamed"),
        default="realistic",
        help="realistic: actors recur as in the measured real documents "
        "(default); renamed: every person renamed in every variant",
    )
    parser.add_argument(
        "--zensical-max",
        type=int,
        default=1000,
        help="build with Zensical only up to this N (default 1000: at 5,000 "
        "it has used over 20 GB); 0 for never",
    )
    parser.add_argument(
        "--site-only",
        action="store_true",
        help="measure only the site (render, builds, one changed seed): no extraction "
        "rates and no plain baseline",
    )
    parser.add_argument(
        "--extract-at",
        default="",
        help="comma-separated sizes N at which to measure extraction (default: every size; "
        "the extraction figures do not depend on N, only on the sample)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    extract_at = {int(s) for s in args.extract_at.split(",") if s.strip()} or set(sizes)
    zensical = shutil.which("zensical")
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"briefings-bench-{n}-") as tmp:
            row = measure(
                args.project,
                Path(tmp),
                n,
                min(n, args.extract_sample),
                args.repeat,
                zensical,
                args.corpus,
                args.zensical_max,
                args.site_only,
                n in extract_at,
            )
        rows.append(row)
        print(table(rows), flush=True)
    command = "python -m generator.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {_mkdocs_versions()}"
    records, seeds = measured_records(args.project)
    measured = shape(records, seeds).line() if records else ""
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    if args.page:
        target = args.project / args.page
        write_page(target, page(rows, machine, command.strip(), measured))
        print(f"bench: results page written to {target}")
    return 0


def write_page(target: Path, text: str) -> None:
    """Write the results page, keeping the hand-written part of the one there (from its
    "## Findings" heading on)."""
    previous = target.read_text("utf-8") if target.is_file() else ""
    kept = previous[previous.index(KEPT) :] if KEPT in previous else ""
    target.write_text(
        text.rstrip("\n") + "\n" + ("\n" + kept.strip() + "\n" if kept else ""), "utf-8"
    )


def _mkdocs_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("mkdocs", "mkdocs-material", "zensical", "spacy"):
        with contextlib.suppress(PackageNotFoundError):
            parts.append(f"{name} {version(name)}")
    return ", ".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
