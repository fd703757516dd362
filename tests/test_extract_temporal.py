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
        ("He visited at the end of January.", "2023-01-31"),
        ("In mid-April the board met.", "2023-04-10/2023-04-20"),
        ("Growth slowed in early 2020.", "2020"),
        ("The permit should come by mid-2025.", "2025"),
        ("Mid-2025 is the target.", "2025"),
        ("Rates are forecast for July.", "2023-07"),
        ("Frost arrived in late February.", "2023-02-15/2023-02-28"),
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


def test_last_week_is_its_seven_days_and_a_month_at_record_precision_inside_one() -> None:
    (t,) = find_temporal("It was agreed last week.", dt.date(2026, 9, 30))
    assert (t.value, t.coarse) == ("2026-09-21/2026-09-27", "2026-09")
    (t,) = find_temporal("It was agreed last week.", dt.date(2026, 10, 5))
    assert (t.value, t.coarse) == ("2026-09-28/2026-10-04", "")
    (t,) = find_temporal("Prices fell this past week.", dt.date(2014, 1, 28))
    assert t.value == "2014-01-20/2014-01-26"
    # An explicit run of seven days is no calendar week: it keeps its days in a record.
    (t,) = find_temporal("The fair ran on July 10-16.", dt.date(2017, 7, 20))
    assert (t.value, t.coarse) == ("2017-07-10/2017-07-16", "")


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


# A bare weekday, month or day without its year is placed by the tense of its clause, read
# from the words around it (no parser): the anchor 2013-10-09 is a Wednesday.
WED = dt.date(2013, 10, 9)


@pytest.mark.parametrize(
    "text,expected",
    [
        # past clause: the last such day, even five days back
        ("The runoff was held on Friday across the province.", "2013-10-04"),
        ("On Thursday, the council approved the budget.", "2013-10-03"),
        ("Port workers said on Saturday that the strike was over.", "2013-10-05"),
        # future clause: the coming one, even beyond three days
        ("The committee will vote on Tuesday.", "2013-10-15"),
        ("On Monday, the two envoys are to travel to Oslo.", "2013-10-14"),
        # no tense word: the nearest one, as before
        ("Crowds outside the arena on Friday.", "2013-10-11"),
        ("Crowds outside the arena on Sunday.", "2013-10-06"),
    ],
)
def test_bare_weekday_follows_the_tense_of_its_clause(text: str, expected: str) -> None:
    assert values(text, WED) == [expected]


def test_a_later_clause_does_not_lend_its_tense_to_a_date_inside_the_sentence() -> None:
    # "reported" closes the sentence but governs another clause; "agreed to resume" puts the
    # date in an infinitive whose time the past verb does not fix.
    assert values(
        "Lambing begins in April, and weak ewes often die, the agency reported.",
        dt.date(2026, 3, 5),
    ) == ["2026-04"]
    assert values("Both sides agreed to resume the talks in mid-March.", dt.date(2026, 2, 3)) == [
        "2026-03-10/2026-03-20"
    ]


def test_months_without_a_year_follow_the_tense_of_their_clause() -> None:
    assert values("I am going to Lisbon in January and to Quito in April.", WED) == [
        "2014-01",
        "2014-04",
    ]
    assert values("The factory closed in November after a fire.", WED) == ["2012-11"]
    assert values("What do you expect from the summit in November?", dt.date(2026, 2, 19)) == [
        "2026-11"
    ]


def test_a_month_without_tense_is_the_nearest_one_across_new_year() -> None:
    # written in December, "January" is the coming one; in October, "April" the last one
    assert values("Tolls rise in January for lorries.", dt.date(2025, 12, 10)) == ["2026-01"]
    assert values("Tolls rose in April for lorries.", dt.date(2025, 10, 1)) == ["2025-04"]
    assert values("Tolls for lorries in April.", dt.date(2025, 10, 1)) == ["2025-04"]


def test_a_weekday_that_names_no_particular_day_is_no_date() -> None:
    assert values("We meet on a Monday and again every Tuesday; on Mondays it is quiet.") == []
    assert values("We met on Monday.") == ["2023-05-01"]


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        ("The fair drew thousands this weekend.", dt.date(2016, 9, 7), "2016-09-03/2016-09-04"),
        ("Ministers met at the weekend in Rome.", dt.date(2026, 3, 16), "2026-03-14/2026-03-15"),
        ("The fair will open this weekend.", dt.date(2016, 9, 7), "2016-09-10/2016-09-11"),
        ("Protests are planned for next weekend.", dt.date(2016, 9, 10), "2016-09-17/2016-09-18"),
        ("It rained all last weekend.", dt.date(2016, 9, 11), "2016-09-03/2016-09-04"),
    ],
)
def test_weekends_are_their_saturday_and_sunday(text: str, anchor: dt.date, expected: str) -> None:
    assert values(text, anchor) == [expected]


def test_a_month_of_that_year_takes_the_year_named_before() -> None:
    assert values("The club was banned in February 2022 and cleared in November that year.") == [
        "2022-02",
        "2022-11",
    ]
    assert values("Floods hit in 2019; the dam burst in May the following year.") == [
        "2019",
        "2020-05",
    ]
    # without "that year" the month is placed from the anchor, not from the earlier year
    assert values("The club was banned in February 2019. It was cleared in November.") == [
        "2019-02",
        "2022-11",
    ]


def test_counted_years_back_from_the_anchor() -> None:
    assert values("Seventeen years ago the mine closed.") == ["2006"]
    assert values("A decade ago the mine closed.") == ["2013"]
    assert values("\u201c[Ten] years ago, it was different,\u201d she said.") == ["2013"]
    # a duration that is not counted back from the writing is no date
    assert values("The mine closed after seventeen years of work.") == []
    assert values("Seventeen years later the mine closed.") == []


def test_the_past_n_years_is_a_vague_span_up_to_the_anchor() -> None:
    (t,) = find_temporal("Storms have grown stronger over the past 30 years.", ANCHOR)
    assert t.value == "1993/2023" and t.vague
    assert values("Storms grew stronger in the past year.") == ["2022"]


def test_a_participle_used_as_an_adjective_is_no_past_tense() -> None:
    anchor = dt.date(2026, 10, 5)
    assert values("Voters face a highly polarised election on October 27.", anchor) == [
        "2026-10-27"
    ]
    assert values("Voters faced the delayed runoff on October 27.", anchor) == ["2025-10-27"]


def test_parts_of_a_month_or_year_are_their_days_and_the_period_at_record_precision() -> None:
    got = {
        t.text: (t.value, t.coarse)
        for t in find_temporal(
            "Frost came in late February and early March; the dam opens by the end of the year "
            "or by year end at the latest.",
            ANCHOR,
        )
    }
    assert got["late February"] == ("2023-02-15/2023-02-28", "2023-02")
    assert got["early March"] == ("2023-03-01/2023-03-15", "2023-03")
    assert got["the end of the year"] == ("2023-12-31", "2023")
    assert got["year end"] == ("2023-12-31", "2023")
    # a range between two parts keeps its months; a plain month has nothing to refine
    assert values("Rain fell between late October and the end of December 2025.") == [
        "2025-10/2025-12"
    ]
    assert [(t.value, t.coarse) for t in find_temporal("It rained in March.", ANCHOR)] == [
        ("2023-03", "")
    ]
    assert values("Year-end bonuses were cut.") == []


def test_the_year_before_or_after() -> None:
    assert values("Sales rose in 2014 after a slump the year before.") == ["2014", "2013"]
    assert values("Turnout fell from the year before, when it was forty percent.") == ["2022"]
    # "the year before the games" is a year counted from an event, not from the writing
    assert values("The final moves to the year before the Paralympics.") == []


def test_centuries_decade_words_and_vague_times_back() -> None:
    ts = find_temporal(
        "Art of the sixties and of the 20th century; wars of the past century.", ANCHOR
    )
    assert [(t.value, t.vague) for t in ts] == [
        ("1960/1969", True),
        ("1900/1999", True),
        ("1900/1999", True),
    ]
    (t,) = find_temporal("I met him several years ago.", ANCHOR)
    assert (t.value, t.vague) == ("../2023-05-05", True)
    assert values("Several years of drought followed.") == []


def test_a_participle_after_be_is_no_past_tense() -> None:
    assert values(
        "The vote is to be held from November 20 to December 11.", dt.date(2015, 5, 7)
    ) == ["2015-11-20/2015-12-11"]
    assert values("The vote was held on November 20.", dt.date(2015, 5, 7)) == ["2014-11-20"]


def test_the_next_or_coming_one_points_ahead() -> None:
    anchor = dt.date(2025, 12, 3)
    assert values("The next rainy season starts in March.", anchor) == ["2026-03"]
    assert values("The rainy season started in March.", anchor) == ["2025-03"]


def test_a_reported_state_until_a_date_is_not_moved_into_the_past() -> None:
    anchor = dt.date(2024, 9, 12)
    # reported speech backshifts "is funded until" to "was funded until"
    assert values("The agency said its programme was funded until mid-November.", anchor) == [
        "2024-11-10/2024-11-20"
    ]
    # without a verb of saying the past tense stands
    assert values("The programme was funded until November.", anchor) == ["2023-11"]


def test_halves_and_quarters_of_a_year() -> None:
    anchor = dt.date(2026, 3, 11)
    assert values("Works would begin in the second half of the year.", anchor) == [
        "2026-07/2026-12"
    ]
    assert values("Profit rose in the first quarter of 2025 and in Q3 2024.", anchor) == [
        "2025-01/2025-03",
        "2024-07/2024-09",
    ]
    assert values("The first half of the match was dull.", anchor) == []


def test_a_coming_span_that_began_before_the_anchor_keeps_its_year() -> None:
    anchor = dt.date(2014, 1, 28)
    assert values("The exhibit is to run from January 23 through March 9.", anchor) == [
        "2014-01-23/2014-03-09"
    ]
    assert values("The exhibit is to open on January 23.", anchor) == ["2015-01-23"]
