"""Timeline events from a synthetic article dated 2024-03-15."""

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _extract_util import body_of  # noqa: E402

from generator.extract.timeline import build_timeline  # noqa: E402
from generator.seeds import fold_ws  # noqa: E402

TEXT = """Port Expansion Moves Ahead

River Gazette, March 15, 2024

The port authority approved the expansion plan last week after two years of hearings.

Construction is due to start next year, and the first berth will open in June 2026.

The port was founded in 1887 and rebuilt after a fire in 1921. In 1921, the fire destroyed the old pier.

The wars of the 1990s slowed trade.
"""
ANCHOR = dt.date(2024, 3, 15)


def timeline() -> list[dict]:
    return build_timeline(body_of(TEXT), TEXT, ANCHOR)


def test_dates_statuses_and_order() -> None:
    got = [(e["date"], e["status"]) for e in timeline()]
    assert got == [
        ("1887", "occurred"),
        ("1921", "occurred"),
        ("2024-03", "occurred"),
        ("2025", "planned"),
        ("2026-06", "planned"),
    ]


def test_header_date_line_and_decades_are_not_events() -> None:
    dates = [e["date"] for e in timeline()]
    assert "2024-03-15" not in dates
    assert "1990/1999" not in dates


def test_events_are_sentences_and_evidence_is_verbatim() -> None:
    folded = fold_ws(TEXT)
    for e in timeline():
        assert e["event"][0].isupper() and e["event"].endswith(".")
        assert e["evidence"] in folded


def test_leading_date_phrase_is_dropped_from_the_event() -> None:
    ev = next(e for e in timeline() if e["date"] == "2026-06")
    assert "first berth will open" in ev["event"]


TENSE = """Talks Called After Strike

The union said on Tuesday that its members would strike. The minister will meet both sides on Tuesday.

The ministry said it had invited both sides to talks on Monday.

Officials expect a deal before the end of March, and the strike is the largest since 2008.

The lake stood at its lowest level since records began in 1965, the worst since independence in 1960.

Forecasts for April and May point to more stoppages.

This week marks two years since the port strike of 2022, and a year ago this week the dockers voted.
"""


def test_weekdays_follow_the_tense_of_their_verb_and_qualified_months_their_part() -> None:
    got = {e["date"]: e["status"] for e in build_timeline(body_of(TENSE), TENSE, ANCHOR)}
    # ANCHOR is Friday 2024-03-15: "said on Tuesday" is the 12th, "will meet on Tuesday" the
    # 19th; "talks on Monday" is the nearest Monday, the 18th, as the day belongs to the talks.
    assert got.get("2024-03-12") == "occurred"
    assert got.get("2024-03-19") == "planned"
    assert got.get("2024-03-18") == "planned"
    assert got.get("2024-03") == "planned"  # the end of March is still ahead on the 15th
    assert "2008" not in got  # only the baseline of a comparison
    assert "1965" not in got and "1960" not in got
    events = build_timeline(body_of(TENSE), TENSE, ANCHOR)
    marks = [e["date"] for e in events if e["event"].startswith("This week marks")]
    assert sorted(marks) == ["2022", "2023"]  # the dates counted from, not the week of writing
    assert got.get("2024-04") == "planned"  # "for April": a month after "for" is a date


YEARLESS = """Schools Stay Shut

The ministry said schools would not reopen on January 5 unless families had been moved.

Last year's rains, between March and May, killed more than 280 people.

The new rules will apply at the end of December, officials said.
"""


def test_yearless_dates_take_their_verbs_tense_and_the_sentences_year() -> None:
    anchor = dt.date(2025, 11, 20)
    got = {e["date"]: e["status"] for e in build_timeline(body_of(YEARLESS), YEARLESS, anchor)}
    assert got.get("2026-01-05") == "planned"  # "would reopen", said in November
    assert got.get("2024-03/2024-05") == "occurred"  # "last year's" rains
    assert got.get("2025-12") == "planned"


def test_a_dated_sentence_without_a_verb_is_handled() -> None:
    """A fragment whose root is a noun ("La Voz del Macizo, 9 March 2026.") once sent the
    search for the date's verb round the root for ever."""
    import signal

    text = (
        "Bypass Approved\n\nThis article was translated from Spanish for our readers in the "
        "region. Original: La Voz del Macizo, 9 March 2026.\n\n"
        "The council said on Tuesday that the bypass would open in 2027, and the ministry "
        "agreed.\n"
    )

    def hung(*_: object) -> None:
        raise TimeoutError("build_timeline did not finish in 20 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        got = [e["date"] for e in build_timeline(body_of(text), text, ANCHOR)]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert "2027" in got


def test_a_year_a_clause_away_does_not_date_a_month() -> None:
    text = (
        "Cable Deal Signed\n\nThe minister said construction could begin in 2027 if financing "
        "was secured, and that the three governments would set up a joint company by September.\n"
    )
    got = {
        e["date"]: e["status"] for e in build_timeline(body_of(text), text, dt.date(2025, 3, 13))
    }
    assert got.get("2025-09") == "planned" and "2027-09" not in got


UNDATED = """Bridge Repairs Begin

Crews began repairing the Harrow Bridge yesterday, the county said.

The bridge was built in 1911 and last closed on 4 August 2019 after a flood.

The county will reopen it next month, and the mayor said on Friday that the work is on budget.
"""


def test_without_a_publication_date_only_events_the_text_dates_itself_are_kept() -> None:
    from generator.extract.pipeline import undated_timeline

    events, unresolved = undated_timeline(body_of(UNDATED), UNDATED)
    dates = {e["date"] for e in events}
    assert dates == {"1911", "2019-08-04"}  # stated in full: no anchor needed
    assert all(e["evidence"] in fold_ws(UNDATED) for e in events)
    # no event is dated from a missing anchor; the words are kept for the reviewer
    assert unresolved == ["yesterday", "next month", "Friday"]
    # whether 1911 lies before or after the publication date depends on that date: the
    # status is left out, never guessed
    assert all("status" not in e for e in events)


SINCE = """Reservoir Levels Keep Falling

Valley Post, October 14, 2025

Inflows to the reservoir have been well below average since June, the water board said.

The board cut supplies to farms in August and restored them the next week.

Levels had dropped sharply since March 2024, then recovered.
"""


def test_a_state_carried_by_the_present_perfect_since_a_date_is_ongoing() -> None:
    anchor = dt.date(2025, 10, 14)
    got = {e["date"]: e["status"] for e in build_timeline(body_of(SINCE), SINCE, anchor)}
    assert got["2025-06"] == "ongoing"  # "have been ... since June"
    assert got["2025-08"] == "occurred"  # no "since": a past event
    assert got["2024-03"] == "occurred"  # "had dropped since": over before the writing


EDITIONS = """Delegations Clash Over Flags

Harbour Times, October 6, 2026

At the 2020 Tokyo Summer Olympics, one delegation was asked to remove a banner.

The 2026 Asian Games closed on October 4 after a row over a ceremony.

The team hopes to qualify for the 2028 Olympic Games in Los Angeles.

The 2019 Lisbon Accord on fisheries was signed by eleven states.
"""


def test_a_year_naming_a_past_or_current_edition_of_a_recurring_event_dates_nothing() -> None:
    got = {e["date"] for e in build_timeline(body_of(EDITIONS), EDITIONS, dt.date(2026, 10, 6))}
    assert "2020" not in got and "2026" not in got  # past / this year's edition: a name
    assert "2026-10-04" in got
    assert "2028" in got  # a coming edition is a planned event
    assert "2019" in got  # an accord is no recurring event: its year dates its signing


LIVE = """Live: Floods cut off mountain towns

Alpine Wire, 12 May 2025

All times CET. Latest updates first.

18:10 CET — We are ending our coverage
That is all from us today.

16:45 CET — Bridge closed
Police closed the Rhine bridge at Sargans after the river rose above its banks.

14:20 CET — Rail link suspended
The rail operator suspended trains between Chur and Landquart, a spokeswoman said.
"""

PROGRAMME = """Open day at the city archive

Town Herald, 12 May 2025

The archive opens its doors on Saturday with this programme:

10:00 — Doors open
11:30 — Guided tour of the map room
14:00 — Talk on the town's medieval charters

Entry is free.
"""


def test_each_entry_of_a_live_page_is_an_event_of_its_day() -> None:
    anchor = dt.date(2025, 5, 12)
    got = [
        (e["date"], e["status"], e["event"]) for e in build_timeline(body_of(LIVE), LIVE, anchor)
    ]
    assert (
        "2025-05-12",
        "occurred",
        "Police closed the Rhine bridge at Sargans after the river rose above its banks.",
    ) in got
    assert any(e.startswith("The rail operator suspended trains") for _, _, e in got)
    assert not any("us today" in e or "coverage" in e for _, _, e in got)  # the page itself
    for e in build_timeline(body_of(LIVE), LIVE, anchor):
        assert e["evidence"] in LIVE and ":" not in e["evidence"][:6]  # no stamp as evidence


def test_a_timed_programme_is_no_live_page() -> None:
    got = build_timeline(body_of(PROGRAMME), PROGRAMME, dt.date(2025, 5, 12))
    assert not [e for e in got if e["date"] == "2025-05-12"]  # no time slot is an event


STAGES = """Bridge Repairs Drag On

Valley Post, March 11, 2026

A temporary footbridge is expected to open in March, the ministry said.

In March, the ombudsman warned that 300 families were cut off from the clinic.

Engineers inspected the piers in March and found new cracks.
"""


def test_a_date_keeps_one_event_per_stage_what_happened_before_what_is_to_come() -> None:
    got = [
        (e["date"], e["status"])
        for e in build_timeline(body_of(STAGES), STAGES, dt.date(2026, 3, 11))
    ]
    # two past mentions of March are one event; the planned opening is another
    assert got == [("2026-03", "occurred"), ("2026-03", "planned")]


def test_a_passive_state_since_a_date_began_then() -> None:
    text = """Fishing Talks Stall

Harbour Times, February 3, 2026

Its researchers have been suspended from the council since 2022, officials said.
"""
    got = build_timeline(body_of(text), text, dt.date(2026, 2, 3))
    assert [(e["date"], e["status"]) for e in got] == [("2022", "occurred")]


def test_a_line_that_only_gives_a_date_and_time_is_no_event() -> None:
    text = """Port Strike Ends

Harbour Times

Dockers returned to work on Monday after a two-week strike, the union said.
Tuesday 4 November 2025, 14:05 GMT.
The port authority said on 3 November 2025 that wages would rise.
"""
    got = {e["date"] for e in build_timeline(body_of(text), text, dt.date(2025, 11, 5))}
    assert "2025-11-03" in got and "2025-11-04" not in got


def test_a_year_keeps_one_event_whatever_the_stage() -> None:
    text = """Cod Quotas Clash

Harbour Times, February 3, 2026

Scientists advised a cod catch of 311,000 tonnes for 2026.

If both quotas stand, the catch will exceed the advice this year.
"""
    got = build_timeline(body_of(text), text, dt.date(2026, 2, 3))
    assert [e["date"] for e in got].count("2026") == 1


def test_a_reported_state_until_a_date_stays_ahead() -> None:
    text = """Food Aid Runs Short

Desert Times, September 12, 2024

The agency said its food pipeline was funded only until November, and asked donors for more.

Its stocks were drawn down until August, when a convoy arrived.
"""
    got = {
        e["date"]: e["status"] for e in build_timeline(body_of(text), text, dt.date(2024, 9, 12))
    }
    assert got.get("2024-11") == "planned"
    assert got.get("2024-08") == "occurred"


def test_a_wire_datelines_day_anchors_a_later_copy() -> None:
    text = """Senate passes aid bill

WASHINGTON, March 6 (Reuters) - The Senate voted on Tuesday to approve the aid package.

The House will take it up on Friday.
"""
    # copied a week later, on Wednesday 13 March: the days count from the dateline, 6 March
    got = {
        e["date"]: e["status"] for e in build_timeline(body_of(text), text, dt.date(2024, 3, 13))
    }
    assert got == {"2024-03-05": "occurred", "2024-03-08": "planned"}
    # no agency credit in the opening: the copy's own date is the anchor
    plain = text.replace(" (Reuters) -", " -")
    got = {e["date"] for e in build_timeline(body_of(plain), plain, dt.date(2024, 3, 13))}
    assert "2024-03-12" in got


def test_a_sentence_about_the_coverage_itself_is_no_event() -> None:
    text = """Live: Floods cut off mountain towns

Alpine Wire, 12 May 2025

Police closed the Rhine bridge on Sunday after the river rose.

We will resume our coverage tomorrow morning.

The union said its members will vote tomorrow on the offer.
"""
    got = build_timeline(body_of(text), text, dt.date(2025, 5, 12))
    assert [e["event"] for e in got if e["date"] == "2025-05-13"] == [
        "The union said its members will vote tomorrow on the offer."
    ]
