"""Every row of every rule table fires on its `match:` examples and not on its `no_match:` ones."""

from __future__ import annotations

import pytest

from generator.extract import rules

# Rows of each table itself (a table that includes another does not repeat its rows here).
ROWS = [rule for name in rules.tables() for rule in rules.load(name) if rule.table == name]


@pytest.mark.parametrize("rule", ROWS, ids=[f"{r.table}:{r.id}" for r in ROWS])
def test_rule_examples(rule: rules.Rule) -> None:
    assert rule.match, f"{rule.id}: no match example"
    assert rule.no_match, f"{rule.id}: no no_match example"
    for text in rule.match:
        assert rule.search(text), f"{rule.id} should fire on {text!r}"
    for text in rule.no_match:
        assert not rule.search(text), f"{rule.id} should not fire on {text!r}"


# Cleaning keeps article text that mentions a boilerplate keyword (issue 11): keyword rules
# fire on a short line or a sentence, never make a whole article paragraph boilerplate.

_BODY_WITH_KEYWORDS = [
    # a long paragraph with one funding / donation / privacy sentence inside it
    "The clinic opened on Monday after two years of delays. The building was funded by a "
    "regional bank and a donation of $2 million from a local family. Doctors said they expect "
    "to see 300 patients a week once the second floor is finished in the spring.",
    "Regulators fined the company on Thursday. Its privacy policy had allowed staff to sell "
    "customer data, the agency said, and the copyright claims of two authors are still before "
    "the courts. The company said it would appeal.",
    # single-sentence paragraphs that only mention such words
    "The new school, funded by a donation from former pupils, opened its doors on Monday.",
    "Two writers filed copyright claims against the studio in a federal court on Tuesday.",
    "Officials said they could not share the details with the families until Friday.",
]


@pytest.mark.parametrize("para", _BODY_WITH_KEYWORDS)
def test_body_paragraphs_with_boilerplate_keywords_survive(para: str) -> None:
    from generator.extract.clean import BODY, classify

    text = (
        "Clinic opens after delays\n\nMay 3, 2024\n\n"
        + ("The health ministry said the clinic would serve four villages in the district.\n\n")
        + para
    )
    blocks = classify(text)
    last = [b for b in blocks if b.plain.startswith(para[:30])]
    assert last and all(b.kind == BODY for b in last), [(b.kind, b.reason) for b in last]
    assert " ".join(b.plain for b in last) == " ".join(para.split())


@pytest.mark.parametrize(
    "line", ["I am not giving up.", "This is our home.", "I'm not sure anyone will listen."]
)
def test_short_first_person_sentences_are_not_sign_offs(line: str) -> None:
    from generator.extract.clean import BODY, boilerplate_reason, classify

    assert boilerplate_reason(line) == ""
    text = (
        "Flood victims refuse to leave\n\nResidents of the valley said on Sunday that they "
        "would stay in their homes despite the warnings of the authorities.\n\n" + line
    )
    assert classify(text)[-1].kind == BODY


def test_a_presenter_sign_off_is_still_a_credit() -> None:
    from generator.extract.clean import boilerplate_reason

    assert boilerplate_reason("I'm Laura Chen.") == "republication credit"


@pytest.mark.parametrize(
    ("line", "rule", "outlet", "authors"),
    [
        (
            "This article is republished from The Harbour Review under a Creative Commons license.",
            "republished-from",
            "The Harbour Review",
            "",
        ),
        (
            "Authored by Lena Fischer via EnergyWatch.com,",
            "authored-via",
            "EnergyWatch.com",
            "Lena Fischer",
        ),
        (
            "(Reporting by Ana Costa and Li Wei; Editing by Tom Hale)",
            "reporting-by",
            "",
            "Ana Costa and Li Wei",
        ),
    ],
)
def test_a_credit_form_gives_its_outlet_and_authors(
    line: str, rule: str, outlet: str, authors: str
) -> None:
    found = rules.credit(line)
    assert found is not None and (found.rule, found.outlet, found.authors) == (
        rule,
        outlet,
        authors,
    )


def test_no_credit_in_an_ordinary_sentence() -> None:
    assert rules.credit("The minister said the report was published on Monday.") is None


def test_a_broken_table_is_reported_with_its_file_and_row(tmp_path, monkeypatch) -> None:
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - id: x\n    pattern: '('\n    scope: line\n    action: a\n"
    )
    monkeypatch.setattr(rules, "HERE", tmp_path)
    rules.load.cache_clear()
    try:
        with pytest.raises(
            rules.RuleError, match=r"bad.yaml row 1 \(x\): pattern does not compile"
        ):
            rules.load("bad")
    finally:
        rules.load.cache_clear()


# One row serves cleaning and metadata (issue 11): a credit form cleaning drops is read by
# metadata as the original outlet; a `boilerplate: false` form is read by metadata only, so
# the line stays article text; an `only: credit-lines` form never fires on article text.


def _article(line: str) -> str:
    return (
        "Harbour dredging to start in spring\n\nMay 3, 2024\n\n"
        "The port authority said dredging of the main channel would begin in April and last "
        "about six weeks, closing two berths to cargo ships.\n\n" + line
    )


def test_a_credit_row_is_boilerplate_and_names_the_original() -> None:
    from generator.extract.clean import classify
    from generator.extract.metadata import read_metadata

    text = _article("This story was originally published by Valley Ledger.")
    blocks = classify(text)
    assert blocks[-1].reason == "republication credit"
    md = read_metadata(blocks, text)
    assert md.original is not None and md.original.name == "Valley Ledger"


def test_a_credit_row_marked_not_boilerplate_is_kept_and_read() -> None:
    from generator.extract.clean import BODY, boilerplate_reason, classify
    from generator.extract.metadata import read_metadata

    line = "Source: Northern Wire"
    assert [c.rule for c in rules.credits(line)] == ["source-label"]
    assert boilerplate_reason(line) == ""
    text = _article(line)
    md = read_metadata(classify(text), text)
    assert md.original is not None and md.original.name == "Northern Wire"
    rules.load.cache_clear()
    assert not next(r for r in rules.load("boilerplate") if r.id == "source-label").boilerplate
    assert classify(_article("The report was published by the ministry."))[-1].kind == BODY


def test_a_credit_lines_only_row_needs_a_credit_line() -> None:
    line = "Published on 3 March 2024 by Ines Duarte"
    assert [c.authors for c in rules.credits(line, "authors")] == ["Ines Duarte"]
    assert rules.credits(line, "authors", credit_line=False) == []
