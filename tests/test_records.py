from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from generator.errors import BriefingError
from generator.records import (
    atomic_write,
    content_digest,
    dump_field,
    dump_item,
    dump_record,
    hand_edited,
    parse_record,
    read_record,
    stamp,
)

from .conftest import EXAMPLE_RECORD


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def test_dump_round_trips_and_is_stable() -> None:
    record = example()
    text = dump_record(record)
    assert yaml.safe_load(text) == record
    assert dump_record(yaml.safe_load(text)) == text


def test_dump_fixes_key_order_quotes_dates_and_folds_long_text() -> None:
    record = example()
    shuffled = dict(reversed(list(record.items())))
    text = dump_record(shuffled, "../generator/schema/record.schema.json")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../generator/schema/record.schema.json"
    top = [ln.split(":")[0] for ln in lines[1:] if ln and not ln.startswith(" ")]
    assert top == [
        "id",
        "title",
        "date",
        "seed",
        "status",
        "tags",
        "summary",
        "actors",
        "timeline",
        "source_chain",
    ]
    assert "date: '2023-05-05'" in lines
    assert "  - date: '2024'" in lines
    assert "summary: >-" in lines
    assert all(
        len(ln) <= 100
        for ln in lines
        if ln.startswith("  ") and "evidence" not in ln and "title" not in ln
    )
    # one item per line
    assert "tags:\n  - Asia\n  - Intelligence\n" in text


def test_dump_keeps_awkward_strings_exact() -> None:
    record = {
        "id": "x",
        "summary": "yes",
        "title": "a: b # c",
        "tags": ["no", "2024", "- x"],
        "actors": [
            {"name": "line one\nline two", "type": "other", "evidence": "'quoted' and \"double\""}
        ],
    }
    assert yaml.safe_load(dump_record(record)) == record


def test_parse_reports_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(BriefingError) as info:
        parse_record("id: x\ntitle: [unclosed\nsummary: y\n", tmp_path / "r.yaml")
    line = info.value.line()
    assert line.startswith(f"{tmp_path / 'r.yaml'}:3:")
    assert "YAML error" in line and "\n" not in line


def test_duplicate_keys_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match=r"r.yaml:2:1: YAML error: duplicate key 'id'"):
        parse_record("id: x\nid: y\n", tmp_path / "r.yaml")


def test_alias_bomb_is_rejected_at_once(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    started = time.perf_counter()
    with pytest.raises(BriefingError) as info:
        parse_record(bomb, tmp_path / "r.yaml")
    assert time.perf_counter() - started < 0.5
    assert info.value.line() == (
        f"{tmp_path / 'r.yaml'}:1:4: YAML error: anchors (&name) and "
        "aliases (*name) are not allowed in a record; write the value "
        "out in full"
    )


def test_an_anchor_alone_is_refused_too(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match=r"r.yaml:2:8: YAML error: anchors"):
        parse_record("id: x\ntitle: &t Title\n", tmp_path / "r.yaml")


def test_non_utf8_record_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"id: x\ntitle: caf\xe9\n")
    with pytest.raises(BriefingError) as info:
        read_record(path)
    assert info.value.line() == f"{path}:2:11: is not UTF-8 (byte 0xe9); save it as UTF-8"


def test_fragments_are_dumped_as_a_record_holds_them() -> None:
    assert dump_item("actors", {"evidence": "q", "name": "A", "type": "person"}) == [
        "- name: A",
        "  type: person",
        "  evidence: q",
    ]
    assert dump_field("date", "2023") == ["date: '2023'"]
    folded = dump_field("summary", "word " * 30 + "end")
    assert folded[0] == "summary: >-" and len(folded) == 3
    assert all(ln.startswith("  word") and len(ln) <= 96 for ln in folded[1:])
    assert yaml.safe_load("\n".join(folded)) == {"summary": "word " * 30 + "end"}


def test_tabs_are_rejected_with_their_line(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match=r"r.yaml:2:6: tab character"):
        parse_record(
            "id: x\nseed:\n\tpath: y\n".replace("seed:\n", "seed:\t\n"), tmp_path / "r.yaml"
        )


def test_line_map_gives_lines_of_nested_keys(tmp_path: Path) -> None:
    loaded = parse_record(EXAMPLE_RECORD.read_text("utf-8"), tmp_path / "r.yaml")
    lines = EXAMPLE_RECORD.read_text("utf-8").splitlines()
    n = loaded.line("actors[2].role")
    assert n is not None and lines[n - 1].strip() == "role: NATO Secretary-General"
    assert loaded.line("actors[2].nonexistent") == loaded.line("actors[2]")


def test_read_record_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"id: caf\xe9\n")
    with pytest.raises(BriefingError, match="is not UTF-8"):
        read_record(path)


def test_stamp_and_hand_edit_detection() -> None:
    record = stamp(example())
    assert record["generator"]["digest"] == content_digest(record)
    assert not hand_edited(record)
    record["summary"] = "A person rewrote this."
    assert hand_edited(record)
    assert hand_edited({"id": "x"})  # no stamp: a person wrote it


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "r.yaml"
    atomic_write(path, b"old")
    os.chmod(path, 0o640)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in path.parent.iterdir()] == ["r.yaml"]
