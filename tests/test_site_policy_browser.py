"""The publishing policy in a real build, with both engines: a site that publishes no drafts
(`publish_drafts: false`) shows none on any page, list or the feed, and its home page says
that every briefing was checked by a person."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.records import dump_record

from .browser import chromium, page_urls, require_browser, serve
from .conftest import EXAMPLE_RECORD, FIRST_SEED
from .sitebuild import DEVSET, build, make_repo

DRAFT = FIRST_SEED.stem
REVIEWED = "01-kosovo-thaci-war-crimes-verdict"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    root = make_repo(tmp_path_factory.mktemp(f"policy-{request.param}") / "repo")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "publish_drafts: true" in text
    config.write_text(text.replace("publish_drafts: true", "publish_drafts: false"), "utf-8")
    shutil.copy(FIRST_SEED, root / "seeds" / FIRST_SEED.name)
    shutil.copy(EXAMPLE_RECORD, root / "briefings" / f"{DRAFT}.yaml")
    assert yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))["status"] == "draft"
    shutil.copy(DEVSET / "seeds" / f"{REVIEWED}.txt", root / "seeds")
    gold = yaml.safe_load((DEVSET / "gold" / f"{REVIEWED}.yaml").read_text("utf-8"))
    for actor in gold.get("actors", []):
        for key in [k for k, v in actor.items() if v is None]:
            del actor[key]
    (root / "briefings" / f"{REVIEWED}.yaml").write_text(dump_record(gold), "utf-8")
    return build(root, request.param)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def test_no_draft_reaches_a_reader(site: Path, browser) -> None:
    assert not (site / "briefings" / DRAFT).exists()
    assert (site / "briefings" / REVIEWED / "index.html").is_file()
    feed = (site / "feed.xml").read_text("utf-8")
    assert REVIEWED in feed and DRAFT not in feed and "NATO" not in feed
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for url in page_urls(site, base):
            if url.endswith(("about/", "reviewing/", "record-format/")):
                continue  # hand-written pages, which cite the first seed as an example
            page.goto(url, wait_until="load")
            text = page.locator("body").inner_text()
            assert "Stoltenberg" not in text and "Nikkei" not in text, url
            assert page.locator(".bf-badge--draft, .bf-draft-note").count() == 0, url
        page.goto(base)
        home = page.locator("article").first.inner_text()
        assert "checked against it by a person before it is published" in home
        assert "draft" not in home.lower()
        page.close()
