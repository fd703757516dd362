"""The extractive summary."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _extract_util import body_of  # noqa: E402

from generator.extract.summary import summarize  # noqa: E402

TEXT = """Bridge Closure Disrupts Commuters

Sign up for our newsletter to get traffic alerts every morning.

The main bridge into the city closed on Monday after engineers found cracks in two support beams, forcing thousands of commuters onto ferries and detour routes.

What happens next?

Engineers expect repairs to the bridge to take at least six weeks, and the city has added ferry services during rush hours.

I have crossed that bridge every day for twenty years.

Local shops near the bridge reported fewer customers, and business groups asked the city for support while the bridge stays closed.
"""


def test_summary_is_lead_based_short_and_free_of_boilerplate() -> None:
    s = summarize(body_of(TEXT), "Bridge Closure Disrupts Commuters")
    assert s.startswith("The main bridge into the city closed on Monday")
    assert len(s.split()) <= 90
    assert "newsletter" not in s and "?" not in s and "I have crossed" not in s


def test_summary_respects_the_word_limit() -> None:
    s = summarize(body_of(TEXT), "Bridge Closure Disrupts Commuters", max_words=40)
    assert len(s.split()) <= 40


def test_compress_drops_parentheticals_connectives_and_credits() -> None:
    from generator.extract.summary import compress

    assert compress("But the council (known as the PLC) met, however, on Monday.") == (
        "The council met on Monday."
    )
    assert compress("The agency will open an office in Lagos, the Daily Post has learned.") == (
        "The agency will open an office in Lagos."
    )


OPINION = """Cities Must Rethink How They Fund Bridges

Jane Roe, Professor of Urban Policy, Example University

The main bridge into the city closed on Monday after engineers found cracks in two support beams.

Repairs are expected to take six weeks, and ferry services have been added at rush hour.

The closure follows years of deferred maintenance across the region's ageing bridges.

Budgets for upkeep were cut in each of the past five years as councils prioritised new roads.

Engineers warned council members about the cracks in reports filed last year.

Cities should fund maintenance from a dedicated levy so that repairs no longer compete with new projects.
"""


def test_opinion_pieces_state_the_argument_as_the_authors() -> None:
    s = summarize(body_of(OPINION), "Cities Must Rethink How They Fund Bridges", opinion=True)
    assert "The author argues that cities should fund maintenance" in s
    assert len(s.split()) <= 90


def _sentence(text: str):
    """One sentence parsed by the real model, as the summariser sees it."""
    from generator.extract.body import Sentence
    from generator.extract.options import Options, load_nlp

    span = next(iter(load_nlp(Options().model_name())(text).sents))
    return Sentence(0, len(text), text, span, 0, 0)


def test_asides_between_commas_go_with_both_commas_and_lists_stay_whole() -> None:
    from generator.extract.summary import pruned

    s = pruned(
        _sentence(
            "The minister, who took office in March after a long campaign, signed the decree "
            "in the capital on Tuesday."
        )
    )
    assert s == "The minister signed the decree in the capital on Tuesday."
    # An aside that runs to the end of the sentence holds a list with commas: nothing is cut
    # at the list's first comma.
    text = (
        "The war was waged in the north, which a UN commission, leading scholars and "
        "rights groups have concluded amounted to genocide."
    )
    assert pruned(_sentence(text)) == text


def test_a_short_unnamed_opener_goes_but_conditions_names_and_figures_stay() -> None:
    from generator.extract.summary import pruned

    assert pruned(
        _sentence(
            "In terms of highlights, the summit agreed a new framework for sharing intelligence "
            "between the member states."
        )
    ).startswith("The summit agreed a new framework")
    for text in (
        "If the alliance is to survive, its members must agree a new framework for sharing "
        "intelligence between them.",
        "In Nairobi, the summit agreed a new framework for sharing intelligence between the "
        "member states.",
        "Three years after the attack, the summit agreed a new framework for sharing "
        "intelligence between the member states.",
    ):
        assert pruned(_sentence(text)) == text


def test_compress_drops_an_opening_back_reference() -> None:
    from generator.extract.summary import compress

    assert compress("With this in mind, the ceremony upset the visiting delegation.") == (
        "The ceremony upset the visiting delegation."
    )
    assert compress("Finally, international cooperation on the subject already exists.") == (
        "International cooperation on the subject already exists."
    )


def test_the_framed_argument_keeps_names_capitalised_and_lowers_common_words() -> None:
    from generator.extract.summary import _framed

    lower = {"three", "years"}
    s = _sentence("Three years after the war, the guns are quieter but far from silent.")
    assert _framed(s.text, 1, s, lower).startswith("The author argues that three years")
    s = _sentence("Thaçi faces the court again.")
    assert _framed(s.text, 2, s, lower).startswith("The authors argue that Thaçi faces")


def test_what_a_named_person_does_is_not_the_authors_claim() -> None:
    from generator.extract.summary import argumentative

    s = _sentence("Angela Merkel faces a separate trial on witness intimidation.")
    assert not argumentative(s)
    s = _sentence("Rodrigo faces a separate trial on witness intimidation.")
    assert not argumentative(s, frozenset({"Rodrigo"}))
    assert argumentative(_sentence("The long road to justice is shaped by national politics."))


THESIS = """Justice Is Slowed By National Politics, Not Only By Great Powers

Jane Roe, Professor of International Law, Example University

Three former commanders were convicted of war crimes on Monday after a trial lasting three years.

The court sentenced the commanders to prison terms of up to 25 years.

Witnesses were intimidated during the trial and some refused to testify.

Governments in the region protected suspects for years and refused to hand them over.

Courts depend on states to arrest suspects and to protect witnesses.

Such tactics significantly delay trials and weaken the courts.

Courts should be given their own police to arrest suspects, protect witnesses and finish trials faster.

The road to justice is shaped by national politics as much as by the great powers.

Courts would need states that arrest suspects, protect witnesses and respect the trials and sentences of the courts.
"""


def test_the_authors_conclusion_is_the_claim_the_headline_announces() -> None:
    title = THESIS.splitlines()[0]
    s = summarize(body_of(THESIS), title, opinion=True)
    assert "argues that the road to justice is shaped by national politics" in s, s


def test_the_summary_leaves_a_wire_dateline_out() -> None:
    from generator.extract.summary import compress

    assert compress("GDANSK, Poland (Reuters) - Dockworkers walked off the job on Thursday.") == (
        "Dockworkers walked off the job on Thursday."
    )


def test_days_named_by_weekday_are_given_as_dates() -> None:
    import datetime as dt

    text = (
        "Canal Cuts Transits Again\n\nThe canal authority said on Monday it will cut the number "
        "of daily booking slots from 36 to 27, as a renewed drought drains the lake that feeds "
        "the locks.\n\nShipping lines said they would reroute some vessels around Cape Horn.\n"
    )
    s = summarize(body_of(text), "Canal Cuts Transits Again", anchor=dt.date(2025, 10, 14))
    assert s.startswith("The canal authority said on 13 October 2025 it will cut"), s


def test_a_quoted_phrase_keeps_a_sentence_but_quoted_speech_does_not() -> None:
    from generator.extract.summary import _usable

    # A scare-quoted phrase inside a report: still the news.
    assert _usable(
        _sentence(
            'A team of six students won a silver medal for "courageous achievement" at the '
            "robotics contest in Geneva on Friday."
        )
    )
    # Mostly someone's words: a quote, not the news.
    assert not _usable(
        _sentence(
            '"We will rebuild every school that the river took from us before winter," she said.'
        )
    )


def test_a_long_lead_sentence_is_a_candidate_and_a_bullet_mark_is_dropped() -> None:
    from generator.extract.summary import _usable, compress

    long_lead = (
        "A group of forty volunteers from three neighbouring villages spent the weekend "
        "clearing the silted irrigation channels that feed the valley's terraced rice fields, "
        "after the regional water board said on Thursday that it had no money left this year "
        "for the repairs that farmers have been asking for since the floods of last spring "
        "destroyed two of the main sluice gates."
    )
    assert len(long_lead.split()) > 60 and _usable(_sentence(long_lead))
    bullet = "- At least 12 people were injured when the roof of the market hall collapsed."
    assert _usable(_sentence(bullet))
    assert compress(bullet) == bullet[2:]
    # A dash inside a sentence is no bullet mark.
    inner = "Turnout fell - to 41 per cent - in the second round of the vote."
    assert compress(inner) == inner


INTERVIEW = """Wikinews interviews harbour pilot Ana Costa on the new container terminal

Harbour pilot Ana Costa has guided ships into the port of Leixoes for twenty years.

Wikinews spoke with Costa about the new container terminal, the dredging of the channel and what the larger ships mean for the pilots.

How did the dredging change your work?

I think it made the approach safer, but the ships are longer now and we need two tugs.

What worries you most about the new terminal?

I worry about the winter storms, because the breakwater was built for smaller ships.

Will you stay on as a pilot?

I will stay until the terminal is finished, and then I will teach the new pilots.
"""

ONE_QUESTION = """Port Opens Container Terminal After Dredging

The port of Leixoes opened its new container terminal on Monday after two years of dredging work in the approach channel.

The terminal can handle ships of up to 300 metres, twice the length of those that used the old quay.

Will the larger ships bring more jobs to the town?

The port authority expects 400 new jobs at the terminal by the end of next year.

Pilots say the winter storms remain the main risk, because the breakwater was built for smaller ships.
"""


def test_an_interview_is_summarised_from_its_headline_and_introduction() -> None:
    title = INTERVIEW.splitlines()[0]
    s = summarize(body_of(INTERVIEW), title)
    assert s.startswith(title + ". "), s
    assert "Wikinews spoke with Costa about the new container terminal" in s, s
    assert "winter storms" not in s and "I will stay" not in s  # no answer stands for it


def test_a_report_with_one_question_is_no_interview() -> None:
    from generator.extract.summary import question_paragraphs

    title = ONE_QUESTION.splitlines()[0]
    body = body_of(ONE_QUESTION)
    assert len(question_paragraphs(body)) == 1
    s = summarize(body, title)
    assert not s.startswith(title)
    assert s.startswith("The port of Leixoes opened its new container terminal on Monday"), s
    assert len(question_paragraphs(body_of(INTERVIEW))) == 3


def test_the_interview_headline_can_be_switched_off() -> None:
    from generator.extract.options import Options

    title = INTERVIEW.splitlines()[0]
    s = summarize(body_of(INTERVIEW), title, options=Options(summary_interview_headline=False))
    assert not s.startswith(title) and "Harbour pilot Ana Costa" in s, s


def test_a_weekday_with_a_part_of_the_day_keeps_its_words_and_gains_the_date() -> None:
    import datetime as dt

    text = (
        "Council Backs Flood Wall\n\nThe city council voted on Monday night to build a tidal "
        "flood barrier along the quays, ending two years of argument over the plan.\n\n"
        "Residents of the old fishing village said the wall would cut them off from the sea.\n"
    )
    s = summarize(body_of(text), "Council Backs Flood Wall", anchor=dt.date(2025, 3, 12))
    assert s.startswith("The city council voted on Monday night (10 March 2025) to build"), s


def test_a_closing_attribution_can_be_dropped_but_a_clause_ending_in_said_stays() -> None:
    from generator.extract.summary import compress

    assert (
        compress(
            "The ministers signed the accord in Accra, officials from both countries said.",
            drop_said=True,
        )
        == "The ministers signed the accord in Accra."
    )
    assert (
        compress(
            "The committee will meet in April, according to a statement from the board.",
            drop_said=True,
        )
        == "The committee will meet in April."
    )
    for text in (
        "The plan collapsed within a week, as the minister said.",
        "Rents rose by 9 percent in the capital, which analysts had said.",
    ):
        assert compress(text, drop_said=True) == text
    kept = "The ferry will resume sailing in May, the harbour master said."
    assert compress(kept) == kept  # off unless asked for


def test_a_piece_of_a_longer_quotation_is_no_summary_sentence() -> None:
    from generator.extract.summary import _usable

    # The parser split a two-sentence quotation: the second half closes a quote it never opened.
    assert not _usable(
        _sentence("The question is how long the repairs will take and how much they will cost.”")
    )
    assert not _usable(
        _sentence('The question is how long the repairs will take and how much they will cost."')
    )
    # An unpaired mark inside a parenthetical, which the summary drops, does not count.
    assert _usable(
        _sentence('The probe collected dust from comet Wild (known as "Wild 2) and landed in Utah.')
    )
    # Balanced quotation marks around a phrase: a whole sentence.
    assert _usable(
        _sentence(
            "The mayor called the closure of the harbour bridge “a test of patience” on Friday."
        )
    )


def test_a_weekday_opening_the_sentence_becomes_a_capitalised_date() -> None:
    import datetime as dt

    text = (
        "Sweden Beat South Korea\n\nOn Monday, day five of the tournament, Sweden defeated "
        "South Korea 1-0 in Nizhny Novgorod with a penalty in the second half.\n\n"
        "The Swedish coach said his team had defended well for most of the match.\n"
    )
    s = summarize(body_of(text), "Sweden Beat South Korea", anchor=dt.date(2018, 6, 19))
    assert s.startswith("On 18 June 2018, day five of the tournament, Sweden defeated"), s
    assert "On on" not in s and "on on" not in s
