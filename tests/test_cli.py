"""The command line on bad input: one line per problem, exit status 1, never a traceback."""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLE_RECORD
from .support import briefings

RID = "2023-05-05-nato-opens-japan-office"


def test_bad_seeds_each_get_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (seeds / "broken-utf16.txt").write_bytes(b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00")
    (seeds / "story.docx").write_bytes(b"PK\x03\x04")
    done = briefings(tmp_path, "extract")
    assert done.returncode == 1
    failed = sorted(ln for ln in done.stderr.splitlines() if ln.startswith("failed"))
    assert failed == [
        "failed    seeds/binary.txt: is binary (contains NUL bytes), not a text document; "
        "save the article as .txt, .md or .html",
        "failed    seeds/broken-utf16.txt: starts with a utf-16 byte-order mark but does not "
        "decode as utf-16 (truncated data at byte 8); save it as UTF-8",
        "failed    seeds/empty.txt: is empty; put the article's text in it or delete it",
        "failed    seeds/story.docx: unknown seed extension '.docx'; use .txt, .md or .html",
    ]
    assert list((tmp_path / "briefings").glob("*.yaml")) == []


def test_missing_seed_argument(tmp_path: Path) -> None:
    done = briefings(tmp_path, "extract", "seeds/nope.txt")
    assert done.returncode == 1
    assert done.stderr.strip() == "error: seeds/nope.txt: seed not found; check the path"


def test_check_prints_every_problem_and_fails(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    text = EXAMPLE_RECORD.read_text("utf-8")
    path.write_text(
        text.replace("type: country", "type: nation", 1).replace(
            "status: draft", "status: finished"
        ),
        "utf-8",
    )
    done = briefings(reviewed_repo, "check")
    assert done.returncode == 1
    out = done.stdout.splitlines()
    assert any(
        ln.startswith(f"briefings/{RID}.yaml:") and "actors[1].type: 'nation'" in ln for ln in out
    )
    assert any("status: 'finished' is not one of draft, reviewed" in ln for ln in out)
    assert "check: 2 error(s), 0 warning(s)" in done.stderr


def test_check_github_format(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    path.write_text(EXAMPLE_RECORD.read_text("utf-8").replace("type: country", "type: nation", 1))
    done = briefings(reviewed_repo, "check", "--format", "github")
    assert done.returncode == 1
    assert done.stdout.startswith(f"::error file=briefings/{RID}.yaml,line=")


def test_check_passes_on_a_valid_repository(reviewed_repo: Path) -> None:
    done = briefings(reviewed_repo, "check")
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip() == "check: 0 error(s), 0 warning(s)"


def test_yaml_syntax_error_in_render_names_line_and_column(reviewed_repo: Path) -> None:
    (reviewed_repo / "briefings" / f"{RID}.yaml").write_text("id: x\ntitle: 'open\n", "utf-8")
    done = briefings(reviewed_repo, "render")
    assert done.returncode == 1
    assert f"briefings/{RID}.yaml:3:1: error: YAML error" in done.stderr
    assert not (reviewed_repo / "docs" / "briefings" / f"{RID}.md").exists()


def test_build_outside_a_repository(tmp_path: Path) -> None:
    done = briefings(tmp_path, "build")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: mkdocs.yml: not found; run briefings build in the repository root or pass --root"
    )


def test_build_runs_mkdocs_strictly_in_its_own_process(reviewed_repo: Path) -> None:
    """MkDocs runs inside `briefings build` (no second Python): its messages, its strict mode
    and its exit status are those of `mkdocs build --strict`, run in the repository."""
    done = briefings(reviewed_repo, "build")
    assert done.returncode == 0, done.stderr
    assert "build: site built in" in done.stdout
    assert "INFO    -  Building documentation" in done.stderr
    assert (reviewed_repo / "site" / "briefings" / RID / "index.html").is_file()
    (reviewed_repo / "docs" / "broken.md").write_text("# Broken\n\n[gone](nowhere.md)\n", "utf-8")
    done = briefings(reviewed_repo, "build")
    assert done.returncode == 1
    assert "nowhere.md" in done.stderr
    assert re.search(r"Aborted with \d+ warnings in strict mode!", done.stdout)  # MkDocs's words
    assert "build: mkdocs build --strict failed" in done.stderr
    assert "Traceback" not in done.stderr


def test_python_dash_m_and_console_script_agree(tmp_path: Path) -> None:
    script = shutil.which("briefings")
    if script is None:
        pytest.skip("the package is not installed")
    a = subprocess.run([script, "--version"], capture_output=True, text=True)
    b = briefings(tmp_path, "--version")
    assert a.stdout == b.stdout and a.stdout.startswith("briefings ")


# ---------------------------------------------------------------- the review workflow


def test_a_seed_added_without_its_record_fails_with_the_command_to_run(reviewed_repo: Path) -> None:
    new = "seeds/2024-01-02 Café talks.txt"
    (reviewed_repo / new).write_text("Officials met in Paris on Monday.", "utf-8")
    command = f"briefings extract '{new}'"
    done = briefings(reviewed_repo, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"{new}: error: has no record; run: {command}"]
    github = briefings(reviewed_repo, "check", GITHUB_ACTIONS="true")
    assert github.stdout == f"::error file={new}::has no record; run: {command}\n"
    # The command, pasted as it is, resolves it.
    ran = briefings(reviewed_repo, *shlex.split(command)[1:])
    assert ran.returncode == 0, ran.stderr
    assert (
        "created   seeds/2024-01-02 Café talks.txt -> briefings/2024-01-02-cafe-talks.yaml"
        in ran.stdout
    )
    assert briefings(reviewed_repo, "check").returncode == 0


def test_a_reviewed_record_whose_seed_changed_is_stale_until_resolved(reviewed_repo: Path) -> None:
    path = reviewed_repo / "briefings" / f"{RID}.yaml"
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8")
    reviewed = path.read_bytes()
    seed = reviewed_repo / "seeds" / f"{RID}.txt"
    seed.write_text(seed.read_text("utf-8") + "\nA late correction.\n", "utf-8")
    sha = hashlib.sha256(seed.read_bytes()).hexdigest()

    done = briefings(reviewed_repo, "check")
    assert done.returncode == 0  # a warning: `mkdocs serve` keeps working, strict builds fail
    assert done.stdout.splitlines() == [
        f"briefings/{RID}.yaml:6: warning: seed.sha256: stale: the seed changed after this "
        "record was reviewed, so strict site builds stop until it is re-reviewed: run "
        f"briefings diff {RID} to see what the new seed changes (--take FIELDS writes those "
        f"fields), correct the rest by hand, then set seed.sha256 to {sha}",
        "check: 0 error(s), 1 warning(s)",
    ]

    kept = briefings(reviewed_repo, "extract")
    assert kept.returncode == 0 and path.read_bytes() == reviewed
    assert kept.stdout.splitlines()[0] == (
        f"kept      seeds/{RID}.txt -> briefings/{RID}.yaml: reviewed record is stale (its seed "
        f"changed) and kept as it is; re-review it: briefings diff {RID} shows what the new "
        "seed changes (--take FIELDS writes those fields), then set seed.sha256 as briefings "
        "check prints it"
    )
    assert "--force" not in kept.stdout
    diff = briefings(reviewed_repo, "diff", RID)
    assert diff.returncode == 1 and "~ seed.sha256" in diff.stdout.splitlines()

    # Resolved by re-reviewing: the reviewer sets the new fingerprint.
    path.write_text(
        path.read_text("utf-8").replace(
            "sha256: 85333af93ecbfc4f68dd6cdf697d4df18413ec092df550e66f2244369ccb5d79",
            f"sha256: {sha}",
        ),
        "utf-8",
    )
    assert briefings(reviewed_repo, "check").stdout == "check: 0 error(s), 0 warning(s)\n"
    # Or by regenerating explicitly.
    path.write_bytes(reviewed)
    assert briefings(reviewed_repo, "extract", "--force").returncode == 0
    assert yaml.safe_load(path.read_text("utf-8"))["status"] == "draft"
    assert briefings(reviewed_repo, "check").stdout == "check: 0 error(s), 0 warning(s)\n"


def test_lock_file_and_temporary_files_are_not_records(reviewed_repo: Path) -> None:
    (reviewed_repo / "briefings" / f".{RID}.yaml.abc123.tmp").write_text("id: [", "utf-8")
    (reviewed_repo / "briefings" / ".briefings.lock").write_text("", "utf-8")
    assert briefings(reviewed_repo, "check").returncode == 0


def test_readme_and_review_guide_name_every_command_and_option() -> None:
    from generator.cli import _parser

    from .conftest import PROJECT

    readme = (PROJECT / "README.md").read_text("utf-8")
    guide = (PROJECT / "docs" / "reviewing.md").read_text("utf-8")
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():  # type: ignore[union-attr]
        assert f"| `briefings {name}" in readme, f"README's command table lacks {name}"
        for action in parser._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag not in ("--help", "--model"):
                    row = next(
                        ln for ln in readme.splitlines() if ln.startswith(f"| `briefings {name}")
                    )
                    assert flag in row, f"README's row for {name} lacks {flag}"
    for text in (
        "briefings diff",
        "briefings extract --force",
        "status: reviewed",
        "seed.sha256",
        "exit status",
    ):
        assert text in guide
    template = (PROJECT / ".github" / "pull_request_template.md").read_text("utf-8")
    assert "docs/reviewing.md" in template and "- [ ]" in template


def failing_extractor(seed: object, options: object = None) -> dict:
    """An extractor that fails on every seed (BRIEFINGS_EXTRACTOR=tests.test_cli:failing_...)."""
    raise ValueError("the parser found no sentences")


def test_check_gives_the_real_reason_a_seed_has_no_record(repo: Path) -> None:
    seed = f"seeds/{RID}.txt"
    from .conftest import PROJECT

    failing = {
        "BRIEFINGS_EXTRACTOR": "tests.test_cli:failing_extractor",
        "PYTHONPATH": str(PROJECT),
    }
    done = briefings(repo, "extract", fake=False, **failing)
    assert done.returncode == 1 and "the parser found no sentences" in done.stderr
    check = briefings(repo, "check", fake=False, **failing)
    (line,) = [ln for ln in check.stdout.splitlines() if ln.startswith(seed)]
    assert line.startswith(f"{seed}: error: has no record: its extraction failed (")
    assert "the parser found no sentences" in line
    assert f"run: briefings extract {seed}" not in line  # no circle back to extract
    # A seed that cannot have a record says why, as extract does.
    (repo / "seeds" / "2024-01-01-empty.txt").write_bytes(b"")
    check = briefings(repo, "check")
    assert (
        "seeds/2024-01-01-empty.txt: error: has no record and cannot have one: is empty; put "
        "the article's text in it or delete it"
    ) in check.stdout.splitlines()
