"""Golden files per stage: for each gold document of tests/data/devset and
tests/data/synthetic, the output of the metadata stage and the draft record, as YAML under
tests/data/golden/<set>/<id>.metadata.yaml and <id>.record.yaml.

A change in extraction shows up here as a readable diff. When the change is intended, rewrite
the files and review the diff before committing:

    BRIEFINGS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py -q
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.extract.metadata import Metadata, Outlet
from generator.extract.pipeline import clean_stage, extract, metadata_stage
from generator.seeds import read_seed

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
SETS = ("devset", "synthetic")
UPDATE = os.environ.get("BRIEFINGS_UPDATE_GOLDEN", "") not in ("", "0")


def _seeds() -> list[tuple[str, Path]]:
    out = []
    for name in SETS:
        gold = {p.stem for p in (DATA / name / "gold").glob("*.yaml")}
        out += [(name, p) for p in sorted((DATA / name / "seeds").iterdir()) if p.stem in gold]
    return out


SEEDS = _seeds()


def _outlet(o: Outlet | None) -> dict[str, Any] | None:
    if o is None:
        return None
    view = dataclasses.asdict(o)
    view["date"] = o.date.isoformat() if o.date else None
    return view


def metadata_view(md: Metadata) -> dict[str, Any]:
    """The metadata stage's output as plain data (dates as ISO strings)."""
    return {
        "title": md.title,
        "date": md.date.isoformat() if md.date else None,
        "date_evidence": md.date_evidence,
        "date_found": md.date_found.text if md.date_found else None,
        "header_dates": [d.isoformat() for d in md.header_dates],
        "authors": list(md.authors),
        "byline": md.byline,
        "tags": list(md.tags),
        "url": md.url,
        "publisher": _outlet(md.publisher),
        "original": _outlet(md.original),
        "cited": [_outlet(c) for c in md.cited],
    }


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _compare(path: Path, data: Any) -> None:
    text = _dump(data)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"{path}: no golden file; write it with BRIEFINGS_UPDATE_GOLDEN=1 and review it"
        )
    want = path.read_text(encoding="utf-8")
    if want != text:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(True), text.splitlines(True), str(path), "now", n=1
            )
        )
        pytest.fail(
            f"{path} differs from what extraction gives now; if the change is intended, "
            f"rerun with BRIEFINGS_UPDATE_GOLDEN=1 and review the diff:\n{diff}"
        )


@pytest.mark.parametrize(("name", "path"), SEEDS, ids=[f"{n}/{p.stem}" for n, p in SEEDS])
def test_metadata_stage_golden(name: str, path: Path) -> None:
    seed = read_seed(path, DATA / name)
    _blocks, md = metadata_stage(seed, clean_stage(seed))
    _compare(GOLDEN / name / f"{path.stem}.metadata.yaml", metadata_view(md))


@pytest.mark.parametrize(("name", "path"), SEEDS, ids=[f"{n}/{p.stem}" for n, p in SEEDS])
def test_record_golden(name: str, path: Path) -> None:
    record = extract(read_seed(path, DATA / name))
    _compare(GOLDEN / name / f"{path.stem}.record.yaml", record)


def test_golden_files_belong_to_gold_documents() -> None:
    """No golden file is left over from a document that is gone."""
    expected = {f"{n}/{p.stem}.{stage}.yaml" for n, p in SEEDS for stage in ("metadata", "record")}
    found = {str(p.relative_to(GOLDEN)) for p in GOLDEN.glob("*/*.yaml")}
    assert found <= expected, sorted(found - expected)
