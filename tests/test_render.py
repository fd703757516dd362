from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.errors import BriefingError
from generator.pages.cache import RenderCache
from generator.render import (
    Briefing,
    md_escape,
    render_briefing,
    render_pages,
    render_site,
    safe_url,
    write_pages,
)
from generator.siteconfig import SiteConfig

from .conftest import EXAMPLE_RECORD, FIRST_SEED

RID = "2023-05-05-nato-opens-japan-office"


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def seed_text() -> str:
    return FIRST_SEED.read_text("utf-8")


def test_briefing_page_holds_every_part_of_the_record() -> None:
    page = render_briefing(example(), f"briefings/{RID}.yaml", seed_text())
    assert page.startswith('---\ntitle: "Does The Atlantic Alliance Need a \\"Name Change\\": NATO')
    assert (
        page.index("Bottom line")
        < page.index("## Key actors")
        < page.index("## Timeline")
        < page.index("## Source chain")
        < page.index("## Seed text")
        < page.index("## Provenance")
    )
    assert '<span class="bf-badge bf-badge--draft">draft</span>' in page
    assert "Original</span> Nikkei Asia (3 May 2023)" in page
    assert "Copy in hand</span> Global Research (5 May 2023)" in page
    assert re.search(
        r'\| <span id="actor-\d+"></span>Jens Stoltenberg'
        r'<sup class="bf-sup"><a class="bf-ev" href="#ev-\d+" '
        r'aria-label="quote \d+ in the seed text" title="Show the words of the seed">'
        r"\d+</a></sup> \| person \| NATO Secretary&#45;General \|",
        page,
    )
    assert '<span class="bf-when" data-edtf="2023-07-11/2023-07-12">11–12 Jul 2023</span>' in page
    assert "bf-event--planned" in page and "bf-event--occurred" in page
    assert (
        "**Nikkei Asia**, original, 3 May 2023, by Ken Moriyasu, Rieko Miki, Takashi Tsuji" in page
    )
    assert page.count("<svg") == 2 and "Primary source" in page
    assert "85333af93ecbfc4f68dd6cdf697d4df18413ec092df550e66f2244369ccb5d79" in page


def test_every_quote_is_highlighted_and_linked_from_its_field() -> None:
    page = render_briefing(example(), "r", seed_text())
    anchors = set(re.findall(r'<span class="bf-anchor" id="(ev-\d+)" data-n="\d+"></span>', page))
    links = set(re.findall(r'\(#(ev-\d+) "Show the words|href="#(ev-\d+)"', page))
    linked = {a or b for a, b in links}
    quotes = {x["evidence"] for k in ("actors", "timeline", "source_chain") for x in example()[k]}
    assert len(anchors) == len(quotes) and linked == anchors
    assert page.count("<mark") >= len(quotes) - 1  # shared or overlapping quotes share marks


def test_edit_link_needs_a_repository() -> None:
    site = SiteConfig(repo_url="https://github.com/example/briefings", branch="main")
    page = render_briefing(example(), f"briefings/{RID}.yaml", None, site)
    assert (
        f'<a href="https://github.com/example/briefings/edit/main/briefings/{RID}.yaml" '
        'rel="nofollow">Edit this record</a>'
    ) in page
    assert "Edit this record" not in render_briefing(example(), "r")
    assert "## Seed text" not in render_briefing(example(), "r")


def test_timeline_is_sorted_oldest_first() -> None:
    record = example()
    record["timeline"].reverse()
    page = render_briefing(record, "r")
    assert page.index("Jan 2023") < page.index("Apr 2023") < page.index(">2024<")


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "![i](http://evil.example/i.png)",
        '--8<-- "/etc/passwd"',
        "{{ 7*7 }}",
        "`code`",
        "1. list",
        "# heading",
        "<https://evil.example>",
        "{: onclick=alert(1) }",
        '" onmouseover="alert(1)',
    ],
)
def test_untrusted_text_is_inert(payload: str) -> None:
    escaped = re.sub(r"&#\d+;", "", md_escape(payload))
    for ch in "<>[]()`!{}#-.:=&;\"'":
        assert ch not in escaped
    record = example()
    record["summary"] = payload
    record["title"] = payload
    record["actors"][0]["name"] = payload
    record["actors"][0]["role"] = payload
    record["timeline"][0]["event"] = payload
    record["source_chain"][0]["name"] = payload
    record["source_chain"][0]["url"] = "javascript:alert(1)"
    record["tags"] = [payload]
    page = render_briefing(record, "r", payload + "\n" + seed_text())
    front, body = page.split("\n---\n", 1)
    # The front matter is only ever shown as text by the theme: HTML-escaped is enough.
    assert "<" not in front and ">" not in front
    assert payload not in body
    assert "javascript:" not in body


def test_safe_url() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil",
        'https://x/"onmouseover=',
        "ftp://x",
        None,
        3,
        "https://x/\x00",
    ]:
        assert safe_url(bad) is None


def test_only_safe_urls_become_links() -> None:
    record = example()
    record["source_chain"][2]["url"] = "https://asia.nikkei.com/a?x=1&y=2"
    page = render_briefing(record, "r")
    assert '<a href="https://asia.nikkei.com/a?x=1&amp;y=2" rel="nofollow noopener">' in page


def pages_for_two() -> dict[str, str]:
    old, new = example(), example()
    new.update(id="newer", date="2024-01-02", title="Newer story")
    new["actors"] = [
        {"name": "The NATO", "type": "organization"},
        {"name": "Jens Stoltenberg", "type": "person", "role": "Secretary General"},
    ]
    new["source_chain"] = [{"name": "Nikkei Asia", "role": "original"}]
    return render_pages([Briefing(old, "a"), Briefing(new, "b")], SiteConfig(publish_drafts=True))


def test_pages_of_the_site() -> None:
    pages = pages_for_two()
    assert {
        "briefings/index.md",
        "briefings/.latest.md",
        "briefings/newer.md",
        f"briefings/{RID}.md",
        "actors/index.md",
        "actors/nato.md",
        "actors/jens-stoltenberg.md",
        "timeline/index.md",
        "sources/index.md",
        "feed.xml",
    } <= set(pages)
    index = pages["briefings/index.md"]
    assert index.index("(newer.md)") < index.index(f"({RID}.md)")
    assert "(briefings/newer.md)" in pages["briefings/.latest.md"]


def test_actor_pages_merge_name_forms_and_list_roles_and_companions() -> None:
    pages = pages_for_two()
    assert "actors/the-nato.md" not in pages
    nato = pages["actors/nato.md"]
    assert f"(../briefings/{RID}.md)" in nato and "(../briefings/newer.md)" in nato
    assert "Also written as: The NATO" in nato
    jens = pages["actors/jens-stoltenberg.md"]
    assert "- Secretary General ([briefing](../briefings/newer.md))" in jens
    assert "- NATO Secretary&#45;General" in jens
    assert "[NATO](nato.md) · 2 briefings" in jens


def test_timeline_page_newest_first_by_year_and_month() -> None:
    pages = pages_for_two()
    index = pages["timeline/index.md"]
    assert index.index("[2024](2024.md)") < index.index("[2023](2023.md)")
    page = pages["timeline/2023.md"]
    assert page.index("## Jul 2023") < page.index("## Apr 2023") < page.index("## Jan 2023")
    assert f'href="../../briefings/{RID}/"' in page


def test_sources_page_counts_roles() -> None:
    page = pages_for_two()["sources/index.md"]
    assert "| [Nikkei Asia](outlets/index.md#src-nikkei-asia) | 2 | 0 | 2 |" in page
    assert "| [Global Research](outlets/index.md#src-global-research) | 0 | 1 | 1 |" in page


def test_feed_is_atom_newest_first() -> None:
    feed = pages_for_two()["feed.xml"]
    assert feed.startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    )
    assert feed.index("<title>Draft, not yet checked: Newer story</title>") < feed.index(
        "<title>Draft, not yet checked: Does The Atlantic"
    )
    assert '<link rel="alternate" href="briefings/newer/"/>' in feed


def test_write_pages_writes_only_changes_and_removes_orphans(tmp_path: Path) -> None:
    assert write_pages(tmp_path, {"briefings/a.md": "A", "briefings/b.md": "B"}) == (2, 0)
    (tmp_path / "index.md").write_text("hand-written", "utf-8")
    before = (tmp_path / "briefings" / "a.md").stat().st_mtime_ns
    assert write_pages(tmp_path, {"briefings/a.md": "A", "actors/c.md": "C"}) == (1, 1)
    assert (tmp_path / "briefings" / "a.md").stat().st_mtime_ns == before
    assert sorted(p.name for p in (tmp_path / "briefings").iterdir()) == ["a.md"]
    assert (tmp_path / "index.md").read_text("utf-8") == "hand-written"


def test_render_site_refuses_invalid_reviewed_records_listing_each(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    path.write_text(
        path.read_text("utf-8")
        .replace("type: person", "type: human")
        .replace("status: draft", "status: reviewed"),
        "utf-8",
    )
    with pytest.raises(BriefingError) as info:
        render_site(reviewed_repo)
    assert "2 error(s) in records" in info.value.line()
    assert info.value.line().count("'human' is not one of") == 2


def test_an_invalid_draft_is_left_out_and_the_rest_is_rendered(reviewed_repo: Path) -> None:
    good = reviewed_repo / "briefings" / f"{RID}.yaml"
    text = good.read_text("utf-8")
    bad = reviewed_repo / "briefings" / "2023-05-06-other.yaml"
    shutil.copy(reviewed_repo / "seeds" / f"{RID}.txt", reviewed_repo / "seeds" / f"{bad.stem}.txt")
    bad.write_text(
        text.replace(RID, bad.stem)
        .replace("type: person", "type: human")
        .replace("'2023-05-05'", "'2011-22x'"),
        "utf-8",
    )
    broken = reviewed_repo / "briefings" / "2023-05-07-broken.yaml"
    broken.write_text("id: 2023-05-07-broken\nstatus: draft\nactors: [\n", "utf-8")
    result = render_site(reviewed_repo)
    docs = reviewed_repo / "docs" / "briefings"
    assert (docs / f"{RID}.md").is_file()
    assert not (docs / f"{bad.stem}.md").exists() and not (docs / f"{broken.stem}.md").exists()
    assert [(p.file, p.kind) for p in result.left_out] == [
        ("briefings/2023-05-06-other.yaml", "draft"),
        ("briefings/2023-05-07-broken.yaml", "draft"),
    ]
    notice = result.left_out[0].format()
    assert "this draft is left out of the site, the other briefings are published" in notice
    assert "date: '2011-22x' is not a valid EDTF date" in notice and "(and 3 more errors)" in notice
    assert "briefings check lists every error" in notice
    assert result.warnings == []
    # A record that cannot be read and does not say it is a draft still stops the render.
    broken.write_text("id: 2023-05-07-broken\nstatus: reviewed\nactors: [\n", "utf-8")
    with pytest.raises(BriefingError, match="1 error"):
        render_site(reviewed_repo)


def test_render_site_writes_pages_once(reviewed_repo: Path) -> None:
    result = render_site(reviewed_repo)
    assert (reviewed_repo / "docs" / "briefings" / f"{RID}.md").is_file()
    assert result.written == result.pages and result.warnings == []
    assert render_site(reviewed_repo).written == 0


def many(n_briefings: int, actors_each: int) -> list[Briefing]:
    out = []
    for i in range(n_briefings):
        rec = example()
        rec.update(id=f"b{i}", date=f"{2000 + i % 20}-0{1 + i % 9}-1{i % 9}", title=f"Story {i}")
        rec["actors"] = [
            {"name": f"Person {chr(65 + j % 26)}{i}-{j}", "type": "person"}
            for j in range(actors_each)
        ]
        rec["timeline"] = [
            {"date": f"{2000 + (i + j) % 20}-0{1 + j % 9}", "event": f"E{i}.{j}"}
            for j in range(actors_each)
        ]
        out.append(Briefing(rec, f"b{i}.yaml"))
    return out


def test_small_sites_keep_one_actor_index_and_a_timeline_page_per_year() -> None:
    pages = render_pages(many(10, 3), SiteConfig(publish_drafts=True))
    assert not any(p.startswith("actors/by-letter/") for p in pages)
    timeline = sorted(p for p in pages if p.startswith("timeline/"))
    assert timeline == [f"timeline/{y}.md" for y in range(2000, 2012)] + ["timeline/index.md"]


def test_large_sites_split_the_actor_index_and_the_timeline() -> None:
    pages = render_pages(many(400, 5), SiteConfig(publish_drafts=True))
    letters = sorted(p for p in pages if p.startswith("actors/by-letter/"))
    # 2000 names under P: pages of 250 rows (actor_pages.LETTER_PAGE).
    assert letters == sorted(
        ["actors/by-letter/p.md"] + [f"actors/by-letter/p-{n}.md" for n in range(2, 9)]
    )
    # Each is named in one briefing only: it leads to its row there, not to a page of its own.
    assert (
        "| [Person A0&#45;0](../../briefings/b0.md#actor-1) | person | 1 |"
        in pages["actors/by-letter/p.md"]
    )
    assert not any(re.fullmatch(r"actors/person-[^/]*\.md", p) for p in pages)
    index = pages["actors/index.md"]
    assert "2000 actors are named" in index and "[P](by-letter/p.md) (2000)" in index
    assert index.count("| person |") == 100
    years = sorted(p for p in pages if re.fullmatch(r"timeline/[^/]*\.md", p))
    assert years == [f"timeline/{y}.md" for y in range(2000, 2020)] + ["timeline/index.md"]
    assert '| [2019](2019.md) | <span class="bf-num">100</span>' in pages["timeline/index.md"]
    # 100 events are more than a page holds: the year lists its months, a page each.
    year = pages["timeline/2005.md"]
    assert "| [Jan 2005](2005/01.md) | 20 |" in year and "<li" not in year
    month = pages["timeline/2005/01.md"]
    assert month.count("<li class=") == 20 and 'href="../../../briefings/' in month


def test_second_render_reuses_what_did_not_change(
    reviewed_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.render as render_module
    import generator.seeds as seeds_module

    render_site(reviewed_repo)
    page = reviewed_repo / "docs" / "briefings" / f"{RID}.md"
    before = page.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged record or seed was read again")

    monkeypatch.setattr(render_module, "read_record", refuse)
    monkeypatch.setattr(render_module, "validate_record", refuse)
    monkeypatch.setattr(seeds_module, "read_seed", refuse)
    result = render_site(reviewed_repo)
    assert result.written == 0 and result.warnings == []
    assert page.read_bytes() == before
    monkeypatch.undo()

    # An edited record is read, checked and rendered again.
    record = reviewed_repo / "briefings" / f"{RID}.yaml"
    record.write_text(
        record.read_text("utf-8").replace("name: Jens Stoltenberg", "name: Jens Stoltenberg Jr"),
        "utf-8",
    )
    assert render_site(reviewed_repo).written >= 1
    assert "Jens Stoltenberg Jr" in page.read_text("utf-8")

    # A changed seed makes the record stale, from the cache as from a full check.
    seed = reviewed_repo / "seeds" / f"{RID}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    # (on a draft a note; the same stale record reviewed is a warning, see test_validate)
    notes = render_site(reviewed_repo).notes
    assert [w.keypath for w in notes] == ["seed.sha256"]
    assert [w.keypath for w in render_site(reviewed_repo).notes] == ["seed.sha256"]


def test_a_broken_cache_means_a_full_render(reviewed_repo: Path) -> None:
    render_site(reviewed_repo)
    cache = RenderCache.for_docs(reviewed_repo / "docs").path
    assert cache.is_file()
    assert not list((reviewed_repo / "docs").rglob("*cache*"))
    cache.write_text("{broken", "utf-8")
    (reviewed_repo / "docs" / "briefings" / f"{RID}.md").unlink()
    result = render_site(reviewed_repo)
    assert (reviewed_repo / "docs" / "briefings" / f"{RID}.md").is_file()
    assert result.written == 1
