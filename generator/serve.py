"""Looking at the built site: a static server for `site/` on loopback, built first if needed."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
from collections.abc import Callable
from pathlib import Path

from .errors import BriefingError
from .siteconfig import load_site_config

#: Set by `briefings build`, which has printed every problem already: the MkDocs plugin then
#: repeats only what fails a strict build, and drafts nothing (extract has run).
REPORTED_ENV = "BRIEFINGS_PROBLEMS_REPORTED"
#: Set by `briefings build`, which has just rendered the pages: the MkDocs plugin then does not
#: render them a second time.
RENDERED_ENV = "BRIEFINGS_RENDERED"


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment MkDocs runs in, for build and serve alike: without Material's end-of-life
    banner (the project builds the same site with Zensical, its successor; see README)."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)


def _newest(paths: list[Path]) -> float:
    newest = 0.0
    for top in paths:
        if top.is_file():
            newest = max(newest, top.stat().st_mtime)
        elif top.is_dir():
            for path in top.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    newest = max(newest, path.stat().st_mtime)
    return newest


def needs_build(root: Path, site_dir: Path) -> bool:
    """Whether the site is missing or older than a seed, a record, a page or the config."""
    index = site_dir / "index.html"
    if not index.is_file():
        return True
    docs = root / load_site_config(root).docs_dir
    inputs = [root / "mkdocs.yml", root / "seeds", root / "briefings", docs]
    return _newest(inputs) > index.stat().st_mtime


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # a page and its assets are a dozen requests: no line for each


def serve_folder(folder: Path, port: int, ready: Callable[[str], None]) -> int:
    """Serve `folder` on http://127.0.0.1:PORT/ until interrupted; `ready` gets the address."""
    if not (folder / "index.html").is_file():
        raise BriefingError(folder, "holds no built site", "run: briefings build")
    handler = functools.partial(_Handler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise BriefingError(
            f"127.0.0.1:{port}",
            f"cannot serve there ({exc.strerror or exc})",
            "pass another --port, e.g. --port 8001",
        ) from None
    with server:
        ready(f"http://127.0.0.1:{server.server_address[1]}/")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0
