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
    new = {
        "timeline": [
            {"date": "2023", "event": "B."},
            {"date": "2023", "event": "C."},
            {"date": "2023", "event": "D."},
        ]
    }
    assert lines(old, new) == [
        "~ timeline['2023'].event",
        "    - event: A.",
        "    + event: C.",
        "+ timeline['2023']",
        "    + - date: '2023'",
        "    +   event: D.",
    ]


def test_records_of_the_wrong_shape_are_compared_whole() -> None:
    assert lines({"actors": "NATO", "tags": "x"}, {"actors": [], "tags": []}) == [
        "~ tags",
        "    - tags: x",
        "    + tags: []",
        "~ actors",
        "    - actors: NATO",
        "    + actors: []",
    ]


# ---------------------------------------------------------------- the command


def test_diff_command_exit_status_and_force(reviewed_repo: Path) -> None:
    record = reviewed_repo / "briefings" / f"{RID}.yaml"
    before = record.read_bytes()
    done = briefings(reviewed_repo, "diff", RID)
    assert record.read_bytes() == before  # diff never writes
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == (
        f"diff: briefings/{RID}.yaml against what the extractor makes of "
        f"seeds/{RID}.txt now (- as it is, + as it would be)"
    )
    assert "~ title" in out and "- actors[Jens Stoltenberg]" in out
    assert out[-1].startswith("diff: ") and "--force" not in out[-1]
    assert (
        f"or write whole fields with: briefings diff {RID} --take title,date,tags,summary,"
        "actors,timeline,source_chain (it writes only the fields you name" in out[-1]
    )
    assert "rejected:" in out[-1]

    assert briefings(reviewed_repo, "extract", "--force").returncode == 0
    for target in (RID, f"briefings/{RID}.yaml", f"seeds/{RID}.txt"):
        same = briefings(reviewed_repo, "diff", target)
        assert same.returncode == 0
        assert same.stdout == (
            f"diff: briefings/{RID}.yaml: the current extractor would change nothing\n"
        )


def test_diff_of_a_seed_without_record(repo: Path) -> None:
    done = briefings(repo, "diff", RID)
    assert done.returncode == 1
    assert done.stdout == (
        f"diff: briefings/{RID}.yaml does not exist; create it with: "
        f"briefings extract seeds/{RID}.txt\n"
    )


def test_diff_errors_exit_2(reviewed_repo: Path) -> None:
    done = briefings(reviewed_repo, "diff", "no-such-story")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "error: seeds: no seed gives the record id 'no-such-story'; give a "
        "record's id (its file name without .yaml) or a seed's path\n"
    )
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
        0,
        f"diff: out/{RID}.yaml: the current extractor would change nothing\n",
    )


# ---------------------------------------------------------------- --take and rejected


def _reviewed(repo: Path) -> Path:
    record = repo / "briefings" / f"{RID}.yaml"
    record.write_text(
        record.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8"
    )
    return record


def test_take_writes_only_the_named_fields_and_keeps_the_review(reviewed_repo: Path) -> None:
    record = _reviewed(reviewed_repo)
    before = yaml.safe_load(record.read_text("utf-8"))
    fresh = briefings(reviewed_repo, "diff", RID)
    assert "~ title" in fresh.stdout and "actors[" in fresh.stdout
    done = briefings(reviewed_repo, "diff", RID, "--take", "actors, review")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"diff: wrote actors into briefings/{RID}.yaml (review: nothing "
        "to take); its other fields and its status are as they were\n"
    )
    after = yaml.safe_load(record.read_text("utf-8"))
    assert after["actors"] != before["actors"]
    assert [a["name"] for a in after["actors"]] == [
        ln.split("name: ")[1] for ln in fresh.stdout.splitlines() if "+ - name: " in ln
    ]
    assert {k: v for k, v in after.items() if k != "actors"} == {
        k: v for k, v in before.items() if k != "actors"
    }  # status, generator stamp included
    assert after["status"] == "reviewed"
    assert record.read_text("utf-8").startswith("id: ")  # the store's format, no schema line added
    again = briefings(reviewed_repo, "diff", RID)
    assert "actors[" not in again.stdout and "~ title" in again.stdout
    assert briefings(reviewed_repo, "check").returncode == 0
    assert not list((reviewed_repo / "briefings").glob(".*.tmp"))


def test_take_refuses_unknown_fields_and_records_with_comments(reviewed_repo: Path) -> None:
    record = _reviewed(reviewed_repo)
    bad = briefings(reviewed_repo, "diff", RID, "--take", "actors,status")
    assert bad.returncode == 2
    assert bad.stderr == (
        "error: --take: 'status' is not a field diff can take; name some of: "
        "title,date,seed,review,tags,summary,actors,timeline,source_chain\n"
    )
    record.write_text(
        record.read_text("utf-8").replace("status: reviewed", "status: reviewed  # by Ana"), "utf-8"
    )
    before = record.read_bytes()
    done = briefings(reviewed_repo, "diff", RID, "--take", "actors")
    assert done.returncode == 2 and record.read_bytes() == before
    assert "holds comments, which writing fields into it would lose" in done.stderr


def test_take_seed_resolves_a_stale_reviewed_record(reviewed_repo: Path) -> None:
    record = _reviewed(reviewed_repo)
    seed = reviewed_repo / "seeds" / f"{RID}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    assert "stale" in briefings(reviewed_repo, "check").stdout
    assert briefings(reviewed_repo, "diff", RID, "--take", "seed").returncode == 0
    assert yaml.safe_load(record.read_text("utf-8"))["status"] == "reviewed"
    assert briefings(reviewed_repo, "check").stdout == "check: 0 error(s), 0 warning(s)\n"


def test_rejected_items_are_never_proposed_again(reviewed_repo: Path) -> None:
    record = _reviewed(reviewed_repo)
    fresh = briefings(reviewed_repo, "diff", RID).stdout
    proposed = [
        ln.split("+ actors[")[1].rstrip("]")
        for ln in fresh.splitlines()
        if ln.startswith("+ actors[")
    ]
    assert len(proposed) >= 2
    text = record.read_text("utf-8")
    record.write_text(
        text.rstrip("\n") + f"\nrejected:\n  actors: [{proposed[0]}]\n  timeline: ['2024']\n",
        "utf-8",
    )
    assert briefings(reviewed_repo, "check").returncode == 0  # the schema knows the key
    after = briefings(reviewed_repo, "diff", RID).stdout
    assert f"+ actors[{proposed[0]}]" not in after and f"+ actors[{proposed[1]}]" in after
    assert "rejected" not in after.split("diff: ")[1]  # the list itself is no change
    assert briefings(reviewed_repo, "diff", RID, "--take", "actors").returncode == 0
    names = [a["name"] for a in yaml.safe_load(record.read_text("utf-8"))["actors"]]
    assert proposed[0] not in names and proposed[1] in names
    # extract --force keeps the list and leaves the rejected out of the new draft.
    assert briefings(reviewed_repo, "extract", "--force").returncode == 0
    redrafted = yaml.safe_load(record.read_text("utf-8"))
    assert redrafted["status"] == "draft"
    assert redrafted["rejected"] == {"actors": [proposed[0]], "timeline": ["2024"]}
    assert proposed[0] not in [a["name"] for a in redrafted["actors"]]
    assert briefings(reviewed_repo, "diff", RID).returncode == 0


def test_rejections_match_names_aliases_and_dates() -> None:
    from generator.rejected import apply_rejections

    new = {
        "actors": [{"name": "Jens Stoltenberg", "aliases": ["Stoltenberg"]}, {"name": "NATO"}],
        "timeline": [{"date": "2024", "event": "x"}, {"date": "2023-05", "event": "y"}],
        "source_chain": [{"name": "Kyodo", "role": "primary"}],
        "tags": ["Asia", "Japan"],
    }
    old = {
        "rejected": {
            "actors": ["  stoltenberg "],
            "timeline": ["2024"],
            "source_chain": ["KYODO"],
            "tags": ["Asia"],
        }
    }
    out = apply_rejections(new, old)
    assert [a["name"] for a in out["actors"]] == ["NATO"]
    assert [e["date"] for e in out["timeline"]] == ["2023-05"]
    assert out["source_chain"] == [] and out["tags"] == ["Japan"]
    assert out["rejected"] == old["rejected"] and len(new["actors"]) == 2
    assert apply_rejections(new, {"title": "no list"}) is new
