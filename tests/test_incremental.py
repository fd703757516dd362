"""Incremental builds: after a changed, added or deleted record, `briefings build` rebuilds few
pages and leaves the site a clean build of the same repository makes, byte for byte.

The only thing normalised when two sites are compared is the build date MkDocs writes into the
sitemap (`<lastmod>` in sitemap.xml, and the gzip header's time of sitemap.xml.gz, which is
compared by its decompressed content): both are the day of the build, not content.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.incremental import snippet_deps, snippet_names
from generator.records import dump_record

from .sitebuild import DEVSET, add_devset, make_repo

SYNTHETIC = Path(__file__).parent / "data" / "synthetic"
#: Plugins that need every page; the other helpers' own search index and tag pages replace
#: them. While they are still in mkdocs.yml, the test repositories drop them (a dirty build
#: with them enabled is a full build, see test_a_plugin_that_needs_every_page_means_full).
WHOLE_SITE = ("search", "tags")


def _config(root: Path, keep_plugins: bool = False) -> None:
    """The project's configuration with the theme overrides copied into the repository (so a
    test can change them) and, unless kept, without the plugins that need every page."""
    config = root / "mkdocs.yml"
    data = config.read_text("utf-8")
    theme = re.search(r"custom_dir: (.+)", data)
    assert theme
    shutil.copytree(Path(theme.group(1).strip()), root / "theme")
    data = data.replace(theme.group(0), "custom_dir: theme")
    if not keep_plugins:
        for name in WHOLE_SITE:
            data = data.replace(f"  - {name}\n", "")
        if "  - Tags: tags.md\n" in data and "  - tags\n" not in data:
            data = data.replace("  - Tags: tags.md\n", "")
            (root / "docs" / "tags.md").unlink(missing_ok=True)
    # A page outside the navigation that includes a generated snippet, as the home page does:
    # it must be rebuilt when the snippet changes although its own Markdown does not.
    (root / "docs" / "latest.md").write_text('# Latest\n\n--8<-- "briefings/.latest.md"\n', "utf-8")
    data = data.replace("not_in_nav: |\n", "not_in_nav: |\n  /latest.md\n")
    config.write_text(data, "utf-8")


def _repo(root: Path, keep_plugins: bool = False) -> Path:
    make_repo(root)
    _config(root, keep_plugins)
    add_devset(root)
    return root


def _build(root: Path, *extra: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", *extra],
        cwd=root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _tree(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if rel == "sitemap.xml.gz":
            data = gzip.decompress(data)
        if rel.startswith("sitemap.xml"):
            data = re.sub(rb"<lastmod>[0-9-]+</lastmod>", b"<lastmod>DAY</lastmod>", data)
        out[rel] = data
    return out


def _times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.*")}


def _touched(before: dict[str, int], site: Path) -> set[str]:
    after = _times(site)
    return {name for name, t in after.items() if before.get(name) != t}


def _docs(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def _html_of(page: str) -> str:
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return (stem.removesuffix("index") + "index.html").lstrip("/")
    return f"{stem}/index.html"


def _nav_pages(root: Path) -> set[str]:
    config = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    found: set[str] = set()

    def walk(item: object) -> None:
        if isinstance(item, str) and item.endswith(".md"):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config.get("nav", []))
    return found


def _same_as_clean(root: Path, tmp: Path) -> None:
    """The site of `root` equals a clean build of its records and seeds in another folder."""
    other = tmp / f"clean-{len(list(tmp.iterdir()))}"
    make_repo(other)
    _config(other)
    for folder in ("seeds", "briefings"):
        shutil.rmtree(other / folder)
        shutil.copytree(root / folder, other / folder)
    _build(other, "--clean")
    mine, clean = _tree(root / "site"), _tree(other / "site")
    assert sorted(mine) == sorted(clean)
    differ = [name for name in mine if mine[name] != clean[name]]
    assert differ == []


def _incremental(root: Path, change: object) -> tuple[set[str], set[str], str]:
    """Apply `change`, build; returns (HTML and other site files written, site files that a
    changed page, a navigation page or the home page's snippets account for, build output)."""
    before_docs, before = _docs(root), _times(root / "site")
    change()  # type: ignore[operator]
    out = _build(root)
    after_docs = _docs(root)
    changed = {
        n for n in set(before_docs) | set(after_docs) if before_docs.get(n) != after_docs.get(n)
    }
    allowed = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    if "briefings/.latest.md" in changed:
        allowed.add("latest/index.html")
    for page in changed | _nav_pages(root):
        allowed.add(_html_of(page) if page.endswith(".md") else page)
    return _touched(before, root / "site"), allowed, out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _repo(tmp_path_factory.mktemp("incremental") / "repo")
    _build(root)
    return root


def _record(root: Path, name: str) -> Path:
    return root / "briefings" / f"{name}.yaml"


def test_one_changed_record_rebuilds_few_pages_and_equals_a_clean_build(
    site: Path, tmp_path: Path
) -> None:
    path = _record(site, "03-yemen-houthi-escalation")

    def change() -> None:
        text = path.read_text("utf-8")
        title = re.search(r"^title: (.+)$", text, re.M)
        assert title
        path.write_text(text.replace(title.group(0), "title: Houthi escalation, revised"), "utf-8")

    touched, allowed, out = _incremental(site, change)
    assert "incremental build" in out
    html = [p for p in (site / "site").rglob("*.html")]
    assert touched <= allowed, sorted(touched - allowed)
    assert "briefings/03-yemen-houthi-escalation/index.html" in touched
    briefing_pages = {
        p for p in _times(site / "site") if re.fullmatch(r"briefings/\d\d-[^/]+/index.html", p)
    }
    assert briefing_pages - touched, "every briefing page was rebuilt"
    assert len([t for t in touched if t.endswith(".html")]) < len(html) / 2
    for page in ("index.html", "latest/index.html"):  # both include the latest briefings
        assert "Houthi escalation, revised" in (site / "site" / page).read_text("utf-8")
    _same_as_clean(site, tmp_path)


def test_an_added_briefing_reaches_the_home_page_and_equals_a_clean_build(
    site: Path, tmp_path: Path
) -> None:
    name = "02-sri-lanka-research-ship-ban-extended"

    def change() -> None:
        shutil.copy(SYNTHETIC / "seeds" / f"{name}.txt", site / "seeds" / f"{name}.txt")
        record = yaml.safe_load((SYNTHETIC / "gold" / f"{name}.yaml").read_text("utf-8"))
        for actor in record.get("actors", []):
            for key in [k for k, v in actor.items() if v is None]:
                del actor[key]
        record["date"] = "2030-01-02"  # the newest briefing, so the home page lists it
        record["title"] = "A research ship ban, added last"
        _record(site, name).write_text(dump_record(record), "utf-8")

    touched, allowed, _ = _incremental(site, change)
    assert touched <= allowed, sorted(touched - allowed)
    assert f"briefings/{name}/index.html" in touched
    assert "A research ship ban, added last" in (site / "site" / "index.html").read_text("utf-8")
    _same_as_clean(site, tmp_path)


def test_a_deleted_briefing_leaves_no_page_behind(site: Path, tmp_path: Path) -> None:
    name = "04-" + next(p.stem.removeprefix("04-") for p in (DEVSET / "gold").glob("04-*.yaml"))
    assert (site / "site" / "briefings" / name / "index.html").is_file()

    def change() -> None:
        _record(site, name).unlink()
        for seed in (site / "seeds").glob(f"{name}.*"):
            seed.unlink()

    touched, allowed, _ = _incremental(site, change)
    assert touched <= allowed, sorted(touched - allowed)
    assert not (site / "site" / "briefings" / name).exists()
    _same_as_clean(site, tmp_path)


def _search(site_dir: Path, query: str) -> list[str]:
    """The paths of the documents the site's search index gives for one word, read as
    docs/assets/search.js reads it (manifest, the token's shard, the metadata chunk)."""
    search = pytest.importorskip("generator.pages.search")
    data = site_dir / search.FOLDER
    manifest = json.loads((data / "manifest.json").read_text("utf-8"))
    token = search.fold(query)
    prefix = search.shard_of(token, manifest["shards"])
    shard = json.loads((data / "t" / f"{manifest['shards'][prefix]}.json").read_text("utf-8"))
    docs, last = [], 0
    postings = shard.get(token, [])
    for i in range(0, len(postings), 2):
        last += postings[i]
        docs.append(last)
    paths = []
    for doc in docs:
        chunk = json.loads((data / "m" / f"{doc // manifest['chunk']}.json").read_text("utf-8"))
        paths.append(str(chunk[doc % manifest["chunk"]][2]))
    return paths


def test_search_finds_an_untouched_briefing_after_an_incremental_build(site: Path) -> None:
    """The site's own search index (generator/pages/search.py, rebuilt from every record by
    the render) finds a briefing whose page an incremental build did not re-render."""
    if not (site / "docs" / "search-data").is_dir():
        pytest.skip("this site has no search index of its own (search-data/)")
    search = pytest.importorskip("generator.pages.search")
    path = _record(site, "02-guterres-un-legacy")
    before = _times(site / "site")
    path.write_text(path.read_text("utf-8").replace("\ntitle: ", "\ntitle: Revised ", 1), "utf-8")
    assert "incremental build" in _build(site)
    touched = _touched(before, site / "site")
    untouched = [
        p.stem
        for p in sorted((site / "briefings").glob("*.yaml"))
        if f"briefings/{p.stem}/index.html" not in touched
    ]
    assert untouched, "every briefing page was rebuilt"
    for name in untouched:
        title = yaml.safe_load(_record(site, name).read_text("utf-8"))["title"]
        word = max(search.words(title), key=len)
        found = _search(site / "site", word)
        assert any(f"briefings/{name}" in p for p in found), (name, word, found)
    assert any("02-guterres-un-legacy" in p for p in _search(site / "site", "Revised"))


def test_a_config_or_theme_change_or_clean_means_a_full_build(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo")
    _build(root)
    site = root / "site"
    pages = {p for p in _times(site) if p.endswith(".html")}

    def append(path: Path, text: str) -> None:
        path.write_text(path.read_text("utf-8") + text, "utf-8")

    # Nothing changed: most pages are kept.
    before = _times(site)
    assert "incremental build" in _build(root)
    assert len(pages & _touched(before, site)) < len(pages) / 2
    for change in (
        lambda: append(root / "theme" / "main.html", "{# a change #}\n"),
        lambda: append(root / "mkdocs.yml", "\n# a change\n"),
        lambda: append(root / "docs" / "assets" / "briefings.css", "\n/* a change */\n"),
    ):
        before = _times(site)
        change()
        assert "full build" in _build(root)
        assert pages <= _touched(before, site)
    before = _times(site)
    _build(root, "--clean")
    assert pages <= _touched(before, site)


def test_with_materials_search_every_build_is_full_and_search_finds_every_briefing(
    tmp_path: Path,
) -> None:
    """While Material's search plugin is configured, `--dirty` would leave unchanged pages out
    of its index: the build is full instead, and the index holds every briefing."""
    root = tmp_path / "repo"
    make_repo(root)
    config = root / "mkdocs.yml"
    data = config.read_text("utf-8")
    if "  - search\n" not in data:
        data = data.replace("plugins:\n", "plugins:\n  - search\n")
    config.write_text(data, "utf-8")
    add_devset(root)
    _build(root)
    path = _record(root, "03-yemen-houthi-escalation")
    text = path.read_text("utf-8")
    title = re.search(r"^title: (.+)$", text, re.M)
    assert title
    path.write_text(text.replace(title.group(0), "title: Houthi escalation, revised"), "utf-8")
    out = _build(root)
    assert re.search(r"full build \(plugin '(material/)?(search|tags)' needs every page\)", out)
    index = (root / "site" / "search" / "search_index.json").read_text("utf-8")
    assert "Houthi escalation, revised" in index
    untouched = yaml.safe_load(_record(root, "01-kosovo-thaci-war-crimes-verdict").read_text())
    assert str(untouched["title"]).split(" of ")[0] in index


def test_snippets_of_a_page_are_found_with_their_fingerprints(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text('--8<-- "b.md"\n', "utf-8")
    (tmp_path / "b.md").write_text("B\n", "utf-8")
    page = 'x\n--8<-- "a.md"\n;--8<-- "escaped.md"\n--8<--\nb.md:1:2\n--8<--\n'
    assert snippet_names(page) == ["a.md", "b.md:1:2"]
    deps = snippet_deps(page, [tmp_path])
    assert set(deps) == {str(tmp_path / "a.md"), str(tmp_path / "b.md")}
    assert "*" in snippet_deps('--8<-- "missing.md"\n', [tmp_path])
    assert snippet_names("a page with `--8<--` in its text\n") == []


def test_a_link_from_a_kept_page_to_an_anchor_that_went_away_fails_a_strict_build(
    tmp_path: Path,
) -> None:
    """MkDocs validates anchor links only between pages it read; the pages an incremental
    build keeps get their anchors and links back, so a broken one is found as in a clean
    build."""
    root = _repo(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("validation:\n", "validation:\n  anchors: warn\n"),
        "utf-8",
    )
    latest = root / "docs" / "latest.md"
    latest.write_text(latest.read_text("utf-8") + "\n[About](about.md#a-heading)\n", "utf-8")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n## A heading\n\nText.\n", "utf-8")
    _build(root)
    assert "incremental build" in _build(root)
    about.write_text(about.read_text("utf-8").replace("## A heading", "## Another"), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode != 0
    assert "incremental build" in done.stdout + done.stderr
    assert "does not contain an anchor '#a-heading'" in done.stdout + done.stderr
    # A build that logged a warning is not trusted: the next build is a full one.
    about.write_text(about.read_text("utf-8").replace("## Another", "## A heading"), "utf-8")
    assert "full build (the last build logged warnings)" in _build(root)


def test_serve_live_rebuilds_only_what_changed(tmp_path: Path) -> None:
    """`briefings serve --live` runs `mkdocs serve --dirty`: the first build is full, an edit
    then rebuilds the changed pages, and the home page (a snippet) follows it."""
    import signal
    import socket
    import time
    import urllib.request

    root = _repo(tmp_path / "repo")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])

    def fetch(path: str) -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as r:
                return str(r.read().decode("utf-8"))
        except OSError:
            return ""

    def wait_for(path: str, needle: str, seconds: float = 120) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if needle in fetch(path):
                return True
            time.sleep(0.5)
        return False

    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--live", "--port", str(port)],
            cwd=root,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        path = _record(root, "03-yemen-houthi-escalation")
        page = "briefings/03-yemen-houthi-escalation/"
        assert wait_for(page, "Houthi"), log.read_text("utf-8")
        text = path.read_text("utf-8")
        title = re.search(r"^title: (.+)$", text, re.M)
        assert title
        path.write_text(text.replace(title.group(0), "title: Houthi escalation, live"), "utf-8")
        assert wait_for(page, "Houthi escalation, live"), log.read_text("utf-8")
        assert wait_for("", "Houthi escalation, live"), "the home page did not follow"
        assert "Kosovan" in fetch("briefings/01-kosovo-thaci-war-crimes-verdict/")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    output = log.read_text("utf-8")
    assert "full build (no state of an earlier build)" in output
    rebuilt = [int(n) for n in re.findall(r"incremental build: (\d+) page", output)]
    assert rebuilt and max(rebuilt) < 40, output
