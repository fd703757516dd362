"""`python -m tests.slow_disk ARGS`: the `briefings` command on a simulated slow disk.

Every file opened for writing writes in small chunks with a pause after each, so that a
write takes a good share of a run and a kill at a random moment often lands inside one. It
patches the openers, not the project's code, so it slows whatever way the project writes.
"""

from __future__ import annotations

import builtins
import io
import os
import sys
import time
from typing import Any

CHUNK = 2048
PAUSE = 0.004


class SlowFile:
    def __init__(self, fh: Any) -> None:
        self._fh = fh

    def write(self, data: Any) -> int:
        for start in range(0, len(data), CHUNK):
            self._fh.write(data[start : start + CHUNK])
            self._fh.flush()
            time.sleep(PAUSE)
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)

    def __enter__(self) -> SlowFile:
        self._fh.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._fh.__exit__(*exc)


def _slow(opener: Any) -> Any:
    def wrapped(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = opener(file, mode, *args, **kwargs)
        if any(c in mode for c in "wax+") and not str(file).endswith(".lock"):
            return SlowFile(fh)
        return fh

    return wrapped


if __name__ == "__main__":
    builtins.open = io.open = _slow(io.open)  # type: ignore[assignment]
    os.fdopen = _slow(os.fdopen)  # type: ignore[assignment]
    from generator.cli import main

    sys.exit(main(sys.argv[1:]))
