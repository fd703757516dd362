"""The whole pipeline on the first seed: extract, check, render and a real strict MkDocs build."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.dates import human_date
from generator.seeds import fold_ws, read_seed

RID = "2023-05-05-nato-opens-japan-office"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def page_text(path: Path) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    raw = path.read_text("utf-8")
    body = raw.split('<article class="md-content__inner', 1)[1]
    return fold_ws(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_first_seed_from_seed_to_site(repo: Path) -> None:
    run(repo, "-m", "generator", "extract")
    record_file = repo / "briefings" / f"{RID}.yaml"
    record = yaml.safe_load(record_file.read_text("utf-8"))
    first = record_file.read_bytes()

    # A record a reviewer can start from, every quote verbatim from the seed.
    assert record["id"] == RID and record["status"] == "draft" and record["date"] == "2023-05-05"
    assert record["summary"] and record["actors"] and record["timeline"] and record["source_chain"]
    seed_text = fold_ws(read_seed(repo / "seeds" / f"{RID}.txt", repo).text)
    quotes = [
        x["evidence"]
        for key in ("actors", "timeline", "source_chain")
        for x in record[key]
        if "evidence" in x
    ]
    assert quotes and all(fold_ws(q) in seed_text for q in quotes)

    # Incremental: a second run leaves the record byte-identical.
    again = run(repo, "-m", "generator", "extract")
    assert "1 unchanged" in again.stdout
    assert record_file.read_bytes() == first

    run(repo, "-m", "generator", "check")
    run(repo, "-m", "generator", "render")
    run(repo, "-m", "mkdocs", "build", "--strict", "--site-dir", str(repo / "site"))

    text = page_text(repo / "site" / "briefings" / RID / "index.html")
    assert fold_ws(record["title"]) in text
    assert fold_ws(record["summary"]) in text
    for actor in record["actors"]:
        assert actor["name"] in text
    for event in record["timeline"]:
        assert human_date(event["date"]) in text
    for link in record["source_chain"]:
        assert link["name"] in text

    home = page_text(repo / "site" / "index.html")
    assert fold_ws(record["title"]) in home
    assert (repo / "site" / "briefings" / "index.html").is_file()


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_plain_mkdocs_build_renders_on_a_fresh_clone(reviewed_repo: Path) -> None:
    assert not (reviewed_repo / "docs" / "briefings").exists()
    done = mkdocs_build(reviewed_repo)
    assert done.returncode == 0, done.stderr
    assert "Jens Stoltenberg" in (
        reviewed_repo / "site" / "briefings" / RID / "index.html"
    ).read_text("utf-8")


def test_stale_record_fails_the_strict_build_only(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"  # a stale draft blocks nothing
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8")
    seed = reviewed_repo / "seeds" / f"{RID}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    done = mkdocs_build(reviewed_repo)
    assert done.returncode == 1
    assert f"briefings/{RID}.yaml" in done.stderr and "stale" in done.stderr
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    lenient = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=reviewed_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert lenient.returncode == 0, lenient.stderr


def test_invalid_record_fails_every_build(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: maybe"), "utf-8")
    done = mkdocs_build(reviewed_repo)
    assert done.returncode == 1
    assert "status: 'maybe' is not one of draft, reviewed" in done.stderr
    assert "Traceback" not in done.stderr


def test_deleted_record_loses_its_page(reviewed_repo: Path) -> None:
    assert mkdocs_build(reviewed_repo).returncode == 0
    (reviewed_repo / "briefings" / f"{RID}.yaml").unlink()
    (reviewed_repo / "seeds" / f"{RID}.txt").unlink()
    assert mkdocs_build(reviewed_repo).returncode == 0
    assert not (reviewed_repo / "docs" / "briefings" / f"{RID}.md").exists()
    assert not (reviewed_repo / "site" / "briefings" / RID).exists()
