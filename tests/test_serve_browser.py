"""`briefings serve`: the README's way to look at the built site works in Chromium (links open
pages, search finds a briefing), builds first when needed and says where it serves."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from .browser import chromium, require_browser
from .conftest import EXAMPLE_RECORD, PROJECT
from .test_serve import _start, _stop, fetch, free_port

RID = "2023-05-05-nato-opens-japan-office"


def _wait_for_address(log: Path, proc: subprocess.Popen[bytes], seconds: float = 300) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"on (http://127\.0\.0\.1:\d+/) \(Ctrl-C", log.read_text("utf-8"))
        if found and fetch(found.group(1)):
            return found.group(1)
        time.sleep(0.5)
    raise AssertionError(f"serve did not start:\n{log.read_text('utf-8')}")


def test_briefings_serve_builds_then_serves_a_site_whose_links_and_search_work(
    repo: Path, tmp_path: Path
) -> None:
    require_browser()
    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / f"{RID}.yaml")
    assert not (repo / "site").exists()
    log = tmp_path / "serve.log"
    proc = _start(repo, "serve", "--port", str(free_port()), log=log)
    try:
        base = _wait_for_address(log, proc)
        text = log.read_text("utf-8")
        assert "serve: building the site first" in text and "build: site built" in text
        assert "end of life" not in text
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            failed: list[str] = []
            page.on(
                "response",
                lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )
            page.goto(base)
            page.locator("a.md-nav__link[href$='briefings/']:visible").first.click()
            page.wait_for_url(f"{base}briefings/")
            page.locator(f"article a[href*='{RID}']").first.click()
            page.wait_for_url(f"{base}briefings/{RID}/")
            assert "Jens Stoltenberg" in page.locator("article").inner_text()
            page.goto(base)
            page.locator("#bf-search-input").click()  # the site's own search
            page.keyboard.type("Kishida", delay=30)
            result = page.locator(f"#bf-search-results a[href$='briefings/{RID}/']")
            result.first.wait_for(state="attached", timeout=15000)
            assert failed == []
            page.close()
    finally:
        _stop(proc)
    assert proc.returncode == 0  # Ctrl-C ends it quietly


def test_serve_builds_again_only_when_something_changed(repo: Path, tmp_path: Path) -> None:
    from generator.serve import needs_build

    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / f"{RID}.yaml")
    site = repo / "site"
    assert needs_build(repo, site)
    site.mkdir()
    index = site / "index.html"
    index.write_text("built", "utf-8")
    now = time.time()
    os.utime(index, (now + 100, now + 100))
    assert not needs_build(repo, site)
    os.utime(repo / "briefings" / f"{RID}.yaml", (now + 200, now + 200))  # edited since
    assert needs_build(repo, site)


def test_readme_says_to_look_at_the_site_with_briefings_serve() -> None:
    readme = (PROJECT / "README.md").read_text("utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    assert "briefings serve" in setup
    assert "open `site/index.html`" not in readme


def test_serve_on_a_busy_port_is_one_line(repo: Path) -> None:
    import socket

    from .support import briefings

    site = repo / "site"
    site.mkdir()
    (site / "index.html").write_text("built", "utf-8")
    later = time.time() + 100
    os.utime(site / "index.html", (later, later))  # newer than every input: no build
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = briefings(repo, "serve", "--port", str(port), timeout=60)
    assert done.returncode == 1
    assert done.stderr == (
        f"error: 127.0.0.1:{port}: cannot serve there (Address already in "
        "use); pass another --port, e.g. --port 8001\n"
    )
