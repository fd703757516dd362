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
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=repo, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/briefings/{RID}/"
        assert wait_for(url, "Jens Stoltenberg"), "the briefing page was not served"
        record = repo / "briefings" / f"{RID}.yaml"
        record.write_text(record.read_text("utf-8").replace(
            "name: Jens Stoltenberg", "name: Jens Stoltenberg Edited"), "utf-8")
        assert wait_for(url, "Jens Stoltenberg Edited"), "the edit did not reach the served page"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
