"""A readable seed without a publication date: a draft with an open question, checked,
rendered and sorted like any other record, and never dated today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.dates import human_date, sort_key
from generator.extract import extract
from generator.records import dump_record
from generator.render import Briefing, _newest_first, render_briefing
from generator.seeds import read_seed
from generator.validate import schema_errors, validate_repository

SEED = """Ferry Service to Resume After Storm Repairs

The Northern Isles Ferry Company said yesterday that its crossing to Skarvik would resume next
week, after storm damage to the pier was repaired.

The pier was built in 1962 and was last rebuilt after a storm on 14 January 2005, the
company's director, Maren Holt, told reporters.

The island council welcomed the decision and said on Friday that it would pay for new
fenders on the pier.
"""


@pytest.fixture
def undated(repo: Path) -> tuple[Path, dict]:
    seed = repo / "seeds" / "ferry-service-resumes.txt"
    seed.write_text(SEED, encoding="utf-8")
    rec = extract(read_seed(seed, repo))
    (repo / "briefings" / "ferry-service-resumes.yaml").write_text(dump_record(rec), "utf-8")
    return repo, rec


def test_the_draft_says_what_is_unknown_and_invents_nothing(undated) -> None:
    _, rec = undated
    assert rec["date"] == "XXXX-XX-XX"
    assert dt.date.today().isoformat() not in yaml.safe_dump(rec)
    asked = {q["field"]: q["question"] for q in rec["review"]}
    assert "No publication date" in asked["date"]
    for words in ("yesterday", "next week"):
        assert f"'{words}'" in asked["timeline"]
    assert {e["date"] for e in rec["timeline"]} == {"1962", "2005-01-14"}
    # the rest of the extraction does not need the date
    assert rec["title"] == "Ferry Service to Resume After Storm Repairs"
    assert "Maren Holt" in [a["name"] for a in rec["actors"]]
    assert rec["summary"] and rec["summary"] != rec["title"]
    assert schema_errors(rec) == []


def test_check_warns_on_a_draft_and_fails_a_reviewed_record_with_open_questions(
    undated,
) -> None:
    repo, rec = undated
    mine = [p for p in validate_repository(repo) if "ferry-service-resumes" in p.file]
    questions = [p for p in mine if p.keypath.startswith("review")]
    assert questions and all(p.level == "warning" for p in questions)
    assert not [p.format() for p in mine if p.level == "error"]  # 'XXXX-XX-XX' is EDTF
    assert all(p.format().count("\n") == 0 for p in questions)
    assert "ferry-service-resumes.yaml" in questions[0].format()
    assert "answer it in the record and delete the item" in questions[0].format()

    rec["status"] = "reviewed"
    path = repo / "briefings" / "ferry-service-resumes.yaml"
    path.write_text(dump_record(rec), "utf-8")
    errors = [p for p in validate_repository(repo) if p.keypath.startswith("review")]
    assert errors and all(p.level == "error" for p in errors)
    assert "is reviewed but still has an open question about 'date'" in errors[0].format()

    # answered: the date given, the questions deleted
    rec["date"] = "2024-03-12"
    del rec["review"]
    path.write_text(dump_record(rec), "utf-8")
    assert not [
        p
        for p in validate_repository(repo)
        if "ferry-service-resumes" in p.file and p.level == "error"
    ]


@pytest.mark.parametrize(
    "review",
    [
        [{"field": "date"}],  # no question
        [{"field": "date", "question": "Add it", "answer": "2024"}],  # unknown key
        "add the date",  # not a list
    ],
)
def test_the_review_list_has_a_fixed_shape(undated, review) -> None:
    _, rec = undated
    assert schema_errors({**rec, "review": review})


def test_the_record_keeps_review_after_status() -> None:
    rec = {
        "id": "a",
        "title": "T",
        "date": "XXXX-XX-XX",
        "seed": {"path": "seeds/a.txt", "sha256": "0" * 64},
        "status": "draft",
        "summary": "S",
        "actors": [],
        "timeline": [],
        "source_chain": [],
        "review": [{"question": "Add it", "field": "date"}],
    }
    text = dump_record(rec)
    assert text.index("status:") < text.index("review:") < text.index("summary:")
    assert text.index("field: date") < text.index("question: Add it")
    assert "date: 'XXXX-XX-XX'" in text


@pytest.mark.parametrize(
    "value, shown",
    [
        ("XXXX-XX-XX", "date not stated"),
        ("XXXX", "date not stated"),
        ("2024-XX-XX", "2024"),
        ("2024-03-XX", "Mar 2024"),
        ("2024-03-12", "12 Mar 2024"),  # known dates unchanged
    ],
)
def test_unspecified_dates_read_as_what_is_known(value: str, shown: str) -> None:
    assert human_date(value) == shown


def test_undated_briefings_sort_last_and_show_date_not_stated(undated) -> None:
    _, rec = undated
    dated = {**rec, "id": "dated", "date": "2001-05-05"}
    older = {**rec, "id": "older", "date": "1999"}
    order = _newest_first([Briefing(r, f"briefings/{r['id']}.yaml") for r in (rec, older, dated)])
    assert [b.id for b in order] == ["dated", "older", "ferry-service-resumes"]
    assert sort_key("XXXX-XX-XX") < sort_key("1999") < sort_key("2024-XX-XX") <= sort_key("2024")
    page = render_briefing(rec, "briefings/ferry-service-resumes.yaml", SEED)
    assert "date not stated" in page
    assert "Open questions for the reviewer" in page and "No publication date" in page
    assert "XXXX" not in page.split("<details")[0].replace('data-edtf="XXXX', "")


def test_a_date_that_reads_two_ways_is_taken_day_first_and_questioned(repo: Path) -> None:
    seed = repo / "seeds" / "harbour-dues.txt"
    seed.write_text("Harbour Dues Rise\n\n07/08/2016 09:15\n\n" + SEED.split("\n", 2)[2], "utf-8")
    rec = extract(read_seed(seed, repo))
    assert rec["date"] == "2016-08-07"
    (q,) = [q for q in rec["review"] if q["field"] == "date"]
    assert "'07/08/2016 09:15'" in q["question"] and "2016-07-08" in q["question"]
    assert not any(q["field"] == "timeline" for q in rec["review"])  # the date anchors them


def test_an_updated_date_alone_is_used_and_questioned(repo: Path) -> None:
    text = SEED.split("\n", 2)[2]
    seed = repo / "seeds" / "pier-fenders.txt"
    seed.write_text(f"Pier Fenders Approved\n\nUpdated: 2 May 2024 10:00 GMT\n\n{text}", "utf-8")
    rec = extract(read_seed(seed, repo))
    assert rec["date"] == "2024-05-02"
    (q,) = [q for q in rec["review"] if q["field"] == "date"]
    assert "only when the copy was updated" in q["question"]
    seed.write_text(
        f"Pier Fenders Approved\n\nPublished: 1 May 2024 | Updated: 2 May 2024\n\n{text}", "utf-8"
    )
    rec = extract(read_seed(seed, repo))
    assert rec["date"] == "2024-05-01" and "review" not in rec
