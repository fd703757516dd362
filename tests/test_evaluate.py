"""Extraction quality, measured: `briefings evaluate` on the dev set and the first seed, with
floors pinned at the measured figures. Raise a floor when quality rises; never lower one
without saying why in the commit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.evaluate import evaluate, gold_pairs, score, score_dates, score_summary, table
from generator.project import EXTRACTOR_ENV

DATA = Path(__file__).parent / "data"

FLOORS = {
    "actor_f1": 0.91,
    "type_acc": 0.98,
    "event_f1": 0.83,
    "status_acc": 0.97,
    "outlets": 1.0,
    "original_authors": 1.0,
    "primaries": 0.80,
    "rouge1": 0.46,
}


def evaluate_json(*gold: Path, seeds: Path | None = None) -> dict:
    """`briefings evaluate --json` over gold folders, as a user runs it."""
    args = [a for g in gold for a in ("--gold", str(g))]
    args += ["--seeds", str(seeds)] if seeds else []
    done = subprocess.run(
        [sys.executable, "-m", "generator", "evaluate", "--json", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def report() -> dict:
    return evaluate_json(DATA / "devset" / "gold", DATA / "first-seed" / "gold")


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_quality_stays_above_its_floor(report: dict, metric: str) -> None:
    assert report["mean"][metric] >= FLOORS[metric], report["mean"]


# The synthetic set (tests/data/synthetic): forms the development set lacks.
SYNTHETIC_FLOORS = {
    "actor_f1": 0.88,
    "type_acc": 0.96,  # 0.97 measured after issue 15's type fixes (was 0.96)
    "event_f1": 0.89,
    "status_acc": 0.97,
    "outlets": 0.95,
    "original_date": 0.95,
    "original_authors": 0.95,
    "primaries": 0.75,
    "rouge1": 0.48,
}


@pytest.fixture(scope="module")
def synthetic() -> dict:
    return evaluate_json(DATA / "synthetic" / "gold")


@pytest.mark.parametrize("metric", sorted(SYNTHETIC_FLOORS))
def test_quality_on_the_synthetic_set_stays_above_its_floor(synthetic: dict, metric: str) -> None:
    assert synthetic["mean"][metric] >= SYNTHETIC_FLOORS[metric], synthetic["mean"]
    assert synthetic["mean"]["not_actors"] == []


def test_no_forbidden_actor_and_short_summaries(report: dict) -> None:
    assert report["mean"]["not_actors"] == []
    assert all(row["words"] <= 90 for row in report["documents"])
    assert len(report["documents"]) == 9
    assert report["speed"]["seeds_per_second"] > 0


def test_scoring_rules() -> None:
    gold = {
        "actors": [
            {"name": "Jens Stoltenberg", "type": "person"},
            {"name": "United States", "type": "country"},
            {"name": "NATO", "type": "organization", "aliases": ["the alliance"]},
        ],
        "optional_actors": ["Tokyo"],
        "not_actors": ["Nikkei Asia"],
        "timeline": [
            {"date": "2023-01~", "status": "occurred"},
            {"date": "2024", "status": "planned", "uncertain": True},
        ],
        "source_chain": [
            {"name": "Japanese and NATO officials", "role": "primary"},
            {
                "name": "Nikkei Asia",
                "role": "original",
                "date": "2023-05-03",
                "authors": ["Ken Moriyasu", "Rieko Miki"],
            },
            {"name": "Global Research", "role": "republisher"},
        ],
        "summary": "NATO plans an office in Tokyo.",
    }
    pred = {
        "actors": [
            {"name": "Jens A. Stoltenberg", "type": "person"},
            {"name": "U.S.", "type": "organization"},
            {"name": "The Alliance", "type": "organization"},
            {"name": "Tokyo", "type": "place"},
            {"name": "Nikkei Asia", "type": "other"},
        ],
        "timeline": [
            {"date": "2023-01", "status": "occurred"},
            {"date": "2024", "status": "planned"},
            {"date": "2025"},
        ],
        "source_chain": [
            {"name": "NATO officials", "role": "primary"},
            {
                "name": "Nikkei Asia",
                "role": "original",
                "date": "2023-05-03",
                "authors": ["Ken Moriyasu"],
            },
        ],
        "summary": "NATO plans to open an office in Tokyo.",
    }
    s = score(pred, gold)
    assert (s["actor_p"], s["actor_r"]) == (0.75, 1.0)  # Tokyo optional; Nikkei Asia wrong
    assert s["type_acc"] == pytest.approx(2 / 3) and s["not_actors"] == ["Nikkei Asia"]
    assert (s["event_p"], s["event_r"]) == (0.5, 1.0)  # 2024 optional; 2025 wrong
    assert s["outlets"] == 0.5 and s["original_date"] == 1.0
    assert s["original_authors"] == 0.5 and s["primaries"] == 1.0
    assert s["words"] == 8 and s["rouge1"] > 0.7


def test_a_seed_the_extractor_cannot_read_scores_as_empty_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "gold").mkdir()
    # Control characters: no reader takes it for a text document.
    (tmp_path / "seeds" / "garbled.txt").write_bytes(b"Council\x00\x01\x02\x03 votes\n" * 20)
    (tmp_path / "gold" / "garbled.yaml").write_text(
        "id: garbled\ntitle: A headline\ndate: '2024-01-02'\nseed:\n  path: seeds/garbled.txt\n"
        "  sha256: '0'\nstatus: reviewed\nsummary: The council voted.\nactors:\n"
        "  - name: Council\n    type: organization\ntimeline: []\nsource_chain: []\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "evaluate",
            "--gold",
            str(tmp_path / "gold"),
            "--seeds",
            str(tmp_path / "seeds"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "not extracted (scored as empty)" in done.stdout
    assert "garbled.txt: is binary" in done.stdout
    assert "refused: 1 of 1; without a date: 1" in done.stdout


# The Wikinews corpus (tests/data/wikinews, partial gold derived from GUM): actors against the
# salient entities, ROUGE against the human summaries, dates, the publication date and title.
# Floors pinned a little under the figures measured at the end of the wave that added the
# corpus (commit b4da887): actor P/R/F1 0.59/0.69/0.60, type 0.88, ROUGE-1 mean 0.43, best
# 0.45, dates P/R/F1 0.91/0.86/0.88, date 1.00, title 1.00, 0 of 40 refused (when the corpus
# was added, 39 of 40 were refused). Floors are only ever raised.
WIKINEWS_FLOORS = {
    "actor_p": 0.57,
    "actor_r": 0.67,
    "actor_f1": 0.58,
    "type_acc": 0.86,
    "rouge1": 0.41,
    "rouge1_best": 0.43,
    "dates_p": 0.90,  # 0.91 measured after issue 15 (a bare number needs year evidence)
    "dates_r": 0.84,
    "dates_f1": 0.87,  # 0.88 measured after issue 15
    "date": 0.97,
    "title": 0.97,
}
WIKINEWS_MAX_REFUSED = 0


@pytest.fixture(scope="module")
def wikinews() -> dict:
    return evaluate_json(DATA / "wikinews" / "gold", seeds=DATA / "wikinews" / "seeds")


def test_every_draft_of_every_corpus_passes_check(
    report: dict, synthetic: dict, wikinews: dict
) -> None:
    """What extract writes always passes `check` (schema, EDTF dates, verbatim evidence,
    characters, summary length), on every document the project has."""
    failing = [
        (row["id"], problem)
        for rep in (report, synthetic, wikinews)
        for row in rep["documents"]
        for problem in row.get("check_errors", [])
    ]
    assert failing == []


@pytest.mark.parametrize("metric", sorted(WIKINEWS_FLOORS))
def test_quality_on_the_wikinews_corpus_stays_above_its_floor(wikinews: dict, metric: str) -> None:
    assert wikinews["mean"][metric] >= WIKINEWS_FLOORS[metric], wikinews["mean"]


def test_the_wikinews_corpus_is_scored_on_the_fields_its_gold_has(wikinews: dict) -> None:
    rows = wikinews["documents"]
    assert len(rows) == 40 and wikinews["refused"] <= WIKINEWS_MAX_REFUSED
    assert wikinews["undated"] <= WIKINEWS_MAX_REFUSED
    assert all(r["id"].startswith("GUM_") for r in rows)
    # No timeline in this gold: never scored, so no figure and no mean.
    assert all(r["event_f1"] is None for r in rows) and wikinews["mean"]["event_f1"] is None
    assert all(r["references"] >= 1 for r in rows)
    assert all(r["rouge1_best"] >= r["rouge1"] for r in rows)


# ---------------------------------------------------------------------------- unit tests


def test_partial_gold_scores_only_the_fields_it_has() -> None:
    gold = {
        "title": "Council  Votes On Trams",
        "published": "2024-03-15",
        "actors": [{"name": "City Council", "type": "organization"}],
    }
    pred = {
        "title": "council votes on trams",
        "date": "2024-03-15",
        "summary": "x",
        "actors": [
            {"name": "City Council", "type": "organization"},
            {"name": "Mayor Jones", "type": "person"},
        ],
        "timeline": [{"date": "2024", "status": "occurred"}],
        "source_chain": [{"name": "Daily", "role": "original"}],
    }
    s = score(pred, gold, name="trams")
    assert s["id"] == "trams"
    assert (s["actor_p"], s["actor_r"], s["title"], s["date"]) == (0.5, 1.0, 1.0, 1.0)
    for key in (
        "event_f1",
        "status_acc",
        "outlets",
        "original_date",
        "rouge1",
        "rouge1_best",
        "words",
        "dates_f1",
    ):
        assert s[key] is None, key
    assert score({**pred, "date": "2024-03-14", "title": "Council votes"}, gold)["date"] == 0.0
    assert score({**pred, "title": "Council votes"}, gold)["title"] == 0.0


def test_the_mean_leaves_out_fields_a_gold_file_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One full record and one partial gold file in one run: the partial one's missing
    fields are "–" and do not pull the means down; its seed is found by its stem."""
    monkeypatch.setenv(EXTRACTOR_ENV, "tests.fake_extractor:extract")
    monkeypatch.syspath_prepend(str(Path(__file__).parent.parent))
    seeds, gold = tmp_path / "seeds", tmp_path / "gold"
    seeds.mkdir()
    gold.mkdir()
    (seeds / "a.txt").write_text("Trams Return\n\nThe Council voted on Monday.\n")
    (seeds / "b.txt").write_text("Harbour dredging\n\nthe Port said it would dredge.\n")
    # The fake extractor dates every record 2024-01-02 and names capitalised words.
    (gold / "a.yaml").write_text(
        "id: a\ntitle: x\ndate: '2024-01-02'\nseed: {path: seeds/a.txt, sha256: '0'}\n"
        "status: reviewed\nsummary: Trams Return The Council voted on Monday.\n"
        "actors: [{name: Council, type: organization}]\ntimeline: []\nsource_chain: []\n"
    )
    (gold / "b.yaml").write_text(
        "published: '2024-01-03'\ntitle: Harbour dredging the Port said it would dredge.\n"
        "actors: [{name: Port, type: organization}]\n"
        "optional_actors: [{name: Harbour, type: place}]\n"
    )
    report = evaluate([(gold, seeds)])
    a, b = report.rows
    assert b["id"] == "b" and b["event_f1"] is None and b["rouge1"] is None
    assert a["event_f1"] == 1.0 and a["rouge1"] == 1.0
    assert (b["actor_p"], b["actor_r"]) == (1.0, 1.0)  # "Harbour" is optional
    assert (a["date"], b["date"], b["title"]) == (1.0, 0.0, 1.0)
    assert report.mean["event_f1"] == 1.0 and report.mean["rouge1"] == 1.0
    assert report.mean["date"] == 0.5
    lines = table(report).splitlines()
    row_b = next(line for line in lines if line.startswith("b "))
    assert row_b.count("–") >= 10
    assert "refused: 0 of 2" in table(report)
    assert report.as_json()["refused"] == 0 and report.as_json()["undated"] == 0


def test_a_partial_gold_file_without_its_seed_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds" / "other.txt").write_text("Text\n")
    (tmp_path / "gold" / "lost.yaml").write_text("title: Lost\n")
    assert main(["evaluate", "--gold", str(tmp_path / "gold")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lost.yaml" in err and "no seed named lost.*" in err


def test_gold_files_pair_with_their_seeds(tmp_path: Path) -> None:
    seeds, gold = tmp_path / "seeds", tmp_path / "gold"
    seeds.mkdir()
    gold.mkdir()
    for name in ("a.txt", "b.md", "c.txt"):
        (seeds / name).write_text("Text\n")
    (gold / "a.yaml").write_text("title: A\n")  # partial, seed by stem
    (gold / "b.yaml").write_text("title: B\nseed: {path: seeds/c.txt}\n")  # partial, named
    (gold / "d.yaml").write_text("id: d\nstatus: draft\nseed: {path: seeds/a.txt}\n")
    pairs = gold_pairs(gold, seeds)
    assert [(g["id"], p.name) for g, p in pairs] == [("a", "a.txt"), ("b", "c.txt")]


def test_optional_actors_count_neither_as_hit_nor_as_false_positive() -> None:
    gold = {
        "actors": [
            {"name": "Cres Eastman", "type": "person", "aliases": ["Eastman"]},
            {"name": "Australia", "type": "country"},
        ],
        "optional_actors": [
            {"name": "World Health Organisation", "type": "organization"},
            "Tasmania",
        ],
    }
    pred = [
        {"name": "Eastman", "type": "person"},
        {"name": "World Health Organisation", "type": "organization"},
        {"name": "Tasmania", "type": "place"},
        {"name": "Sydney", "type": "place"},
    ]
    s = score({"actors": pred}, gold)
    # Hits: Eastman. False positive: Sydney. The two optional names: neither.
    assert (s["actor_p"], s["actor_r"]) == (0.5, 0.5)
    # Optional names do not count as recall either: with only them, as with no actor at all.
    only_optional = score({"actors": pred[1:3]}, gold)
    assert (only_optional["actor_p"], only_optional["actor_r"]) == (0.0, 0.0)
    with_hit = score({"actors": pred[:3]}, gold)
    assert (with_hit["actor_p"], with_hit["actor_r"]) == (1.0, 0.5)


def test_several_reference_summaries_give_the_mean_and_the_best() -> None:
    pred = "The council voted to extend the tram line to the harbour."
    refs = [pred, "Storms closed the airport for two days."]
    s = score_summary(pred, refs)
    assert s["rouge1_best"] == pytest.approx(1.0) and s["references"] == 2
    assert 0.4 < s["rouge1"] < 0.6  # (1 + ~0) / 2
    assert s["rouge1"] == pytest.approx((1.0 + score_summary(pred, refs[1])["rouge1"]) / 2)
    one = score({"summary": pred}, {"summary": refs[1]})
    assert one["rouge1"] == one["rouge1_best"] < 0.2 and one["references"] == 1
    both = score({"summary": pred}, {"summaries": refs})
    assert both["rouge1"] == pytest.approx(s["rouge1"])


SEED = (
    "Council approves tram line\nFriday, March 15, 2024\n\n"
    "The council voted on March 3, 2024 to build the line between July 2003 and "
    "December 2004 prices. Work starts in 2025.\n"
)


def _at(text: str, phrase: str, value: str) -> tuple[int, int, str]:
    start = SEED.index(phrase)
    return start, start + len(phrase), value


def test_dates_hit_when_spans_overlap_and_values_are_equal() -> None:
    gold = {
        "published": "2024-03-15",
        "dates": [
            {"text": "March 3, 2024", "value": "2024-03-03"},
            {"text": "July 2003", "value": "2003-07"},
            {"text": "December 2004", "value": "2004-12"},
            {"text": "2025", "value": "2025"},
        ],
    }
    found = [
        _at(SEED, "Friday, March 15, 2024", "2024-03-15"),  # publication date, unmarked
        _at(SEED, "March 3, 2024", "2024-03-03"),
        _at(SEED, "July 2003 and December 2004", "2003-07/2004-12"),  # both ends
        _at(SEED, "2025", "2025-01"),
    ]  # right place, wrong value
    s = score_dates(found, gold, SEED)
    assert s["dates_r"] == 0.75 and s["dates_p"] == pytest.approx(2 / 3)
    assert s["dates_missed"] == [{"text": "2025", "value": "2025"}]
    assert s["dates_wrong"] == [{"text": "2025", "value": "2025-01"}]
    # A right value in the wrong place is no hit.
    elsewhere = score_dates([_at(SEED, "March 3, 2024", "2025")], gold, SEED)
    assert (elsewhere["dates_p"], elsewhere["dates_r"]) == (0.0, 0.0)
    # Equal spans of days are equal values; qualifiers are dropped.
    same = score_dates([_at(SEED, "2025", "2025-01-01/2025-12-31~")], gold, SEED)
    assert (same["dates_p"], same["dates_r"]) == (1.0, 0.25)
    # A gold interval is hit by an equal interval, or by its two ends inside its text.
    gold_iv = {"dates": [{"text": "July 2003 and December 2004", "value": "2003-07/2004-12"}]}
    assert (
        score_dates(
            [_at(SEED, "July 2003 and December 2004", "2003-07-01/2004-12-31")], gold_iv, SEED
        )["dates_f1"]
        == 1.0
    )
    two = [_at(SEED, "July 2003", "2003-07"), _at(SEED, "December 2004", "2004-12")]
    assert score_dates(two, gold_iv, SEED)["dates_f1"] == 1.0
    assert score_dates(two[:1], gold_iv, SEED)["dates_f1"] == 0.0


def test_dates_are_found_against_the_records_date_and_an_undated_record_finds_none() -> None:
    gold = {"published": "2024-03-15", "dates": [{"text": "March 3, 2024", "value": "2024-03-03"}]}
    dated = score({"date": "2024-03-15"}, gold, SEED)
    assert dated["dates_r"] == 1.0 and dated["dates_gold"] == 1
    for undated in ({}, {"date": None}, {"date": "unknown"}):
        s = score(undated, gold, SEED)
        assert (s["dates_r"], s["dates_f1"], s["dates_found"]) == (0.0, 0.0, 0)
