"""Builds on more than one core (generator/parallel.py): the briefings plugin forks workers that
write a share of the pages each. The site must be the one a single process makes, byte for byte;
what a worker logs must reach the build's output and `--strict`; a worker that fails must fail
the build with one line, not leave a partial site behind as if it were complete."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import parallel

from .sitebuild import add_devset, make_repo

WORKER_LINE = "worker process(es) besides this one"

#: A Markdown extension that misbehaves only in a worker process: a worker's parent is the
#: MkDocs process, whose own parent is this test (PARALLEL_TEST_PID).
TRAP = """
import os
import signal

from markdown import Extension
from markdown.preprocessors import Preprocessor


class _Trap(Preprocessor):
    def run(self, lines):
        if os.getppid() != int(os.environ["PARALLEL_TEST_PID"]):
            mode = os.environ.get("PARALLEL_TEST_MODE", "")
            if mode == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if mode == "raise":
                raise ValueError("a page failed in a worker")
        return lines


class Trap(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Trap(md), "parallel_trap", 100)


def makeExtension(**kwargs):
    return Trap(**kwargs)
"""


def _run(root: Path, *cmd: str, processes: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *cmd],
        cwd=root,
        env=dict(
            os.environ,
            NO_MKDOCS_2_WARNING="1",
            SOURCE_DATE_EPOCH="1700000000",  # the same build date (sitemap) in every build
            BRIEFINGS_PROCESSES=processes,
            PARALLEL_TEST_PID=str(os.getpid()),
            PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=900,
    )


def _tree(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _extra_pages(root: Path, count: int, defects: bool = False) -> None:
    """Pages outside the navigation, each with a heading and a link to the next one's; with
    `defects`, each also links to an anchor the next page lacks and to a page that is not
    there (MkDocs warns about both, the second while it reads the page)."""
    folder = root / "docs" / "extra"
    folder.mkdir()
    for i in range(count):
        j = (i + 1) % count
        text = f"# Page {i}\n\n## Part {i}\n\n[next](p{j:02}.md#part-{j})\n"
        if defects:
            text += f"\n[gone](p{j:02}.md#gone-{i})\n\n[nowhere](nowhere-{i}.md)\n"
        (folder / f"p{i:02}.md").write_text(text, "utf-8")
    config = root / "mkdocs.yml"
    data = config.read_text("utf-8")
    assert "not_in_nav: |\n" in data
    config.write_text(data.replace("not_in_nav: |\n", "not_in_nav: |\n  /extra/\n"), "utf-8")


def _warnings(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("WARNING"))


@pytest.fixture(scope="module")
def devset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("parallel") / "repo")
    add_devset(root)
    done = _run(root, "-m", "generator", "render", processes="1")
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def test_a_build_in_two_processes_equals_one_in_one_process(devset: Path) -> None:
    one = _run(devset, "-m", "mkdocs", "build", "--strict", "-d", "site-one", processes="1")
    assert one.returncode == 0, one.stderr
    assert WORKER_LINE not in one.stderr
    two = _run(devset, "-m", "mkdocs", "build", "--strict", "-d", "site-two", processes="2")
    assert two.returncode == 0, two.stderr
    assert re.search(
        r"briefings: \d+ of \d+ page\(s\) built by 1 " + re.escape(WORKER_LINE), two.stderr
    )
    mine, single = _tree(devset / "site-two"), _tree(devset / "site-one")
    assert len(single) > 100
    assert sorted(mine) == sorted(single)
    assert [name for name in single if mine[name] != single[name]] == []


def test_briefings_build_in_two_processes_equals_one_and_records_every_page(
    devset: Path,
) -> None:
    """`briefings build` (mkdocs build --dirty): the first build is full and shared out; the
    state it records covers the workers' pages, so the next build keeps them."""
    one = _run(devset, "-m", "mkdocs", "build", "--strict", "-d", "site-ref", processes="1")
    assert one.returncode == 0, one.stderr
    first = _run(devset, "-m", "generator", "build", processes="2")
    assert first.returncode == 0, first.stdout + first.stderr
    assert WORKER_LINE in first.stderr
    again = _run(devset, "-m", "generator", "build", processes="2")
    assert again.returncode == 0, again.stdout + again.stderr
    rebuilt = re.search(r"incremental build: (\d+) page\(s\) rebuilt, (\d+) kept", again.stderr)
    assert rebuilt, again.stderr
    assert int(rebuilt.group(1)) < 20 < int(rebuilt.group(2))  # the navigation pages only
    mine, single = _tree(devset / "site"), _tree(devset / "site-ref")
    assert sorted(mine) == sorted(single)
    assert [name for name in single if mine[name] != single[name]] == []


def test_warnings_of_the_workers_pages_are_those_of_one_process_and_fail_strict(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path / "repo")
    _extra_pages(root, 24, defects=True)
    one = _run(root, "-m", "mkdocs", "build", processes="1")
    assert one.returncode == 0, one.stderr
    two = _run(root, "-m", "mkdocs", "build", processes="2")
    assert two.returncode == 0, two.stderr
    assert WORKER_LINE in two.stderr
    expected = _warnings(one.stderr)
    assert len([w for w in expected if "does not contain an anchor '#gone-" in w]) == 24
    assert len([w for w in expected if "nowhere-" in w]) == 24
    assert _warnings(two.stderr) == expected
    strict = _run(root, "-m", "mkdocs", "build", "--strict", processes="2")
    assert strict.returncode != 0
    assert WORKER_LINE in strict.stderr
    assert "Aborted with 48 warnings in strict mode" in strict.stdout, strict.stdout


def test_without_defects_a_strict_build_in_two_processes_passes(tmp_path: Path) -> None:
    """Anchor links between pages of different processes are found (no false warning)."""
    root = make_repo(tmp_path / "repo")
    _extra_pages(root, 24)
    done = _run(root, "-m", "mkdocs", "build", "--strict", processes="2")
    assert done.returncode == 0, done.stderr
    assert WORKER_LINE in done.stderr
    assert _warnings(done.stderr) == []


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        ("kill", "it was killed by signal 9"),
        ("raise", "ValueError: a page failed in a worker"),
    ],
)
def test_a_failing_worker_fails_the_build_with_one_line(
    tmp_path: Path, mode: str, why: str
) -> None:
    root = make_repo(tmp_path / "repo")
    _extra_pages(root, 24)
    (root / "parallel_trap.py").write_text(TRAP, "utf-8")
    config = root / "mkdocs.yml"
    data = config.read_text("utf-8")
    config.write_text(
        data.replace("markdown_extensions:\n", "markdown_extensions:\n  - parallel_trap\n"),
        "utf-8",
    )
    # In one process the trap never fires: the site builds.
    assert _run(root, "-m", "mkdocs", "build", processes="1").returncode == 0
    done = _run(root, "-m", "mkdocs", "build", processes="2", PARALLEL_TEST_MODE=mode)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    failed = [line for line in done.stderr.splitlines() if "the build process for" in line]
    assert len(failed) == 1, done.stderr
    assert why in failed[0] and "the site is incomplete" in failed[0]
    if mode == "raise":  # MkDocs' own line about the page, logged in the worker, is shown
        assert re.search(r"Error reading page '[^']+': a page failed in a worker", done.stderr)
    # The failed build left no state: the next build with --dirty is a full build.
    again = _run(root, "-m", "mkdocs", "build", "--dirty", processes="1")
    assert again.returncode == 0, again.stderr
    assert "full build (no state of an earlier build)" in again.stderr


def test_pages_are_shared_out_by_kind_and_one_process_is_the_default_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = list(range(7))
    assert parallel.split(pages, 2) == [[0, 2, 4, 6], [1, 3, 5]]
    assert sorted(sum(parallel.split(pages, 3), [])) == pages
    monkeypatch.setenv(parallel.ENV, "1")
    assert parallel.processes_wanted(0) == (1, True)
    monkeypatch.setenv(parallel.ENV, "auto")
    assert parallel.processes_wanted(3) == (3, True)
    monkeypatch.delenv(parallel.ENV)
    wanted, explicit = parallel.processes_wanted(0)
    assert wanted >= 1 and not explicit
