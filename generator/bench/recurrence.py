"""How actors recur across briefings: measured on real records, and the Zipf-like law fitted to it.

An actor's *frequency* is the number of briefings that name it (names compared case-folded).
The law fitted is P(frequency = k) proportional to k**-gamma (a discrete power law, maximum
likelihood, k >= 1); the rank-frequency exponent follows as alpha = 1 / (gamma - 1).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def frequencies(records: Iterable[dict[str, Any]]) -> Counter[str]:
    """Briefings per actor (case-folded name)."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({str(a["name"]).casefold() for a in record.get("actors", [])})
    return counts


def _zeta(s: float, terms: int = 20000) -> float:
    """Hurwitz-free Riemann zeta for s > 1: a partial sum plus its integral tail."""
    head = sum(k**-s for k in range(1, terms))
    return head + terms ** (1 - s) / (s - 1) + 0.5 * terms**-s


def fit_gamma(counts: Iterable[int]) -> float:
    """Maximum-likelihood exponent of a discrete power law P(k) ~ k**-gamma on k >= 1."""
    values = [c for c in counts if c >= 1]
    if not values:
        raise ValueError("no frequencies to fit")
    mean_log = sum(math.log(v) for v in values) / len(values)

    def nll(g: float) -> float:
        return math.log(_zeta(g)) + g * mean_log

    lo, hi = 1.05, 6.0  # golden-section search: the likelihood is unimodal in gamma
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(60):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if nll(a) < nll(b):
            hi = b
        else:
            lo = a
    return (lo + hi) / 2


def top_share(counts: Counter[str], fraction: float = 0.01) -> float:
    """Share of all actor mentions carried by the most frequent `fraction` of actors (at
    least one actor)."""
    ordered = sorted(counts.values(), reverse=True)
    if not ordered:
        return 0.0
    k = max(1, round(len(ordered) * fraction))
    return sum(ordered[:k]) / sum(ordered)


@dataclass(frozen=True)
class Shape:
    briefings: int
    actors: int  # distinct
    mentions: int  # actor entries over all briefings
    gamma: float
    alpha: float
    top1: float  # share of mentions on the top 1 % of actors
    top10: float
    singletons: float  # share of actors named in one briefing only
    actors_per_briefing: float
    events_per_briefing: float
    sources_per_briefing: float
    seed_chars_median: float

    def line(self) -> str:
        return (
            f"{self.briefings} briefings, {self.actors} distinct actors, {self.mentions} "
            f"mentions, gamma {self.gamma:.2f} (alpha {self.alpha:.2f}), top 1 % "
            f"{self.top1:.1%}, top 10 % {self.top10:.1%}, named once {self.singletons:.1%}, "
            f"per briefing: actors {self.actors_per_briefing:.1f}, events "
            f"{self.events_per_briefing:.1f}, sources {self.sources_per_briefing:.1f}, seed "
            f"median {self.seed_chars_median:.0f} chars"
        )


def shape(records: list[dict[str, Any]], seeds: list[str]) -> Shape:
    counts = frequencies(records)
    gamma = fit_gamma(counts.values())
    n = max(1, len(records))
    return Shape(
        briefings=len(records),
        actors=len(counts),
        mentions=sum(counts.values()),
        gamma=gamma,
        alpha=1 / (gamma - 1),
        top1=top_share(counts, 0.01),
        top10=top_share(counts, 0.10),
        singletons=sum(1 for c in counts.values() if c == 1) / max(1, len(counts)),
        actors_per_briefing=sum(len(r.get("actors", [])) for r in records) / n,
        events_per_briefing=sum(len(r.get("timeline", [])) for r in records) / n,
        sources_per_briefing=sum(len(r.get("source_chain", [])) for r in records) / n,
        seed_chars_median=statistics.median(len(s) for s in seeds) if seeds else 0.0,
    )
