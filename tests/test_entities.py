"""Entities across briefings: name variants of one entity share one actor page, different
entities with one name stay apart, and the reviewed registry (briefings/entities.yaml)
overrules every guess on the site, in drafts and in `check`."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.entities import (
    apply_registry,
    base_key,
    display_name,
    is_acronym_of,
    load_registry,
    parse_registry,
    resolve,
)
from generator.pages.catalog import Actor, actor_links, build_actors, name_key
from generator.pages.context import Links
from generator.records import list_records

# --------------------------------------------------------------------------- helpers

A = tuple[str, str] | tuple[str, str, list[str]]


def rec(rid: str, *actors: A) -> dict[str, Any]:
    """A record named `rid` whose actors are (name, type[, aliases])."""
    out = []
    for a in actors:
        item: dict[str, Any] = {"name": a[0], "type": a[1]}
        if len(a) > 2:
            item["aliases"] = a[2]
        out.append(item)
    return {"id": rid, "title": rid, "date": "2024-01-01", "actors": out}


def pages(records: list[dict[str, Any]], registry_text: str = "") -> dict[str, Actor]:
    """The actor pages by display name."""
    registry = parse_registry(yaml.safe_load(registry_text)) if registry_text else None
    return {a.name: a for a in build_actors(records, registry=registry)}


def links(records: list[dict[str, Any]], registry_text: str = "") -> Links:
    registry = parse_registry(yaml.safe_load(registry_text)) if registry_text else None
    site, per = actor_links(build_actors(records, registry=registry))
    return Links(site, {}, per)


def briefings_of(actor: Actor) -> list[str]:
    return sorted(m.briefing_id for m in actor.mentions)


# --------------------------------------------------------------------------- merges


def test_organisation_names_equal_but_for_suffix_words_are_one_entity() -> None:
    actors = pages(
        [
            rec("a", ("Apple Inc.", "organization")),
            rec("b", ("Apple", "organization")),
            rec("c", ("Apple Computer", "organization")),
            rec("d", ("Apple Inc", "organization")),
            rec("e", ("General Motors Corporation", "organization")),
            rec("f", ("General Motors", "organization")),
            rec("g", ("Nestlé S.A.", "organization"), ("Nestlé", "organization")),
        ]
    )
    # "Apple" is the base of the others, "Apple Inc." the most used full form.
    assert briefings_of(actors["Apple Inc."]) == ["a", "b", "c", "d"]
    assert sorted(actors["Apple Inc."].names) == [
        "Apple",
        "Apple Computer",
        "Apple Inc",
        "Apple Inc.",
    ]
    assert briefings_of(actors["General Motors Corporation"]) == ["e", "f"]
    assert briefings_of(actors["Nestlé S.A."]) == ["g"]
    assert len(actors) == 3


def test_suffix_words_never_join_another_body_or_another_type() -> None:
    actors = pages(
        [
            rec("a", ("Apple Inc.", "organization")),
            rec("b", ("Apple Corps", "organization")),  # "Corps" is no suffix word
            rec("c", ("Ford", "person")),
            rec("d", ("Ford Inc.", "organization")),  # a person is never a company
            rec("e", ("Red Cross Society", "organization")),
            rec("f", ("Red Cross", "place")),
        ]
    )
    assert sorted(actors) == [
        "Apple Corps",
        "Apple Inc.",
        "Ford",
        "Ford Inc.",
        "Red Cross",
        "Red Cross Society",
    ]


def test_base_key_drops_only_trailing_suffix_words() -> None:
    assert base_key(name_key("Apple Computer, Inc.")) == "apple"
    assert base_key(name_key("Volkswagen Group")) == "volkswagen"
    assert base_key(name_key("Labour Party")) == "labour"
    assert base_key(name_key("World Health Organisation")) == "world health organization"
    # The name itself stays; inner and leading words stay.
    assert base_key(name_key("Group")) == "group"
    assert base_key(name_key("Company of Heroes")) == "company of heroes"
    assert base_key(name_key("Inc Magazine")) == "inc magazine"
    assert base_key(name_key("Apple Corps")) == "apple corps"


def test_acronym_an_actor_is_given_joins_that_actor_elsewhere() -> None:
    actors = pages(
        [
            rec("a", ("United Nations", "organization", ["UN"])),
            rec("b", ("UN", "organization")),
            rec("c", ("Israel Defense Forces", "organization", ["IDF"])),
            rec("d", ("IDF", "organization")),
            rec("e", ("United Kingdom", "country", ["UK", "London"])),
            rec("f", ("UK", "country")),
        ]
    )
    assert briefings_of(actors["United Nations"]) == ["a", "b"]
    assert briefings_of(actors["Israel Defense Forces"]) == ["c", "d"]
    assert briefings_of(actors["United Kingdom"]) == ["e", "f"]
    assert len(actors) == 3


def test_is_acronym_of() -> None:
    assert is_acronym_of("UN", "United Nations")
    assert is_acronym_of("U.S.", "United States")
    assert is_acronym_of("MIT", "Massachusetts Institute of Technology")
    assert is_acronym_of("FKF", "Football Kenya Federation")
    assert not is_acronym_of("Google", "Google Science Fair")
    assert not is_acronym_of("UN", "Union")
    assert not is_acronym_of("KLA", "Kosovo Specialist Chambers")
    assert not is_acronym_of("un", "United Nations")


def test_an_acronym_two_entities_claim_joins_neither() -> None:
    actors = pages(
        [
            rec("a", ("Kosovo Specialist Chambers", "organization", ["KSC"])),
            rec("b", ("Kennedy Space Center", "organization", ["KSC"])),
            rec("c", ("KSC", "organization")),
        ]
    )
    assert sorted(actors) == ["KSC", "Kennedy Space Center", "Kosovo Specialist Chambers"]
    assert all(len(a.mentions) == 1 for a in actors.values())


def test_a_part_of_a_name_given_as_alias_joins_nothing() -> None:
    actors = pages(
        [
            rec("a", ("University of Helsinki", "organization", ["Helsinki"])),
            rec("b", ("Helsinki", "place")),
            rec("c", ("Google Science Fair", "organization", ["Google"])),
            rec("d", ("Google", "organization")),
            rec("e", ("Church of Scientology", "organization", ["Church"])),
            rec("f", ("Church", "organization")),
        ]
    )
    assert len(actors) == 6


def test_surname_joins_the_one_person_who_bears_it() -> None:
    actors = pages(
        [
            rec("a", ("Vladimir Putin", "person")),
            rec("b", ("Putin", "person")),
            rec("c", ("Barack Obama", "person"), ("Joe Biden", "person")),
            rec("d", ("Obama", "person")),
        ]
    )
    assert briefings_of(actors["Vladimir Putin"]) == ["a", "b"]
    assert briefings_of(actors["Barack Obama"]) == ["c", "d"]
    assert "Putin" not in actors and "Obama" not in actors


def test_only_a_surname_joins_a_longer_name() -> None:
    actors = pages(
        [
            rec("a", ("María José de la Cruz", "person")),
            rec("b", ("de la Cruz", "person")),
            rec("c", ("George W. Bush", "person")),
            rec("d", ("President George W. Bush", "person")),
            rec("e", ("Tom Cruise", "person")),
            rec("f", ("Scientologist Tom Cruise", "person")),
        ]
    )
    assert briefings_of(actors["María José de la Cruz"]) == ["a", "b"]
    assert briefings_of(actors["George W. Bush"]) == ["c"]
    assert briefings_of(actors["Tom Cruise"]) == ["e"]
    assert len(actors) == 5


def test_an_ambiguous_surname_stays_apart() -> None:
    actors = pages(
        [
            rec("a", ("George W. Bush", "person")),
            rec("b", ("George H. W. Bush", "person")),
            rec("c", ("Bush", "person")),
            rec("d", ("Laura Bush", "person"), ("Bush", "person")),
        ]
    )
    # Site-wide three people are called Bush; in "d" only Laura Bush is.
    assert briefings_of(actors["Bush"]) == ["c"]
    assert briefings_of(actors["Laura Bush"]) == ["d"]
    assert briefings_of(actors["George W. Bush"]) == ["a"]
    assert briefings_of(actors["George H. W. Bush"]) == ["b"]


def test_a_surname_resolved_in_its_briefing_links_there_only() -> None:
    records = [
        rec("a", ("George W. Bush", "person"), ("Bush", "person")),
        rec("b", ("Jeb Bush", "person")),
        rec("c", ("Bush", "person")),
    ]
    actors = pages(records)
    assert briefings_of(actors["George W. Bush"]) == ["a"]  # once, though named twice
    assert briefings_of(actors["Bush"]) == ["c"]
    found = links(records)
    assert found.actor("a", "Bush") == actors["George W. Bush"].slug
    assert found.actor("c", "Bush") == actors["Bush"].slug
    assert found.actor("b", "Jeb Bush") == actors["Jeb Bush"].slug


def test_a_surname_never_joins_another_type() -> None:
    actors = pages(
        [
            rec("a", ("Michael Jordan", "person")),
            rec("b", ("Jordan", "country")),
            rec("c", ("Jordan", "country")),
            rec("d", ("George Washington", "person")),
            rec("e", ("Washington", "place")),
            rec("f", ("Jordan", "person")),  # a person-typed mention of the same name
        ]
    )
    assert briefings_of(actors["Jordan"]) == ["b", "c"]
    assert actors["Jordan"].type == "country"
    assert briefings_of(actors["Michael Jordan"]) == ["a", "f"]
    assert briefings_of(actors["Washington"]) == ["e"]
    assert briefings_of(actors["George Washington"]) == ["d"]


def test_a_place_is_never_an_alias_of_a_country() -> None:
    records = [
        rec("a", ("Russia", "country", ["Moscow", "Russian Federation"])),
        rec("a2", ("Russia", "country")),
        rec("b", ("Moscow", "place")),
        rec("c", ("Russian Federation", "country")),
        rec("d", ("France", "country", ["Paris"])),
        rec("e", ("United States", "country", ["Washington", "U.S."])),
        rec("f", ("Washington", "place")),
        rec("g", ("U.S.", "country")),
    ]
    actors = pages(records)
    assert briefings_of(actors["Russia"]) == ["a", "a2", "c"]
    assert briefings_of(actors["Moscow"]) == ["b"]
    assert briefings_of(actors["United States"]) == ["e", "g"]
    assert briefings_of(actors["Washington"]) == ["f"]
    found = links(records)
    assert found.actor("a", "Moscow") == actors["Moscow"].slug
    assert found.actors.get("paris") is None  # no page of France for Paris
    assert found.actor("e", "U.S.") == actors["United States"].slug


def test_one_name_one_page_of_the_majority_type() -> None:
    actors = pages(
        [
            rec("a", ("General Motors", "organization")),
            rec("b", ("General Motors", "organization")),
            rec("c", ("General Motors", "person")),
            rec("d", ("Kyiv", "place")),
            rec("e", ("Kyiv", "country")),
        ]
    )
    assert actors["General Motors"].type == "organization"
    assert briefings_of(actors["General Motors"]) == ["a", "b", "c"]
    assert actors["Kyiv"].type == "country"  # a tie: the more specific of the two
    assert len(actors) == 2


def test_display_name_is_the_most_used_full_form() -> None:
    assert display_name(Counter({"Apple": 8, "Apple Inc.": 9, "Apple Computer": 11})) == (
        "Apple Computer"
    )
    assert display_name(Counter({"Putin": 5, "Vladimir Putin": 1})) == "Vladimir Putin"
    assert display_name(Counter({"UN": 4, "United Nations": 2})) == "United Nations"
    assert display_name(Counter({"NATO": 2, "Nato": 1})) == "NATO"


# --------------------------------------------------------------------------- the registry

REGISTRY = """\
entities:
  - name: Federal Reserve
    type: organization
    aliases: [Fed, Federal Reserve Board, US Federal Reserve]
  - name: Vladimir Putin
    type: person
    not_same_as: [Putin]
  - name: Kyiv
    type: place
not_actors: [Music Store]
"""


def test_registry_merges_splits_and_drops_on_the_site() -> None:
    records = [
        rec("a", ("Federal Reserve Board", "organization")),
        rec("b", ("US Federal Reserve", "organization")),
        rec("c", ("Fed", "person")),
        rec("d", ("Vladimir Putin", "person")),
        rec("e", ("Putin", "person")),
        rec("f", ("Kyiv", "person"), ("Music Store", "organization")),
    ]
    actors = pages(records, REGISTRY)
    fed = actors["Federal Reserve"]
    assert briefings_of(fed) == ["a", "b", "c"] and fed.type == "organization"
    assert briefings_of(actors["Vladimir Putin"]) == ["d"]
    assert briefings_of(actors["Putin"]) == ["e"]  # not_same_as beats the surname rule
    assert actors["Kyiv"].type == "place"  # the registry's type beats the record's
    assert "Music Store" not in actors
    found = links(records, REGISTRY)
    assert found.actor("a", "Federal Reserve Board") == fed.slug
    assert found.actors["fed"] == fed.slug and found.actors["federal reserve"] == fed.slug
    assert found.actor("f", "Music Store") is None
    # Without the registry, the same records make more pages.
    assert len(pages(records)) > len(actors)


def test_registry_beats_the_alias_heuristic() -> None:
    records = [
        rec("a", ("United Nations", "organization", ["UN"])),
        rec("b", ("UN", "organization")),
    ]
    registry = "entities:\n  - {name: United Nations, type: organization, not_same_as: [UN]}\n"
    assert sorted(pages(records, registry)) == ["UN", "United Nations"]
    assert sorted(pages(records)) == ["United Nations"]


def test_apply_registry_renames_and_drops_extracted_actors() -> None:
    registry = parse_registry(yaml.safe_load(REGISTRY))
    draft = rec(
        "x",
        ("Fed", "organization", ["the central bank"]),
        ("Music Store", "organization"),
        ("Federal Reserve Board", "organization"),
        ("Kyiv", "person"),
        ("Olena Zelenska", "person"),
    )
    out = apply_registry(draft, registry)
    assert out["actors"] == [
        {
            "name": "Federal Reserve",
            "type": "organization",
            "aliases": ["the central bank", "Fed", "Federal Reserve Board"],
        },
        {"name": "Kyiv", "type": "place"},
        {"name": "Olena Zelenska", "type": "person"},
    ]
    named = apply_registry(rec("y", ("Fed", "person", ["Federal Reserve"])), registry)
    assert named["actors"] == [
        {"name": "Federal Reserve", "type": "organization", "aliases": ["Fed"]}
    ]
    assert apply_registry(draft, None) is draft
    assert apply_registry(draft, parse_registry(None)) is draft


def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFINGS_EXTRACTOR", "tests.fake_extractor:extract")


def test_extraction_obeys_the_registry(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.project import extract_seeds
    from generator.validate import validate_repository

    _fake(monkeypatch)
    (repo / "seeds").joinpath("2024-01-02-fed.txt").write_text(
        "Fed raises rates\n\nThe Fed said Music prices rose. Officials in Kyiv agreed.\n", "utf-8"
    )
    (repo / "briefings" / "entities.yaml").write_text(
        "entities:\n"
        "  - {name: Federal Reserve, type: organization, aliases: [Fed]}\n"
        "not_actors: [Music]\n",
        "utf-8",
    )
    seed = repo / "seeds" / "2024-01-02-fed.txt"
    outcomes = extract_seeds([seed], repo / "briefings", repo, repo / "seeds", debug=True)
    assert [o.action for o in outcomes] == ["created"]
    data = yaml.safe_load((repo / "briefings" / "2024-01-02-fed.yaml").read_text("utf-8"))
    names = [(a["name"], a["type"], a.get("aliases")) for a in data["actors"]]
    assert ("Federal Reserve", "organization", ["Fed"]) in names
    assert not any(n == "Music" for n, _, _ in names)
    assert [a["evidence"] for a in data["actors"] if a["name"] == "Federal Reserve"] == ["Fed"]
    # The renamed draft passes check; the registry is no record.
    problems = [p.format() for p in validate_repository(repo) if p.file.startswith("briefings/")]
    assert problems == []


def test_diff_proposes_registry_names(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.diff import diff_record
    from generator.project import extract_seeds

    _fake(monkeypatch)
    seed = repo / "seeds" / "2024-01-02-fed.txt"
    seed.write_text("Fed raises rates\n\nThe Fed said prices rose.\n", "utf-8")
    extract_seeds([seed], repo / "briefings", repo, repo / "seeds", debug=True)
    (repo / "briefings" / "entities.yaml").write_text(
        "entities:\n  - {name: Federal Reserve, type: organization, aliases: [Fed]}\n", "utf-8"
    )
    found = diff_record("2024-01-02-fed", repo, repo / "seeds", repo / "briefings")
    assert any("Federal Reserve" in line for line in found.lines())


# --------------------------------------------------------------------------- check

BAD_REGISTRIES = {
    "unknown top key": (
        "entities: []\nnot_actor: [X]\n",
        2,
        "not_actor: unknown key 'not_actor'",
    ),
    "unknown entity key": (
        "entities:\n  - name: A\n    type: person\n    alias: [B]\n",
        4,
        "entities[0].alias: unknown key 'alias'",
    ),
    "aliases not a list": (
        "entities:\n  - name: A\n    type: person\n    aliases: B\n",
        4,
        "entities[0].aliases: must be a list of names",
    ),
    "name not a string": (
        "entities:\n  - name: [A]\n    type: person\n",
        2,
        "entities[0].name: needs 'name:'",
    ),
    "entities not a list": (
        "entities:\n  name: A\n",
        1,
        "entities: must be a list of entities",
    ),
    "unknown type": (
        "entities:\n  - name: A\n    type: company\n",
        3,
        "entities[0].type: type 'company' is not one of person, organization, country, place, "
        "other",
    ),
    "claimed twice": (
        "entities:\n"
        "  - {name: Apple Inc., type: organization, aliases: [Apple]}\n"
        "  - {name: Apple Corps, type: organization, aliases: [apple]}\n",
        3,
        "entities[1].aliases[0]: 'apple' is claimed by two entities (also by 'Apple Inc.' at "
        "line 2)",
    ),
    "alias equal to a not_same_as": (
        "entities:\n  - {name: A B, type: person, aliases: [B], not_same_as: [b]}\n",
        2,
        "entities[0].not_same_as[0]: 'b' is both a name of 'A B' and in its not_same_as",
    ),
    "not_actors claims an entity's name": (
        "entities:\n  - {name: Music Store, type: organization}\nnot_actors: [Music Store]\n",
        3,
        "not_actors[0]: 'Music Store' is a name of the entity 'Music Store' and in not_actors",
    ),
    "YAML error": (
        "entities:\n  - {name: A, type: person\n",
        3,
        "YAML error",
    ),
    "not a mapping": ("- name: A\n", 1, "is not a mapping"),
}


@pytest.mark.parametrize("case", sorted(BAD_REGISTRIES))
def test_check_reports_a_bad_registry_in_one_line(reviewed_repo: Path, case: str) -> None:
    from generator.validate import validate_repository

    text, line, message = BAD_REGISTRIES[case]
    (reviewed_repo / "briefings" / "entities.yaml").write_text(text, "utf-8")
    problems = [p for p in validate_repository(reviewed_repo) if p.level == "error"]
    assert len(problems) == 1, [p.format() for p in problems]
    shown = problems[0].format()
    assert shown.startswith(f"briefings/entities.yaml:{line}:"), shown
    assert message in shown and "\n" not in shown


def test_check_names_the_fix_and_the_render_stops(reviewed_repo: Path) -> None:
    from generator.errors import BriefingError
    from generator.render import render_site

    (reviewed_repo / "briefings" / "entities.yaml").write_text(
        "entities:\n  - {name: A, type: persn}\n", "utf-8"
    )
    with pytest.raises(BriefingError) as err:
        render_site(reviewed_repo)
    assert "entities.yaml:2: error: entities[0].type: type 'persn'" in str(err.value)
    assert "write one of them" in str(err.value)


def test_registry_is_no_record(reviewed_repo: Path) -> None:
    from generator.render import render_site
    from generator.validate import validate_repository

    folder = reviewed_repo / "briefings"
    (folder / "entities.yaml").write_text(REGISTRY, "utf-8")
    assert [p.name for p in list_records(folder)] == ["2023-05-05-nato-opens-japan-office.yaml"]
    assert [p.format() for p in validate_repository(reviewed_repo) if p.level == "error"] == []
    assert load_registry(folder).entities[0].name == "Federal Reserve"
    render_site(reviewed_repo)
    assert not (reviewed_repo / "docs" / "briefings" / "entities.md").exists()
    # An empty registry is a registry without entities.
    (folder / "entities.yaml").write_text("", "utf-8")
    assert not load_registry(folder) and load_registry(folder).problems == []


def test_no_seed_may_produce_the_registry(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.project import extract_seeds
    from generator.validate import validate_repository

    _fake(monkeypatch)
    registry = repo / "briefings" / "entities.yaml"
    registry.write_text(REGISTRY, "utf-8")
    seed = repo / "seeds" / "Entities.txt"
    seed.write_text("Entities\n\nThe Fed met.\n", "utf-8")
    outcomes = extract_seeds([seed], repo / "briefings", repo, repo / "seeds", debug=True)
    assert [o.action for o in outcomes] == ["failed"]
    assert "entity registry" in outcomes[0].message and "rename the seed" in outcomes[0].message
    assert registry.read_text("utf-8") == REGISTRY
    shown = [p.format() for p in validate_repository(repo) if p.file == "seeds/Entities.txt"]
    assert len(shown) == 1 and "cannot have one" in shown[0] and "rename the seed" in shown[0]


# --------------------------------------------------------------------------- a realistic site


@pytest.fixture(scope="module")
def corpus(corpus_repo: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in list_records(corpus_repo / "briefings")]


def test_corpus_site_has_one_page_per_name_and_no_place_in_a_country(
    corpus: list[dict[str, Any]],
) -> None:
    actors = build_actors(corpus)
    keys = Counter(name_key(a.name) for a in actors)
    assert [k for k, n in keys.items() if n > 1] == []
    resolution = resolve(corpus)
    for entity in resolution.entities:
        kinds = {
            (name_key(corpus[r]["actors"][i]["name"]), corpus[r]["actors"][i]["type"])
            for r, i in entity.mentions
        }
        countries = {k for k, t in kinds if t == "country"}
        places = {k for k, t in kinds if t == "place"}
        assert not (places - countries and countries - places), (entity.name, kinds)
    # Every actor of every record leads to a page that bears its name.
    site, per = actor_links(actors)
    found = Links(site, {}, per)
    by_slug = {a.slug: a for a in actors}
    for record in corpus:
        for actor in record["actors"]:
            slug = found.actor(record["id"], actor["name"])
            assert slug is not None, actor["name"]
            assert actor["name"] in by_slug[slug].names


def test_corpus_registry_copy_is_obeyed(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    """A reviewer's registry over the realistic site: a merge, a split and a non-actor."""
    names = Counter(a["name"] for r in corpus for a in r["actors"])
    assert names["United States"] > 3 and names["United Nations"] > 3
    registry = parse_registry(
        yaml.safe_load(
            "entities:\n"
            "  - {name: United Nations, type: organization, aliases: [United States]}\n"
            "not_actors: [Russia]\n"
        )
    )
    actors = {a.name: a for a in build_actors(corpus, registry=registry)}
    assert "United States" not in actors and "Russia" not in actors
    both = {
        r["id"]
        for r in corpus
        for a in r["actors"]
        if a["name"] in ("United States", "United Nations")
    }
    assert {m.briefing_id for m in actors["United Nations"].mentions} == both
    shutil.rmtree(tmp_path, ignore_errors=True)
