"""The temporal normaliser on synthetic sentences."""

import datetime as dt

import pytest
from edtf import parse_edtf

from generator.extract.temporal import find_temporal

ANCHOR = dt.date(2023, 5, 5)  # a Friday


def values(text: str, anchor: dt.date = ANCHOR) -> list[str]:
    return [t.value for t in find_temporal(text, anchor)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It happened on May 5, 2023 in the port.", "2023-05-05"),
        ("It happened on 5 May 2023 in the port.", "2023-05-05"),
        ("Filed 2023-05-05T10:00:00Z.", "2023-05-05"),
        ("The strike began in March 2021.", "2021-03"),
        ("The treaty was signed in 1998.", "1998"),
        ("Talks resume on June 20.", "2023-06-20"),
        ("The ministers meet on July 11-12.", "2023-07-11/2023-07-12"),
        ("He was mayor (1995-2002).", "1995/2002"),
        ("The 1998-99 season.", "1998/1999"),
        ("The office opens next year.", "2024"),
        ("Prices rose last year.", "2022"),
        ("A vote is due later this year.", "2023"),
        ("He visited at the end of January.", "2023-01"),
        ("In mid-April the board met.", "2023-04"),
        ("Growth slowed in early 2020.", "2020"),
        ("The permit should come by mid-2025.", "2025"),
        ("Mid-2025 is the target.", "2025"),
        ("Rates are forecast for July.", "2023-07"),
        ("Frost arrived in late February.", "2023-02"),
        ("The talks were held next month.", "2023-06"),
        ("Fighting flared in recent days.", "2023-05~"),
        ("He will speak on Sunday.", "2023-05-07"),
        ("Wednesday's announcement surprised many.", "2023-05-03"),
        ("Losses mounted between late October and the end of December 2022.", "2022-10/2022-12"),
    ],
)
def test_single_expression(text: str, expected: str) -> None:
    got = values(text)
    assert got == [expected]
    parse_edtf(got[0])


def test_spans_point_into_the_text() -> None:
    text = "Officials met on 3 June 2022 and again in 2024."
    for t in find_temporal(text, ANCHOR):
        assert text[t.start : t.end] == t.text


def test_last_week_is_a_month_when_it_lies_in_one_and_an_interval_otherwise() -> None:
    assert values("It was agreed last week.", dt.date(2026, 9, 30)) == ["2026-09"]
    assert values("It was agreed last week.", dt.date(2026, 10, 5)) == ["2026-09-28/2026-10-04"]


def test_following_year_is_relative_to_the_last_stated_year() -> None:
    assert values("She won in 2007 and took office the following year.") == ["2007", "2008"]


def test_day_without_year_repeating_an_earlier_date_inherits_its_year() -> None:
    ts = find_temporal(
        "The raid of October 7 2021 shocked the city. Since October 7, talks stalled.", ANCHOR
    )
    assert [t.value for t in ts] == ["2021-10-07", "2021-10-07"]
    assert ts[1].repeat and not ts[0].repeat


def test_quantities_and_money_are_not_years() -> None:
    assert values("About 1500 troops and 2,000 people; US$2.45 billion; grant 2023-00160-16.") == []


def test_modal_may_is_not_a_month() -> None:
    assert values("Officials may decide soon. It may rain.") == []


def test_decades_are_marked_vague() -> None:
    (t,) = find_temporal("The wars of the 1990s shocked Europe.", ANCHOR)
    assert t.value == "1990/1999" and t.vague


def test_every_value_parses_as_edtf() -> None:
    text = (
        "On Monday, last month, this week, in spring 2020, 3 Mar 09, two years ago, tomorrow, "
        "in September, from 1910 to 1945, June 30 - July 2, 2021."
    )
    ts = find_temporal(text, ANCHOR)
    assert len(ts) >= 8
    for t in ts:
        parse_edtf(t.value)
