"""Running the `briefings` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import PROJECT

FAKE = "tests.fake_extractor:extract"


def env(fake: bool = True, **extra: str) -> dict[str, str]:
    """The environment for a run: the fake extractor (unless `fake` is False) and `extra`."""
    out = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    out.update(NO_MKDOCS_2_WARNING="1", **extra)
    if fake:
        out["BRIEFINGS_EXTRACTOR"] = FAKE
        out["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")])
        )
    return out


def briefings(
    root: Path, *args: str, fake: bool = True, timeout: float = 600, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` in `root`; never a traceback, whatever happens."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=root,
        env=env(fake, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done
