"""Headline, dates, bylines, tags and outlets from header and credit lines."""

import datetime as dt

import pytest

from generator.extract.clean import classify
from generator.extract.metadata import outlet_from_url, parse_byline, read_metadata

BODY = (
    "The city council voted on Monday to expand the tram network to the eastern suburbs, "
    "ending years of debate over the cost of the project."
)


def md_of(text: str):
    return read_metadata(classify(text), text)


def test_repost_with_two_outlet_lines_and_an_original_source_credit() -> None:
    text = (
        "Tram Network to Reach Eastern Suburbs\n\nBy Mia Holt and Omar Said\n\n"
        "Daily Digest, March 10, 2022\n\nRiver Times 8 March 2022\n\nRegion: Europe Theme: Transport\n\n"
        f"{BODY}\n\nThe original source of this article is River Times Copyright © Mia Holt, River Times, 2022\n"
    )
    md = md_of(text)
    assert md.title == "Tram Network to Reach Eastern Suburbs"
    assert md.authors == ["Mia Holt", "Omar Said"]
    assert md.date == dt.date(2022, 3, 10)
    assert md.tags == ["Europe", "Transport"]
    assert (
        md.publisher.name == "Daily Digest"
        and md.publisher.evidence == "Daily Digest, March 10, 2022"
    )
    assert md.original.name == "River Times"
    assert md.original.date == dt.date(2022, 3, 8)
    assert md.original.authors == ["Mia Holt", "Omar Said"]


def test_without_credit_the_later_outlet_line_is_the_copy_in_hand() -> None:
    text = (
        "Tram Network to Reach Eastern Suburbs\n\nRiver Times 8 March 2022\n\n"
        f"Daily Digest, March 10, 2022\n\n{BODY}\n"
    )
    md = md_of(text)
    assert md.publisher.name == "Daily Digest" and md.original.name == "River Times"


def test_wire_dateline_names_the_original() -> None:
    text = (
        f"Trams for the suburbs\n\nhttps://www.examplepost.com/trams\n\nLYON (Reuters) - {BODY}\n"
    )
    md = md_of(text)
    assert md.original.name == "Reuters"
    assert md.publisher.name == "Examplepost"


def test_republished_from_credit_and_address() -> None:
    text = (
        f"Trams for the suburbs everywhere now\n\nhttps://thecitypaper.org/trams\n\n2022-03-10 09:00:00\n\n"
        f"{BODY} This article is republished from Urban Review under a Creative Commons license.\n"
    )
    md = md_of(text)
    assert md.original.name == "Urban Review"
    assert md.publisher.name == "The Citypaper"
    assert md.date == dt.date(2022, 3, 10)


def test_original_article_gets_the_byline_on_the_publisher() -> None:
    text = (
        "Why trams matter for growing cities\n\nJo Park, Professor of Urban Studies, Some University\n\n"
        f"2022-03-10T09:00:00Z\n\nhttps://example.org/trams\n\n{BODY}\n"
    )
    md = md_of(text)
    assert md.original is None
    assert md.publisher.authors == ["Jo Park"]


def test_site_name_before_headline_is_the_publisher() -> None:
    text = f"Lakeside Notes\n\nnews from the shore\n\nCouncil Backs Tram Plan for East\n\n3 Apr 21 | Metro Wire\n\n{BODY}\n"
    md = md_of(text)
    assert md.title == "Council Backs Tram Plan for East"
    assert md.publisher.name == "Lakeside Notes"
    assert md.original.name == "Metro Wire"


def test_byline_forms() -> None:
    assert parse_byline("By Ken Ito, Ana Ruiz, and Li Wei") == ["Ken Ito", "Ana Ruiz", "Li Wei"]
    assert parse_byline(
        "Jo Park, Lecturer in Law, Some University; Sam Lee, Research Fellow, X"
    ) == ["Jo Park", "Sam Lee"]


def test_outlet_name_from_address_uses_the_texts_spelling() -> None:
    assert (
        outlet_from_url("https://www.riverpost.com/a", "Read the River Post daily.") == "River Post"
    )
    assert outlet_from_url("https://theledger.net/x", "") == "The Ledger"


def test_two_part_and_dated_wire_datelines_name_the_agency() -> None:
    from generator.extract.clean import dateline

    for line, agency in [
        ("GDANSK, Poland (Reuters) - Thousands", "Reuters"),
        ("ABUJA, Nigeria, March 3 (Reuters) - Nigeria", "Reuters"),
        ("WASHINGTON (AP) — The Senate", "AP"),
        ("(AFP) - The", "AFP"),
        ("LONDON — Britain", ""),
    ]:
        n, got = dateline(line)
        assert n > 0 and got == agency, line
    for line in ("Kosovo Liberation Army - a group", "NATO — the alliance", "US - China talks"):
        assert dateline(line) == (0, ""), line
    text = f"Trams for the suburbs\n\nhttps://www.examplepost.com/trams\n\nLYON, France (AFP) - {BODY}\n"
    assert md_of(text).original.name == "Agence France-Presse"  # the agency, not its initials


def test_a_credit_line_dates_the_original_and_desk_bylines_are_no_authors() -> None:
    text = (
        f"Trams for the suburbs everywhere now\n\nBy Staff Writer\n\n2022-03-10 09:00:00\n\n"
        "This article was originally published by Urban Review on 8 March 2022 and is "
        f"republished here with permission.\n\n{BODY}\n"
    )
    md = md_of(text)
    assert md.original.name == "Urban Review"
    assert md.original.date == dt.date(2022, 3, 8)
    assert md.authors == []
    assert parse_byline("By Jane Roe and Staff Reporter") == ["Jane Roe"]


def test_a_sources_list_gives_cited_reports_and_a_site_tagline_the_publisher() -> None:
    from generator.extract.metadata import parse_citation

    text = (
        "From Lakewire, the free news source\n\nFerry capsizes on the lake\n\n"
        f"Thursday, March 14, 2024\n\n{BODY}\n\nSources\n\n"
        '"Ferry capsizes, dozens feared dead" — Reuters, March 13, 2024\n'
        '"23 dead as boat overturns" — BBC News, Thursday, March 14, 2024\n'
    )
    md = md_of(text)
    assert md.publisher.name == "Lakewire" and md.original is None
    assert [(c.name, c.date, c.title) for c in md.cited] == [
        ("Reuters", dt.date(2024, 3, 13), "Ferry capsizes, dozens feared dead"),
        ("BBC News", dt.date(2024, 3, 14), "23 dead as boat overturns"),
    ]
    assert parse_citation('Reuters: "Ferry capsizes" (13 March 2024)', "x").name == "Reuters"
    cited = parse_citation('* Kofi Adomako. "Pact signed" — Reuters, March 12, 2024', "x")
    assert (cited.name, cited.authors) == ("Reuters", ["Kofi Adomako"])


@pytest.mark.parametrize(
    ("credit", "where", "original", "authors"),
    [
        ("Authored by Jane Roe via The Daily Ledger,", "head", "The Daily Ledger", ["Jane Roe"]),
        (
            "This article was reprinted with permission from Urban Review.",
            "tail",
            "Urban Review",
            [],
        ),
        ("Cross-posted from Urban Review.", "tail", "Urban Review", []),
        ("This article first appeared on Urban Review.", "tail", "Urban Review", []),
        ("Source: Metro Wire", "tail", "Metro Wire", []),
        (
            "(Reporting by Jane Roe and Ken Ito; Editing by Tom Lee)",
            "wire",
            "Reuters",
            ["Jane Roe", "Ken Ito"],
        ),
    ],
)
def test_credit_lines_in_their_common_forms(credit, where, original, authors) -> None:
    head = (
        f"Trams for the suburbs everywhere\n\n{credit}\n\n"
        if where == "head"
        else ("Trams for the suburbs everywhere\n\n")
    )
    lead = f"LYON (Reuters) - {BODY}" if where == "wire" else BODY
    tail = f"\n\n{credit}" if where in ("tail", "wire") else ""
    text = f"{head}March 10, 2022\n\n{lead}{tail}\n"
    md = md_of(text)
    assert md.original.name == original
    assert md.authors == authors


def test_bylines_in_capitals_with_the_agency_after_them_and_outlet_desks() -> None:
    assert parse_byline("By EVELYN MUTUA and GRANT HOLLOWAY Associated Press") == [
        "Evelyn Mutua",
        "Grant Holloway",
    ]
    assert parse_byline("BY JOHN O'NEILL") == ["John O'Neill"]
    assert parse_byline("By Hedgeline Staff") == []


def test_a_name_line_over_an_affiliation_line_and_an_adapters_credit() -> None:
    text = (
        "Cod quarrel shows Arctic cooperation is fraying\n\nAuthor\nIngrid Solheim\n"
        "Associate Professor of Arctic Governance, Some University\n\n"
        "Some University provides funding as a member of The Conversation UK.\n\n"
        f"https://theconversation.com/cod-quarrel-123\n\n{BODY}\n"
    )
    md = md_of(text)
    assert md.authors == ["Ingrid Solheim"] and md.publisher.name == "The Conversation"
    text = (
        f"Herders face a deadly winter\n\nMarch 5, 2026\n\n{BODY}\n\nI'm Dan Whitaker.\n\n"
        "Dan Whitaker adapted this story for Learning English based on reports from The "
        "Associated Press and Reuters.\n"
    )
    md = md_of(text)
    assert md.authors == ["Dan Whitaker"]
    assert [c.name for c in md.cited] == ["The Associated Press", "Reuters"]


@pytest.mark.parametrize(
    ("head", "title", "date", "authors", "publisher"),
    [
        (
            "NewsNest | Business & Law\n\nYour daily digest of the stories that matter\n\n"
            "Trams to reach the eastern suburbs by next spring\n\n"
            "Metro Courier via NewsNest · Posted Jan 16, 2025 · 4 min read",
            "Trams to reach the eastern suburbs by next spring",
            dt.date(2025, 1, 16),
            [],
            "NewsNest",
        ),
        (
            "EMBARGOED UNTIL 00:01 GMT WEDNESDAY 11 JUNE 2025\n\nHEALTH DESK WIRE | Global Health\n\n"
            "Trams to reach the eastern suburbs by next spring\n\nBy Esther Lindqvist, Health Desk Wire",
            "Trams to reach the eastern suburbs by next spring",
            dt.date(2025, 6, 11),
            ["Esther Lindqvist"],
            "Health Desk Wire",
        ),
        (
            "THE PACIFIC BRIEF\n\nInterviews\n\n'We will not move the trams for sympathy'\n\n"
            "By Tom Hadley\n\n19 February 2026",
            "'We will not move the trams for sympathy'",
            dt.date(2026, 2, 19),
            ["Tom Hadley"],
            "The Pacific Brief",
        ),
        (
            "MERIDIAN NEWS · LIVE\n\nLive: trams reach the eastern suburbs\n\nTuesday 4 November 2025\n"
            "Edited by Sofia Grant in London, with reporting from Mateo Ruiz in Lyon",
            "Live: trams reach the eastern suburbs",
            dt.date(2025, 11, 4),
            ["Sofia Grant", "Mateo Ruiz"],
            "Meridian News",
        ),
        (
            "Trams reach the eastern suburbs of the city\n\nBy Aoife Brennan 12 March 2025",
            "Trams reach the eastern suburbs of the city",
            dt.date(2025, 3, 12),
            ["Aoife Brennan"],
            None,
        ),
    ],
)
def test_header_forms_of_many_sites(head, title, date, authors, publisher) -> None:
    text = f"{head}\n\n{BODY} The tram network will cost the city about 400 million euros.\n"
    md = md_of(text)
    assert (md.title, md.date, md.authors) == (title, date, authors)
    assert (md.publisher.name if md.publisher else None) == publisher


def test_a_translated_repost_names_its_original_with_date_and_reporter() -> None:
    text = (
        "ANDES DISPATCH\n\nTrams reach the eastern suburbs of the city\n\n11 March 2026\n\n"
        "This article was translated from Spanish. Original: La Voz del Valle, 9 March 2026.\n"
        f"Reporting: Camilo Restrepo. Translation: Elena Ward.\n\n{BODY}\n"
    )
    md = md_of(text)
    assert (md.original.name, md.original.date) == ("La Voz del Valle", dt.date(2026, 3, 9))
    assert md.original.authors == ["Camilo Restrepo"]
    assert md.publisher.name == "Andes Dispatch"


def test_a_dated_wire_dateline_dates_the_original_and_a_commentary_credit_too() -> None:
    text = f"Trams for the suburbs\n\nMarch 14, 2025\n\nLYON, March 13 (Reuters) - {BODY}\n"
    md = md_of(text)
    assert (md.original.name, md.original.date) == ("Reuters", dt.date(2025, 3, 13))
    text = (
        "Trams for the suburbs everywhere now\n\nFebruary 16, 2026\n\n*This commentary originally "
        "appeared in The Urban Review on February 10, 2026. It is republished here with "
        f"permission.*\n\n{BODY}\n"
    )
    md = md_of(text)
    assert (md.original.name, md.original.date) == ("The Urban Review", dt.date(2026, 2, 10))
