"""A pull request can bring any file: links at generated paths, committed caches and committed
pages. None of them may delete files outside the site, skip validation or reach readers."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.pages.cache import RenderCache
from generator.render import render_site
from generator.validate import validate_repository

from .support import briefings

RID = "2023-05-05-nato-opens-japan-office"
SCRIPT = "<script>window.__xss=1</script>"


def _victim(tmp_path: Path) -> Path:
    """A folder outside the repository with files a render must never touch."""
    victim = tmp_path / "home"
    (victim / "notes").mkdir(parents=True)
    (victim / "notes" / "thesis.txt").write_text("years of work", "utf-8")
    (victim / "index.md").write_text("mine", "utf-8")
    return victim


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize(
    "where", ["docs/sources", "docs/briefings", "docs/actors/by-letter", "docs/feed.xml"]
)
def test_a_link_at_a_generated_path_stops_the_render_and_deletes_nothing(
    reviewed_repo: Path, tmp_path: Path, where: str
) -> None:
    victim = _victim(tmp_path)
    before = _files(victim)
    link = reviewed_repo / where
    if link.exists():
        shutil.rmtree(link)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim, target_is_directory=True)
    with pytest.raises(BriefingError) as err:
        render_site(reviewed_repo)
    assert err.value.path == where and "is a link" in err.value.problem
    assert _files(victim) == before
    assert (victim / "notes" / "thesis.txt").read_text("utf-8") == "years of work"
    problems = [p for p in validate_repository(reviewed_repo) if p.file == where]
    assert [p.level for p in problems] == ["error"]
    assert "remove the link" in problems[0].message


def test_render_and_build_commands_refuse_a_link_in_one_line(
    reviewed_repo: Path, tmp_path: Path
) -> None:
    victim = _victim(tmp_path)
    (reviewed_repo / "docs" / "sources").symlink_to(victim, target_is_directory=True)
    for command in (["render"], ["check"], ["build"]):
        done = briefings(reviewed_repo, *command)
        assert done.returncode == 1, done.stdout + done.stderr
        assert (
            "docs/sources: error: is a link" in done.stdout + done.stderr
            or "error: docs/sources: is a link" in done.stderr
        )
    # mkdocs itself runs the render through the plugin, and stops the same way.
    done = subprocess.run(
        ["mkdocs", "build", "--strict"],
        cwd=reviewed_repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and "docs/sources: is a link" in done.stdout + done.stderr
    assert _files(victim) == ["index.md", "notes", "notes/thesis.txt"]


def test_a_docs_folder_outside_the_repository_is_refused(
    reviewed_repo: Path, tmp_path: Path
) -> None:
    victim = _victim(tmp_path)
    shutil.rmtree(reviewed_repo / "docs")
    (reviewed_repo / "docs").symlink_to(victim, target_is_directory=True)
    with pytest.raises(BriefingError, match="outside the repository"):
        render_site(reviewed_repo)
    assert _files(victim) == ["index.md", "notes", "notes/thesis.txt"]


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(root),
            "PATH": "/usr/bin:/bin",
        },
    )


def test_check_names_committed_files_at_generated_paths(reviewed_repo: Path) -> None:
    render_site(reviewed_repo)
    _git(reviewed_repo, "init", "-q")
    _git(reviewed_repo, "add", "-f", f"docs/briefings/{RID}.md", "mkdocs.yml")
    problems = validate_repository(reviewed_repo)
    assert [(p.file, p.level) for p in problems] == [(f"docs/briefings/{RID}.md", "error")]
    assert problems[0].message.endswith(f"run: git rm --cached docs/briefings/{RID}.md")
    _git(reviewed_repo, "rm", "-q", "--cached", f"docs/briefings/{RID}.md")
    assert validate_repository(reviewed_repo) == []


def test_a_committed_old_style_cache_is_not_read(reviewed_repo: Path) -> None:
    """The cache of the last render lives in the user's cache folder; one in docs/ is an
    orphan file like any other, removed by the render, and its data never reaches a page."""
    render_site(reviewed_repo)
    real = json.loads(RenderCache.for_docs(reviewed_repo / "docs").path.read_text("utf-8"))
    entry = next(iter(real["records"].values()))
    entry["data"]["id"] = SCRIPT
    planted = reviewed_repo / "docs" / "briefings" / ".render-cache.json"
    planted.write_text(json.dumps(real), "utf-8")
    RenderCache.for_docs(reviewed_repo / "docs").path.unlink()
    render_site(reviewed_repo)
    assert not planted.exists()
    for page in (reviewed_repo / "docs").rglob("*.md"):
        assert "__xss" not in page.read_text("utf-8"), page


def test_cached_data_is_escaped_like_fresh_data(reviewed_repo: Path) -> None:
    """Even a cache that was tampered with on this machine cannot put markup on a page:
    ids and slugs are percent-encoded where they become links."""
    render_site(reviewed_repo)
    path = RenderCache.for_docs(reviewed_repo / "docs").path
    real = json.loads(path.read_text("utf-8"))
    entry = next(iter(real["records"].values()))
    entry["data"]["id"] = SCRIPT
    entry["data"]["timeline"][0]["event"] = SCRIPT
    real["pages"] = {}
    path.write_text(json.dumps(real), "utf-8")
    render_site(reviewed_repo)
    for page in (reviewed_repo / "docs").rglob("*.md"):
        assert SCRIPT not in page.read_text("utf-8"), page
    timeline = (reviewed_repo / "docs" / "timeline" / "index.md").read_text("utf-8")
    assert "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E" in timeline


def test_a_generated_page_changed_since_the_last_render_is_written_again(
    reviewed_repo: Path,
) -> None:
    render_site(reviewed_repo)
    page = reviewed_repo / "docs" / "briefings" / f"{RID}.md"
    good = page.read_bytes()
    page.write_text(SCRIPT, "utf-8")  # e.g. a checkout of a branch that committed the page
    assert render_site(reviewed_repo).written == 1
    assert page.read_bytes() == good


def test_a_deleted_generated_page_comes_back_whole(reviewed_repo: Path) -> None:
    render_site(reviewed_repo)
    page = reviewed_repo / "docs" / "briefings" / f"{RID}.md"
    good = page.read_bytes()
    page.unlink()
    render_site(reviewed_repo)
    assert page.read_bytes() == good and len(good) > 1000


def test_two_renders_of_one_site_take_turns(reviewed_repo: Path) -> None:
    render_site(reviewed_repo)
    cache = RenderCache.for_docs(reviewed_repo / "docs")
    other = threading.Thread(target=render_site, args=(reviewed_repo,))
    with cache.locked():
        other.start()
        other.join(timeout=3)
        assert other.is_alive(), "a second render ran while the first held the site"
    other.join(timeout=60)
    assert not other.is_alive()


# ---------------------------------------------------------------- look-alike names


def _record(rid: str, names: list[str]) -> dict:
    return {
        "id": rid,
        "title": rid,
        "date": "2024-01-01",
        "actors": [{"name": n, "type": "person"} for n in names],
    }


LOOKALIKES = [
    "Jens St\u043eltenberg",  # a Cyrillic o
    "Jens Stol\u00adtenberg",  # a soft hyphen
    "\u200bJens Stoltenberg",  # a zero-width space
    "Jens \u202eStoltenberg",
]  # a bidi override


def test_lookalike_names_are_one_actor_shown_by_its_plain_name() -> None:
    from generator.pages.catalog import build_actors

    records = [_record(f"b{i}", [name]) for i, name in enumerate(LOOKALIKES * 3)]
    records.append(_record("plain", ["Jens Stoltenberg"]))
    actors = build_actors(records)
    assert [(a.name, len(a.mentions)) for a in actors] == [("Jens Stoltenberg", 13)]


def test_a_name_wholly_in_another_script_keeps_its_letters() -> None:
    from generator.pages.catalog import build_actors, lookalike

    actors = build_actors([_record("a", ["Путин", "Putin", "Ολυμπιακός FC"])])
    assert sorted(a.name for a in actors) == ["Putin", "Ολυμπιακός FC", "Путин"]
    assert lookalike("Путин") is None and lookalike("Zürich") is None


def test_check_warns_about_lookalike_names(reviewed_repo: Path) -> None:
    from generator.records import dump_record, read_record

    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    data = read_record(path).data
    data["actors"][2]["name"] = LOOKALIKES[0]
    data["actors"][3]["aliases"] = [LOOKALIKES[1]]
    path.write_text(dump_record(data), "utf-8")
    problems = [(p.keypath, p.level, p.message) for p in validate_repository(reviewed_repo)]
    assert problems == [
        (
            "actors[2].name",
            "warning",
            "'Jens Stоltenberg' mixes Cyrillic and Latin letters in "
            "'Stоltenberg'; retype it in plain letters so that the site lists it under its real "
            "name",
        ),
        (
            "actors[3].aliases[0]",
            "warning",
            "'Jens Stol\\xadtenberg' holds the invisible "
            "character U+00AD; retype it in plain letters so that the site lists it under its "
            "real name",
        ),
    ]


def test_companions_come_from_each_briefings_first_actors() -> None:
    from generator.pages.catalog import COMPANION_WINDOW, build_actors

    names = [f"Person {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(COMPANION_WINDOW + 5)]
    actors = {a.name: a for a in build_actors([_record("a", names)])}
    assert len(actors[names[0]].companions) == 8
    assert actors[names[-1]].companions == []
