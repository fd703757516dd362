"""Shared fixtures: a temporary repository laid out like the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render import GENERATED_DIRS as GENERATED

PROJECT = Path(__file__).resolve().parents[1]
FIRST_SEED = PROJECT / "seeds" / "2023-05-05-nato-opens-japan-office.txt"
EXAMPLE_RECORD = Path(__file__).parent / "data" / "record-example.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the project's mkdocs.yml, docs/ and theme, the first seed and no
    records."""
    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    (root / "briefings").mkdir()
    # The theme overrides live in the package; a copy of generator/theme would shadow the
    # package for `python -m generator` run in the repository, so point at the original.
    config = (PROJECT / "mkdocs.yml").read_text("utf-8")
    theme = (PROJECT / "generator" / "theme").as_posix()
    assert "custom_dir: generator/theme" in config
    (root / "mkdocs.yml").write_text(config.replace("custom_dir: generator/theme",
                                                    f"custom_dir: {theme}"), "utf-8")
    shutil.copytree(PROJECT / "docs", root / "docs",
                    ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copy(FIRST_SEED, root / "seeds" / FIRST_SEED.name)
    return root


@pytest.fixture
def reviewed_repo(repo: Path) -> Path:
    """The repository with the reviewer-accepted record of RECORD.md for the first seed."""
    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / "2023-05-05-nato-opens-japan-office.yaml")
    return repo
