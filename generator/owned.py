"""The paths under docs/ that the generator owns, and the checks that keep them its own.

Every render writes the generated folders and removes what no page claims. A link there would
make it write and delete through the link, wherever it points; a committed file there could be
published as it is. So a link at or under a generated path, or a docs folder outside the
repository, stops the render before it touches anything, and `briefings check` reports links
and committed files alike.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from .problems import Problem, display_path

#: The folders (and files) under docs/ that the generator owns.
GENERATED = (
    "briefings",
    "actors",
    "places",
    "timeline",
    "sources",
    "search-data",
    "tags",
    "feed.xml",
)


def _links_under(folder: Path) -> list[Path]:
    """Every link at or below `folder`, never following one."""
    if folder.is_symlink():
        return [folder]
    found: list[Path] = []
    stack = [folder] if folder.is_dir() else []
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
    return found


def _link_problem(path: Path, root: Path) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return Problem(
        display_path(path, root),
        None,
        "",
        f"is a link (to {target!r}) inside a folder the generator writes and prunes, "
        "so a render would write and delete files through it; remove the link "
        f"(git rm {shlex.quote(display_path(path, root))}): the generator makes "
        "this folder itself",
    )


def link_problems(root: Path, docs_dir: Path) -> list[Problem]:
    """Links at or under the generated paths, and a docs folder that leads out of `root`."""
    root_real = root.resolve()
    shown = display_path(docs_dir, root)
    if not docs_dir.resolve().is_relative_to(root_real):
        return [
            Problem(
                shown,
                None,
                "",
                "the docs folder resolves to "
                f"{str(docs_dir.resolve())!r}, outside the repository; point docs_dir in "
                "mkdocs.yml at a real folder inside the repository",
            )
        ]
    here = docs_dir.absolute()
    while here != root.absolute() and here != here.parent:
        if here.is_symlink():
            return [_link_problem(here, root)]
        here = here.parent
    return [
        _link_problem(p, root) for name in GENERATED for p in sorted(_links_under(docs_dir / name))
    ]


def tracked_problems(root: Path, docs_dir: Path) -> list[Problem]:
    """Files under the generated paths that git tracks (only where `root` is a git work tree)."""
    try:
        rel = docs_dir.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return []
    paths = [f"{rel}/{name}" for name in GENERATED]
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--full-name", "--", *paths],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    top = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    base = Path(top.stdout.strip()) if top.returncode == 0 else root
    problems = []
    for name in done.stdout.decode("utf-8", "replace").split("\0"):
        if name:
            shown = display_path(base / name, root)
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    "is committed to git, but the generator "
                    "writes this path on every render and a committed copy "
                    "could be published as it is; run: git rm --cached " + shlex.quote(shown),
                )
            )
    return problems


def ownership_problems(root: Path, docs_dir: Path) -> list[Problem]:
    """What `briefings check` reports about the generated paths."""
    return link_problems(root, docs_dir) + tracked_problems(root, docs_dir)
