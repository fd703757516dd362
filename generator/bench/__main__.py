"""`python -m generator.bench`: measure extraction, render and site builds for sites of N
briefings, print a table and write the results page (BENCHMARK.md, a project document that
is not part of the published site). Not a test: it asserts nothing about time."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..render import GENERATED_DIRS
from .corpus import Base, load_bases, site_repo, variants, write_corpus
from .measure import Run, median_of, run
from .report import page, table


def _bases(project: Path) -> list[Base]:
    """The project's own reviewed-or-draft records with their seeds, and the dev set's gold."""
    pairs = []
    for record in sorted((project / "briefings").glob("*.yaml")):
        seed = project / "seeds" / f"{record.stem}.txt"
        if seed.is_file():
            pairs.append((seed, record))
    devset = project / "tests" / "data" / "devset"
    for gold in sorted((devset / "gold").glob("*.yaml")):
        pairs.append((devset / "seeds" / f"{gold.stem}.txt", gold))
    if not pairs:
        raise SystemExit("bench: no seeds with records to vary; run it in the project")
    return load_bases(pairs)


def _plain_repo(root: Path, n: int, page_bytes: int) -> None:
    """n plain Markdown pages of about page_bytes each, with the same theme and navigation."""
    docs = root / "docs" / "pages"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Plain pages\n", "utf-8")
    words = ["alliance", "office", "consultation", "partners", "region", "challenge", "summit",
             "programme", "cooperation", "threats", "technology", "proposal", "members",
             "negotiation", "station"]
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
        "    - navigation.prune\nplugins:\n  - search\n", "utf-8")


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


def measure(project: Path, work: Path, n: int, sample: int, repeat: int,
            zensical: str | None) -> dict[str, Any]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    items = list(variants(_bases(project), n))
    row: dict[str, Any] = {"n": n}

    # Cold extraction of a sample of new seeds, model load included.
    ex = work / "extract"
    site_repo(project, ex)
    write_corpus(ex, items[:sample], records=False)

    def fresh_records() -> None:
        shutil.rmtree(ex / "briefings", ignore_errors=True)
        (ex / "briefings").mkdir()

    cold = median_of(repeat, fresh_records, lambda: run(_py("-m", "generator", "extract"), ex, env))
    row["extract_rate"] = sample / cold.seconds
    row["extract_peak_mb"] = cold.peak_bytes / 1e6
    try:
        one = median_of(repeat, fresh_records, lambda: run(
            _py("-m", "generator", "extract", "--jobs", "1"), ex, env))
        row["extract_rate_1"] = sample / one.seconds
    except RuntimeError:  # an extractor without --jobs
        row["extract_rate_1"] = None

    # The site of n briefings.
    site = work / "site"
    site_repo(project, site)
    write_corpus(site, items, records=True)
    noop = median_of(repeat, lambda: None, lambda: run(_py("-m", "generator", "extract"),
                                                         site, env))
    row["noop_extract_s"] = noop.seconds
    changed = site / "seeds" / items[0][0]
    original = changed.read_text("utf-8")
    counter = iter(range(10**6))

    def edit_one() -> None:
        changed.write_text(original + f"\nA correction, number {next(counter)}.\n", "utf-8")

    row["one_extract_s"] = median_of(repeat, edit_one, lambda: run(
        _py("-m", "generator", "extract"), site, env)).seconds
    row["render_s"] = median_of(repeat, lambda: _clear_generated(site), lambda: run(
        _py("-m", "generator", "render"), site, env)).seconds
    row["render_noop_s"] = median_of(repeat, lambda: None, lambda: run(
        _py("-m", "generator", "render"), site, env)).seconds
    mk = median_of(repeat, lambda: None, lambda: run(
        _py("-m", "mkdocs", "build", "--strict", "--quiet"), site, env))
    row["mkdocs_s"], row["mkdocs_peak_mb"] = mk.seconds, mk.peak_bytes / 1e6
    if zensical:
        cold_z = _step(row, "zensical_s", lambda: median_of(repeat, lambda: None, lambda: run(
            [zensical, "build", "--clean"], site, env)))
        warm_z = _step(row, "zensical_warm_s", lambda: median_of(repeat, lambda: None, lambda: run(
            [zensical, "build"], site, env)))
        row["zensical_s"] = cold_z.seconds if cold_z else None
        row["zensical_warm_s"] = warm_z.seconds if warm_z else None

        def one_change_site() -> Run:
            steps = [_py("-m", "generator", "extract"), _py("-m", "generator", "render"),
                     [zensical, "build"]]
            total = Run(0.0, 0, 0, "")
            for cmd in steps:
                r = run(cmd, site, env)
                total = Run(total.seconds + r.seconds, max(total.peak_bytes, r.peak_bytes),
                            r.returncode or total.returncode, r.output)
            return total

        done = _step(row, "one_site_s", lambda: median_of(repeat, edit_one, one_change_site))
        if done is not None:
            row["one_site_s"] = done.seconds

    # The baseline: plain pages of the same size.
    pages = list((site / "docs" / "briefings").glob("*.md"))
    size = int(sum(p.stat().st_size for p in pages) / max(1, len(pages)))
    plain = work / "plain"
    _plain_repo(plain, n, size)
    row["plain_s"] = median_of(repeat, lambda: None, lambda: run(
        _py("-m", "mkdocs", "build", "--quiet"), plain, env)).seconds
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="comma-separated site sizes N (default: 100,1000,5000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--extract-sample", type=int, default=60,
                        help="new seeds for the cold-extraction figures (default 60)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project root")
    parser.add_argument("--page", default="BENCHMARK.md",
                        help="where to write the results page ('' for nowhere)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    zensical = shutil.which("zensical")
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"briefings-bench-{n}-") as tmp:
            row = measure(args.project, Path(tmp), n, min(n, args.extract_sample),
                          args.repeat, zensical)
        rows.append(row)
        print(table(rows), flush=True)
    command = "python -m generator.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    machine = (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
               f"{_mkdocs_versions()}")
    if args.page:
        Path(args.page).write_text(page(rows, machine, command.strip()), "utf-8")
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
