from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.seeds import fold_ws, list_seeds, read_seed, seed_id


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_keeps_text_and_hashes_bytes(tmp_path: Path) -> None:
    data = b"Headline\n\nNATO opened an office.\r\n"
    seed = read_seed(write(tmp_path / "2023-05-05 NATO Office.txt", data), tmp_path)
    assert seed.id == "2023-05-05-nato-office"
    assert seed.sha256 == hashlib.sha256(data).hexdigest()
    assert seed.format == "text" and seed.encoding == "utf-8"
    assert seed.text == "Headline\n\nNATO opened an office.\n"
    assert seed.rel_path == "2023-05-05 NATO Office.txt"


def test_slug_transliterates_non_ascii() -> None:
    assert seed_id(Path("Ümlaut Café – 2024.md")) == "umlaut-cafe-2024"


def test_markdown_is_rendered_to_text_and_front_matter_is_metadata(tmp_path: Path) -> None:
    md = "---\ntitle: Front title\ndate: 2024-02-03\n---\n# Head\n\nSome **bold** and [a link](http://x).\n"
    seed = read_seed(write(tmp_path / "a.md", md), tmp_path)
    assert seed.meta["title"] == "Front title"
    assert seed.meta["date"] == "2024-02-03"
    assert seed.text == "Head\n\nSome bold and a link."


def test_html_gives_visible_text_and_meta(tmp_path: Path) -> None:
    html = ("<html><head><title>T</title><meta property='og:site_name' content='Daily'>"
            "<script>var x = 1;</script></head><body><h1>Big news</h1><p>First &amp; "
            "<b>second</b></p><style>p{}</style><p>Third</p></body></html>")
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.text == "Big news\n\nFirst & second\n\nThird"
    assert seed.meta == {"publisher": "Daily", "title": "T"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_other_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "The café’s naïve résumé was “quoted” by officials in Zürich on Monday."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    seed = read_seed(write(tmp_path / "a.txt", text.encode(encoding)), tmp_path)
    assert seed.text == text


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n", "is empty"),
    ("bin.txt", b"abc\x00\x01\x02def", "is binary"),
    ("doc.txt", b"%PDF-1.7\n...", "is a PDF"),
    ("a.docx", b"text", "unknown seed extension '.docx'"),
    ("noext", b"text", "unknown seed extension '(none)'"),
    ("---.txt", b"text", "no letters or digits"),
])
def test_bad_seeds_get_one_line_naming_the_file(tmp_path: Path, name: str, data: bytes,
                                                problem: str) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(BriefingError) as info:
        read_seed(path, tmp_path)
    line = info.value.line()
    assert line.startswith(str(path) + ": ")
    assert problem in line
    assert "\n" not in line


def test_list_seeds_skips_hidden_files_and_readme(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", ".hidden.txt", "README.md"]:
        write(tmp_path / name, "x")
    assert [p.name for p in list_seeds(tmp_path)] == ["a.md", "b.txt"]


def test_missing_seed_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="seed folder not found"):
        list_seeds(tmp_path / "nope")


def test_fold_ws() -> None:
    assert fold_ws("  a\n\n b\t c ") == "a b c"


def test_html_page_furniture_is_left_out_and_linked_data_read(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Barrier backed | Chronicle</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Councillors back flood barrier",
  "datePublished": "2025-03-12T08:30:00+00:00", "author": [{"@type": "Person", "name": "Aoife Brennan"}],
  "publisher": {"@type": "Organization", "name": "Corrib Chronicle"}}]}</script></head>
<body><div class="cookie-banner">We use cookies. Accept all</div>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Councillors back flood barrier</h1>
<p>By Aoife Brennan <time datetime="2025-03-12T08:30:00+00:00">12 March 2025</time></p>
<p>Galway City Council voted on Monday night to press ahead with a tidal flood barrier.</p>
<p>The motion passed by 11 votes to 6 after a three-hour debate<br>in City Hall.</p></article>
<aside class="widget-area"><h3>Most read</h3><p>Columnist Dara Keogh on the housing crisis</p></aside>
<section id="comments" class="comments-area"><div class="comment-body"><p>Kevin M says:
About time! We were flooded in 2014.</p></div></section>
<footer class="site-footer"><p>All rights reserved.</p></footer></body></html>"""
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "barrier.html"
    path.write_text(page, encoding="utf-8")
    seed = read_seed(path, tmp_path)
    assert "Galway City Council voted on Monday night" in seed.text
    for furniture in ("cookies", "Most read", "Dara Keogh", "Kevin M", "flooded in 2014",
                      "All rights reserved", "Home"):
        assert furniture not in seed.text, furniture
    assert seed.meta["date"].startswith("2025-03-12")
    assert seed.meta["author"] == "Aoife Brennan"
    assert seed.meta["publisher"] == "Corrib Chronicle"
