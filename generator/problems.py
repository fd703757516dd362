"""A problem with a file, reported as one line: as text, or as a GitHub Actions annotation."""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BriefingError, one_line


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with one file, reported as one line."""

    file: str
    line: int | None
    keypath: str
    message: str
    level: str = "error"
    column: int | None = None
    kind: str = field(default="", compare=False)
    """What the problem is about, for the publishing policy (`validate.publish_level`):
    'draft' (in a draft record), 'seed' (a seed without a record), 'note' (advice that never
    blocks: plausibility, look-alike names) or '' (blocks publishing)."""

    def format(self, style: str = "text") -> str:
        if style == "github":
            loc = f"file={_gh_property(self.file)}" + (f",line={self.line}" if self.line else "")
            loc += f",col={self.column}" if self.line and self.column else ""
            msg = f"{self.keypath}: {self.message}" if self.keypath else self.message
            msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return f"::{self.level} {loc}::{msg}"
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        key = f" {self.keypath}:" if self.keypath else ""
        return one_line(f"{where}: {self.level}:{key} {self.message}")


def _gh_property(value: str) -> str:
    """Escape an annotation property as the GitHub Actions toolkit does."""
    for ch, code in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")):
        value = value.replace(ch, code)
    return value


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` (as `path.absolute().relative_to(root.absolute())` gives it),
    or `path` as it is if it is not inside `root`. Reports name thousands of files, so this is
    done on strings: pathlib takes some 50 µs a call."""
    cwd = os.getcwd()
    here, top = _absolute(str(path), cwd), _absolute(str(root), cwd)
    if here == top:
        return "."
    prefix = top if top.endswith("/") else top + "/"
    if here.startswith(prefix):
        return here[len(prefix) :]
    return str(path)


def _absolute(text: str, cwd: str) -> str:
    """What `Path(text).absolute()` gives, as a string (`text` is a Path's string form)."""
    if text.startswith("/"):
        return text
    return cwd if text == "." else (cwd.rstrip("/") + "/" + text)


def problem_from_error(exc: BriefingError, file: str) -> Problem:
    """The Problem for an error raised while reading `file` (its path may end in :line:col)."""
    line = column = None
    msg = exc.problem + (f"; {exc.fix}" if exc.fix else "")
    parts = exc.path.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        line, column = int(parts[1]), int(parts[2])
    elif len(parts) >= 2 and parts[-1].isdigit():
        line = int(parts[-1])
    return Problem(file, line, "", msg, column=column)


def command(*args: str) -> str:
    """A shell command line a user can paste, with paths quoted where they need it."""
    return " ".join(["briefings", *(shlex.quote(a) for a in args)])
