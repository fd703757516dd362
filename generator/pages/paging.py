"""How long a generated list page may grow, and cutting a long list into pages.

Every page of the site stays under about 20 screens (≈16,000 px at 1280×800 and at 390×844)
and 200 KB of HTML, whatever the number of briefings. Measured on a site drafted from the
test corpus, an event of the timeline takes 240 px at 390 px wide on average (more for a
long one) and a row of a list of briefings up to 125 px: the limits below keep a full page
under about 15,000 px on a phone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Most events on one page of the timeline.
EVENTS_PER_PAGE = 60
#: The height in px (at 390 px wide) the events of one page may take, by `event_height` (which
#: overestimates: 59 events estimated at 14,400 px made a page of 13,800 px, header included).
EVENTS_HEIGHT = 14_500
#: Most briefings listed on one page (the briefings list, a tag's page).
ROWS_PER_PAGE = 100
#: Most tags on the tags index before it is split by letter.
TAGS_ON_INDEX = 400


def parts(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` cut into consecutive parts of at most `size` (at least one part, maybe empty)."""
    if not items:
        return [[]]
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def event_height(text: str, title: str) -> int:
    """About how tall an event of the timeline is on a phone: its date line, its text (about
    32 characters a line) and its briefing's title in small type (about 45)."""
    return 60 + -(-len(text) // 32) * 26 + -(-len(title) // 45) * 21


def packed(items: Sequence[T], cost: Callable[[T], int], budget: int, most: int) -> list[list[T]]:
    """`items` cut into consecutive parts, each of at most `most` items whose costs add up to
    at most `budget` (an item dearer than the budget gets a part of its own)."""
    out: list[list[T]] = [[]]
    spent = 0
    for item in items:
        c = cost(item)
        if out[-1] and (len(out[-1]) >= most or spent + c > budget):
            out.append([])
            spent = 0
        out[-1].append(item)
        spent += c
    return out


def part_name(base: str, n: int) -> str:
    """The page name of part `n` (from 1) of a list whose first part is `base`:
    `2024` → `2024`, `2024-2`, `2024-3`, ..."""
    return base if n == 1 else f"{base}-{n}"
