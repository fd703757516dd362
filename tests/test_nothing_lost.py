"""Nothing is lost: `extract` killed at any point leaves every record old or new, never
partial, and a rerun finishes the job; two runs at once are refused, not interleaved.

These run the real command in subprocesses with the fake extractor (tests/fake_extractor.py):
what is tested is the store. The killed runs write through tests/slow_disk.py, so that writes
take a good share of each run and random kills land inside them: a plain `write_bytes` in
place of `atomic_write` fails this test.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .support import briefings, env

SEEDS = 15
NEW_ONLY = {12, 13, 14}  # seeds that have no record before the killed runs
KNOBS = {"FAKE_EXTRACT_ACTORS": "200"}
SLOW_EXTRACT = [sys.executable, "-m", "tests.slow_disk", "extract"]


def word(n: int) -> str:
    letters = ""
    for _ in range(3):
        n, r = divmod(n, 26)
        letters += chr(97 + r)
    return "Q" + letters


def write_seeds(seeds: Path, version: int) -> None:
    for i in range(SEEDS):
        if version == 1 and i in NEW_ONLY:
            continue
        names = " ".join(word(i * 1000 + j + version) for j in range(200))
        (seeds / f"story-{i:02}.txt").write_text(
            f"Story {i}, version {version}. {names}.\n", "utf-8"
        )


def records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.glob("*.yaml")}


def extract(root: Path) -> subprocess.CompletedProcess[str]:
    done = briefings(root, "extract", **KNOBS)
    assert done.returncode == 0, done.stderr
    return done


def test_sigkill_at_random_points_leaves_old_or_new_records(tmp_path: Path) -> None:
    # The reference: what a clean run over the new seeds writes, and how long it takes.
    clean = tmp_path / "clean"
    (clean / "seeds").mkdir(parents=True)
    write_seeds(clean / "seeds", 2)
    started = time.monotonic()
    subprocess.run(SLOW_EXTRACT, cwd=clean, env=env(**KNOBS), check=True, capture_output=True)
    duration = time.monotonic() - started
    new = records(clean / "briefings")
    assert len(new) == SEEDS
    assert all(yaml.safe_load(data)["actors"] for data in new.values())

    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    write_seeds(root / "seeds", 1)
    extract(root)
    old = records(root / "briefings")
    assert len(old) == SEEDS - len(NEW_ONLY) and not set(old.values()) & set(new.values())
    write_seeds(root / "seeds", 2)

    rng = random.Random(20240105)
    kills = 10
    interrupted = mixed = 0
    for k in range(kills):
        # Start from the old records each time, so every kill point falls into real work;
        # temporary files of earlier kills stay, for the rerun to clean up.
        for p in (root / "briefings").glob("*.yaml"):
            p.unlink()
        for name, data in old.items():
            (root / "briefings" / name).write_bytes(data)
        proc = subprocess.Popen(
            SLOW_EXTRACT,
            cwd=root,
            env=env(**KNOBS),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(duration * (k + rng.random()) / kills)
        proc.send_signal(signal.SIGKILL)
        interrupted += proc.wait() == -signal.SIGKILL
        now = records(root / "briefings")
        for name, data in now.items():
            assert data in (old.get(name), new[name]), f"{name} is partial after kill {k}"
        assert set(now) >= set(old), "a record disappeared"
        n_new = sum(now[name] == new[name] for name in now)
        mixed += 0 < n_new < SEEDS

    assert interrupted >= kills // 2, "too few kills landed while extract was running"
    assert mixed >= 2, "too few kills landed between the first and the last write"
    # A rerun finishes the job and leaves no temporary files behind.
    extract(root)
    assert records(root / "briefings") == new
    assert sorted(p.name for p in (root / "briefings").iterdir() if p.suffix != ".yaml") == [
        ".briefings-state.json",
        ".briefings.lock",
    ]


def test_two_extract_runs_at_once_the_second_is_refused(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a", "b", "c"):
        (seeds / f"{name}.txt").write_text(f"Story {name.upper()} here.", "utf-8")
    gate = tmp_path / "gate"
    first = subprocess.Popen(
        [sys.executable, "-m", "generator", "extract"],
        cwd=tmp_path,
        env=env(FAKE_EXTRACT_GATE=str(gate)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not Path(f"{gate}.waiting").exists():  # the first run holds the lock
            assert time.monotonic() < deadline and first.poll() is None, first.stderr
            time.sleep(0.05)
        second = briefings(tmp_path, "extract")
        assert second.returncode == 1
        assert second.stderr == (
            "error: briefings: another 'briefings extract' is writing to "
            "this folder; wait for it to finish, then run again\n"
        )
        assert list((tmp_path / "briefings").glob("*.yaml")) == []
        gate.touch()
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err
    assert "extract: 3 created" in out
    # Once the first run is over, the folder is free again.
    assert "3 unchanged" in briefings(tmp_path, "extract").stdout


def test_the_lock_dies_with_its_process(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Story A.", "utf-8")
    gate = tmp_path / "gate"
    first = subprocess.Popen(
        [sys.executable, "-m", "generator", "extract"],
        cwd=tmp_path,
        env=env(FAKE_EXTRACT_GATE=str(gate)),
    )
    deadline = time.monotonic() + 60
    while not Path(f"{gate}.waiting").exists():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    first.kill()
    first.wait()
    done = briefings(tmp_path, "extract")
    assert done.returncode == 0 and "1 created" in done.stdout
    shutil.rmtree(tmp_path / "briefings")


def test_a_record_saved_while_extract_runs_is_not_overwritten(tmp_path: Path) -> None:
    """A reviewer saves the record while the extractor works on its seed (which may take
    minutes): the run keeps the saved file and says so."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefings").mkdir()
    (tmp_path / "seeds" / "2024-01-01-rain.txt").write_text(
        "Rain in Paris\n\nOfficials in Paris said on Monday that it rained.\n", "utf-8"
    )
    gate = tmp_path / "gate"
    run = subprocess.Popen(
        [sys.executable, "-m", "generator", "extract"],
        cwd=tmp_path,
        env=env(FAKE_EXTRACT_GATE=str(gate)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        waiting = Path(f"{gate}.waiting")  # the extractor is at work: no record existed
        for _ in range(1200):
            if waiting.exists() or run.poll() is not None:
                break
            time.sleep(0.05)
        assert waiting.exists()
        record = tmp_path / "briefings" / "2024-01-01-rain.yaml"
        record.write_text("# the reviewer's own start\nid: 2024-01-01-rain\n", "utf-8")
        gate.write_text("go", "utf-8")
        out, err = run.communicate(timeout=120)
    finally:
        run.kill()
    assert record.read_text("utf-8") == "# the reviewer's own start\nid: 2024-01-01-rain\n"
    assert (
        "kept      seeds/2024-01-01-rain.txt -> briefings/2024-01-01-rain.yaml: the record "
        "was saved while extract ran" in out + err
    )


def _one_seed(tmp_path: Path, text: str) -> Path:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    seed = tmp_path / "seeds" / "2024-01-01-rain.txt"
    seed.write_text(text, "utf-8")
    return seed


def test_a_reviewers_comments_on_a_draft_survive_a_changed_seed(tmp_path: Path) -> None:
    seed = _one_seed(tmp_path, "Rain in Paris\n\nOfficials in Paris said on Monday it rained.\n")
    assert briefings(tmp_path, "extract").returncode == 0
    record = tmp_path / "briefings" / "2024-01-01-rain.yaml"
    noted = record.read_text("utf-8").replace(
        "\nsummary:", "\n# check the date with the desk\nsummary:", 1
    )
    record.write_text(noted, "utf-8")
    seed.write_text(seed.read_text("utf-8") + "Officials in Lyon agreed.\n", "utf-8")
    done = briefings(tmp_path, "extract")
    assert (
        "kept      seeds/2024-01-01-rain.txt -> briefings/2024-01-01-rain.yaml: draft was "
        "edited by hand" in done.stdout + done.stderr
    )
    assert record.read_text("utf-8") == noted


def test_a_record_saved_as_yml_is_the_record(tmp_path: Path) -> None:
    seed = _one_seed(tmp_path, "Rain in Paris\n\nOfficials in Paris said on Monday it rained.\n")
    assert briefings(tmp_path, "extract").returncode == 0
    yaml_file = tmp_path / "briefings" / "2024-01-01-rain.yaml"
    yml = yaml_file.with_suffix(".yml")
    yml.write_text(
        yaml_file.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8"
    )
    yaml_file.unlink()
    reviewed = yml.read_bytes()
    assert "unchanged" in briefings(tmp_path, "extract").stdout
    seed.write_text(seed.read_text("utf-8") + "Officials in Lyon agreed.\n", "utf-8")
    done = briefings(tmp_path, "extract")
    assert "briefings/2024-01-01-rain.yml: reviewed record is stale" in done.stdout + done.stderr
    assert sorted(p.name for p in (tmp_path / "briefings").glob("*.y*ml")) == [
        "2024-01-01-rain.yml"
    ]
    assert yml.read_bytes() == reviewed
