"""The site's own search: the index written at render time (generator/pages/search.py) and the
script that queries it (docs/assets/search.js), run in Chromium."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.pages import search
from generator.render import Briefing, render_pages
from generator.siteconfig import SiteConfig

from .browser import chromium, require_browser, serve
from .conftest import EXAMPLE_RECORD, PROJECT
from .sitebuild import add_devset, make_repo

SCRIPT = PROJECT / "docs" / "assets" / "search.js"
RID = "2023-05-05-nato-opens-japan-office"


def record(rid: str, date: str, title: str, actors: list[tuple[str, str]], **more: Any) -> dict:
    rec = yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))
    rec.update(id=rid, date=date, title=title, summary=more.pop("summary", f"About {title}."))
    rec["actors"] = [{"name": n, "type": t} for n, t in actors]
    rec["timeline"] = []
    rec["tags"] = more.pop("tags", [])
    rec["source_chain"] = more.pop("source_chain", [{"name": "Nikkei Asia", "role": "original"}])
    rec.update(more)
    return rec


def index_files(records: list[dict]) -> dict[str, Any]:
    """The search index of a site of these records, parsed, by path under search-data/."""
    pages = render_pages(
        [Briefing(r, f"{r['id']}.yaml") for r in records], SiteConfig(publish_drafts=True)
    )
    prefix = search.FOLDER + "/"
    return {k[len(prefix) :]: json.loads(v) for k, v in pages.items() if k.startswith(prefix)}


def raw_files(records: list[dict]) -> dict[str, str]:
    pages = render_pages(
        [Briefing(r, f"{r['id']}.yaml") for r in records], SiteConfig(publish_drafts=True)
    )
    return {k: v for k, v in pages.items() if k.startswith(search.FOLDER + "/")}


def shards_of(files: dict[str, Any]) -> dict[str, dict[str, list[int]]]:
    manifest = files["manifest.json"]
    return {k: files[f"t/{name}.json"] for k, name in manifest["shards"].items()}


def postings(files: dict[str, Any], token: str) -> dict[int, int]:
    """doc -> weight of one token, read the way search.js reads it."""
    shards = shards_of(files)
    key = search.shard_of(token, shards)
    flat = shards.get(key, {}).get(token, [])
    out, doc = {}, 0
    for i in range(0, len(flat), 2):
        doc += flat[i]
        out[doc] = flat[i + 1]
    return out


def doc(files: dict[str, Any], n: int) -> list[str]:
    chunk = files["manifest.json"]["chunk"]
    return files[f"m/{n // chunk}.json"][n % chunk]


def doc_number(files: dict[str, Any], title: str) -> int:
    manifest = files["manifest.json"]
    for n in range(sum(manifest["counts"])):
        if doc(files, n)[1] == title:
            return n
    raise AssertionError(f"no document {title!r}")


APPLE = [
    record(
        "apple-phone",
        "2024-03-01",
        "Apple unveils a new phone",
        [("Apple", "organization"), ("Tim Cook", "person"), ("Apple's C.E.O.", "person")],
        tags=["Technology"],
    ),
    record(
        "tablet-sales",
        "2024-05-01",
        "Tablet sales slow down",
        [("AppleInsider", "organization"), ("Tim Cook", "person")],
        summary="AppleInsider reports that tablet sales slowed this spring.",
        source_chain=[{"name": "AppleInsider", "role": "original"}],
    ),
    record(
        "orchard",
        "2023-09-01",
        "Orchards in Normandy expect a good harvest",
        [("Crédit Agricole", "organization")],
        summary="Growers of cider fruit in Normandy expect a large crop.",
    ),
]


# ---- the index ----


def test_words_are_folded_and_names_are_whole() -> None:
    assert search.fold("Ángela  Merkel’s\u200b CDU—The_U.N.") == "angela merkel s cdu the u n"
    assert search.words("The President of the U.S. said") == ["president", "said"]
    assert search.phrase("The Hague") == "hague"
    assert search.phrase("Crédit Agricole") == "credit agricole"


def test_whole_names_are_tokens_marked_whole() -> None:
    files = index_files(APPLE)
    whole = files["manifest.json"]["whole"]
    apple_entity = doc_number(files, "Apple")
    insider_entity = doc_number(files, "AppleInsider")
    apple = postings(files, "apple")
    assert apple[apple_entity] >= whole  # the name "Apple" is the token "apple", whole
    assert insider_entity not in apple  # "AppleInsider" is one word, not "apple"
    assert postings(files, "appleinsider")[insider_entity] >= whole
    # A name of several words is one token besides its words; accents are folded.
    credit = doc_number(files, "Crédit Agricole")
    assert postings(files, "credit agricole")[credit] >= whole
    assert 0 < postings(files, "agricole")[credit] < whole
    cook = postings(files, "tim cook")
    assert {doc_number(files, t) for t in ("Apple unveils a new phone", "Tim Cook")} <= set(cook)


def test_documents_are_briefings_then_entities_then_outlets_with_dates() -> None:
    files = index_files(APPLE)
    counts = files["manifest.json"]["counts"]
    assert counts[0] == 3 and counts[1] >= 4 and counts[2] >= 2
    kinds = [doc(files, n)[0] for n in range(sum(counts))]
    assert kinds[:3] == ["briefing"] * 3
    assert "outlet" not in kinds[: counts[0] + counts[1]]
    assert set(kinds[counts[0] + counts[1] :]) == {"outlet"}
    newest = doc(files, 0)
    assert newest[1:5] == ["Tablet sales slow down", "briefings/tablet-sales/", "2024-05-01",
                           "1 May 2024"]  # fmt: skip
    cook = doc(files, doc_number(files, "Tim Cook"))
    assert cook[0] == "person" and cook[2].startswith("actors/") and cook[4] == "2024"
    assert cook[5] == "2 briefings, the latest 1 May 2024"
    # An actor named in one briefing only has no page: search leads to its row there, as the
    # actor index does.
    bank = doc(files, doc_number(files, "Crédit Agricole"))
    assert bank[:3] == ["organization", "Crédit Agricole", "briefings/orchard/#actor-1"]
    assert bank[5] == "1 briefing, the latest 1 Sep 2023"


def test_every_token_is_in_the_shard_of_its_longest_prefix(monkeypatch) -> None:
    records = [
        record(f"r{i}", f"20{10 + i % 14}-01-0{1 + i % 9}", f"Story {i} of apples",
               [(f"Apple Person {i}", "person"), (f"Applied Body {i}", "organization")])
        for i in range(60)
    ]  # fmt: skip
    monkeypatch.setattr(search, "SHARD_BUDGET", 2_000)
    files = index_files(records)
    manifest = files["manifest.json"]
    keys = sorted(manifest["shards"])
    assert any(len(k) > 2 for k in keys)  # large groups were split by a longer prefix
    seen: dict[str, str] = {}
    for key, name in manifest["shards"].items():
        assert re.fullmatch(r"[a-z0-9_]+", name), name
        shard = files[f"t/{name}.json"]
        for token in shard:
            assert search.shard_of(token, keys) == key, (token, key)
            assert token not in seen
            seen[token] = key
        size = len(json.dumps(shard, separators=(",", ":")))
        assert size <= 2_000 or len(shard) == 1 or len(key) == search.MAX_PREFIX, (key, size)
    assert "apple person 7" in seen and "applied" in seen


def test_the_index_is_the_same_bytes_for_the_same_records() -> None:
    first = raw_files(APPLE)
    again = raw_files([copy.deepcopy(r) for r in reversed(APPLE)])
    assert first == again
    assert raw_files(APPLE[:2]) != first


def test_hostile_titles_stay_data() -> None:
    evil = '</script><img src=x onerror="alert(1)">"\\\u2028'
    files = index_files([record("evil", "2024-01-01", f"Evil {evil}", [(f"Bad {evil}", "person")])])
    assert doc(files, 0)[1] == f"Evil {evil}"
    text = raw_files([record("evil", "2024-01-01", f"Evil {evil}", [("Bad", "person")])])
    for body in text.values():
        json.loads(body)
    # The script builds results from text nodes only.
    js = SCRIPT.read_text("utf-8")
    assert re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", js) is None
    assert "textContent" in js


def test_a_large_site_keeps_every_file_small() -> None:
    records = [
        record(f"r{i}", f"20{10 + i % 14}-0{1 + i % 9}-1{i % 9}", f"Council vote {i} on budget",
               [(f"Person {i % 37}", "person"), ("City Council", "organization")],
               summary=f"The council voted on item {i} of the budget after a long debate.")
        for i in range(400)
    ]  # fmt: skip
    sizes = {k: len(v.encode("utf-8")) for k, v in raw_files(records).items()}
    shards = {k: v for k, v in sizes.items() if "/t/" in k}
    assert len(shards) > 20
    assert max(sizes.values()) < 60_000, max(sizes.items(), key=lambda kv: kv[1])
    assert sum(shards.values()) / len(shards) < 4_000


# ---- the script, in Chromium ----


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    with chromium() as b:
        yield b


@pytest.fixture
def js(browser) -> Iterator[Any]:
    page = browser.new_page()
    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(content=SCRIPT.read_text("utf-8"))
    yield page
    page.close()


def rank(page, files: dict[str, Any], query: str, only_needed: bool = False) -> dict:
    manifest = files["manifest.json"]
    shards = shards_of(files)
    if only_needed:
        keys = page.evaluate("([q, m]) => BriefingsSearch.needed(q, m)", [query, manifest])
        shards = {k: shards[k] for k in keys}
    return page.evaluate("([q, m, s]) => BriefingsSearch.rank(q, m, s)", [query, manifest, shards])


def test_briefings_first_and_whole_names_above_prefixes(js) -> None:
    files = index_files(APPLE)
    ranked = rank(js, files, "Apple")
    titles = {k: [doc(files, it["doc"])[1] for it in v] for k, v in ranked.items()}
    # The briefing titled with Apple first, then the one that only names AppleInsider.
    assert titles["b"] == ["Apple unveils a new phone", "Tablet sales slow down"]
    assert [it["tier"] for it in ranked["b"]] == [0, 2]
    # The entity "Apple" (a whole name) above a name holding the word ("Apple's C.E.O.") and
    # "AppleInsider" (a longer word).
    assert titles["e"] == ["Apple", "Apple's C.E.O.", "AppleInsider"]
    assert [it["tier"] for it in ranked["e"]] == [0, 1, 2]
    assert titles["o"] == ["AppleInsider"]
    shown = js.evaluate(
        "r => BriefingsSearch.order(r, {b: 10, e: 5, o: 3}).map(it => it.doc)", ranked
    )
    assert shown.index(doc_number(files, "Apple unveils a new phone")) < shown.index(
        doc_number(files, "Apple")
    )
    # Prefixes still find: "appl" matches both, neither whole.
    assert {it["tier"] for it in rank(js, files, "appl")["e"]} == {2}
    # Accents and case do not matter; every word must match.
    assert [doc(files, it["doc"])[1] for it in rank(js, files, "CREDIT agricole")["e"]] == [
        "Crédit Agricole"
    ]
    assert rank(js, files, "apple normandy") == {"b": [], "e": [], "o": []}
    # A whole name of several words ranks its entity first.
    cook = rank(js, files, "tim cook")
    assert doc(files, cook["e"][0]["doc"])[1] == "Tim Cook" and cook["e"][0]["tier"] == 0


def test_a_query_needs_only_the_shards_of_its_words(js, monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_BUDGET", 600)
    files = index_files(APPLE * 1 + [record(f"x{i}", "2022-01-01", f"Applied science {i}",
                                            [(f"Apprentice {i}", "person")]) for i in range(30)])  # fmt: skip
    keys = sorted(files["manifest.json"]["shards"])
    assert len([k for k in keys if k.startswith("ap")]) > 1
    for query in ["apple", "ap", "appl", "tim cook", "Applied sci", "orchards normandy", "zzz"]:
        needed = js.evaluate(
            "([q, m]) => BriefingsSearch.needed(q, m)", [query, files["manifest.json"]]
        )
        assert len(needed) < len(keys)
        assert rank(js, files, query, only_needed=True) == rank(js, files, query), query
        # The measuring copy in Python routes and ranks as the script does.
        assert search.needed(query, files["manifest.json"]) == needed
        py = search.rank(query, files["manifest.json"], shards_of(files))
        assert dict(zip("beo", py, strict=True)) == rank(js, files, query), query


# A page with the search box of the theme (ids and hooks of partials/search.html), served
# from a made-up host under a sub-path, as a project site on GitHub Pages is.
BOX = """<!doctype html><html><head><title>t</title></head><body>
<input type="checkbox" id="__search">
<div class="md-search" data-bf-search><form action="#">
<input id="bf-search-input" type="text" required>
<button type="reset">x</button></form>
<div class="md-search-result__meta"></div><ol id="bf-search-results" role="listbox"></ol></div>
<script src="../assets/search.js"></script></body></html>"""


@pytest.fixture
def site_page(browser) -> Iterator[tuple[Any, list[str], dict[str, Any]]]:
    evil = '<img src=x onerror="window.pwned=1">'
    records = APPLE + [record("evil", "2021-01-01", f"Apple {evil}", [("Apple", "organization")])]
    files = raw_files(records)
    requests: list[str] = []
    page = browser.new_page()
    base = "http://briefings.test/repo/"

    def handle(route) -> None:
        url = route.request.url
        requests.append(url)
        path = urllib.parse.urlsplit(url).path
        if path == "/repo/page/":
            route.fulfill(body=BOX, content_type="text/html")
        elif path == "/repo/assets/search.js":
            route.fulfill(body=SCRIPT.read_text("utf-8"), content_type="text/javascript")
        elif path.startswith("/repo/search-data/") and path[len("/repo/") :] in files:
            route.fulfill(body=files[path[len("/repo/") :]], content_type="application/json")
        elif path.startswith("/repo/briefings/"):
            route.fulfill(body="<!doctype html><title>a briefing</title>", content_type="text/html")
        else:
            route.fulfill(status=404, body="")

    page.route("**/*", handle)
    page.goto(base + "page/")
    yield page, requests, {"evil": evil}
    page.close()


def test_the_box_fetches_on_typing_under_any_base_path_and_shows_text(site_page) -> None:
    page, requests, data = site_page
    assert not [u for u in requests if "search-data" in u]
    page.locator("#bf-search-input").click()
    page.keyboard.type("apple", delay=20)
    page.wait_for_selector("#bf-search-results li[role=option]")
    fetched = [u for u in requests if "search-data" in u]
    assert fetched and all(u.startswith("http://briefings.test/repo/search-data/") for u in fetched)
    assert not [u for u in fetched if "/t/" in u and not u.endswith(("/ap.json",))]
    options = page.locator("#bf-search-results li[role=option]")
    first = options.first
    assert "Briefing" in first.inner_text() and "1 Mar 2024" in first.inner_text()
    assert first.locator("time").get_attribute("datetime") == "2024-03-01"
    assert first.locator("a").get_attribute("href") == (
        "http://briefings.test/repo/briefings/apple-phone/"
    )
    texts = options.all_inner_texts()
    assert any(data["evil"] in t for t in texts)  # shown as text ...
    assert page.locator("#bf-search-results img").count() == 0  # ... never as markup
    assert page.evaluate("window.pwned") is None
    kinds = [t.split("·")[0].strip() for t in texts]
    assert "Organization" in kinds, texts
    assert kinds.index("Organization") > kinds.index("Briefing")
    assert kinds[-1] == "Outlet"
    # Arrows move, Enter opens the one chosen, Escape closes.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.locator("#bf-search-results li[aria-selected=true]")
    assert active.count() == 1 and active.get_attribute("id") == options.nth(1).get_attribute("id")
    assert page.locator("#bf-search-input").get_attribute("aria-activedescendant") == (
        options.nth(1).get_attribute("id")
    )
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.locator("#bf-search-input").focus()
    assert page.evaluate("document.getElementById('__search').checked") is True
    chosen = options.nth(1).locator("a").get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == chosen
    # Without a choice, Enter opens the first result.
    page.go_back()
    page.locator("#bf-search-input").fill("")
    page.locator("#bf-search-input").click()
    page.keyboard.type("apple phone", delay=20)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent === '1 briefing'"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == "http://briefings.test/repo/briefings/apple-phone/"


def _build(root: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _type(page, base: str, query: str) -> list[str]:
    page.goto(base + "briefings/", wait_until="load")
    page.locator("#bf-search-input").click()
    page.keyboard.type(query, delay=20)
    page.wait_for_selector("#bf-search-results li[role=option]", timeout=15000)
    return page.locator("#bf-search-results li[role=option]").all_inner_texts()


def test_a_built_site_searches_before_and_after_an_incremental_build(browser, tmp_path) -> None:
    """Typing an actor's name shows the briefing first, with its date, from shards fetched
    only then and only from the site's own host; after one record changes and the site is
    built again incrementally, search still finds a briefing that did not change."""
    root = make_repo(tmp_path / "repo")
    add_devset(root)
    _build(root)
    site = root / "site"
    assert not (site / "search" / "search_index.json").exists()
    with serve(site) as base:
        origin = urllib.parse.urlsplit(base)[:2]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base, wait_until="networkidle")
        assert not [u for u in requests if "search" in u and not u.endswith(".js")], requests
        texts = _type(page, base, "Kishida")
        assert texts[0].startswith("Briefing · 5 May 2023"), texts
        assert "NATO Opens Japan Office" in texts[0]
        assert [u for u in requests if "/search-data/t/" in u]
        assert all(urllib.parse.urlsplit(u)[:2] == origin for u in requests), requests
        page.close()
    # One other record changes; the NATO briefing does not.
    others = sorted(p for p in (root / "briefings").glob("*.yaml") if p.stem != RID)
    changed = others[0]
    data = yaml.safe_load(changed.read_text("utf-8"))
    data["title"] = "A title changed for the incremental build"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    _build(root)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        assert "NATO Opens Japan Office" in _type(page, base, "Kishida")[0]
        assert "A title changed" in _type(page, base, "title changed incremental")[0]
        page.close()


def test_measure_reports_what_a_query_fetches(tmp_path: Path) -> None:
    for name, text in raw_files(APPLE).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    folder = tmp_path / search.FOLDER
    files = search.fetched(folder, "Apple")
    assert files[0] == "manifest.json" and "t/ap.json" in files and "m/0.json" in files
    assert search.fetched(folder, "zzzz") == ["manifest.json"]
    report = search.measure(folder)
    assert report["documents"][0] == 3 and report["files"] == len(list(folder.rglob("*.json")))
    assert report["largest_shard"][0].startswith("t/") and report["largest_shard"][1] > 0
    assert report["query_median"]["files"] >= 2 and report["query_median"]["bytes"] > 0


def test_the_script_folds_text_as_the_index_does(js) -> None:
    samples = [
        "Ángela Merkel’s CDU",
        "Recep Tayyip Erdoğan",
        "Łódź—Kraków_2023",
        "São Paulo (SP)",
        "Zoë\u200b Ball",
        "ＡＢＣ Ｎｅｗｓ",
        "Владимир Путин",
        "U.S. Federal Reserve",
    ]
    script = js.evaluate("xs => xs.map(BriefingsSearch.fold)", samples)
    assert script == [search.fold(s) for s in samples]
    assert script[1] == "recep tayyip erdogan" and script[5] == "abc news"
