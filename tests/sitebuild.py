"""Sample sites for the site tests: the first seed and the dev set, built with either engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.bench.corpus import site_repo
from generator.records import dump_record

from .conftest import EXAMPLE_RECORD, FIRST_SEED, PROJECT

DEVSET = Path(__file__).parent / "data" / "devset"


def make_repo(root: Path) -> Path:
    """A repository laid out like the project, without seeds or records."""
    return site_repo(PROJECT, root)


def add_devset(root: Path) -> None:
    """The first seed with its reviewed record, and the dev set's seeds with their gold.

    Three gold files write an evidence with a comma inside a flow mapping, which YAML reads
    as the quote cut at the comma plus a key with no value; `check` warns about such keys,
    so the copies drop them (the quotes, as YAML reads them, stay as they are).
    """
    shutil.copy(FIRST_SEED, root / "seeds" / FIRST_SEED.name)
    shutil.copy(EXAMPLE_RECORD, root / "briefings" / f"{FIRST_SEED.stem}.yaml")
    for seed in sorted((DEVSET / "seeds").iterdir()):
        shutil.copy(seed, root / "seeds" / seed.name)
    for gold in sorted((DEVSET / "gold").iterdir()):
        record = yaml.safe_load(gold.read_text("utf-8"))
        for actor in record.get("actors", []):
            for key in [k for k, v in actor.items() if v is None]:
                del actor[key]
        (root / "briefings" / gold.name).write_text(dump_record(record), "utf-8")


def build(root: Path, engine: str = "mkdocs") -> Path:
    """Render and build the site with MkDocs (strict) or Zensical. Returns the site folder."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")

    def run(*cmd: str) -> None:
        done = subprocess.run(
            list(cmd), cwd=root, env=env, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Traceback" not in done.stderr

    run(sys.executable, "-m", "generator", "render")
    if engine == "mkdocs":
        run(sys.executable, "-m", "mkdocs", "build", "--strict")
    else:
        zensical = shutil.which("zensical")
        assert zensical, "zensical is not installed"
        run(zensical, "build", "--clean", "--strict")
    return root / "site"


#: Every real seed the tests hold (the Wikinews corpus and the dev set) and the synthetic set.
CORPUS_SEEDS = [
    Path(__file__).parent / "data" / name / "seeds" for name in ("wikinews", "devset", "synthetic")
]


def add_corpus(root: Path) -> int:
    """Copy every corpus seed into the repository's seeds/ and draft their records with the real
    extractor (the site a newsroom would get from these articles before review). Returns the
    number of seeds."""
    count = 0
    for folder in CORPUS_SEEDS:
        for seed in sorted(folder.iterdir()):
            shutil.copy(seed, root / "seeds" / seed.name)
            count += 1
    env = {k: v for k, v in os.environ.items() if k != "BRIEFINGS_EXTRACTOR"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "extract"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return count
