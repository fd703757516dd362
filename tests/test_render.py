from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.errors import BriefingError
from generator.render import (Briefing, md_escape, render_briefing, render_pages, render_site,
                              safe_url, write_pages)

from .conftest import EXAMPLE_RECORD


def example() -> dict:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


def test_briefing_page_holds_every_part_of_the_record() -> None:
    page = render_briefing(example(), "briefings/x.yaml")
    assert page.startswith("---\ntitle: \"Does The Atlantic Alliance Need a &quot;Name Change")
    for heading in ["## Bottom line", "## Key actors", "## Timeline", "## Source chain",
                    "## Provenance"]:
        assert heading in page
    assert "| **Jens Stoltenberg** | person | NATO Secretary&#45;General |" in page
    assert "- **11–12 Jul 2023** (planned): NATO Summit in Vilnius" in page
    assert "**Nikkei Asia** (original), 3 May 2023, by Ken Moriyasu, Rieko Miki, Takashi Tsuji" in page
    assert "85333af93ecbfc4f68dd6cdf697d4df18413ec092df550e66f2244369ccb5d79" in page


def test_timeline_is_sorted_oldest_first() -> None:
    record = example()
    record["timeline"].reverse()
    page = render_briefing(record, "r")
    assert page.index("Jan 2023") < page.index("Apr 2023") < page.index("**2024**")


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "![i](http://evil.example/i.png)", '--8<-- "/etc/passwd"', "{{ 7*7 }}", "`code`", "1. list",
    "# heading", "<https://evil.example>", "{: onclick=alert(1) }",
])
def test_untrusted_text_is_inert(payload: str) -> None:
    escaped = re.sub(r"&#\d+;", "", md_escape(payload))
    for ch in "<>[]()`!{}#-.:=&;":
        assert ch not in escaped
    record = example()
    record["summary"] = payload
    record["actors"][0]["name"] = payload
    record["source_chain"][0]["url"] = "javascript:alert(1)"
    page = render_briefing(record, "r")
    assert payload not in page
    assert "javascript:" not in page


def test_safe_url() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ["javascript:alert(1)", "data:text/html,x", "//evil", 'https://x/"onmouseover=',
                "ftp://x", None, 3]:
        assert safe_url(bad) is None


def test_only_safe_urls_become_links() -> None:
    record = example()
    record["source_chain"][2]["url"] = "https://asia.nikkei.com/a?x=1&y=2"
    page = render_briefing(record, "r")
    assert '<a href="https://asia.nikkei.com/a?x=1&amp;y=2" rel="nofollow noopener">' in page


def test_pages_newest_first_and_latest_snippet() -> None:
    old, new = example(), example()
    new["id"], new["date"], new["title"] = "newer", "2024-01-02", "Newer story"
    pages = render_pages([Briefing(old, "a"), Briefing(new, "b")])
    assert set(pages) == {"index.md", ".latest.md", "newer.md", old["id"] + ".md"}
    index = pages["index.md"]
    assert index.index("(newer.md)") < index.index(f"({old['id']}.md)")
    assert "(briefings/newer.md)" in pages[".latest.md"]


def test_write_pages_writes_only_changes_and_removes_orphans(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    assert write_pages(out, {"a.md": "A", "b.md": "B"}) == (2, 0)
    before = (out / "a.md").stat().st_mtime_ns
    assert write_pages(out, {"a.md": "A", "c.md": "C"}) == (1, 1)
    assert (out / "a.md").stat().st_mtime_ns == before
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "c.md"]


def test_render_site_refuses_invalid_records_listing_each(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / "2023-05-05-nato-opens-japan-office.yaml"
    path.write_text(path.read_text("utf-8").replace("type: person", "type: human"), "utf-8")
    with pytest.raises(BriefingError) as info:
        render_site(reviewed_repo)
    assert "2 error(s) in records" in info.value.line()
    assert info.value.line().count("'human' is not one of") == 2


def test_render_site_writes_pages(reviewed_repo: Path) -> None:
    result = render_site(reviewed_repo)
    gen = reviewed_repo / "docs" / "briefings"
    assert (gen / "2023-05-05-nato-opens-japan-office.md").is_file()
    assert result.written == 3 and result.warnings == []
    assert render_site(reviewed_repo).written == 0
