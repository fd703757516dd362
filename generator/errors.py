"""The one exception class for problems a user can fix.

Every message names the file, what is wrong and what to do, on one line; the CLI and the
MkDocs plugin print it without a traceback.
"""

from __future__ import annotations


class BriefingError(Exception):
    """A problem with the user's input, reported as one line."""

    def __init__(self, path: object, problem: str, fix: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        # The path is one line, whatever a file name holds; a problem may list others'
        # one-line problems under it, so only its line breaks stay.
        text = f"{one_line(self.path)}: {self.problem}"
        if self.fix:
            text += f"; {self.fix}"
        return "\n".join(one_line(part) for part in text.split("\n"))


def one_line(text: str) -> str:
    """Keys, values and file names may hold line breaks and terminal control codes; a problem
    stays on one line and prints them as escapes, never raw."""
    return text.translate(_CONTROLS)


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} | {
    ord("\r"): "\\r",
    ord("\n"): "\\n",
    ord("\t"): "\\t",
}
