"""Where the generator keeps its caches: outside the repository, in the user's cache folder.

A cache inside the repository could arrive in a pull request and make a render trust pages or
parsed records that no check has seen. Kept per user and per folder, a cache is only ever what
this machine's own runs wrote. `BRIEFINGS_CACHE_DIR` chooses another place (CI, tests).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_home() -> Path:
    chosen = os.environ.get("BRIEFINGS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "briefings"


def cache_dir(folder: Path) -> Path:
    """The cache folder of one working folder (e.g. a docs/ folder), made on first use."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    path = cache_home() / key[:24]
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
