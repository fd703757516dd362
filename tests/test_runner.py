"""Where extraction runs does not change the records: serial, a process pool, Dask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.extract
from generator.project import extract_seeds
from generator.runner import STATE_FILE, StateCache, unchanged

from .conftest import PROJECT
from .fake_extractor import extract as fake_extract
from .support import FAKE


@pytest.fixture(autouse=True)
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.extract, "extract", fake_extract, raising=False)


def corpus(root: Path, n: int) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for i in range(n):
        (seeds / f"story-{i:02d}.txt").write_text(
            f"Story {i}\n\nMinister Alpha{i} met Envoy Beta{i} in Capital{i % 3} on Monday.\n",
            "utf-8",
        )
    return seeds


def records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.yaml"))}


def test_a_pool_of_processes_makes_the_same_records_as_one(tmp_path: Path) -> None:
    seeds = corpus(tmp_path, 12)
    paths = sorted(seeds.iterdir())
    serial = extract_seeds(paths, tmp_path / "one", tmp_path, seeds, jobs=1)
    pooled = extract_seeds(paths, tmp_path / "many", tmp_path, seeds, jobs=3)
    assert [o.action for o in serial] == [o.action for o in pooled] == ["created"] * 12
    assert [o.seed for o in serial] == [o.seed for o in pooled]  # reported in input order
    assert records(tmp_path / "one") == records(tmp_path / "many")


def test_unchanged_seeds_skip_the_extractor_and_the_state_cache_is_only_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = corpus(tmp_path, 4)
    out = tmp_path / "briefings"
    paths = sorted(seeds.iterdir())
    extract_seeds(paths, out, tmp_path, seeds, jobs=1)
    assert (out / STATE_FILE).is_file()

    def boom(seed: object, options: object = None) -> dict:
        raise AssertionError("the extractor ran on an unchanged seed")

    monkeypatch.setattr(generator.extract, "extract", boom)
    assert {o.action for o in extract_seeds(paths, out, tmp_path, seeds)} == {"unchanged"}
    # A corrupt cache is ignored, not trusted.
    (out / STATE_FILE).write_text("{not json", "utf-8")
    assert {o.action for o in extract_seeds(paths, out, tmp_path, seeds)} == {"unchanged"}
    # A record edited since the cache was written is read again.
    rec = out / "story-00.yaml"
    rec.write_text(rec.read_text("utf-8").replace("sha256: ", "sha256: 0"), "utf-8")
    cache = StateCache(out)
    assert not unchanged(paths[0], rec, cache)


def test_dask_cluster_makes_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    # Worker processes start afresh: they find the fake extractor through the environment.
    monkeypatch.setenv("BRIEFINGS_EXTRACTOR", FAKE)
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))
    )
    seeds = corpus(tmp_path, 6)
    paths = sorted(seeds.iterdir())
    local = extract_seeds(paths, tmp_path / "local", tmp_path, seeds, jobs=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = extract_seeds(
            paths, tmp_path / "dask", tmp_path, seeds, scheduler=cluster.scheduler_address
        )
    assert [o.action for o in remote] == [o.action for o in local] == ["created"] * 6
    assert records(tmp_path / "local") == records(tmp_path / "dask")


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from generator.errors import BriefingError

    seeds = corpus(tmp_path, 2)
    with pytest.raises(BriefingError, match="cannot reach the Dask scheduler"):
        extract_seeds(
            sorted(seeds.iterdir()), tmp_path / "b", tmp_path, seeds, scheduler="tcp://127.0.0.1:9"
        )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_seed_that_never_finishes_is_given_up_and_the_others_go_on(
    tmp_path: Path, jobs: str
) -> None:
    from .support import briefings

    seeds = corpus(tmp_path, 3)
    (seeds / "story-slow.txt").write_text(
        "Slow story\n\nMinister Gamma met Envoy Delta.\n", "utf-8"
    )
    done = briefings(
        tmp_path,
        "extract",
        "--jobs",
        jobs,
        FAKE_EXTRACT_HANG="slow",
        BRIEFINGS_SEED_TIMEOUT="2",
        timeout=120,
    )
    assert done.returncode == 1
    assert "story-slow.txt" in done.stdout + done.stderr
    assert "did not finish within 2 s" in done.stdout + done.stderr
    assert len(records(tmp_path / "briefings")) == 3
    # The same bytes are not tried again on the next build, and check says why it has none.
    again = briefings(
        tmp_path,
        "extract",
        "--jobs",
        jobs,
        FAKE_EXTRACT_HANG="slow",
        BRIEFINGS_SEED_TIMEOUT="2",
        timeout=120,
    )
    assert again.returncode == 1
    assert (
        "failed    seeds/story-slow.txt: extraction did not finish within 2 s; keep only "
        "the article in the seed, or raise BRIEFINGS_SEED_TIMEOUT (the last time; the seed "
        "is unchanged since, so it is not tried again: edit the seed, or rerun with --force)"
    ) in again.stderr.splitlines()
    checked = briefings(tmp_path, "check")
    assert (
        "seeds/story-slow.txt: error: has no record: its extraction failed (extraction did "
        "not finish within 2 s"
    ) in checked.stdout


def test_a_seed_that_never_finishes_on_a_dask_cluster_is_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dask runs tasks in threads, where no alarm can stop one: the client gives it up."""
    distributed = pytest.importorskip("dask.distributed")
    from generator import runner

    monkeypatch.setenv("BRIEFINGS_EXTRACTOR", FAKE)
    monkeypatch.setenv("FAKE_EXTRACT_HANG", "slow")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))
    )
    monkeypatch.setattr(runner, "SEED_TIMEOUT", 3)
    seeds = corpus(tmp_path, 3)
    (seeds / "story-slow.txt").write_text(
        "Slow story\n\nMinister Gamma met Envoy Delta.\n", "utf-8"
    )
    paths = sorted(seeds.iterdir())
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        outcomes = extract_seeds(
            paths, tmp_path / "dask", tmp_path, seeds, scheduler=cluster.scheduler_address
        )
    failed = [o for o in outcomes if o.failed]
    assert [o.seed for o in failed] == ["seeds/story-slow.txt"]
    assert "did not finish within 3 s" in failed[0].message
    assert len(records(tmp_path / "dask")) == 3


class _Text:
    def __init__(self, n: int) -> None:
        self.text = "x" * n


def test_batches_hold_every_seed_once_longest_first_and_shrink_towards_the_end() -> None:
    from generator.runner import BATCH_CHARS, BATCH_SEEDS, batches

    lengths = [(i * 7919) % 9000 + 1000 for i in range(60)] + [BATCH_CHARS * 3]
    seeds = [_Text(n) for n in lengths]
    pooled = batches(seeds, 2)  # type: ignore[arg-type]
    flat = [i for chunk in pooled for i in chunk]
    assert sorted(flat) == list(range(len(seeds)))
    assert [len(seeds[i].text) for i in flat] == sorted(lengths, reverse=True)
    assert pooled[0] == [len(seeds) - 1]  # a seed over the budget is a task of its own
    for chunk in pooled:
        assert len(chunk) == 1 or sum(len(seeds[i].text) for i in chunk) <= BATCH_CHARS
    assert len(pooled[1]) > len(pooled[-1]) == 1
    serial = batches(seeds, 1)  # type: ignore[arg-type]
    assert [i for chunk in serial for i in chunk] == list(range(len(seeds)))
    assert max(map(len, serial)) <= BATCH_SEEDS


def _real_seeds() -> list:
    from generator.seeds import prepare_seed

    folder = PROJECT / "tests" / "data" / "devset" / "seeds"
    return [prepare_seed(p, PROJECT, folder) for p in sorted(folder.glob("*.txt"))[:3]]


def test_a_batch_parsed_together_makes_the_records_of_one_seed_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator import runner
    from generator.extract import pipeline

    monkeypatch.setattr(generator.extract, "extract", pipeline.extract)
    seeds = _real_seeds()
    parsed: list[int] = []
    many = pipeline.parse_many
    monkeypatch.setattr(
        pipeline, "parse_many", lambda o, fronts: parsed.append(len(fronts)) or many(o, fronts)
    )
    together = runner.work_batch(seeds, None)
    assert parsed == [3]  # one parse for the three seeds
    alone = [runner.work(seed, None) for seed in seeds]
    assert [kind for kind, _ in together] == ["ok"] * 3
    assert together == alone


def test_in_a_batch_a_seed_that_breaks_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import runner
    from generator.extract import pipeline

    monkeypatch.setattr(generator.extract, "extract", pipeline.extract)
    seeds = _real_seeds()
    record_stage = pipeline.record_stage

    def broken(seed, options, front, body):  # type: ignore[no-untyped-def]
        if seed.id == seeds[1].id:
            raise ValueError("broken rule")
        return record_stage(seed, options, front, body)

    monkeypatch.setattr(pipeline, "record_stage", broken)
    kinds = [kind for kind, _ in runner.work_batch(seeds, None)]
    assert kinds == ["ok", "crash", "ok"]

    # A shared parse that fails: each seed is extracted on its own, so all still come out.
    monkeypatch.setattr(pipeline, "record_stage", record_stage)

    def no_parse(options, fronts):  # type: ignore[no-untyped-def]
        raise RuntimeError("parser down")

    monkeypatch.setattr(pipeline, "parse_many", no_parse)
    assert [kind for kind, _ in runner.work_batch(seeds, None)] == ["ok"] * 3
