"""The command line on bad input: one line per problem, exit status 1, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE_RECORD

RID = "2023-05-05-nato-opens-japan-office"


def briefings(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert "Traceback" not in done.stdout + done.stderr
    return done


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
    path.write_text(text.replace("type: country", "type: nation", 1)
                    .replace("status: draft", "status: finished"), "utf-8")
    done = briefings(reviewed_repo, "check")
    assert done.returncode == 1
    out = done.stdout.splitlines()
    assert any(ln.startswith(f"briefings/{RID}.yaml:") and "actors[1].type: 'nation'" in ln
               for ln in out)
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
    assert f"briefings/{RID}.yaml:3: error: column 1: YAML error" in done.stderr
    assert not (reviewed_repo / "docs" / "briefings" / f"{RID}.md").exists()


def test_build_outside_a_repository(tmp_path: Path) -> None:
    done = briefings(tmp_path, "build")
    assert done.returncode == 1
    assert done.stderr.strip() == ("error: mkdocs.yml: not found; run briefings build in the "
                                   "repository root or pass --root")


def test_python_dash_m_and_console_script_agree(tmp_path: Path) -> None:
    script = shutil.which("briefings")
    if script is None:
        pytest.skip("the package is not installed")
    a = subprocess.run([script, "--version"], capture_output=True, text=True)
    b = briefings(tmp_path, "--version")
    assert a.stdout == b.stdout and a.stdout.startswith("briefings ")
