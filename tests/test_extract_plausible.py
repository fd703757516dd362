"""Plausibility checks at assembly (generator/extract/plausible.py) and in `briefings check`.

Every check has examples it must flag and examples it must leave alone, from different
documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.extract.plausible import (
    date_bounds,
    dateline_persons,
    event_dates,
    event_statements,
    findings,
    is_anonymous,
    is_speaker,
    is_statement,
    make_plausible,
    outlet_names,
    primary_speakers,
)
from generator.records import dump_record
from generator.validate import validate_repository

CHAD = (
    "Convoys Reach Chad\n\nN'DJAMENA, Chad – The first convoys arrived on Monday, the WFP said.\n"
)
KENYA = "Floods Hit Tana River\n\nNAIROBI, Kenya (AP) — Families were evacuated on Thursday.\n"
PROSE = "Leaders Meet\n\nMadison Grant met the ministers in Geneva on Monday, officials said.\n"


def test_a_dateline_place_is_no_person() -> None:
    rec = {
        "actors": [{"name": "N'Djamena", "type": "person"}, {"name": "WFP", "type": "organization"}]
    }
    found = dateline_persons(rec, CHAD)
    assert [f.path for f in found] == ["actors[0].type"]
    fixed = make_plausible(rec, CHAD, None)
    assert fixed["actors"][0]["type"] == "place"
    # A person of the same shape in another text, with no dateline of that name: kept.
    other = {"actors": [{"name": "Madison Grant", "type": "person"}]}
    assert dateline_persons(other, PROSE) == []
    assert dateline_persons({"actors": [{"name": "Nairobi", "type": "place"}]}, KENYA) == []


def test_event_status_agrees_with_the_publication_date() -> None:
    pub = dt.date(2024, 3, 12)
    rec = {
        "date": "2024-03-12",
        "timeline": [
            {"date": "2024-03-20", "event": "The talks resume in Doha.", "status": "occurred"},
            {
                "date": "2024-02",
                "event": "The ministers agreed to meet again.",
                "status": "planned",
            },
            {
                "date": "2024-03-10",
                "event": "The bridge was closed to traffic.",
                "status": "occurred",
            },
            {
                "date": "2024-04-02",
                "event": "Voters will elect a new council.",
                "status": "planned",
            },
            {"date": "2024-03", "event": "Prices rose in the capital.", "status": "occurred"},
            {"date": "2024~", "event": "A census is expected to start.", "status": "occurred"},
        ],
    }
    found = event_dates(rec)
    assert [f.path for f in found] == ["timeline[0].status", "timeline[1].status"]
    fixed = make_plausible(rec, "", pub)
    assert [e["status"] for e in fixed["timeline"]] == [
        "planned",
        "occurred",
        "occurred",
        "planned",
        "occurred",
        "occurred",
    ]
    # A plan that was due before the publication date and was put off stays a plan.
    put_off = {
        "date": "2024-03-12",
        "timeline": [
            {"date": "2024-03-01", "event": "The vote was postponed.", "status": "planned"},
            {
                "date": "2024-03-02",
                "event": "The summit set for March 2 was called off.",
                "status": "planned",
            },
        ],
    }
    assert event_dates(put_off) == []
    # An unknown publication date decides nothing.
    assert event_dates({"date": "XXXX-XX-XX", "timeline": rec["timeline"]}) == []


def test_date_bounds() -> None:
    assert date_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_bounds("2023-12-30/2024-01") == (dt.date(2023, 12, 30), dt.date(2024, 1, 31))
    assert date_bounds("2024-05-XX") == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert date_bounds("2024?") is None and date_bounds("../2024") is None
    assert date_bounds("XXXX-XX-XX") is None and date_bounds("soon") is None


def test_a_timeline_event_is_a_statement() -> None:
    for line in (
        "Thursday, February 23, 2006",
        "Updated: 8:42 AM GMT",
        "/ 8:42 AM",
        "MOSCOW, March 3 (Sputnik) -",
        "Posted on 12 September 2024",
    ):
        assert not is_statement(line), line
    for line in (
        "The UN Security Council set up the ICTY in 1993.",
        "NAIROBI, Kenya (AP) — Families were evacuated on Thursday.",
        "Thaçi resigned on 5 November 2020.",
    ):
        assert is_statement(line), line
    rec = {
        "timeline": [
            {"date": "2006-02-23", "event": "Thursday, February 23, 2006"},
            {"date": "2006-02-20", "event": "Police arrested two suspects in Lagos."},
        ]
    }
    assert [f.path for f in event_statements(rec)] == ["timeline[0].event"]
    assert [e["event"] for e in make_plausible(rec, "", None)["timeline"]] == [
        "Police arrested two suspects in Lagos."
    ]


def test_a_primary_source_is_a_speaker_document_or_body() -> None:
    for name in ("eight agreements signed", "three new ports", "the deal reached"):
        assert not is_speaker(name), name
    for name in (
        "officials who asked not to be named",
        "two officials at the Ministry of Foreign Affairs",
        "council figures",
        "prosecutors",
        "Several analysts",
        "documents seen by Reuters",
        "World Food Programme (statement)",
        "Panama Canal Authority",
    ):
        assert is_speaker(name), name
    rec = {
        "source_chain": [
            {"name": "eight agreements signed", "role": "primary"},
            {"name": "Wanjiru Kamau", "role": "primary"},
            {"name": "Harbour Gazette", "role": "original"},
        ]
    }
    assert [f.path for f in primary_speakers(rec)] == ["source_chain[0].name"]
    assert [x["name"] for x in make_plausible(rec, "", None)["source_chain"]] == [
        "Wanjiru Kamau",
        "Harbour Gazette",
    ]


def test_anonymous_sources_are_marked() -> None:
    for name in (
        "a source familiar with the visit",
        "officials who asked not to be named",
        "a person with knowledge of the proceedings",
        "a senior diplomat",
        "two people briefed on the talks who spoke on condition of anonymity",
    ):
        assert is_anonymous(name), name
    for name in ("Wanjiru Kamau", "a FIFA spokesperson", "prosecutors", "UN commission of inquiry"):
        assert not is_anonymous(name), name
    # A common noun that the quote describes as unnamed; not a named speaker in such a quote.
    ev = "Officials who asked not to be named said a second round of talks will take place"
    assert is_anonymous("Officials", ev)
    assert not is_anonymous("Officials", "Officials said a second round of talks is planned.")
    assert is_anonymous("a diplomat", "a diplomat, who declined to be identified, said")
    assert not is_anonymous("Health Ministry", "Health Ministry, which declined to be named")
    rec = {"source_chain": [{"name": "a source familiar with the visit", "role": "primary"}]}
    assert [f.path for f in findings(rec, "")] == ["source_chain[0]"]
    fixed = make_plausible(rec, "", None)
    assert fixed["source_chain"][0]["anonymous"] is True
    assert findings(fixed, "") == []


def test_check_warns_about_implausible_fields(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / "2023-05-05-nato-opens-japan-office.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["timeline"][0]["status"] = "occurred"
    data["timeline"][0]["date"] = "2024-01-10"  # after the record's date, 2023-05-05
    del data["source_chain"][1]["anonymous"]
    path.write_text(dump_record(data), "utf-8")
    lines = [p.format() for p in validate_repository(reviewed_repo)]
    assert any(
        "timeline[0].status" in ln and "warning" in ln and "after the publication date" in ln
        for ln in lines
    ), lines
    assert any("source_chain[1]" in ln and "anonymous: true" in ln for ln in lines), lines
    assert all("warning" in ln for ln in lines if "implausible" in ln)


def test_anonymous_sources_are_not_merged_across_briefings() -> None:
    from generator.pages.sources import build_sources

    def rec(rid: str, anonymous: bool) -> dict:
        link = {"name": "a source familiar with the talks", "role": "primary"}
        if anonymous:
            link["anonymous"] = True
        named = {"name": "Reuters", "role": "original"}
        return {"id": rid, "title": rid, "date": "2024-01-01", "source_chain": [link, named]}

    kept_apart = build_sources([rec("a", True), rec("b", True)])
    assert sorted(len(s.mentions) for s in kept_apart) == [1, 1, 2]  # Reuters stays one source
    # The site reads such a phrase as unnamed even where the flag is missing (older drafts).
    unflagged = build_sources([rec("a", False), rec("b", False)])
    assert sorted(len(s.mentions) for s in unflagged) == [1, 1, 2]


def test_an_outlet_is_no_common_word_label_or_photo_credit() -> None:
    rec = {
        "source_chain": [
            {"name": "Logo", "role": "republisher", "evidence": "Logo"},
            {"name": "Latest News", "role": "original"},
            {"name": "Reuters", "role": "original", "evidence": "Photo: Ann Lee/Reuters"},
            {"name": "Reuters", "role": "original", "evidence": "GOMA (Reuters) - Fighting."},
            {"name": "Harbour Gazette", "role": "republisher"},
            {"name": "Guardian", "role": "republisher"},
            {"name": "officials", "role": "primary"},
        ]
    }
    assert [f.path for f in outlet_names(rec)] == [
        "source_chain[0].name",
        "source_chain[1].name",
        "source_chain[2].name",
    ]


def test_findings_read_any_record_without_failing() -> None:
    odd = {
        "actors": 3,
        "timeline": "soon",
        "source_chain": [None, "x", {"role": "primary"}],
        "date": None,
    }
    assert [f.path for f in findings(odd, "")] == ["source_chain[2].name"]
