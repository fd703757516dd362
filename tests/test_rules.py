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
