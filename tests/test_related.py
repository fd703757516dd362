"""Related briefings: shared entities weighted by rarity and time, copies of one story."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import yaml

from generator.pages.cache import RenderCache
from generator.pages.related import build_related, canonical_url
from generator.render import Briefing, Keep, render_pages, write_pages
from generator.siteconfig import SiteConfig

GOLD = Path(__file__).parent / "data" / "devset" / "gold"


def rec(rid: str, date: str, actors: list[str], summary: str = "", title: str = "") -> dict:
    return {
        "id": rid,
        "title": title or f"Story {rid}",
        "date": date,
        "status": "reviewed",
        "summary": summary or f"A report numbered {rid} about its own matters.",
        "actors": [{"name": a, "type": "organization"} for a in actors],
        "timeline": [],
        "source_chain": [],
        "seed": {"path": f"seeds/{rid}.txt", "sha256": "0" * 64},
    }


def filler(n: int) -> list[dict]:
    """Briefings that all name one common entity (and nothing else shared)."""
    return [rec(f"f{i:03d}", "2024-06-01", ["United Nations", f"Other {i}"]) for i in range(n)]


def test_a_shared_rare_entity_beats_a_shared_common_one() -> None:
    records = [
        rec("a", "2024-06-01", ["United Nations", "Kestrel Grid"]),
        rec("rare", "2024-06-01", ["Kestrel Grid"]),
        rec("common", "2024-06-01", ["United Nations"]),
        *filler(20),
    ]
    related = build_related(records)["a"]
    assert [r.briefing_id for r in related[:2]] == ["rare", "common"]
    assert related[0].shared == ("Kestrel Grid",) and not related[0].copy
    assert related[0].score > related[1].score > 0


def test_an_outlet_named_as_an_actor_relates_nothing() -> None:
    """Interviews by one outlet ("Wikinews interviews ...") and reports that quote one agency
    ("told Reuters") share their publisher, not their subject: an actor that is an outlet of
    any report on the site counts for nothing, while a shared person still does."""
    records = [
        rec("a", "2024-06-01", ["Wikinews", "Kestrel Grid"]),
        rec("b", "2024-06-01", ["Wikinews", "Harbour Board"]),
        rec("c", "2024-06-01", ["Reuters", "Kestrel Grid"]),
        rec("d", "2024-06-01", ["Reuters", "Lantern Trust"]),
        *filler(10),
    ]
    records[1]["source_chain"] = [{"name": "Wikinews", "role": "original"}]
    records[3]["source_chain"] = [{"name": "Reuters", "role": "republisher"}]
    related = build_related(records)
    assert [r.briefing_id for r in related["a"]] == ["c"]
    assert related["a"][0].shared == ("Kestrel Grid",)
    assert related["b"] == [] and related["d"] == []
    # Without the outlets' source chains, the same names are subjects that relate briefings.
    for r in records:
        r["source_chain"] = []
    assert [r.briefing_id for r in build_related(records)["b"]] == ["a"]


def test_nearer_in_time_ranks_first() -> None:
    records = [
        rec("a", "2024-06-01", ["Kestrel Grid"]),
        rec("far", "2019-06-01", ["Kestrel Grid"]),
        rec("near", "2024-05-01", ["Kestrel Grid"]),
        rec("none", "2024-06-01", ["Somebody Else"]),
    ]
    related = build_related(records)["a"]
    assert [r.briefing_id for r in related] == ["near", "far"]
    assert related[0].score > 4 * related[1].score  # five years: many half-lives apart


def test_at_most_five_and_deterministic_whatever_the_order() -> None:
    records = [rec(f"r{i:02d}", "2024-06-01", ["Kestrel Grid", "Other"]) for i in range(12)]
    records += filler(10)
    first = build_related(records)
    assert all(len(v) <= 5 for v in first.values())
    # ties (same score, same date) go to the id
    assert [r.briefing_id for r in first["r05"]] == ["r00", "r01", "r02", "r03", "r04"]
    for seed in range(3):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert build_related(shuffled) == first


def test_a_very_common_entity_stays_cheap_and_finds_the_nearest() -> None:
    # "United Nations" in 1,000 of 2,000 briefings over 20 years: only the nearest in time
    # are looked at, and an entity named in every briefing would add nothing.
    records = [
        rec(
            f"c{i:04d}",
            f"{2000 + i // 100}-01-{1 + i % 28:02d}",
            ["United Nations" if i % 2 == 0 else "Someone", f"X{i}"],
        )
        for i in range(2000)
    ]
    related = build_related(records)
    assert len(related) == 2000
    near = related["c1050"]
    assert len(near) == 5 and all(abs(int(r.briefing_id[1:]) - 1050) < 100 for r in near)
    assert all(r.shared == ("United Nations",) for r in near)


def gold(name: str) -> dict:
    return yaml.safe_load((GOLD / name).read_text("utf-8"))


def test_a_republished_copy_is_flagged_as_the_same_story() -> None:
    original = gold("07-international-body-ai-regulation.yaml")
    repost = copy.deepcopy(original)
    repost["id"] = "repost-ai-body"
    repost["date"] = "2024-01-20"
    repost["source_chain"].append({"name": "Example Wire", "role": "republisher"})
    others = [gold(p.name) for p in sorted(GOLD.iterdir()) if p.name != original["id"] + ".yaml"]
    related = build_related([original, repost, *others])
    first = related[original["id"]][0]
    assert first.briefing_id == "repost-ai-body" and first.copy
    assert related["repost-ai-body"][0].briefing_id == original["id"]
    # different stories of the dev set are never copies of each other
    assert not any(r.copy for o in others for r in related[o["id"]])


def test_the_same_original_url_makes_a_copy_even_when_the_drafts_differ() -> None:
    a = rec("a", "2024-01-01", ["Kestrel Grid"], summary="One way to tell the story.")
    b = rec("b", "2024-01-03", ["Somebody Else"], summary="Quite another telling of it here.")
    a["source_chain"] = [
        {"name": "Nikkei Asia", "role": "original", "url": "https://asia.nikkei.com/x/story/"}
    ]
    b["source_chain"] = [
        {"name": "Nikkei", "role": "original", "url": "http://www.asia.nikkei.com/x/story?ref=rss"}
    ]
    related = build_related([a, b, rec("c", "2024-01-01", ["Kestrel Grid"])])
    assert [(r.briefing_id, r.copy) for r in related["a"]] == [("b", True), ("c", False)]
    assert canonical_url("https://www.Example.org/a/b/?q=1#f") == "example.org/a/b"
    assert canonical_url("javascript:alert(1)") == ""


def test_related_section_on_the_briefing_page_and_its_cache_key(tmp_path: Path) -> None:
    def briefing(r: dict) -> Briefing:
        return Briefing(r, f"briefings/{r['id']}.yaml", "text", "sha-" + r["id"])

    site = SiteConfig()
    a = rec("a", "2024-06-01", ["Kestrel Grid"])
    a["source_chain"] = [
        {"name": "Priya Raman", "role": "primary"},
        {"name": "Pacific Ledger", "role": "original"},
    ]
    b = rec("b", "2024-05-01", ["Kestrel Grid"], title="<script>x</script> Kestrel")
    z = rec("z", "2024-05-01", ["Somebody Else"])
    docs = tmp_path / "docs"
    cache = RenderCache(tmp_path / "cache.json")
    pages = render_pages([briefing(a), briefing(b), briefing(z)], site, cache)
    page = pages["briefings/a.md"]
    related_at = page.index("## Related briefings")
    assert page.count("## Related briefings") == 1
    assert page.index("2. **[Pacific Ledger]") < related_at < page.index("## Seed text")
    assert "(b.md)" in page[related_at:] and "shares Kestrel Grid" in page[related_at:]
    assert "<script>" not in page
    write_pages(docs, pages)
    cache.pages_written(docs)
    again = render_pages([briefing(a), briefing(b), briefing(z)], site, cache)
    assert isinstance(again["briefings/a.md"], Keep)
    # a new briefing that shares a's entity changes a's related list: a is rendered again
    c = rec("c", "2024-06-02", ["Kestrel Grid"])
    third = render_pages([briefing(a), briefing(b), briefing(c), briefing(z)], site, cache)
    assert not isinstance(third["briefings/a.md"], Keep)
    assert "(c.md)" in third["briefings/a.md"]
