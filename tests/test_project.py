"""Extraction over folders: incremental, never overwriting a person's work."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import generator.extract
from generator.errors import BriefingError
from generator.project import (
    EXTRACTOR_ENV,
    MAX_TEXT_CHARS,
    command,
    extract_seeds,
    extractor,
    folder_lock,
)
from generator.seeds import Seed

CALLS: list[str] = []


def fake_extract(seed: Seed, options: object = None) -> dict:
    CALLS.append(seed.id)
    first = seed.text.strip().splitlines()[0]
    return {
        "id": seed.id,
        "title": first,
        "date": "2024-01-02",
        "seed": {"path": seed.rel_path, "sha256": seed.sha256},
        "status": "draft",
        "summary": first,
        "actors": [],
        "timeline": [],
        "source_chain": [],
    }


@pytest.fixture(autouse=True)
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    CALLS.clear()
    monkeypatch.setattr(generator.extract, "extract", fake_extract, raising=False)


def folder(tmp_path: Path) -> tuple[Path, Path]:
    seeds, out = tmp_path / "seeds", tmp_path / "briefings"
    seeds.mkdir()
    (seeds / "one.txt").write_text("First story.\n", "utf-8")
    (seeds / "two.md").write_text("# Second story\n", "utf-8")
    return seeds, out


def run(tmp_path: Path, seeds: Path, out: Path, force: bool = False) -> dict[str, str]:
    outcomes = extract_seeds(sorted(seeds.iterdir()), out, tmp_path, seeds, force=force)
    return {o.seed: o.action for o in outcomes}


def test_creates_then_leaves_unchanged_seeds_byte_identical(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    assert run(tmp_path, seeds, out) == {"seeds/one.txt": "created", "seeds/two.md": "created"}
    before = (out / "one.yaml").read_bytes()
    CALLS.clear()
    assert run(tmp_path, seeds, out) == {"seeds/one.txt": "unchanged", "seeds/two.md": "unchanged"}
    assert CALLS == []  # an unchanged seed costs only a hash
    assert (out / "one.yaml").read_bytes() == before
    data = yaml.safe_load(before)
    assert data["seed"] == {"path": "seeds/one.txt", "sha256": data["seed"]["sha256"]}
    assert data["generator"]["version"]


def test_changed_seed_regenerates_its_draft(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    run(tmp_path, seeds, out)
    (seeds / "one.txt").write_text("Rewritten story.\n", "utf-8")
    assert run(tmp_path, seeds, out)["seeds/one.txt"] == "updated"
    assert yaml.safe_load((out / "one.yaml").read_text("utf-8"))["title"] == "Rewritten story."


def test_reviewed_record_is_never_overwritten(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    run(tmp_path, seeds, out)
    path = out / "one.yaml"
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8")
    reviewed = path.read_bytes()
    (seeds / "one.txt").write_text("Changed under the reviewer.\n", "utf-8")
    outcomes = extract_seeds([seeds / "one.txt"], out, tmp_path, seeds)
    assert outcomes[0].action == "kept"
    assert "reviewed record is stale" in outcomes[0].message
    assert "briefings diff one" in outcomes[0].message and "--force" not in outcomes[0].message
    assert path.read_bytes() == reviewed
    assert run(tmp_path, seeds, out, force=True)["seeds/one.txt"] == "updated"


def test_hand_edited_draft_is_kept_when_its_seed_changes(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    run(tmp_path, seeds, out)
    path = out / "two.yaml"
    path.write_text(
        path.read_text("utf-8").replace("summary: Second story", "summary: A reviewer's words"),
        "utf-8",
    )
    edited = path.read_bytes()
    (seeds / "two.md").write_text("# Second story, updated\n", "utf-8")
    outcomes = {o.seed: o for o in extract_seeds(sorted(seeds.iterdir()), out, tmp_path, seeds)}
    assert outcomes["seeds/two.md"].action == "kept"
    assert "edited by hand" in outcomes["seeds/two.md"].message
    assert path.read_bytes() == edited


def test_broken_record_is_kept_not_overwritten(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    out.mkdir()
    (out / "one.yaml").write_text("id: [broken\n", "utf-8")
    outcomes = {o.seed: o for o in extract_seeds(sorted(seeds.iterdir()), out, tmp_path, seeds)}
    assert outcomes["seeds/one.txt"].action == "kept"
    assert "cannot be read" in outcomes["seeds/one.txt"].message
    assert (out / "one.yaml").read_text("utf-8") == "id: [broken\n"


def test_bad_seeds_fail_alone_and_the_rest_go_on(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "a b.txt").write_text("x", "utf-8")
    (seeds / "a-b.txt").write_text("y", "utf-8")
    outcomes = {o.seed: o for o in extract_seeds(sorted(seeds.iterdir()), out, tmp_path, seeds)}
    assert outcomes["seeds/empty.txt"].line().startswith("failed    seeds/empty.txt: is empty")
    assert "same record id 'a-b' as seeds/a-b.txt" in outcomes["seeds/a b.txt"].message
    assert outcomes["seeds/one.txt"].action == "created"
    assert not (out / "empty.yaml").exists() and not (out / "a-b.yaml").exists()


def test_a_second_run_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with (
        folder_lock(tmp_path),
        pytest.raises(BriefingError, match="another 'briefings extract'"),
        folder_lock(tmp_path),
    ):
        pass


def test_force_on_an_unchanged_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    run(tmp_path, seeds, out)
    before = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
    assert run(tmp_path, seeds, out, force=True) == {
        "seeds/one.txt": "unchanged",
        "seeds/two.md": "unchanged",
    }
    assert {p.name: p.read_bytes() for p in out.glob("*.yaml")} == before


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    out.mkdir()
    (out / ".one.yaml.x1y2z3.tmp").write_text("id: half", "utf-8")
    (out / ".notes.txt").write_text("a person's file", "utf-8")
    run(tmp_path, seeds, out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".briefings-state.json",
        ".briefings.lock",
        ".notes.txt",
        "one.yaml",
        "two.yaml",
    ]


def test_an_extractor_crash_fails_its_seed_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash_on_one(seed: Seed, options: object = None) -> dict:
        if seed.id == "one":
            raise ZeroDivisionError("division by zero")
        return fake_extract(seed, options)

    monkeypatch.setattr(generator.extract, "extract", crash_on_one, raising=False)
    seeds, out = folder(tmp_path)
    outcomes = {o.seed: o for o in extract_seeds(sorted(seeds.iterdir()), out, tmp_path, seeds)}
    assert outcomes["seeds/one.txt"].line() == (
        "failed    seeds/one.txt: internal error in extraction (ZeroDivisionError: division by "
        "zero); rerun with --debug and report it with this seed"
    )
    assert outcomes["seeds/two.md"].action == "created"
    with pytest.raises(ZeroDivisionError):
        extract_seeds([seeds / "one.txt"], out, tmp_path, seeds, debug=True)


def test_long_texts_are_refused_before_extraction(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    (seeds / "long.txt").write_text("word " * (MAX_TEXT_CHARS // 5 + 1), "utf-8")
    (outcome,) = extract_seeds([seeds / "long.txt"], out, tmp_path, seeds)
    assert outcome.line() == (
        "failed    seeds/long.txt: text is 300,005 characters long, more "
        "than the 300,000 an article may have; keep only the article in "
        "the seed"
    )
    assert CALLS == []


def test_a_link_inside_the_seed_folder_is_fine(tmp_path: Path) -> None:
    seeds, out = folder(tmp_path)
    (seeds / "alias.txt").symlink_to(seeds / "one.txt")
    outcomes = {
        o.seed: o.action for o in extract_seeds([seeds / "alias.txt"], out, tmp_path, seeds)
    }
    assert outcomes == {"seeds/alias.txt": "created"}


def test_extractor_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EXTRACTOR_ENV, "tests.fake_extractor:extract")
    from tests import fake_extractor

    assert extractor() is fake_extractor.extract
    monkeypatch.setenv(EXTRACTOR_ENV, "tests.nowhere:extract")
    with pytest.raises(BriefingError) as info:
        extractor()
    assert info.value.line() == (
        "BRIEFINGS_EXTRACTOR: 'tests.nowhere:extract' cannot be loaded "
        "(No module named 'tests.nowhere'); set it to module:function "
        "or unset it"
    )


def test_commands_in_messages_can_be_pasted() -> None:
    assert command("extract", "--force", "seeds/a b.txt") == (
        "briefings extract --force 'seeds/a b.txt'"
    )
    assert command("diff", "x") == "briefings diff x"
