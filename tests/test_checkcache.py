"""`briefings check` from its cache reports exactly what a check without it reports."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cachedir, checkcache, filehash
from generator.checkcache import CheckCache
from generator.cli import main
from generator.filehash import FileHashes
from generator.records import dump_record
from generator.validate import validate_repository

RID = "2023-05-05-nato-opens-japan-office"
SEED = f"seeds/{RID}.txt"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (in use they must be two seconds old). Every edit in
    these tests changes the file's size, so no edit can pass for the version hashed before."""
    monkeypatch.setattr(filehash, "RACY_NS", 0)


def record(root: Path, rid: str = RID) -> Path:
    return root / "briefings" / f"{rid}.yaml"


def edit(root: Path, change: Callable[[dict[str, Any]], Any], rid: str = RID) -> None:
    path = record(root, rid)
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(dump_record(data), "utf-8")


def check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    status = main(["--root", str(root), "check", "--format", "text", *extra])
    out = capsys.readouterr()
    return status, out.out, out.err


def same_as_cold(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run check from the cache and without it; both must say the same, word for word."""
    cached = check(root, capsys)
    cold = check(root, capsys, "--no-cache")
    assert cached == cold
    again = check(root, capsys)  # every record now comes from the cache
    assert again == cold
    return cold[0], cold[1]


def hits(root: Path) -> tuple[int, list[str]]:
    cache = CheckCache(root, root / "briefings", root / "seeds")
    found = validate_repository(root, cache=cache)
    return cache.hits, [p.format() for p in found]


@pytest.fixture
def two_records(reviewed_repo: Path) -> Path:
    """The reviewed example plus a draft of a second seed with one error and one warning."""
    other = "2023-06-01-second-seed"
    seed_text = "The council met on Monday. Mayor Ann Lee said the bridge would reopen.\n"
    (reviewed_repo / "seeds" / f"{other}.txt").write_text(seed_text, "utf-8")
    data = yaml.safe_load(record(reviewed_repo).read_text("utf-8"))
    data.update(id=other, status="draft", colour="blue", date="2023-13")
    data["seed"] = {"path": f"seeds/{other}.txt", "sha256": "0" * 64}
    data.pop("generator", None)
    for key in ("actors", "timeline", "source_chain"):
        for item in data.get(key) or []:
            item.pop("evidence", None)
    record(reviewed_repo, other).write_text(dump_record(data), "utf-8")
    return reviewed_repo


def test_unchanged_problems_are_reported_again(
    two_records: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = same_as_cold(two_records, capsys)
    assert status == 1
    assert "error: date: '2023-13' is not a valid EDTF date" in out
    assert "warning: colour: unknown key 'colour' is ignored" in out
    assert "warning: seed.sha256: stale" in out
    n, lines = hits(two_records)
    assert n == 2  # both records came from the cache, with every problem
    assert "\n".join(lines) + "\n" == out.split("check:")[0]


def test_changed_record_is_checked_again(
    two_records: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    same_as_cold(two_records, capsys)
    edit(two_records, lambda d: d.update(date="2023-06-01"), "2023-06-01-second-seed")
    status, out = same_as_cold(two_records, capsys)
    assert status == 0 and "2023-13" not in out
    edit(two_records, lambda d: d["actors"][0].update(type="nation"))  # the reviewed one
    status, out = same_as_cold(two_records, capsys)
    assert status == 1 and "actors[0].type: 'nation' is not one of" in out


def test_changed_seed_is_checked_again(
    reviewed_repo: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert same_as_cold(reviewed_repo, capsys)[0] == 0
    seed = reviewed_repo / SEED
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    status, out = same_as_cold(reviewed_repo, capsys)
    assert "warning: seed.sha256: stale: the seed changed" in out
    seed.write_text("Nothing the record quotes is here any more.\n", "utf-8")
    status, out = same_as_cold(reviewed_repo, capsys)
    assert status == 1 and "is not in the seed" in out
    seed.unlink()
    status, out = same_as_cold(reviewed_repo, capsys)
    assert f"'{SEED}' does not exist" in out


def test_seed_replaced_by_a_link_is_checked_again(
    reviewed_repo: Path, tmp_path: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    same_as_cold(reviewed_repo, capsys)
    seed = reviewed_repo / SEED
    outside = tmp_path / "outside.txt"
    shutil.copy(seed, outside)
    seed.unlink()
    seed.symlink_to(outside)  # the same bytes, now outside seeds/
    status, out = same_as_cold(reviewed_repo, capsys)
    assert status == 1 and "leads outside seeds/" in out


def test_unreadable_record_and_repository_problems(
    two_records: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    same_as_cold(two_records, capsys)
    path = record(two_records, "2023-06-01-second-seed")
    path.write_text(path.read_text("utf-8") + "colour: [\n", "utf-8")
    status, out = same_as_cold(two_records, capsys)
    assert status == 1 and "YAML error" in out
    shutil.copy(record(two_records), two_records / "briefings" / f"{RID}.yml")  # a second id
    (two_records / "seeds" / "2023-07-01-no-record.txt").write_text("A text.\n", "utf-8")
    status, out = same_as_cold(two_records, capsys)
    assert f"id '{RID}' is shared by" in out
    assert "seeds/2023-07-01-no-record.txt: error: has no record" in out


def test_build_policy_from_the_cache(
    two_records: Path, settled: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Within `briefings build`, the draft's error does not block; the exit statuses and
    lines are those of a check without the cache."""
    from argparse import Namespace

    from generator.cli import _check

    def run(cache: bool) -> tuple[int, str, str]:
        args = Namespace(
            root=two_records, records=None, seeds_dir=None, format="text", in_build=True
        )
        args.cache = cache
        status = _check(args)
        out = capsys.readouterr()
        return status, out.out, out.err

    assert run(True) == run(False) == run(True)
    assert run(True)[0] == 0


def test_a_change_of_code_drops_the_cache(
    two_records: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache is used only with the code that wrote it: a planted entry shows whether it is."""
    hits(two_records)
    cache = CheckCache(two_records, two_records / "briefings", two_records / "seeds")
    assert cache.path is not None
    saved = json.loads(cache.path.read_text("utf-8"))
    entry = saved["records"][f"{RID}.yaml"]
    entry["problems"] = [
        {"file": "planted", "line": None, "keypath": "", "message": "m", "level": "error"}
    ]
    cache.path.write_text(json.dumps(saved), "utf-8")
    assert "planted: error: m" in hits(two_records)[1]  # the entry is used...
    monkeypatch.setattr(checkcache, "code_fingerprint", lambda sha256=None: "other code")
    n, lines = hits(two_records)
    assert n == 0 and "planted: error: m" not in lines  # ...but not by other code


def test_the_fingerprint_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(Path(cachedir.__file__).parent / "schema", package / "schema")
    (package / "extract" / "data").mkdir(parents=True)
    lexicon = package / "extract" / "data" / "words.txt"
    lexicon.write_text("alpha\n", "utf-8")
    (package / "validate.py").write_text("X = 1\n", "utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "validate.cpython-311.pyc").write_bytes(b"\0")
    first = cachedir.code_fingerprint(package=package)
    (package / "__pycache__" / "validate.cpython-311.pyc").write_bytes(b"\1")
    assert cachedir.code_fingerprint(package=package) == first  # compiled files do not count
    for path, text in [
        (lexicon, "alpha\nbeta\n"),
        (package / "validate.py", "X = 2\n"),
        (package / "schema" / "record.schema.json", "{}"),
    ]:
        before = cachedir.code_fingerprint(package=package)
        path.write_text(text, "utf-8")
        assert cachedir.code_fingerprint(package=package) != before, path


def test_hashes_are_kept_only_for_settled_files(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text("first version\n", "utf-8")
    hashes = FileHashes(tmp_path / "hashes.json")
    first = hashes.sha256(path)
    path.write_text("other version\n", "utf-8")  # same size, within the clock's resolution
    assert hashes.sha256(path) != first
    assert not hashes.entries  # neither was remembered: both were written just now


def test_a_restored_mtime_does_not_hide_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filehash, "RACY_NS", 0)
    path = tmp_path / "seed.txt"
    path.write_text("first version\n", "utf-8")
    old = path.stat().st_mtime_ns - 10**10
    os.utime(path, ns=(old, old))
    time.sleep(0.05)
    hashes = FileHashes(tmp_path / "hashes.json")
    first = hashes.sha256(path)
    assert hashes.entries  # remembered
    hashes.save()
    time.sleep(0.05)
    path.write_text("other version\n", "utf-8")  # same size...
    os.utime(path, ns=(old, old))  # ...and the same mtime: the ctime still moved
    assert FileHashes(tmp_path / "hashes.json").sha256(path) != first
