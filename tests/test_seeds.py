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
    html = (
        "<html><head><title>T</title><meta property='og:site_name' content='Daily'>"
        "<script>var x = 1;</script></head><body><h1>Big news</h1><p>First &amp; "
        "<b>second</b></p><style>p{}</style><p>Third</p></body></html>"
    )
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.text == "Big news\n\nFirst & second\n\nThird"
    assert seed.meta == {"site": "Daily", "title": "T"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_other_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "The café’s naïve résumé was “quoted” by officials in Zürich on Monday."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    seed = read_seed(write(tmp_path / "a.txt", text.encode(encoding)), tmp_path)
    assert seed.text == text


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n", "is empty"),
        ("bin.txt", b"abc\x00\x01\x02def", "is binary"),
        ("doc.txt", b"%PDF-1.7\n...", "is a PDF"),
        ("a.docx", b"text", "unknown seed extension '.docx'"),
        ("noext", b"text", "unknown seed extension '(none)'"),
        ("---.txt", b"text", "no letters or digits"),
    ],
)
def test_bad_seeds_get_one_line_naming_the_file(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
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
    for furniture in (
        "cookies",
        "Most read",
        "Dara Keogh",
        "Kevin M",
        "flooded in 2014",
        "All rights reserved",
        "Home",
    ):
        assert furniture not in seed.text, furniture
    assert seed.meta["date"].startswith("2025-03-12")
    assert seed.meta["author"] == "Aoife Brennan"
    assert seed.meta["site"] == "Corrib Chronicle"


# --- Provenance the file declares: front matter, canonical, Open Graph, JSON-LD ------------


def test_front_matter_keys_are_normalised(tmp_path: Path) -> None:
    md = (
        "---\nsource: https://harbourwatch.example/2024/05/port\npublisher: Harbour Watch\n"
        "published: 2024-05-02\nauthors: [Lena Fischer, Omar Haddad]\nheadline: Port dues rise\n"
        "tags: [ports, trade]\n---\nPort dues rise by a tenth.\n"
    )
    seed = read_seed(write(tmp_path / "a.md", md), tmp_path)
    assert seed.meta == {
        "url": "https://harbourwatch.example/2024/05/port",
        "site": "Harbour Watch",
        "date": "2024-05-02",
        "author": "Lena Fischer; Omar Haddad",
        "title": "Port dues rise",
        "tags": "ports, trade",
    }


def test_front_matter_source_that_is_no_address_is_the_site(tmp_path: Path) -> None:
    md = "---\nsource: Valley Herald\nurl: not an address\n---\nThe mill reopened.\n"
    seed = read_seed(write(tmp_path / "a.md", md), tmp_path)
    assert seed.meta["site"] == "Valley Herald"
    assert seed.meta["url"] == "not an address"  # kept as given; the extractor checks it


def test_front_matter_that_is_no_mapping_stays_text(tmp_path: Path) -> None:
    md = "---\n- one\n- two\n---\nThe mill reopened.\n"
    seed = read_seed(write(tmp_path / "a.md", md), tmp_path)
    assert seed.meta == {}
    assert "The mill reopened." in seed.text


PAGE_HEAD = """<!DOCTYPE html><html><head><title>Dam talks resume - Riverside Post</title>
<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://riversidepost.example/dam-talks">
<meta property="og:url" content="https://riversidepost.example/dam-talks?utm=1">
<meta property="og:site_name" content="Riverside Post">
<meta property="og:title" content="Dam talks resume">
<meta property="article:published_time" content="2025-02-11T07:15:00+01:00">
<meta property="article:author" content="https://www.facebook.com/riversidepost">
</head>"""


def test_canonical_open_graph_and_article_tags(tmp_path: Path) -> None:
    html = PAGE_HEAD + "<body><h1>Dam talks resume</h1><p>Egypt and Ethiopia met.</p></body></html>"
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.meta == {
        "url": "https://riversidepost.example/dam-talks",
        "site": "Riverside Post",
        "title": "Dam talks resume",
        "date": "2025-02-11T07:15:00+01:00",
    }  # a profile URL is no author


def test_og_url_serves_when_there_is_no_canonical(tmp_path: Path) -> None:
    html = (
        "<html><head><meta property='og:url' content='https://tidings.example/a/1'></head>"
        "<body><p>The ferry sailed.</p></body></html>"
    )
    assert (
        read_seed(write(tmp_path / "a.html", html), tmp_path).meta["url"]
        == "https://tidings.example/a/1"
    )


def test_a_canonical_in_the_body_or_in_the_text_is_not_the_pages(tmp_path: Path) -> None:
    body_link = (
        "<html><head><title>Ferry</title></head><body><p>The ferry sailed.</p>"
        "<link rel='canonical' href='https://elsewhere.example/x'></body></html>"
    )
    assert "url" not in read_seed(write(tmp_path / "a.html", body_link), tmp_path).meta
    escaped = (
        '<html><body><p>Add &lt;link rel="canonical" href="https://elsewhere.example/'
        'y"&gt; to your pages, the guide says.</p></body></html>'
    )
    seed = read_seed(write(tmp_path / "b.html", escaped), tmp_path)
    assert "url" not in seed.meta and 'rel="canonical"' in seed.text
    text = '<link rel="canonical" href="https://elsewhere.example/z">\n\nThe ferry sailed.\n'
    assert read_seed(write(tmp_path / "c.txt", text), tmp_path).meta == {}


def ld_page(ld: str, body: str = "<p>The ferry sailed at noon.</p>") -> str:
    return (
        f'<html><head><script type="application/ld+json">{ld}</script></head>'
        f"<body>{body}</body></html>"
    )


def test_json_ld_graph_with_references(tmp_path: Path) -> None:
    ld = """{"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "@id": "https://islandnews.example/ferry#page", "name": "Ferry page"},
      {"@type": "Organization", "@id": "https://islandnews.example/#org", "name": "Island News"},
      {"@type": "Person", "@id": "https://islandnews.example/#kai", "name": "Kai Moana"},
      {"@type": ["ReportageNewsArticle"], "headline": "Ferry returns",
       "datePublished": "2024-09-30", "mainEntityOfPage": {"@id": "https://islandnews.example/ferry"},
       "author": [{"@id": "https://islandnews.example/#kai"}, "Mere Tane"],
       "publisher": {"@id": "https://islandnews.example/#org"}}]}"""
    seed = read_seed(write(tmp_path / "a.html", ld_page(ld)), tmp_path)
    assert seed.meta == {
        "title": "Ferry returns",
        "date": "2024-09-30",
        "url": "https://islandnews.example/ferry",
        "author": "Kai Moana; Mere Tane",
        "site": "Island News",
    }


def test_json_ld_top_level_list_and_plain_author(tmp_path: Path) -> None:
    ld = """[{"@type": "BreadcrumbList", "name": "Home"},
             {"@type": "BlogPosting", "headline": "Notes from the count", "author": "Ilse Berg",
              "url": "https://birders.example/count", "datePublished": "2023-12-28",
              "publisher": {"@type": "Organization", "name": "Birders' Almanac"}}]"""
    seed = read_seed(write(tmp_path / "a.html", ld_page(ld)), tmp_path)
    assert seed.meta["author"] == "Ilse Berg"
    assert seed.meta["site"] == "Birders' Almanac"
    assert seed.meta["url"] == "https://birders.example/count"


def test_json_ld_of_no_article_type_gives_nothing(tmp_path: Path) -> None:
    ld = """{"@type": "Organization", "name": "Harbour Board", "url": "https://harbour.example",
             "headline": "not an article"}"""
    seed = read_seed(write(tmp_path / "a.html", ld_page(ld)), tmp_path)
    assert seed.meta == {}


@pytest.mark.parametrize(
    "ld",
    [
        '{"@type": "NewsArticle", "headline": "Broken", ',
        "[[[[[[[[" * 20000,
        '{"@type": "NewsArticle", "author": {"@id": 5}, "publisher": [null, 3], "headline": 7}',
    ],
)
def test_malformed_json_ld_is_skipped(tmp_path: Path, ld: str) -> None:
    seed = read_seed(write(tmp_path / "a.html", ld_page(ld)), tmp_path)
    assert seed.text == "The ferry sailed at noon."
    assert "title" not in seed.meta and "site" not in seed.meta


def test_json_ld_in_a_comment_or_cdata_wrapper_is_read(tmp_path: Path) -> None:
    ld = '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Wrapped"}\n//]]>'
    assert read_seed(write(tmp_path / "a.html", ld_page(ld)), tmp_path).meta["title"] == "Wrapped"


def test_front_matter_before_html_is_provenance_and_wins(tmp_path: Path) -> None:
    page = PAGE_HEAD + "<body><h1>Dam talks resume</h1><p>Egypt and Ethiopia met.</p></body></html>"
    data = "---\nurl: https://nileletters.example/dam\nsite: Nile Letters\n---\n" + page
    seed = read_seed(write(tmp_path / "a.html", data), tmp_path)
    assert seed.meta["url"] == "https://nileletters.example/dam"
    assert seed.meta["site"] == "Nile Letters"
    assert seed.meta["title"] == "Dam talks resume"  # the page's own, not overridden
    assert seed.text == "Dam talks resume\n\nEgypt and Ethiopia met."
    assert seed.sha256 == hashlib.sha256(data.encode()).hexdigest()


def test_front_matter_of_plain_text_stays_text(tmp_path: Path) -> None:
    text = "---\nurl: https://x.example/a\n---\nThe ferry sailed.\n"
    seed = read_seed(write(tmp_path / "a.txt", text), tmp_path)
    assert seed.meta == {} and seed.text == text


def test_a_canonical_link_to_another_site_names_the_original(tmp_path: Path) -> None:
    html = (
        "<html><head><link rel='canonical' href='https://theconversation.com/heat-rules-12'>"
        "<meta property='og:url' content='https://www.valleytimes.example/heat-rules'>"
        "</head><body><p>Cities adopt heat rules.</p></body></html>"
    )
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.meta == {
        "url": "https://www.valleytimes.example/heat-rules",
        "original_url": "https://theconversation.com/heat-rules-12",
    }


def test_a_canonical_link_on_the_same_site_is_the_copys_address(tmp_path: Path) -> None:
    html = (
        "<html><head><link rel='canonical' href='https://www.valleytimes.example/heat'>"
        "<meta property='og:url' content='https://m.valleytimes.example/heat?src=app'>"
        "</head><body><p>Cities adopt heat rules.</p></body></html>"
    )
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.meta == {"url": "https://www.valleytimes.example/heat"}


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "<title>Flood barrier backed – Corrib Chronicle</title>"
            "<meta property='og:site_name' content='Corrib Chronicle'>",
            "Flood barrier backed",
        ),
        (
            "<title>Evacuations ordered | World | prairieledger.com</title>"
            "<link rel='canonical' href='https://www.prairieledger.com/a/1'>",
            "Evacuations ordered | World",
        ),
        (
            "<title>Valley Times - Ukraine - Russia talks resume</title>"
            "<meta property='og:url' content='https://valleytimes.example/talks'>",
            "Ukraine - Russia talks resume",
        ),
    ],
)
def test_the_site_name_is_taken_off_a_page_title(tmp_path: Path, head: str, title: str) -> None:
    html = f"<html><head>{head}</head><body><p>The council met.</p></body></html>"
    assert read_seed(write(tmp_path / "a.html", html), tmp_path).meta["title"] == title


@pytest.mark.parametrize(
    "head",
    [
        "<title>Ukraine - Russia talks resume</title><meta property='og:site_name' content='Herald'>",
        "<title>Valley Times</title><meta property='og:site_name' content='Valley Times'>",
        "<title>Budget 2025 | Analysis</title>",
    ],
)
def test_a_page_title_without_the_site_name_stays(tmp_path: Path, head: str) -> None:
    html = f"<html><head>{head}</head><body><p>The council met.</p></body></html>"
    seed = read_seed(write(tmp_path / "a.html", html), tmp_path)
    assert seed.meta["title"] == head.split("<title>")[1].split("</title>")[0]
