"""The benchmark runs end to end on a tiny corpus and reports every figure (no timing asserts:
it is a measurement, not a test)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from generator.bench.__main__ import corpus, measured_records
from generator.bench.corpus import load_bases, made_up_name, variant
from generator.bench.recurrence import fit_gamma, frequencies, shape, top_share

from .conftest import EXAMPLE_RECORD, FIRST_SEED, PROJECT
from .support import env


def test_variants_stay_valid_records_of_their_seeds() -> None:
    from generator.seeds import fold_ws, sha256_bytes

    (base,) = load_bases([(FIRST_SEED, EXAMPLE_RECORD)])
    for i in range(12):
        name, text, record = variant(base, i)
        assert record["seed"]["sha256"] == sha256_bytes(text.encode("utf-8"))
        assert record["id"] + ".txt" == name
        for key in ("actors", "timeline", "source_chain"):
            for item in record[key]:
                if "evidence" in item:
                    assert fold_ws(item["evidence"]) in fold_ws(text)
    assert variant(base, 1)[1] != variant(base, 2)[1]


def test_power_law_fit_recovers_a_known_exponent() -> None:
    import random

    rng = random.Random(3)
    ks = range(1, 2000)
    for gamma in (2.0, 3.0):
        sample = rng.choices(ks, [k**-gamma for k in ks], k=20000)
        assert abs(fit_gamma(sample) - gamma) < 0.1
    assert (
        top_share(
            frequencies([{"actors": [{"name": "A"}, {"name": "B"}]}, {"actors": [{"name": "a"}]}])
        )
        == 2 / 3
    )


def test_made_up_names_differ_for_every_actor() -> None:
    for kind in ("person", "country", "organization", "place", "other"):
        names = [made_up_name(kind, k) for k in range(5000)]
        assert len(set(names)) == len(names)


def test_realistic_corpus_has_the_measured_recurrence_and_valid_records(tmp_path: Path) -> None:
    from generator.bench.corpus import site_repo, write_corpus

    records, seeds = measured_records(PROJECT)
    real = shape(records, seeds)
    # What the real documents show: most actors are named in one briefing, a few recur.
    assert real.briefings >= 60 and 0.8 < real.singletons < 0.95
    assert 2.5 < real.gamma < 4.5
    items = corpus(PROJECT, 1000)
    made = shape([r for _, _, r in items], [t for _, t, _ in items])
    # The generated tail follows the fitted law; the head (names that recur in the real
    # documents: countries, organisations, leaders) recurs across the corpus.
    assert abs(made.gamma - real.gamma) < 0.5
    assert abs(made.singletons - real.singletons) < 0.06
    assert made.top1 >= 0.25  # the top 1 % of actors carry a quarter of all mentions
    counts = frequencies(r for _, _, r in items)
    assert counts["united states"] >= 50
    # The old corpus (every person renamed, everything else kept) has no such tail.
    renamed = shape([r for _, _, r in corpus(PROJECT, 1000, "renamed")], [])
    assert made.actors > 1.5 * renamed.actors
    # Deterministic with a seed; another seed draws other actors.
    again = corpus(PROJECT, 300)
    assert again == corpus(PROJECT, 300)
    assert [r for _, _, r in corpus(PROJECT, 300, seed=1)] != [r for _, _, r in again]
    # Every record is still valid against its seed: `briefings check` passes on the corpus.
    site_repo(PROJECT, tmp_path / "site")
    write_corpus(tmp_path / "site", again)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=tmp_path / "site",
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_benchmark_runs_and_writes_its_page(tmp_path: Path) -> None:
    page, figures = tmp_path / "benchmark.md", tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.bench",
            "--sizes",
            "6",
            "--repeat",
            "1",
            "--extract-sample",
            "2",
            "--page",
            str(page),
            "--json",
            str(figures),
            "--project",
            str(PROJECT),
        ],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (row,) = json.loads(figures.read_text("utf-8"))
    expected = {
        "n",
        "extract_rate",
        "extract_rate_1",
        "noop_extract_s",
        "one_extract_s",
        "render_s",
        "render_noop_s",
        "mkdocs_s",
        "plain_s",
    }
    assert expected <= set(row) and row["n"] == 6
    assert all(isinstance(row[k], (int, float)) for k in expected)
    if shutil.which("zensical"):
        assert isinstance(row["zensical_s"], float) and isinstance(row["one_site_s"], float)
    text = page.read_text("utf-8")
    assert "| N | cold extract" in text and "<svg" in text
    # Six briefing pages plus the briefings list's own pages; the baseline has as many pages.
    assert 6 < row["pages"]["briefings"] < 12 and row["pages"]["all"] == row["plain_pages"]
    assert isinstance(row["spacy_rate"], float) and "| N | briefings | actors" in text
    # The hand-written findings survive a new run.
    page.write_text(text + "\n## Findings\n\nkept words\n", "utf-8")
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.bench",
            "--sizes",
            "2",
            "--repeat",
            "1",
            "--extract-sample",
            "1",
            "--page",
            str(page),
            "--project",
            str(PROJECT),
            "--zensical-max",
            "0",
        ],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert page.read_text("utf-8").endswith("## Findings\n\nkept words\n")
