"""Boilerplate and header classification on synthetic pages."""

from generator.extract.clean import BODY, BOILER, HEADER, HEADING, boilerplate_reason, classify

PAGE = """Harbour Authority Approves New Ferry Route

By Ana Lima and Tom Reed

The Coastal Courier, June 2, 2024

Sign up for our morning newsletter to get the news first.

The harbour authority approved a new ferry route on Tuesday, linking the two islands for the first time in a decade, officials said.

Ferry operators welcomed the decision, which had been delayed for months by disputes over funding and the size of the new terminal.

Funding questions

The regional government will cover most of the cost, according to a statement released by the authority.

Photo: A ferry leaves the northern pier. (Getty Images)

Follow us on Facebook and Twitter for more updates.

© 2024 The Coastal Courier. All rights reserved.

Ana Lima is a reporter covering transport and the islands.
"""


def kinds(text: str, authors=None) -> dict[str, str]:
    return {b.plain: b.kind for b in classify(text, authors)}


def test_header_lines_come_before_the_first_prose_paragraph() -> None:
    k = kinds(PAGE)
    assert k["Harbour Authority Approves New Ferry Route"] == HEADER
    assert k["By Ana Lima and Tom Reed"] == HEADER
    assert k["The Coastal Courier, June 2, 2024"] == HEADER


def test_article_paragraphs_are_body_and_subheads_are_headings() -> None:
    k = kinds(PAGE, ["Ana Lima", "Tom Reed"])
    assert sum(v == BODY for v in k.values()) == 3
    assert k["Funding questions"] == HEADING


def test_genres_of_boilerplate_are_recognised() -> None:
    k = kinds(PAGE)
    for line in [
        "Sign up for our morning newsletter to get the news first.",
        "Photo: A ferry leaves the northern pier. (Getty Images)",
        "Follow us on Facebook and Twitter for more updates.",
        "© 2024 The Coastal Courier. All rights reserved.",
    ]:
        assert k[line] == BOILER, line


def test_author_note_after_the_article_is_boilerplate_when_the_author_is_known() -> None:
    k = kinds(PAGE, ["Ana Lima", "Tom Reed"])
    assert k["Ana Lima is a reporter covering transport and the islands."] == BOILER


def test_republication_credit_is_split_off_a_long_paragraph() -> None:
    para = (
        "The committee met for three days to weigh the evidence and hear from the witnesses who had "
        "travelled from across the region, and its members agreed that further work was needed before "
        "any decision could be taken. This article is republished from The Daily Ledger under a "
        "Creative Commons license."
    )
    blocks = classify("A headline about a committee\n\n" + para)
    body = [b for b in blocks if b.kind == BODY]
    assert body and "republished" not in body[0].text
    assert any(b.kind == BOILER and "republished" in b.text for b in blocks)


def test_specific_reasons() -> None:
    assert boilerplate_reason("Read more: Another story about ferries") == "read more / related"
    assert boilerplate_reason("3 hours ago") == "time stamp"
    assert (
        boilerplate_reason("The author received funding from the Research Council.")
        == "funding/disclosure"
    )
    assert boilerplate_reason("Region: Europe Theme: Transport") == "tag line"
    assert boilerplate_reason("The ferry will carry 400 passengers.") == ""


CITED = """Ferry capsizes on the lake

Thursday, March 14, 2024

A passenger ferry capsized on the lake on Wednesday evening, leaving at least 23 people dead, according to the police.

Search operations will resume on Friday morning, the police said in a statement to reporters.

Sources

"Ferry capsizes, dozens feared dead" — Reuters, March 13, 2024
"23 dead as boat overturns on the lake" — BBC News, March 14, 2024

This page is archived, and is no longer publicly editable.

Have an opinion on this story? Share it!
"""


def test_a_sources_list_its_items_and_archive_furniture_are_not_body() -> None:
    blocks = classify(CITED)
    body = [b.plain for b in blocks if b.kind == BODY]
    assert len(body) == 2 and body[1].startswith("Search operations")
    listed = [b.plain for b in blocks if b.reason == "source list"]
    assert listed[0] == "Sources" and len(listed) == 3  # one block per cited report
    assert {b.reason for b in blocks[-2:]} == {"archive notice", "comment prompt"}


def test_a_sources_list_whose_items_open_with_an_author_is_one_item_a_line() -> None:
    text = (
        "Depot fire shuts a metro line\n\nFire crews fought a blaze at the depot for six hours on "
        "Sunday night, the city said in a statement.\n\nSources\n\n"
        '    Ana Lopes. "Fire destroys two trains" — Correio do Sul, November 3, 2025\n'
        '    "Green line shut after depot blaze" — Iberia Wire, November 3, 2025\n'
    )
    listed = [b.plain for b in classify(text) if b.reason == "source list"]
    assert len(listed) == 3 and listed[1].startswith("Ana Lopes.")
