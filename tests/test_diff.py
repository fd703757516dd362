"""`briefings diff`: what the current extractor would change in a record, field by field."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.diff import diff_records

from .conftest import EXAMPLE_RECORD
from .support import briefings

RID = "2023-05-05-nato-opens-japan-office"


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def lines(old: dict, new: dict) -> list[str]:
    return [ln for change in diff_records(old, new) for ln in change.lines()]


def test_identical_records_differ_in_nothing() -> None:
    assert diff_records(example(), example()) == []


def test_status_and_generator_stamp_are_not_content() -> None:
    new = example()
    new["status"] = "reviewed"
    new["generator"] = {"version": "9", "digest": "x"}
    assert diff_records(example(), new) == []


def test_each_kind_of_change_is_shown_as_record_lines() -> None:
    old, new = example(), example()
    new["title"] = "NATO to open a Tokyo office"
    new["seed"]["sha256"] = "ab" * 32
    new["tags"] = ["Asia", "Europe"]
    new["actors"][3]["role"] = "Prime Minister"
    del new["actors"][4]  # China
    new["actors"].append({"name": "Lithuania", "type": "country", "evidence": "Lithuania"})
    new["timeline"][3]["event"] = "The office opens."
    new["source_chain"][2]["authors"] = ["Ken Moriyasu"]
    assert lines(old, new) == [
        "~ title",
        "    - title: >-",
        '    -   Does The Atlantic Alliance Need a "Name Change": NATO Opens Japan Office, '
        "Deepening",
        "    -   Indo-Pacific Engagement",
        "    + title: NATO to open a Tokyo office",
        "~ seed.sha256",
        "    - sha256: 85333af93ecbfc4f68dd6cdf697d4df18413ec092df550e66f2244369ccb5d79",
        "    + sha256: " + "ab" * 32,
        "+ tags",
        "    + - Europe",
        "- tags",
        "    - - Intelligence",
        "~ actors[Fumio Kishida].role",
        "    - role: Prime Minister of Japan",
        "    + role: Prime Minister",
        "+ actors[Lithuania]",
        "    + - name: Lithuania",
        "    +   type: country",
        "    +   evidence: Lithuania",
        "- actors[China]",
        "    - - name: China",
        "    -   type: country",
        "    -   evidence: as China emerges as a new challenge",
        "~ timeline['2024'].event",
        "    - event: The one-person NATO liaison office is to open in Tokyo.",
        "    + event: The office opens.",
        "~ source_chain[Nikkei Asia, original].authors",
        "    - authors:",
        "    -   - Ken Moriyasu",
        "    -   - Rieko Miki",
        "    -   - Takashi Tsuji",
        "    + authors:",
        "    +   - Ken Moriyasu",
    ]


def test_events_on_one_date_are_matched_equal_ones_first() -> None:
    old = {"timeline": [{"date": "2023", "event": "A."}, {"date": "2023", "event": "B."}]}
    new = {"timeline": [{"date": "2023", "event": "B."}, {"date": "2023", "event": "C."},
                        {"date": "2023", "event": "D."}]}
    assert lines(old, new) == [
        "~ timeline['2023'].event", "    - event: A.", "    + event: C.",
        "+ timeline['2023']", "    + - date: '2023'", "    +   event: D.",
    ]


def test_records_of_the_wrong_shape_are_compared_whole() -> None:
    assert lines({"actors": "NATO", "tags": "x"}, {"actors": [], "tags": []}) == [
        "~ tags", "    - tags: x", "    + tags: []",
        "~ actors", "    - actors: NATO", "    + actors: []",
    ]


# ---------------------------------------------------------------- the command


def test_diff_command_exit_status_and_force(reviewed_repo: Path) -> None:
    record = reviewed_repo / "briefings" / f"{RID}.yaml"
    before = record.read_bytes()
    done = briefings(reviewed_repo, "diff", RID)
    assert record.read_bytes() == before  # diff never writes
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == (f"diff: briefings/{RID}.yaml against what the extractor makes of "
                      f"seeds/{RID}.txt now (- as it is, + as it would be)")
    assert "~ title" in out and "- actors[Jens Stoltenberg]" in out
    assert out[-1].endswith("; copy the parts you want into the record by hand, or take all "
                            f"of them with: briefings extract --force seeds/{RID}.txt")

    assert briefings(reviewed_repo, "extract", "--force").returncode == 0
    for target in (RID, f"briefings/{RID}.yaml", f"seeds/{RID}.txt"):
        same = briefings(reviewed_repo, "diff", target)
        assert same.returncode == 0
        assert same.stdout == (f"diff: briefings/{RID}.yaml: the current extractor would "
                               "change nothing\n")


def test_diff_of_a_seed_without_record(repo: Path) -> None:
    done = briefings(repo, "diff", RID)
    assert done.returncode == 1
    assert done.stdout == (f"diff: briefings/{RID}.yaml does not exist; create it with: "
                           f"briefings extract seeds/{RID}.txt\n")


def test_diff_errors_exit_2(reviewed_repo: Path) -> None:
    done = briefings(reviewed_repo, "diff", "no-such-story")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("error: seeds: no seed gives the record id 'no-such-story'; give a "
                           "record's id (its file name without .yaml) or a seed's path\n")
    (reviewed_repo / "briefings" / f"{RID}.yaml").write_text("id: [x\n", "utf-8")
    broken = briefings(reviewed_repo, "diff", RID)
    assert broken.returncode == 2
    assert broken.stderr.startswith(f"error: briefings/{RID}.yaml:2:1: YAML error: ")


def test_diff_works_on_other_folders(tmp_path: Path, reviewed_repo: Path) -> None:
    seeds, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(reviewed_repo / "seeds", seeds)
    out.mkdir()
    done = briefings(tmp_path, "extract", "--seeds", "in", "--out", "out")
    assert done.returncode == 0, done.stderr
    same = briefings(tmp_path, "diff", RID, "--seeds", "in", "--out", "out")
    assert (same.returncode, same.stdout) == (
        0, f"diff: out/{RID}.yaml: the current extractor would change nothing\n")
