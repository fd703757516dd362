"""The sources pages: outlets, named and anonymous sources; fragments never listed; pages split
at their limits; every link from a briefing to its source's entry resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages import sources
from generator.pages.sources import (
    ANONYMOUS,
    FRAGMENT,
    NAMED,
    build_sources,
    link_kind,
    name_kind,
    split,
)
from generator.render import Briefing, render_pages
from generator.siteconfig import SiteConfig

from .browser import ARTIFACTS, chromium, require_browser, serve

# Names of primary sources as drafts give them, each from a different document of the
# project's corpus (tests/data: dev set, synthetic set, Wikinews).
NEVER_LISTED = [
    "the deal",  # issue 15's site
    "17 to 24",
    "1709",
    "past year",  # synthetic 05 (Gaza)
    "the results",  # Wikinews iodine
    "the treaty",  # synthetic 16 (Tuvalu)
    "He",
    "this report",
    "Q",  # an interview's question label
    "Facebook co",  # a cut "co-founder" (Wikinews clock)
    "Bolden to the gathered crowd",  # Wikinews NASA
    "No injuries or deaths",  # Wikinews Korea
    "news of the police response",  # Wikinews clock
    "PC World's recent analysis of its own web",  # Wikinews IE9
    "Lydia Chen of the Boston firm Chen & Whitcomb",  # synthetic 10
]
ANONYMOUS_NAMES = [
    "officials",  # synthetic 03 (Kenya floods)
    "Officials",  # Wikinews questionnaire
    "U.S. officials",  # Wikinews Afghan team
    "Japanese and NATO officials",  # the first seed
    "A FIFA spokesperson",  # synthetic 13
    "the presiding judge",  # dev set 01 (Kosovo)
    "Scientists",  # synthetic 08 (Mongolia)
    "South Korean media",  # dev set 06 (Asian Games)
    "Both ministers",  # synthetic 04 (Fiji)
    "officials from both countries",  # synthetic 01 (Ghana)
    "a company statement",  # synthetic 03
    "the city’s chamber of commerce",  # synthetic 15 (Cauca)
]
NAMED_NAMES = [
    "Jens Stoltenberg",
    "Ministry of Education",  # synthetic 03
    "UNHCR",  # synthetic 05
    "US State Department",  # Wikinews asylum ("US" is no pronoun)
    "New Zealand government",  # Wikinews flag
    "Andrés del Valle Ríos",  # synthetic 15
    "Friends of the Corrib",  # synthetic 09
    "curator Elaine Gustafon",  # Wikinews Warhol
    "KenGen",  # synthetic 03
    "the Crown",  # Wikinews homeopathic
    "Norway's Ministry of Trade",  # dev set 06 (cod)
    "The Associated Press",
]


@pytest.mark.parametrize("name", NEVER_LISTED)
def test_fragments_are_no_sources(name: str) -> None:
    assert name_kind(name) == FRAGMENT
    assert link_kind({"name": name, "role": "primary"}) == FRAGMENT
    assert sources.source_key({"name": name, "role": "primary"}, "b") == ""


@pytest.mark.parametrize("name", ANONYMOUS_NAMES)
def test_generic_and_unnamed_speakers_are_anonymous(name: str) -> None:
    assert link_kind({"name": name, "role": "primary"}) == ANONYMOUS
    # one per briefing: the same words in two briefings are two sources
    key = sources.source_key({"name": name, "role": "primary"}, "b")
    assert key.endswith("\x00b")


@pytest.mark.parametrize("name", NAMED_NAMES)
def test_proper_names_are_named_sources(name: str) -> None:
    assert name_kind(name) == NAMED


def test_an_outlet_must_look_like_a_name() -> None:
    assert link_kind({"name": "Reuters", "role": "original"}) == "outlet"
    assert link_kind({"name": "oilprice.com", "role": "republisher"}) == "outlet"
    for name in ("the deal", "17 to 24", "it", ""):
        assert link_kind({"name": name, "role": "original"}) == FRAGMENT


def rec(rid: str, date: str, chain: list[dict], summary: str = "Something happened.") -> dict:
    return {
        "id": rid,
        "title": f"Story {rid}",
        "date": date,
        "status": "reviewed",
        "summary": summary,
        "actors": [],
        "timeline": [],
        "source_chain": chain,
        "seed": {"path": f"seeds/{rid}.txt", "sha256": "0" * 64},
    }


def test_one_capitalised_word_is_decided_by_how_the_site_writes_it() -> None:
    records = [
        # "Deaths" only starts a sentence, and the site writes "deaths" in lower case.
        rec(
            "a",
            "2025-10-06",
            [
                {
                    "name": "Deaths",
                    "role": "primary",
                    "evidence": "Deaths reported only as a broad total may be left out.",
                },
                {
                    "name": "ACLED",
                    "role": "primary",
                    "evidence": "ACLED reported around 19,000 deaths.",
                },
            ],
        ),
        # "Kestrel" starts its sentence too, but the site never writes "kestrel".
        rec(
            "b",
            "2025-08-19",
            [{"name": "Kestrel", "role": "primary", "evidence": "Kestrel reported a rise."}],
        ),
        # "Church" is capitalised inside its own quote: a proper name.
        rec(
            "c",
            "2011-12-02",
            [{"name": "Church", "role": "primary", "evidence": "the Church denied these claims"}],
            summary="The church denied it.",
        ),
    ]
    listed = {s.name: s.kind for s in build_sources(records)}
    assert listed == {"ACLED": NAMED, "Kestrel": NAMED, "Church": NAMED}


def test_counts_per_role_and_briefings_carried() -> None:
    chain_a = [
        {"name": "officials", "role": "primary"},
        {"name": "Nikkei Asia", "role": "original"},
        {"name": "Global Research", "role": "republisher"},
    ]
    chain_b = [{"name": "Nikkei Asia", "role": "original"}]
    chain_c = [
        {"name": "Nikkei Asia", "role": "primary"},
        {"name": "the deal", "role": "primary"},
        {"name": "Asia Times", "role": "original"},
    ]
    records = [
        rec("c", "2024-03-01", chain_c),
        rec("b", "2024-02-01", chain_b),
        rec("a", "2024-01-01", chain_a),
    ]
    found = {s.name: s for s in build_sources(records)}
    assert set(found) == {"officials", "Nikkei Asia", "Global Research", "Asia Times"}
    nikkei = found["Nikkei Asia"]
    assert nikkei.kind == "outlet"
    assert dict(nikkei.counts) == {"original": 2, "primary": 1}
    assert [m.briefing_id for m in nikkei.mentions] == ["c", "b", "a"]  # newest first
    assert found["officials"].kind == ANONYMOUS
    pages = render_pages([Briefing(r, r["id"]) for r in records], SiteConfig())
    overview = pages["sources/index.md"]
    assert "| [Nikkei Asia](outlets/index.md#src-nikkei-asia) | 2 | 0 | 3 |" in overview
    assert "| [Global Research](outlets/index.md#src-global-research) | 0 | 1 | 1 |" in overview
    # one fragment ("the deal") is counted, never listed
    assert "1 entry of the source chains names no source" in overview
    assert all("the deal" not in text for path, text in pages.items() if "sources/" in path)
    outlets = pages["sources/outlets/index.md"]
    assert "original in 2 · quoted in 1 · 3 briefings" in outlets
    assert outlets.index("(../../briefings/c.md)") < outlets.index("(../../briefings/a.md)")


def _links_resolve(pages: dict[str, str]) -> int:
    """Every link from a briefing page to a sources page names a page that exists and an
    anchor it holds. Returns how many links were checked."""
    checked = 0
    for path, text in pages.items():
        if not path.startswith("briefings/") or path.count("/") != 1:
            continue
        for target, anchor in re.findall(r"\]\(\.\./sources/([\w/.-]+\.md)#([\w-]+)\)", text):
            page = f"sources/{target}"
            assert page in pages, (path, target)
            assert f'id="{anchor}"' in pages[page], (path, target, anchor)
            checked += 1
    return checked


def many_named(n: int) -> list[dict]:
    """n briefings, each quoting its own named source, an outlet shared by all and one
    anonymous source, over several years."""
    out = []
    for i in range(n):
        first = "ABCDEFGHIJKLMNOPRSTW"[i % 20]
        out.append(
            rec(
                f"b{i:05d}",
                f"{2000 + i % 20}-0{1 + i % 9}-1{i % 10}",
                [
                    {"name": f"{first}ndrea Person{i:05d}", "role": "primary"},
                    {"name": "a person familiar with the talks", "role": "primary"},
                    {"name": "Wire Service", "role": "original"},
                ],
            )
        )
    return out


def test_thousands_of_sources_are_split_by_initial_and_year_and_every_link_resolves() -> None:
    records = many_named(3000)
    pages = render_pages([Briefing(r, r["id"]) for r in records], SiteConfig())
    named = sorted(p for p in pages if p.startswith("sources/named/"))
    anonymous = sorted(p for p in pages if p.startswith("sources/anonymous/"))
    assert "sources/named/index.md" in named and len(named) > 20
    assert "sources/named/a.md" in named and "sources/named/a-2.md" in named
    assert "sources/anonymous/2019.md" in anonymous and "sources/anonymous/2000.md" in anonymous
    index = pages["sources/named/index.md"]
    assert "3000 named sources" in index and "[A](a.md)" in index
    for path in named + anonymous + ["sources/index.md", "sources/outlets/index.md"]:
        text = pages[path]
        assert len(text.encode("utf-8")) < 100_000, path
        # the line budget: list lines (an entry, a briefing under it) on one page
        lines = len(re.findall(r"^(?:- |<p class=\"bf-src-head|<li )", text, re.M))
        assert lines <= sources.LINES_PER_PAGE + 5, (path, lines)
    # the outlet of all 3,000 briefings lists the newest ten and counts the rest
    outlets = pages["sources/outlets/index.md"]
    assert "3000 briefings" in outlets and "and 2990 older briefings" in outlets
    assert outlets.count("(../../briefings/") == sources.BRIEFINGS_PER_SOURCE
    # every named source is listed, once
    listed = "".join(pages[p] for p in named)
    assert all(f"Person{i:05d}" in listed for i in range(0, 3000, 7))
    assert _links_resolve(pages) == 3 * 3000


def test_small_kinds_keep_one_page() -> None:
    pages = render_pages(
        [Briefing(r, r["id"]) for r in many_named(30)], SiteConfig(publish_drafts=True)
    )
    assert {p for p in pages if p.startswith("sources/")} == {
        "sources/index.md",
        "sources/outlets/index.md",
        "sources/named/index.md",
        "sources/anonymous/index.md",
    }
    assert _links_resolve(pages) == 90


def test_split_packs_groups_and_cuts_long_ones() -> None:
    groups = [("a", [1] * 3), ("b", [1] * 4), ("c", [1] * 12), ("d", [1])]
    parts = split(groups, lambda _: 1, budget=8)
    assert [(p.stem, len(p.items)) for p in parts] == [
        ("a-b", 7),
        ("c", 8),
        ("c-2", 4),
        ("d", 1),
    ]
    assert [p.stem for p in split(groups, lambda _: 1, budget=100)] == ["index"]


def test_hostile_names_are_escaped_on_every_sources_page() -> None:
    hostile = "<script>alert(1)</script> Ltd"
    link = "Evil [x](javascript:alert(1)) Agency"
    chain: list[dict] = [
        {"name": hostile, "role": "original"},
        {"name": link, "role": "primary"},
        {"name": "<b>officials</b>", "role": "primary", "anonymous": True},
    ]
    records = [rec("h", "2024-01-01", chain) | {"title": "<img src=x onerror=alert(1)>"}]
    pages = render_pages([Briefing(r, r["id"]) for r in records], SiteConfig())
    texts = [t for p, t in pages.items() if p.startswith("sources/")]
    assert any("alert" in t for t in texts)
    for text in texts:
        assert "<script>" not in text and "<img" not in text and "<b>" not in text
        assert "](javascript:" not in text


# --- in the browser, on the site drafted from every corpus seed --------------------------


def test_sources_pages_and_related_briefings_in_chromium(corpus_site: Path) -> None:
    require_browser()
    site = corpus_site
    rels = sorted(p.relative_to(site).as_posix() for p in site.glob("sources/**/index.html"))
    assert {"sources/index.html", "sources/outlets/index.html", "sources/named/index.html"} <= set(
        rels
    )
    with_related = [
        p.relative_to(site).as_posix()
        for p in sorted(site.glob("briefings/*/index.html"))
        if 'id="related-briefings"' in p.read_text("utf-8")
    ]
    assert len(with_related) > 30  # most of the 64 briefings share an entity with another
    shots = ARTIFACTS / "sources"
    shots.mkdir(parents=True, exist_ok=True)
    elsewhere: list[str] = []
    with serve(site) as base, chromium() as browser:
        for width, height in ((1280, 800), (390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
            page.on(
                "request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url)
            )
            for rel in [*rels, with_related[0]]:
                page.goto(base + rel.removesuffix("index.html"))
                page.wait_for_load_state("networkidle")
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= width, (rel, width, wide)
                # no table hides a column off-screen in a box that scrolls sideways
                boxes = page.evaluate(
                    "Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))"
                    ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
                )
                assert boxes == 0, (rel, width)
                tall = page.evaluate("document.documentElement.scrollHeight")
                assert tall <= 20 * height, (rel, width, tall)
            page.screenshot(path=str(shots / f"related-{width}.png"), full_page=True)
            related = page.locator(".bf-related a")
            assert 1 <= related.count() <= 5
            # a source in the chain leads to its entry on its sources page
            link = page.locator("a[href*='/sources/'][href*='#src-']").first
            href = link.get_attribute("href") or ""
            link.click()
            page.wait_for_load_state("networkidle")
            anchor = href.split("#", 1)[1]
            assert page.locator(f"[id='{anchor}']").count() == 1
            assert page.locator(f"[id='{anchor}']").is_visible()
            page.goto(base + "sources/")
            page.screenshot(path=str(shots / f"sources-{width}.png"), full_page=True)
            page.close()
    assert elsewhere == []
