"""`python -m generator.bench`: measure extraction, render and site builds for sites of N
briefings, print a table and write the results page (docs/benchmark.md, the Benchmark page of
the site's About section). Not a test: it asserts nothing about time."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..records import list_records
from ..render import GENERATED_DIRS
from .corpus import Base, load_bases, realistic, site_repo, variants, write_corpus
from .measure import Run, median_of, run
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


def pages_by_kind(docs: Path) -> dict[str, int]:
    """Generated Markdown pages by the folder they are in (briefings, actors, ...)."""
    kinds: dict[str, int] = {}
    for name in GENERATED_DIRS:
        path = docs / name
        if path.is_dir():
            for page in path.rglob("*.md"):
                rel = page.relative_to(docs)
                kind = rel.parts[0] if len(rel.parts) == 2 else "/".join(rel.parts[:2])
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
    """n plain Markdown pages of about page_bytes each, with the same theme and navigation."""
    docs = root / "docs" / "pages"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Plain pages\n", "utf-8")
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
    for i in range(n):
        lines, size, k = [f"# Page {i}\n"], 0, i
        while size < page_bytes:
            para = " ".join(words[(k + j) % len(words)] for j in range(60)) + ".\n"
            lines.append(para)
            size += len(para) + 1
            k += 7
        (docs / f"page-{i:05d}.md").write_text("\n".join(lines), "utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\n  features:\n"
        "    - navigation.prune\nplugins:\n  - search\n",
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
        return fn()
    except RuntimeError as exc:
        row[key] = None
        print(f"bench: N={row['n']}: {key} failed: {str(exc)[-400:]}", file=sys.stderr)
        return None


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
) -> dict[str, Any]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    items = corpus(project, n, kind)
    row: dict[str, Any] = {"n": n, "corpus": kind}
    shaped = shape([r for _, _, r in items], [t for _, t, _ in items])
    row["actors_distinct"], row["actor_gamma"] = shaped.actors, round(shaped.gamma, 3)
    row["actor_top1"] = round(shaped.top1, 4)

    if not site_only:
        # Cold extraction of a sample of new seeds, model load included.
        ex = work / "extract"
        site_repo(project, ex)
        write_corpus(ex, items[:sample], records=False)

        def fresh_records() -> None:
            shutil.rmtree(ex / "briefings", ignore_errors=True)
            (ex / "briefings").mkdir()

        cold = median_of(
            repeat, fresh_records, lambda: run(_py("-m", "generator", "extract"), ex, env)
        )
        row["extract_rate"] = sample / cold.seconds
        row["extract_peak_mb"] = cold.peak_bytes / 1e6
        try:
            one = median_of(
                repeat,
                fresh_records,
                lambda: run(_py("-m", "generator", "extract", "--jobs", "1"), ex, env),
            )
            row["extract_rate_1"] = sample / one.seconds
        except RuntimeError:  # an extractor without --jobs
            row["extract_rate_1"] = None
        # One bare spaCy process (model load included) over the same texts: the floor.
        bare = median_of(
            repeat, lambda: None, lambda: run(_py("-c", _BARE_SPACY, str(ex / "seeds")), ex, env)
        )
        row["spacy_rate"] = sample / bare.seconds

    # The site of n briefings.
    site = work / "site"
    site_repo(project, site)
    write_corpus(site, items, records=True)
    noop = median_of(
        repeat, lambda: None, lambda: run(_py("-m", "generator", "extract"), site, env)
    )
    row["noop_extract_s"] = noop.seconds
    changed = site / "seeds" / items[0][0]
    original = changed.read_text("utf-8")
    counter = iter(range(10**6))

    def edit_one() -> None:
        changed.write_text(original + f"\nA correction, number {next(counter)}.\n", "utf-8")

    row["one_extract_s"] = median_of(
        repeat, edit_one, lambda: run(_py("-m", "generator", "extract"), site, env)
    ).seconds
    row["render_s"] = median_of(
        repeat,
        lambda: _clear_generated(site),
        lambda: run(_py("-m", "generator", "render"), site, env),
    ).seconds
    row["render_noop_s"] = median_of(
        repeat, lambda: None, lambda: run(_py("-m", "generator", "render"), site, env)
    ).seconds
    row["pages"] = pages_by_kind(site / "docs")
    mk = median_of(
        repeat,
        lambda: None,
        lambda: run(_py("-m", "mkdocs", "build", "--strict", "--quiet"), site, env),
    )
    row["mkdocs_s"], row["mkdocs_peak_mb"] = mk.seconds, mk.peak_bytes / 1e6

    def in_turn(*commands: list[str]) -> Run:
        """The commands one after another, as one run: times summed, the highest peak."""
        total = Run(0.0, 0, 0, "")
        for cmd in commands:
            r = run(cmd, site, env)
            total = Run(
                total.seconds + r.seconds,
                max(total.peak_bytes, r.peak_bytes),
                r.returncode or total.returncode,
                r.output,
            )
        return total

    def one_change_mkdocs() -> Run:
        return in_turn(
            _py("-m", "generator", "extract"),
            _py("-m", "generator", "render"),
            _py("-m", "mkdocs", "build", "--quiet"),
        )

    one_mk = _step(row, "one_site_mkdocs_s", lambda: median_of(repeat, edit_one, one_change_mkdocs))
    if one_mk is not None:
        row["one_site_mkdocs_s"] = one_mk.seconds
    # Incremental: the builds above left the state of a successful build, so these rebuild
    # only the pages the changed seed touches (generator/incremental.py). `briefings build` is
    # extract, check, render and `mkdocs build --dirty`; `mkdocs build --dirty` alone is what
    # `briefings serve --live` (mkdocs serve --dirty) does on a change: the plugin drafts the
    # seed, renders, and MkDocs rebuilds.
    one_build = _step(
        row,
        "one_build_s",
        lambda: median_of(
            repeat, edit_one, lambda: run(_py("-m", "generator", "build"), site, env)
        ),
    )
    if one_build is not None:
        row["one_build_s"] = one_build.seconds
        row["one_build_pages"] = _rebuilt(one_build.output)
    one_dirty = _step(
        row,
        "one_dirty_s",
        lambda: median_of(
            repeat, edit_one, lambda: run(_py("-m", "mkdocs", "build", "--dirty"), site, env)
        ),
    )
    if one_dirty is not None:
        row["one_dirty_s"] = one_dirty.seconds
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

        def one_change_site() -> Run:
            return in_turn(
                _py("-m", "generator", "extract"),
                _py("-m", "generator", "render"),
                [zensical, "build"],
            )

        done = _step(row, "one_site_s", lambda: median_of(repeat, edit_one, one_change_site))
        if done is not None:
            row["one_site_s"] = done.seconds

    if site_only:
        return row
    # The baseline: as many plain pages as the site has, of the same mean size.
    pages = list((site / "docs").rglob("*.md"))
    size = int(sum(p.stat().st_size for p in pages) / max(1, len(pages)))
    plain = work / "plain"
    _plain_repo(plain, len(pages), size)
    row["plain_pages"] = len(pages)
    row["plain_s"] = median_of(
        repeat, lambda: None, lambda: run(_py("-m", "mkdocs", "build", "--quiet"), plain, env)
    ).seconds
    return row


def _rebuilt(output: str) -> int | None:
    """The pages an incremental build says it rebuilt; None for a full build."""
    found = re.search(r"incremental build: (\d+) page", output)
    return int(found.group(1)) if found else None


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
        help="where to write the results page ('' for nowhere)",
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
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
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
            )
        rows.append(row)
        print(table(rows), flush=True)
    command = "python -m generator.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {_mkdocs_versions()}"
    records, seeds = measured_records(args.project)
    measured = shape(records, seeds).line() if records else ""
    if args.page:
        target = Path(args.page)
        previous = target.read_text("utf-8") if target.is_file() else ""
        kept = previous[previous.index(KEPT) :] if KEPT in previous else ""
        target.write_text(page(rows, machine, command.strip(), measured, kept), "utf-8")
        print(f"bench: results page written to {args.page}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    return 0


def _mkdocs_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("mkdocs", "mkdocs-material", "zensical", "spacy"):
        with contextlib.suppress(PackageNotFoundError):
            parts.append(f"{name} {version(name)}")
    return ", ".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
