"""Actors from a synthetic wire story."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _extract_util import body_of  # noqa: E402

from generator.extract.actors import find_actors  # noqa: E402
from generator.seeds import fold_ws  # noqa: E402

TEXT = """Canada and Norway Sign Arctic Fisheries Pact

By Lena Brooks

Canadian Prime Minister Justin Trudeau and Norwegian Prime Minister Jonas Gahr Store signed an Arctic fisheries agreement in Ottawa, the two governments said.

The deal gives the Northwest Atlantic Fisheries Organization (NAFO) new powers to monitor catches. Trudeau said Canada would fund two patrol vessels, while Store said Norway would share satellite data with the NAFO secretariat.

Russia, which also fishes in the region, was not part of the talks. Lena Brooks contributed reporting.
"""


def actors() -> list[dict]:
    body = body_of(TEXT, ["Lena Brooks"])
    return find_actors(body, TEXT, "Canada and Norway Sign Arctic Fisheries Pact", ["Lena Brooks"])


def by_name(acts: list[dict]) -> dict[str, dict]:
    return {a["name"]: a for a in acts}


def test_countries_people_and_organisations_are_found_and_typed() -> None:
    acts = by_name(actors())
    assert acts["Canada"]["type"] == "country"
    assert acts["Norway"]["type"] == "country"
    assert acts["Justin Trudeau"]["type"] == "person"
    assert acts["Northwest Atlantic Fisheries Organization"]["type"] == "organization"


def test_surnames_merge_into_the_full_name_and_roles_come_from_titles() -> None:
    acts = by_name(actors())
    assert "Trudeau" not in acts
    assert acts["Justin Trudeau"]["role"] == "Canadian Prime Minister"
    assert "Trudeau" in acts["Justin Trudeau"].get("aliases", [])


def test_acronym_in_parentheses_is_an_alias() -> None:
    acts = by_name(actors())
    assert "NAFO" not in acts
    assert "NAFO" in acts["Northwest Atlantic Fisheries Organization"]["aliases"]


def test_bylined_journalist_is_never_an_actor() -> None:
    assert "Lena Brooks" not in by_name(actors())


def test_headline_countries_rank_first_and_evidence_is_verbatim_and_short() -> None:
    acts = actors()
    assert {a["name"] for a in acts[:2]} == {"Canada", "Norway"}
    folded = fold_ws(TEXT)
    for a in acts:
        assert a["evidence"] in folded
        assert len(a["evidence"].split()) <= 12
