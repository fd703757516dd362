"""Timing commands and sampling the memory of their whole process tree."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            out += [int(c) for c in text.split()]
    except OSError:
        pass
    return out


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
        todo += _children(p)
    return total


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command, timing it and sampling the peak memory of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return Run(seconds, peak, proc.returncode, output)


def median_of(repeat: int, prepare: Callable[[], None], once: Callable[[], Run]) -> Run:
    """The median run (by time) of `repeat` runs, each after `prepare`; fails on any failure."""
    runs = []
    for _ in range(repeat):
        prepare()
        result = once()
        if result.returncode != 0:
            raise RuntimeError(f"benchmark step failed:\n{result.output[-3000:]}")
        runs.append(result)
    runs.sort(key=lambda r: r.seconds)
    middle = runs[len(runs) // 2]
    return Run(
        statistics.median(r.seconds for r in runs),
        max(r.peak_bytes for r in runs),
        0,
        middle.output,
    )
