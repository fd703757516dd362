"""Header reading by general mechanisms: the publication date, the headline and the byline.

Every header below was written for these tests (no article is copied). Each form of date
has examples it must read and, from other documents, examples it must not read.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.clean import classify
from generator.extract.header_lines import date_line, find_dates, preferred
from generator.extract.metadata import read_metadata

BODY = (
    "The regional water board approved a plan on Tuesday to replace the ageing pipes "
    "under the old town, after residents complained about repeated leaks."
)
BODY2 = (
    "Engineers said the work would take two years and would close several streets "
    "in turn, starting with the market square."
)


def md_of(header: str, body: str = f"{BODY}\n\n{BODY2}"):
    text = f"{header}\n\n{body}\n"
    return read_metadata(classify(text), text)


# ----------------------------------------------------------------- one line, one date


@pytest.mark.parametrize(
    "line, day",
    [
        ("Friday, August 21, 2015", "2015-08-21"),  # weekday, full month
        ("Published: 12 Mar 2024 / 8:42 AM", "2024-03-12"),  # label, abbreviation, "/ time"
        ("Mar 4, 2023 | 02:30 PM", "2023-03-04"),  # "| time"
        ("(Updated: 9 January 2022 10:00 GMT)", "2022-01-09"),  # parenthesised, zone
        ("Posted on the 3rd of June 2021", "2021-06-03"),  # ordinal with "of"
        ("Sunday 1st October 2017 18:05 BST", "2017-10-01"),  # ordinal, weekday, zone
        ("14.11.2019 07:30 CET", "2019-11-14"),  # numeric day-month-year
        ("25/04/2018", "2018-04-25"),  # numeric, day above 12
        ("2020-02-29T23:10:00+05:30", "2020-02-29"),  # ISO with offset: the stated day
        ("2021-06-06", "2021-06-06"),  # ISO alone
        ("Posted 2022-11-30 · 3 min read", "2022-11-30"),
        ("Jan 16, 2025 · 4 min read", "2025-01-16"),
        ("Sept. 5, 2024, 6:30 p.m. EDT", "2024-09-05"),  # "Sept.", a.m./p.m. with dots
        ("WEDNESDAY, JULY 7, 2010", "2010-07-07"),  # set in capitals
        ("Mon 6 May 19", "2019-05-06"),  # two-digit year
    ],
)
def test_a_full_date_in_any_common_form_is_read(line: str, day: str) -> None:
    found = find_dates(line)
    assert found and found[0].day.isoformat() == day


@pytest.mark.parametrize(
    "line",
    [
        "March 2024",  # a month alone
        "2019",  # a bare year
        "Spring 2021 edition",
        "12-14 March 2024",  # a range of days
        "March 12-14, 2024",
        "3 June 2021 to 5 June 2021",  # a range of dates
        "2 hours ago",  # relative: never dated from today
        "Updated yesterday at 8:42 AM",
        "Route 66 and 24 other highways",  # numbers, no month
        "Omar 12, 2024 draft",  # a month's letters inside a name
    ],
)
def test_no_full_date_is_read_from(line: str) -> None:
    assert find_dates(line) == []


def test_the_labels_say_which_date_is_the_publication_date() -> None:
    both = find_dates("Updated 14 Mar 2024 · Published 12 Mar 2024")
    assert [d.label for d in both] == ["updated", "published"]
    assert preferred(both).day == dt.date(2024, 3, 12)
    # without labels, the first date; an "Updated" date only when it is the only one
    assert preferred(find_dates("9 May 2023 (updated 10 May 2023)")).day == dt.date(2023, 5, 9)
    assert preferred(find_dates("Last updated: 10 May 2023")).day == dt.date(2023, 5, 10)


def test_an_all_numeric_date_whose_day_and_month_could_swap_says_so() -> None:
    (d,) = find_dates("07/08/2016 09:15")
    assert d.day == dt.date(2016, 8, 7) and d.ambiguous == "2016-07-08"
    (e,) = find_dates("19/08/2016")  # the day is above 12: only one reading
    assert e.ambiguous == ""
    (f,) = find_dates("7 Aug 2016")  # a month name: no doubt
    assert f.ambiguous == ""


def test_a_date_line_may_name_its_outlet_but_is_not_a_sentence() -> None:
    assert date_line("Harbour Post, 2 February 2020")[1] == "Harbour Post"
    # words that open like a weekday or a month are names: "Sunshine", "Marchmont"
    assert date_line("Sunshine Coast Daily, 2 February 2020")[1] == "Sunshine Coast Daily"
    assert date_line("Marchmont Monitor 2 February 2020")[1] == "Marchmont Monitor"
    assert date_line("By Lena Fisk | 2 February 2020 | 11:20 AM")[1] == ""
    assert date_line("Posted Jan 16, 2025 · 4 min read")[1] == ""
    assert date_line("The board met on 2 February 2020 to vote on the new tariff scheme") is None


# ----------------------------------------------------------------- the header region


@pytest.mark.parametrize(
    "header, day",
    [
        ("Water Board Backs Pipe Plan\nTuesday, May 14, 2024", "2024-05-14"),  # line under it
        ("Water Board Backs Pipe Plan\n\nPublished: 14 May 2024 / 8:42 AM", "2024-05-14"),
        ("Water Board Backs Pipe Plan\n\nBy Ines Moreau | 14 May 2024 | 02:30 PM", "2024-05-14"),
        ("Water Board Backs Pipe Plan\n\n14/05/2024 09:00 CEST", "2024-05-14"),
        ("Water Board Backs Pipe Plan\n\nTue 14th May 2024", "2024-05-14"),
        (
            "Water Board Backs Pipe Plan\n\nUpdated: 20 May 2024\n\nPublished: 14 May 2024",
            "2024-05-14",
        ),  # "Updated" is not the publication date when "Published" is there
        ("Water Board Backs Pipe Plan\n\n(Updated: 20 May 2024 10:00 GMT)", "2024-05-20"),
    ],
)
def test_the_publication_date_is_read_from_the_header(header: str, day: str) -> None:
    md = md_of(header)
    assert md.date is not None and md.date.isoformat() == day


def test_a_labelled_date_after_the_lead_still_counts() -> None:
    md = md_of("Water Board Backs Pipe Plan", f"{BODY}\n\nPublished: 14 May 2024\n\n{BODY2}")
    assert md.date == dt.date(2024, 5, 14)


@pytest.mark.parametrize(
    "header, body",
    [
        # a date in the body far below the header is not the publication date
        (
            "Water Board Backs Pipe Plan",
            f"{BODY}\n\n{BODY2}\n\nThe board first discussed the pipes on 3 March 2019, "
            "when a main burst under the square.\n\nIt met again on 4 April 2021.",
        ),
        ("Water Board Backs Pipe Plan\n\n12-14 May 2024", f"{BODY}\n\n{BODY2}"),  # a range
        ("Water Board Backs Pipe Plan\n\n2024", f"{BODY}\n\n{BODY2}"),  # a bare year
        ("Water Board Backs Pipe Plan\n\nMay 2024 edition", f"{BODY}\n\n{BODY2}"),
    ],
)
def test_no_publication_date_is_made_up(header: str, body: str) -> None:
    assert md_of(header, body).date is None


def test_a_wire_dateline_with_a_full_date_dates_the_copy() -> None:
    md = md_of("Pipes to Be Replaced", f"OSLO, June 3, 2022 (Northwire) - {BODY}\n\n{BODY2}")
    assert md.date == dt.date(2022, 6, 3)


# ----------------------------------------------------------------- headline and byline


@pytest.mark.parametrize(
    "header",
    [
        "Logo\n\nWater Board Backs Pipe Plan\n\nMay 14, 2024",
        "Site logo\n\nHome > Region > Water\n\nWater Board Backs Pipe Plan\n\nMay 14, 2024",
        "THE VALLEY COURIER\n\nWater Board Backs Pipe Plan\n\nBy Ines Moreau\n\nMay 14, 2024",
        "Water Board Backs Pipe Plan\nMay 14, 2024",
        "May 14, 2024\n\nWater Board Backs Pipe Plan\n\nBy Ines Moreau",
        "News / Local / Water\n\nWater Board Backs Pipe Plan\n\nPosted 14 May 2024 at 8:00",
    ],
)
def test_the_headline_is_not_a_logo_site_navigation_date_or_byline(header: str) -> None:
    assert md_of(header).title == "Water Board Backs Pipe Plan"


def test_the_headline_is_the_line_above_the_date_not_a_subheading_below() -> None:
    header = "Water Board Backs Pipe Plan\nMay 14, 2024\n\nHow the old pipes failed the town"
    assert md_of(header, f"{BODY}\n\nThe old pipes failed the town. {BODY2}").title == (
        "Water Board Backs Pipe Plan"
    )


def test_the_byline_is_read_around_its_date() -> None:
    md = md_of("Water Board Backs Pipe Plan\n\nBy Ines Moreau and Tomas Reyes | 14 May 2024")
    assert md.authors == ["Ines Moreau", "Tomas Reyes"] and md.date == dt.date(2024, 5, 14)
    md = md_of("Water Board Backs Pipe Plan\n\nBy Ines Moreau 14 May 2024 11:20 AM")
    assert md.authors == ["Ines Moreau"] and md.date == dt.date(2024, 5, 14)


@pytest.mark.parametrize(
    "headline",
    [
        "Club Unveils New Logo After Fan Vote",  # "logo" in a headline
        "Remote work / hybrid rules set to change",  # a slash in a headline
        "Council Says Yes > No in Tram Vote Recount",
    ],
)
def test_headlines_that_look_a_little_like_furniture_stay_headlines(headline: str) -> None:
    body = f"The club unveiled the new logo, the rules and the vote count on Tuesday. {BODY}"
    assert md_of(f"{headline}\n\nMay 14, 2024", f"{body}\n\n{BODY2}").title == headline


def test_a_label_labels_the_date_right_after_it_only() -> None:
    (d,) = find_dates("Published by the Harbour Trust in its annual series, 3 May 2023")
    assert d.label == ""
    (e,) = find_dates("Harbour Trust · Published on 3 May 2023")
    assert e.label == "published"
    (f,) = find_dates("Harbour Trust | Last modified: 4 May 2023")
    assert f.label == "updated"


def test_a_first_paragraph_that_opens_with_a_date_is_no_dateline() -> None:
    body = f"Since June 3, 2022 - when the main burst - the board has met weekly. {BODY}"
    assert md_of("Pipes to Be Replaced", f"{body}\n\n{BODY2}").date is None


@pytest.mark.parametrize(
    "byline",
    [
        "Written by Ines Moreau on Tuesday 14th May 2024",
        "By Ines Moreau, published 14 May 2024 at 08:42",
        "By Ines Moreau | 14.05.2024",
    ],
)
def test_a_byline_with_its_date_gives_both(byline: str) -> None:
    md = md_of(f"Water Board Backs Pipe Plan\n\n{byline}")
    assert md.authors == ["Ines Moreau"] and md.date == dt.date(2024, 5, 14)


def test_a_line_with_a_name_and_a_date_but_no_byline_word_is_no_byline() -> None:
    md = md_of("Water Board Backs Pipe Plan\n\nHarbour Post, 14 May 2024")
    assert md.authors == [] and md.date == dt.date(2024, 5, 14)


def test_a_headline_wrapped_over_two_lines_stays_whole_above_its_date() -> None:
    header = (
        "Water Board Backs Plan to Replace the Ageing Pipes Under\n"
        "the Old Town After Years of Leaks and Burst Mains\nTuesday, May 14, 2024"
    )
    md = md_of(header)
    assert md.title == (
        "Water Board Backs Plan to Replace the Ageing Pipes Under the Old Town After Years of "
        "Leaks and Burst Mains"
    )
    assert md.date == dt.date(2024, 5, 14)
