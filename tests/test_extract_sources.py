"""Primary sources from attributions, and the outlet links."""

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _extract_util import body_of  # noqa: E402

from generator.extract.metadata import Metadata, Outlet  # noqa: E402
from generator.extract.sources import (  # noqa: E402
    header_agency,
    is_outlet,
    outlet_links,
    primary_sources,
)
from generator.seeds import fold_ws  # noqa: E402

TEXT = """Drought Forces Water Limits

The city will limit water use from Monday, according to a spokesperson for the utility.

Reservoir levels fell to 30% in July, the Environment Agency reported. The limits were confirmed by local officials.

Mayor Clara Diaz defended the plan. She said the measures would last until the rains return.

We argue that the city acted too late.
"""


def primaries() -> list[dict]:
    return primary_sources(body_of(TEXT), TEXT, ["The Valley Post"])


def test_attributions_become_primary_links_in_order() -> None:
    names = [p["name"] for p in primaries()]
    assert names[0] == "a spokesperson for the utility"
    assert "Environment Agency" in names
    assert "local officials" in names
    assert "Clara Diaz" in names  # "She said" resolves to the last named person


def test_the_authors_own_argument_is_not_a_source() -> None:
    assert all(p["name"].lower() not in ("we", "i") for p in primaries())


def test_primary_evidence_is_verbatim() -> None:
    folded = fold_ws(TEXT)
    for p in primaries():
        assert p["role"] == "primary" and p["evidence"] in folded


def test_outlet_links_for_a_repost_and_an_original() -> None:
    md = Metadata(
        original=Outlet("Wire One", dt.date(2024, 1, 2), ["A. Writer"], evidence="Wire One"),
        publisher=Outlet("Blog Two", dt.date(2024, 1, 3), title="T", evidence="Blog Two"),
    )
    links = outlet_links(md)
    assert [(x["name"], x["role"]) for x in links] == [
        ("Wire One", "original"),
        ("Blog Two", "republisher"),
    ]
    assert links[0]["date"] == "2024-01-02" and links[0]["authors"] == ["A. Writer"]
    solo = Metadata(publisher=Outlet("Only Outlet", authors=["B. Writer"]))
    # The site the seed's metadata names is an outlet; a name nothing supports is not.
    assert outlet_links(solo, {"site": "Only Outlet"}) == [
        {"name": "Only Outlet", "role": "original", "authors": ["B. Writer"]}
    ]
    assert outlet_links(solo) == []


def test_an_original_that_is_no_outlet_is_left_out_and_the_copy_stays_a_republisher() -> None:
    md = Metadata(
        original=Outlet("Logo", evidence="Logo"),
        publisher=Outlet("Harbour Gazette", evidence="HARBOUR GAZETTE"),
    )
    assert [(x["name"], x["role"]) for x in outlet_links(md)] == [
        ("Harbour Gazette", "republisher")
    ]


def test_a_credit_is_read_in_its_whole_paragraph() -> None:
    text = "Body.\n\nThis piece was translated. Original: Voz del Valle, 9 March 2026.\n"
    md = Metadata(original=Outlet("Voz del Valle", evidence="This piece was translated."))
    assert [x["name"] for x in outlet_links(md, None, text)] == ["Voz del Valle"]
    assert outlet_links(md, None, "Body.\n\nThis piece was translated.\n") == []


WIRE = """Port Strike Spreads

GDANSK, Poland (Reuters) - Dockworkers walked off the job at three ports, union leaders said.

Union chairman Tomasz Nowak told reporters the strike would go on. "We will stay out," Nowak said.

Shipping company Maersk said several vessels had been diverted to Hamburg, according to a statement released late on Thursday.
"""


def test_named_speakers_without_descriptors_surnames_or_their_statements() -> None:
    names = [p["name"] for p in primary_sources(body_of(WIRE), WIRE, ["Reuters"])]
    assert "Tomasz Nowak" in names and "Nowak" not in names
    assert "Maersk" in names and "Shipping company Maersk" not in names
    assert not any("statement" in n for n in names)


def test_a_dateline_is_no_source_and_back_references_are_not_new_sources() -> None:
    text = (
        "Convoys Reach the East\n\nN'DJAMENA – The World Food Programme said on Tuesday that "
        "its first convoy in six weeks had reached the camps.\n\nThe trucks carried 1,100 "
        "tonnes of food, the agency said. Amara Diallo said the roads had been cut. Diallo "
        "said more trucks would follow.\n"
    )
    names = [p["name"] for p in primary_sources(body_of(text), text, [])]
    assert "World Food Programme" in names
    assert not any("DJAMENA" in n for n in names) and "the agency" not in names
    assert names.count("Amara Diallo") == 1 and "Diallo" not in names


def test_a_titled_subject_is_the_person_and_an_acronym_its_body() -> None:
    text = (
        "Canal Cuts Transits\n\nPanama's Minister for Canal Affairs, Sofía Herrera, said the "
        "cuts were temporary. The World Food Programme (WFP) said it was worried. Canal "
        "Administrator Rodrigo Castillo Vega told reporters the lake had dropped. WFP said "
        "more ships would wait.\n"
    )
    names = [p["name"] for p in primary_sources(body_of(text), text, [])]
    assert "Sofía Herrera" in names and "Rodrigo Castillo Vega" in names, names
    assert "World Food Programme" in names and "WFP" not in names


# is_outlet: the gazetteer, the seed's own metadata, or a credit form; never a common word
# or a photo credit. Positive and negative examples come from different documents.


def test_gazetteer_outlets_and_agencies_are_outlets_whatever_the_line() -> None:
    assert is_outlet("Reuters")
    assert is_outlet("AP")
    assert is_outlet("The Guardian", evidence="Read more at The Guardian")
    assert is_outlet("Antiwar.com")  # a listed domain
    assert is_outlet("Business Standard")  # spells business-standard.com
    assert not is_outlet("Harbour Gazette")  # no list names it and no line credits it


def test_the_site_the_metadata_names_is_an_outlet() -> None:
    assert is_outlet("Corrib Chronicle", {"site": "Corrib Chronicle"})
    assert is_outlet("Kestrel Wire", {"url": "https://www.kestrelwire.net/2025/03/story"})
    assert not is_outlet("Kestrel Wire", {"url": "https://www.example.org/story"})


def test_organizations_in_credit_forms_are_outlets() -> None:
    credited = [
        ("Kivu Morning", "GOMA, Congo (Kivu Morning) - Fighting resumed on Monday."),
        ("Ledger Daily", "Ledger Daily | World | Politics"),
        ("Nordic Monitor", "Source: Nordic Monitor"),
        ("Basin Report", "Authored by Ana Ruiz via Basin Report,"),
        ("Delta Review", "This article first appeared in Delta Review on 3 May 2024."),
        ("Pampas Media Group", "© 2025 Pampas Media Group. All rights reserved."),
        ("Mekong Current", "This article is republished from Mekong Current under a licence."),
        ("Andes Courier", "Andes Courier, 4 March 2026"),
        ("Lakewire", "From Lakewire, the free news source"),
    ]
    for name, line in credited:
        assert is_outlet(name, evidence=line), (name, line)
    # The same names in lines that are no credit: not outlets.
    assert not is_outlet("Kivu Morning", evidence="Residents of Goma read Kivu Morning daily.")
    assert not is_outlet("Nordic Monitor", evidence="The Nordic Monitor project ended in 2019.")
    assert not is_outlet("Delta Review", evidence="From Delta Review to the sea, the river ran.")


def test_a_single_common_word_is_never_an_outlet() -> None:
    for word in ("Logo", "Home", "News", "Menu", "Advertisement"):
        assert not is_outlet(word, evidence=word), word
        assert not is_outlet(word, evidence=f"Source: {word}"), word
    assert not is_outlet("Latest News", evidence="Latest News")  # a section label
    assert not is_outlet("Truthdig logo", evidence="Truthdig logo")  # a part of the page
    assert not is_outlet("Back to Home", evidence="Back to Home")
    assert is_outlet("Hedgeline", evidence="HEDGELINE")  # a masthead that is no word


def test_a_photo_credit_names_no_outlet_of_the_chain() -> None:
    assert not is_outlet("Reuters", evidence="Photo: Dana Kim/Reuters")
    assert not is_outlet("AFP", evidence="Image: AFP")
    assert not is_outlet("Getty Images", evidence="(Photo by Lee Ames/Getty Images)")
    # The agency credited for the text in the same line still counts.
    assert is_outlet("AFP", evidence="Source: AFP. Photo: Sam Ode/Reuters")


def test_an_agency_credited_in_the_header_is_the_original() -> None:
    syndicated = (
        "Harbour Gazette\n\nPorts agree to share cranes\n\nPress Trust of India | New Delhi\n"
        "Last Updated: Feb 02 2025 | 4:15 PM IST\n\nThe two port authorities on Sunday agreed "
        "to share cranes and berths for the rest of the year, officials said in a statement.\n"
    )
    assert header_agency(syndicated).name == "Press Trust of India"
    md = Metadata(
        publisher=Outlet(
            "Harbour Gazette", dt.date(2025, 2, 2), ["Ann Lee"], evidence="Harbour Gazette"
        )
    )
    links = outlet_links(md, None, syndicated)
    assert [(x["name"], x["role"]) for x in links] == [
        ("Press Trust of India", "original"),
        ("Harbour Gazette", "republisher"),
    ]
    assert links[0]["authors"] == ["Ann Lee"] and "authors" not in links[1]
    pasted = "Rail strike ends\n\nBy AFP\n\nWorkers returned on Monday.\n"
    assert header_agency(pasted) is not None
    alone = outlet_links(Metadata(date=dt.date(2025, 3, 3)), None, pasted)
    assert alone == [
        {
            "name": "Agence France-Presse",
            "role": "original",
            "date": "2025-03-03",
            "evidence": "By AFP",
        }
    ]
    # Not a credit: a photo credit, a body paragraph, an organization that is no agency.
    tail = "Dam opens\n\nThe dam opened on Monday.\n\n© 2025 The Associated Press. All rights reserved.\n"
    assert header_agency(tail).name == "The Associated Press"
    footer = (
        "Dam opens\n\nThe dam opened on Monday.\n\n© 2025 Valley Courier. All rights reserved.\n"
    )
    assert header_agency(footer) is None  # a site's own footer names no agency
    own = Metadata(publisher=Outlet("Reuters", evidence="Reuters"))
    assert [(x["name"], x["role"]) for x in outlet_links(own, None, "T\n\nBy Reuters\n")] == [
        ("Reuters", "original")
    ]
    assert header_agency("Floods in Sindh\n\nPhoto: Ali Khan/AFP\n\nWater rose.\n") is None
    long_line = "Reuters reported on Monday that " + "the river rose again " * 5 + "overnight."
    assert header_agency(f"Floods\n\n{long_line}\n\nReuters\n") is None
    assert header_agency("APEC | Lima\n\nLeaders met.\n") is None
