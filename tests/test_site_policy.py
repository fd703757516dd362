"""What the published site shows a reader, without a browser: the publishing policy for drafts,
sources grouped as outlets, named and anonymous sources, evidence markers, the seed's
highlighting, the diagram's labels and the way back from pages reached from an index."""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path

import yaml

from generator.pages.chain import chain_svg, name_lines
from generator.pages.seedtext import anchors_for, marked_seed
from generator.pages.sources import anonymous_by_briefing, build_sources
from generator.render import Briefing, environment, render_briefing, render_pages
from generator.siteconfig import SiteConfig, load_site_config

from .conftest import EXAMPLE_RECORD, FIRST_SEED, PROJECT

RID = "2023-05-05-nato-opens-japan-office"


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def reviewed_and_draft() -> list[Briefing]:
    reviewed = example()
    reviewed["status"] = "reviewed"
    draft = copy.deepcopy(reviewed)
    draft.update(
        id="draft-story",
        title="Unchecked story",
        status="draft",
        date="2023-06-01",
        summary="A machine-made summary.",
        actors=[{"name": "Only In The Draft", "type": "person"}],
        timeline=[{"date": "2023-06-01", "event": "Draft-only event"}],
        source_chain=[{"name": "Draft Only Outlet", "role": "original"}],
    )
    return [Briefing(reviewed, "a"), Briefing(draft, "b")]


def test_drafts_stay_off_every_page_list_and_the_feed_by_default() -> None:
    assert SiteConfig().publish_drafts is False
    pages = render_pages(reviewed_and_draft())
    assert "briefings/draft-story.md" not in pages and f"briefings/{RID}.md" in pages
    everything = "\n".join(pages.values())
    for word in (
        "Unchecked story",
        "Only In The Draft",
        "Draft&#45;only event",
        "Draft Only Outlet",
        "draft&#45;story",
    ):
        assert word not in everything, word
    assert "Unchecked story" not in pages["feed.xml"]
    policy = pages["briefings/.policy.md"]
    assert "checked against it by a person before it is published" in policy
    assert "draft" not in policy
    only_drafts = render_pages(reviewed_and_draft()[1:])
    assert (
        "No briefings are published yet: 1 draft awaits review."
        in only_drafts["briefings/.latest.md"]
    )
    assert "draft&#45;story" not in only_drafts["briefings/index.md"]


def test_published_drafts_carry_a_note_and_the_home_page_says_what_a_draft_is() -> None:
    pages = render_pages(reviewed_and_draft(), SiteConfig(publish_drafts=True))
    draft, reviewed = pages["briefings/draft-story.md"], pages[f"briefings/{RID}.md"]
    assert '<div class="bf-draft-note" role="note">' in draft
    assert "not yet checked by a person" in draft and "made this briefing" in draft
    assert "bf-draft-note" not in reviewed
    policy = pages["briefings/.policy.md"]
    assert "marked **draft** was made by the machine and has not been checked" in policy
    assert "(1 on this site now)" in policy
    assert "<title>Draft, not yet checked: Unchecked story</title>" in pages["feed.xml"]
    assert "<title>Does The Atlantic" in pages["feed.xml"]


def test_the_home_page_takes_its_words_from_the_policy() -> None:
    home = (PROJECT / "docs" / "index.md").read_text("utf-8")
    assert '--8<-- "briefings/.policy.md"' in home
    assert "checked by a person" not in home and "reviewed" not in home.lower()


def _config(tmp_path: Path, text: str) -> SiteConfig:
    (tmp_path / "mkdocs.yml").write_text(text, "utf-8")
    return load_site_config(tmp_path)


def test_the_policy_is_read_from_mkdocs_yml_without_mkdocs(tmp_path: Path) -> None:
    assert _config(tmp_path, "site_name: X\n").publish_drafts is False
    assert _config(tmp_path, "extra:\n  briefings:\n    publish_drafts: true\n").publish_drafts
    assert not _config(tmp_path, "extra:\n  briefings:\n    publish_drafts: false\n").publish_drafts
    # The plugin's own option, when given, wins over `extra`.
    assert not _config(
        tmp_path,
        "extra:\n  briefings:\n    publish_drafts: true\n"
        "plugins:\n  - search\n  - briefings:\n      publish_drafts: false\n",
    ).publish_drafts
    assert _config(tmp_path, "plugins:\n  - briefings:\n      publish_drafts: yes\n").publish_drafts
    # Anything but an explicit yes keeps drafts off the site.
    assert not _config(tmp_path, "extra:\n  briefings:\n    publish_drafts: maybe\n").publish_drafts
    assert not _config(tmp_path, "extra:\n  briefings: [publish_drafts]\n").publish_drafts
    # The project's own configuration states its choice.
    assert "publish_drafts:" in (PROJECT / "mkdocs.yml").read_text("utf-8")


def _with_chain(rid: str, chain: list[dict]) -> dict:
    rec = example()
    rec.update(id=rid, title=f"Story {rid}", source_chain=chain)
    return rec


def test_anonymous_sources_stay_per_briefing_apart_from_outlets_and_named_sources() -> None:
    anon = {"name": "a person familiar with the talks", "role": "primary", "anonymous": True}
    named = {"name": "Yoshimasa Hayashi", "role": "primary"}
    records = [
        _with_chain("one", [anon, named, {"name": "Nikkei Asia", "role": "original"}]),
        _with_chain(
            "two",
            [
                anon,
                named,
                {"name": "Nikkei Asia", "role": "original"},
                {"name": "Global Research", "role": "republisher"},
            ],
        ),
    ]
    sources = build_sources(records)
    kinds = {(s.name, s.kind): len(s.mentions) for s in sources}
    assert kinds == {
        ("a person familiar with the talks", "anonymous"): 1,
        ("Yoshimasa Hayashi", "named"): 2,
        ("Nikkei Asia", "outlet"): 2,
        ("Global Research", "outlet"): 1,
    }
    anonymous = [s for s in sources if s.kind == "anonymous"]
    assert len(anonymous) == 2 and len({s.slug for s in anonymous}) == 2
    groups = anonymous_by_briefing(sources)
    # Newest briefing first (same date here: by id, descending), one source under each.
    assert [(b.briefing_id, [s.name for s in group]) for b, group in groups] == [
        ("two", ["a person familiar with the talks"]),
        ("one", ["a person familiar with the talks"]),
    ]
    pages = render_pages([Briefing(r, r["id"]) for r in records], SiteConfig(publish_drafts=True))
    page = pages["sources/index.md"]
    outlets = page.index("## Outlets")
    named_at = page.index("## Named sources")
    anon_at = page.index("## Anonymous sources")
    assert outlets < page.index("[Nikkei Asia](outlets/index.md#src-nikkei-asia)") < named_at
    assert (
        named_at < page.index("[Yoshimasa Hayashi](named/index.md#src-yoshimasa-hayashi)") < anon_at
    )
    anonymous_part = pages["sources/anonymous/index.md"]
    assert anonymous_part.count("a person familiar with the talks") == 2
    assert "(../../briefings/one.md)" in anonymous_part
    assert "(../../briefings/two.md)" in anonymous_part
    assert "Yoshimasa" not in anonymous_part and "Nikkei" not in anonymous_part
    # Each briefing links its own anonymous source.
    linked = {
        m
        for r in ("one", "two")
        for m in re.findall(
            r"sources/anonymous/index\.md#src-(a-person-familiar[\w-]*)", pages[f"briefings/{r}.md"]
        )
    }
    assert len(linked) == 2


def test_evidence_markers_are_numbers_with_an_accessible_label() -> None:
    page = render_briefing(example(), "r", FIRST_SEED.read_text("utf-8"))
    assert "[quote]" not in page and ">quote<" not in page
    markers = re.findall(
        r'<a class="bf-ev" href="#ev-(\d+)" aria-label="quote (\d+) in the '
        r'seed text" title="Show the words of the seed">(\d+)</a>',
        page,
    )
    assert len(markers) >= 15
    assert all(a == b == c for a, b, c in markers)
    anchors = re.findall(r'<span class="bf-anchor" id="ev-(\d+)" data-n="(\d+)">', page)
    assert {a for a, _, _ in markers} == {a for a, n in anchors if a == n}


def test_seed_highlighting_marks_only_the_quoted_words() -> None:
    text = (
        "Officials met on Monday. Nothing else was said.\n\nThe office opens in 2024, "
        "a spokesperson said. Weather was fine."
    )
    html, placed = marked_seed(
        text, anchors_for(["Officials met on Monday", "The office opens in 2024"])
    )
    marked = "".join(re.findall(r"<mark[^>]*>(.*?)</mark>", html))
    assert marked.replace("&#32;", " ").count("Officials") == 1
    assert "Weather" not in marked and "Nothing" not in marked
    assert placed == {"ev-1", "ev-2"}
    assert 'data-n="1"' in html and 'data-n="2"' in html


def test_diagram_boxes_wrap_long_names_and_keep_the_full_text_in_a_tooltip() -> None:
    long = "a person with knowledge of the proceedings"
    assert name_lines({"name": long}, 200) == ["a person with knowledge", "of the proceedings"]
    assert "…" not in "".join(name_lines({"name": long}, 154))
    very_long = "The Standing Committee of the National People's Congress of the Republic"
    cut = name_lines({"name": very_long}, 200)
    assert len(cut) == 3 and cut[-1].endswith("…")
    assert name_lines({"name": "x" * 60}, 154)[0] == "x" * 17  # no line outgrows its box
    svg = str(
        chain_svg(
            [
                {"name": long, "role": "primary", "anonymous": True},
                {"name": very_long, "role": "original"},
            ],
            str,
        )
    )
    assert f"<title>{long}</title>" in svg.replace("&#32;", " ")
    assert "Unnamed source" in svg
    for box in re.findall(r'<g class="bf-node.*?</g>', svg):
        width = int(re.search(r'<rect [^>]*width="(\d+)"', box).group(1))
        for line in re.findall(r'class="bf-node-name">([^<]*)</text>', box):
            assert len(html.unescape(line)) * 7.6 <= width - 20, (line, width)
    # The boxes grow with the most lines of a drawing: every name's lines fit inside.
    for drawing in re.findall(r"<svg .*?</svg>", svg):
        lines = max(
            len(re.findall(r'class="bf-node-name"', box))
            for box in re.findall(r'<g class="bf-node.*?</g>', drawing)
        )
        heights = {int(h) for h in re.findall(r'<rect [^>]*height="(\d+)"', drawing)}
        assert heights == {32 + 16 * lines}


def test_pages_reached_from_an_index_have_a_way_back() -> None:
    again = dict(example(), id="again")  # NATO named twice has a page of its own
    pages = render_pages(
        [Briefing(example(), "r"), Briefing(again, "again")], SiteConfig(publish_drafts=True)
    )
    crumb = '<nav class="bf-crumbs" aria-label="Breadcrumb" markdown="span">[{}](index.md) ›</nav>'
    assert crumb.format("Briefings") in pages[f"briefings/{RID}.md"]
    assert crumb.format("Actors") in pages["actors/nato.md"]
    assert crumb.format("Timeline") in pages["timeline/2023.md"]
    letter = environment().get_template("actors_letter.md.j2").render(letter="a", actors=[])
    assert "[Actors](../index.md) ›" in letter


def test_the_benchmark_is_a_page_of_the_about_section() -> None:
    import yaml

    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text("utf-8"))
    about = next(
        item["About"] for item in config["nav"] if isinstance(item, dict) and "About" in item
    )
    assert "benchmark.md" in about
    assert (PROJECT / "docs" / "benchmark.md").is_file()
    assert not (PROJECT / "BENCHMARK.md").exists()
    source = (PROJECT / "generator" / "bench" / "__main__.py").read_text("utf-8")
    assert 'default="docs/benchmark.md"' in source  # the bench rewrites the page it belongs to
    assert "docs/benchmark.md" in (PROJECT / "README.md").read_text("utf-8")
    assert "(benchmark.md)" in (PROJECT / "docs" / "about.md").read_text("utf-8")
