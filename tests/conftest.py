"""Shared fixtures: a temporary repository laid out like the project."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FIRST_SEED = PROJECT / "seeds" / "2023-05-05-nato-opens-japan-office.txt"
EXAMPLE_RECORD = Path(__file__).parent / "data" / "record-example.yaml"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Renders in the tests keep their caches in a folder of the test run, not the user's."""
    before = os.environ.get("BRIEFINGS_CACHE_DIR")
    os.environ["BRIEFINGS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("BRIEFINGS_CACHE_DIR", None)
    else:
        os.environ["BRIEFINGS_CACHE_DIR"] = before


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the project's mkdocs.yml, docs/ and theme, the first seed and no
    records."""
    from generator.bench.corpus import site_repo

    root = site_repo(PROJECT, tmp_path / "repo")
    shutil.copy(FIRST_SEED, root / "seeds" / FIRST_SEED.name)
    return root


@pytest.fixture
def reviewed_repo(repo: Path) -> Path:
    """The repository with the reviewer-accepted record of RECORD.md for the first seed."""
    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / "2023-05-05-nato-opens-japan-office.yaml")
    return repo


@pytest.fixture(scope="session")
def corpus_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository drafted from every corpus seed (40 Wikinews articles, the dev set and the
    synthetic set) with the real extractor, rendered and built with MkDocs (strict). Shared
    by every test module that looks at a site of realistic size; tests only read it."""
    from .sitebuild import add_corpus, build, make_repo

    root = make_repo(tmp_path_factory.mktemp("corpus") / "repo")
    assert add_corpus(root) >= 60
    build(root)
    return root


@pytest.fixture(scope="session")
def corpus_site(corpus_repo: Path) -> Path:
    """The built site of `corpus_repo`."""
    return corpus_repo / "site"
