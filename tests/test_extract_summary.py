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
