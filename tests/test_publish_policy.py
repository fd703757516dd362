"""What may stop the site from being published: a draft never does (a broken one is left out with
one notice, its notes are MkDocs info), a reviewed record's problems do, each said once. The
pull-request gate, `briefings check`, still fails on every error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.records import dump_record

from .support import briefings, env

RID = "2023-05-05-nato-opens-japan-office"
BAD = "2023-05-06-broken-draft"
BANNER = "end of life"


def _record(repo: Path, rid: str = RID) -> Path:
    return repo / "briefings" / f"{rid}.yaml"


def _broken_draft(repo: Path) -> None:
    """A second seed whose draft check rejects (a season typed wrong and a quote not in it)."""
    shutil.copy(repo / "seeds" / f"{RID}.txt", repo / "seeds" / f"{BAD}.txt")
    data = yaml.safe_load(_record(repo).read_text("utf-8"))
    data.update(id=BAD, seed={**data["seed"], "path": f"seeds/{BAD}.txt"})
    data["timeline"][0]["date"] = "2011-2x"
    data["actors"][0]["evidence"] = "words the seed never says"
    _record(repo, BAD).write_text(dump_record(data), "utf-8")


def _reviewed(repo: Path) -> None:
    path = _record(repo)
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8")


def _mkdocs(repo: Path, *args: str, banner_env: bool = True) -> subprocess.CompletedProcess[str]:
    run_env = env()
    if not banner_env:
        run_env.pop("NO_MKDOCS_2_WARNING", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=repo,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_build_publishes_the_other_briefings_when_a_draft_is_broken(reviewed_repo: Path) -> None:
    _broken_draft(reviewed_repo)
    check = briefings(reviewed_repo, "check")
    assert check.returncode == 1  # the pull request still fails
    assert (
        sum(f"briefings/{BAD}.yaml" in ln and ": error:" in ln for ln in check.stdout.splitlines())
        == 2
    )
    done = briefings(reviewed_repo, "build")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    site = reviewed_repo / "site" / "briefings"
    assert (site / RID / "index.html").is_file()
    assert not (site / BAD).exists()
    notices = [ln for ln in out.splitlines() if "left out of the site" in ln]
    assert notices == [
        f"briefings/{BAD}.yaml:{notices[0].split(':')[1]}: warning: this draft is "
        "left out of the site, the other briefings are published: "
        + notices[0].split("are published: ")[1]
    ]
    assert "fix the record (briefings check lists every error) or delete it" in notices[0]
    assert BAD not in (reviewed_repo / "site" / "feed.xml").read_text("utf-8")


def test_a_seed_that_cannot_be_drafted_does_not_stop_the_build(reviewed_repo: Path) -> None:
    (reviewed_repo / "seeds" / "2024-01-01-empty.txt").write_bytes(b"")
    done = briefings(reviewed_repo, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "seeds/2024-01-01-empty.txt: is empty" in done.stderr
    assert (reviewed_repo / "site" / "briefings" / RID / "index.html").is_file()
    assert briefings(reviewed_repo, "check").returncode == 1


def test_an_invalid_reviewed_record_still_stops_the_build(reviewed_repo: Path) -> None:
    _reviewed(reviewed_repo)
    path = _record(reviewed_repo)
    path.write_text(path.read_text("utf-8").replace("type: person", "type: human", 1), "utf-8")
    done = briefings(reviewed_repo, "build")
    assert done.returncode == 1
    assert "actors[2].type: 'human' is not one of" in done.stdout
    assert "build: stopped at check" in done.stderr
    assert not (reviewed_repo / "site").exists()


def test_a_stale_reviewed_record_is_reported_once_with_what_to_do(reviewed_repo: Path) -> None:
    _reviewed(reviewed_repo)
    seed = reviewed_repo / "seeds" / f"{RID}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    done = briefings(reviewed_repo, "build")
    out = done.stdout + done.stderr
    assert done.returncode == 1
    stale = [ln for ln in out.splitlines() if "stale" in ln]
    assert len(stale) == 1, out
    assert f"run briefings diff {RID} to see what the new seed changes" in stale[0]
    assert "then set seed.sha256 to" in stale[0] and "--force" not in stale[0]
    # A plain strict MkDocs build says it once too, as a warning, and fails.
    strict = _mkdocs(reviewed_repo, "build", "--strict")
    assert strict.returncode == 1
    assert sum("stale:" in ln for ln in strict.stderr.splitlines()) == 1, strict.stderr
    assert [ln for ln in strict.stderr.splitlines() if "stale:" in ln][0].startswith("WARNING")


def test_a_drafts_notes_never_fail_the_strict_build(reviewed_repo: Path) -> None:
    path = _record(reviewed_repo)
    data = yaml.safe_load(path.read_text("utf-8"))
    data["review"] = [{"field": "date", "question": "Is the date right?"}]
    data["timeline"][0].update(status="occurred", date="2024-01-10")  # implausible: later
    path.write_text(dump_record(data), "utf-8")
    check = briefings(reviewed_repo, "check")
    assert check.returncode == 0
    assert "open question" in check.stdout and "implausible" in check.stdout
    strict = _mkdocs(reviewed_repo, "build", "--strict")
    assert strict.returncode == 0, strict.stderr
    notes = [
        ln for ln in strict.stderr.splitlines() if "open question" in ln or "implausible" in ln
    ]
    assert len(notes) == 2 and all(ln.startswith("INFO") for ln in notes), notes
    assert all(": note:" in ln for ln in notes)
    assert not any(ln.startswith("WARNING") for ln in strict.stderr.splitlines())
    # The same notes on a reviewed record: the open question is an error, the plausibility
    # note stays a note.
    _reviewed(reviewed_repo)
    check = briefings(reviewed_repo, "check")
    assert check.returncode == 1
    reviewed = _mkdocs(reviewed_repo, "build", "--strict")
    assert reviewed.returncode == 1 and "still has an open question" in reviewed.stderr


def test_build_and_serve_hide_materials_end_of_life_banner(reviewed_repo: Path) -> None:
    plain = _mkdocs(reviewed_repo, "build", banner_env=False)
    assert plain.returncode == 0 and BANNER in plain.stderr  # what the project hides
    run_env = {k: v for k, v in env().items() if k != "NO_MKDOCS_2_WARNING"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=reviewed_repo,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert BANNER not in done.stdout + done.stderr
