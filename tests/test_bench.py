"""The benchmark runs end to end on a tiny corpus and reports every figure (no timing asserts:
it is a measurement, not a test)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from generator.bench.corpus import load_bases, variant

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


def test_benchmark_runs_and_writes_its_page(tmp_path: Path) -> None:
    page, figures = tmp_path / "benchmark.md", tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "generator.bench", "--sizes", "6",
                           "--repeat", "1", "--extract-sample", "2", "--page", str(page),
                           "--json", str(figures), "--project", str(PROJECT)],
                          cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (row,) = json.loads(figures.read_text("utf-8"))
    expected = {"n", "extract_rate", "extract_rate_1", "noop_extract_s", "one_extract_s",
                "render_s", "render_noop_s", "mkdocs_s", "plain_s"}
    assert expected <= set(row) and row["n"] == 6
    assert all(isinstance(row[k], (int, float)) for k in expected)
    if shutil.which("zensical"):
        assert isinstance(row["zensical_s"], float) and isinstance(row["one_site_s"], float)
    text = page.read_text("utf-8")
    assert "| N | cold extract" in text and "<svg" in text
