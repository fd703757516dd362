"""`mkdocs serve` on a fresh repository renders the records and follows edits to them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import EXAMPLE_RECORD

RID = "2023-05-05-nato-opens-japan-office"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_renders_and_follows_record_edits(repo: Path) -> None:
    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / f"{RID}.yaml")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/briefings/{RID}/"
        assert wait_for(url, "Jens Stoltenberg"), "the briefing page was not served"
        record = repo / "briefings" / f"{RID}.yaml"
        record.write_text(
            record.read_text("utf-8").replace(
                "name: Jens Stoltenberg", "name: Jens Stoltenberg Edited"
            ),
            "utf-8",
        )
        assert wait_for(url, "Jens Stoltenberg Edited"), "the edit did not reach the served page"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _start(repo: Path, *args: str, log: Path) -> subprocess.Popen[bytes]:
    """`briefings ARGS` in its own process group (serve --live starts mkdocs under it), with
    the fake extractor and without the tests' NO_MKDOCS_2_WARNING, as a user would run it."""
    from .support import env

    run_env = {k: v for k, v in env().items() if k != "NO_MKDOCS_2_WARNING"}
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "generator", *args],
            cwd=repo,
            env=run_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    import signal

    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)


def test_live_serve_drafts_a_seed_added_while_it_runs(repo: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE_RECORD, repo / "briefings" / f"{RID}.yaml")
    port = free_port()
    log = tmp_path / "serve.log"
    proc = _start(repo, "serve", "--live", "--port", str(port), log=log)
    try:
        base = f"http://127.0.0.1:{port}/briefings/"
        assert wait_for(f"{base}{RID}/", "Jens Stoltenberg"), log.read_text("utf-8")
        new = "2024-02-01-harbour-reopens"
        (repo / "seeds" / f"{new}.txt").write_text(
            "Harbour reopens\n\nLisbon, 1 February 2024. Officials in Portugal said the Harbour "
            "would reopen on Monday after repairs.\n",
            "utf-8",
        )
        assert wait_for(f"{base}{new}/", "Harbour reopens"), log.read_text("utf-8")
        assert (repo / "briefings" / f"{new}.yaml").is_file()
    finally:
        _stop(proc)
    text = log.read_text("utf-8")
    assert f"created   seeds/{new}.txt -> briefings/{new}.yaml" in text
    assert "end of life" not in text  # Material's banner, hidden as by build
    builds = text.count("Building documentation")
    assert builds <= 6, f"{builds} rebuilds: serve keeps rebuilding\n{text}"
