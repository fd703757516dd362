"""The draft guard: what check would reject in a draft is dropped before it is written."""

from __future__ import annotations

from generator.drafts import draft_errors, repair_draft

SEED = "Officials in Paris said on Monday that the summer of 2011 was hot."


def _record(**extra: object) -> dict:
    return {
        "id": "a",
        "title": "Hot summer",
        "date": "2011-09-05",
        "seed": {"path": "seeds/a.txt", "sha256": "0" * 64},
        "status": "draft",
        "summary": "Officials said the summer was hot.",
        "actors": [],
        "timeline": [],
        "source_chain": [],
        **extra,
    }


def test_items_check_would_reject_are_dropped_and_good_ones_kept() -> None:
    record = _record(
        actors=[
            {"name": "Paris", "type": "place", "evidence": "Officials in Paris"},
            {"name": "Officials", "type": "person", "evidence": "not in the seed"},
            {"name": "Monday", "type": "weekday"},
        ],
        timeline=[
            {"date": "2011-22", "event": "A hot summer.", "evidence": "the summer of 2011"},
            {"date": "2011-13", "event": "No such month."},
        ],
        source_chain=[{"name": "Officials", "role": "primary", "date": "last week"}],
    )
    assert draft_errors(record, SEED) != []
    fixed = repair_draft(record, SEED)
    assert draft_errors(fixed, SEED) == []
    assert fixed["actors"] == [
        {"name": "Paris", "type": "place", "evidence": "Officials in Paris"},
        {"name": "Officials", "type": "person"},
    ]
    assert fixed["timeline"] == [
        {"date": "2011-22", "event": "A hot summer.", "evidence": "the summer of 2011"}
    ]
    assert fixed["source_chain"] == [{"name": "Officials", "role": "primary"}]


def test_a_valid_draft_is_left_as_it_is() -> None:
    record = _record(actors=[{"name": "Paris", "type": "place", "evidence": "Officials in Paris"}])
    assert repair_draft(record, SEED) == record


def test_long_summaries_and_lists_are_cut_to_what_the_format_allows() -> None:
    summary = " ".join(["The officials met again in Paris."] * 20)
    record = _record(
        summary=summary, actors=[{"name": f"Person {i}", "type": "person"} for i in range(600)]
    )
    fixed = repair_draft(record, SEED)
    assert len(fixed["actors"]) == 500
    assert fixed["summary"].endswith("Paris.") and len(fixed["summary"].split()) <= 90
    assert draft_errors(fixed, SEED) == []
