"""Where the generator keeps its caches: outside the repository, in the user's cache folder.

A cache inside the repository could arrive in a pull request and make a render trust pages or
parsed records that no check has seen. Kept per user and per folder, a cache is only ever what
this machine's own runs wrote. `BRIEFINGS_CACHE_DIR` chooses another place (CI, tests).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
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


def installed_distributions() -> list[str]:
    """The name and version of every installed distribution (its `*.dist-info` folder's name),
    read from the folders of `sys.path`: a few directory listings, not a metadata scan."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                found.update(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(found)


def code_fingerprint(
    sha256: Callable[[Path], str | None] | None = None, package: Path | None = None
) -> str:
    """Changes whenever anything a cached result of the generator may depend on changes: a
    file of the package (its code, schema, lexicons, rules and templates, by content, so that
    CI caches kept across commits are dropped when the code differs), the generator's
    version, Python's version or an installed distribution. `sha256` hashes a file (e.g.
    `FileHashes.sha256`, which skips reading unchanged files); `package` is this package's
    folder unless another is given."""
    from . import __version__

    package = package or Path(__file__).resolve().parent
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for name in installed_distributions():
        h.update(name.encode("utf-8", "surrogateescape") + b"\0")
    files = sorted(
        p
        for p in package.rglob("*")
        if "__pycache__" not in p.parts and not p.name.endswith((".pyc", ".pyo"))
    )
    for path in files:
        if not path.is_file():
            continue
        digest = sha256(path) if sha256 else _sha256_file(path)
        rel = path.relative_to(package).as_posix()
        h.update(f"{rel}\0{digest}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
