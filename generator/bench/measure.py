"""Timing commands and measuring the memory of their whole process tree.

A command's peak memory is the larger of two measures, both covering every process it starts
(MkDocs workers, extraction workers):

- the sum over its process tree of each process's proportional set size (PSS: a page shared by
  n processes, such as a forked worker's copy-on-write pages, counts 1/n in each), sampled from
  /proc every `INTERVAL` seconds or more; resident size where PSS is not readable;
- the largest resident size any single process of the tree reached, as the kernel reports it
  when the command ends (`os.wait4`: the command's own and that of its reaped descendants), which
  catches a short peak the sampling misses.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

INTERVAL = 0.1


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            out += [int(c) for c in text.split()]
    except OSError:
        pass
    return out


def _field(path: str, name: str) -> int | None:
    """A 'Name:  123 kB' field of a /proc file, in bytes."""
    try:
        with open(path, encoding="ascii", errors="replace") as lines:
            for line in lines:
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _memory(pid: int) -> int:
    pss = _field(f"/proc/{pid}/smaps_rollup", "Pss:")
    if pss is not None:
        return pss
    return _field(f"/proc/{pid}/status", "VmRSS:") or 0


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants that are alive now."""
    out, todo, seen = [], [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        out.append(p)
        todo += _children(p)
    return out


def tree_memory(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes: the sum of their PSS (Linux)."""
    return sum(_memory(p) for p in tree_pids(pid))


class Sampler:
    """Samples the memory of a process tree in a thread until stopped; `peak` is the highest."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._done.is_set():
            started = time.perf_counter()
            self.peak = max(self.peak, tree_memory(self.pid))
            # Reading PSS walks a process's page tables (about 0.1 s for 1.5 GB): wait ten
            # times as long as the reading took, so the sampler takes at most a tenth of a core
            # from what it measures.
            self._done.wait(max(INTERVAL, 10 * (time.perf_counter() - started)))

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def _reap(proc: subprocess.Popen[str]) -> int:
    """Wait for the process; the largest resident size of it and its reaped descendants."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return int(usage.ru_maxrss) * 1024  # kilobytes on Linux


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command, timing it and measuring the peak memory of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    sampler = Sampler(proc.pid)
    chunks: list[str] = []
    assert proc.stdout is not None
    stdout = proc.stdout
    reader = threading.Thread(target=lambda: chunks.append(stdout.read()), daemon=True)
    reader.start()
    largest = _reap(proc)
    seconds = time.perf_counter() - started
    reader.join()
    stdout.close()
    peak = max(sampler.stop(), largest)
    return Run(seconds, peak, proc.returncode, "".join(chunks))


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


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, timeout: float = 30.0) -> str | None:
    """The body of a page, or None when it cannot be had (yet)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


class Background:
    """A long-running command (a server) in its own process group, its output in a file and the
    memory of its process tree sampled until `stop`."""

    def __init__(
        self, cmd: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None
    ) -> None:
        self.log_path = log
        self._log: IO[str] = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own group: stopped with its children, nothing else
        )
        self.sampler = Sampler(self.proc.pid)

    def alive(self) -> bool:
        if self.proc.returncode is not None:
            return False
        pid, status, _ = os.wait4(self.proc.pid, os.WNOHANG)
        if pid:
            self.proc.returncode = os.waitstatus_to_exitcode(status)
        return not pid

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text("utf-8", "replace")

    def wait_for(self, check: Callable[[], bool], timeout: float, what: str) -> float:
        """Poll `check` until it holds; the seconds it took. Fails if the command ends first or
        the time runs out."""
        started = time.perf_counter()
        while not check():
            if not self.alive():
                raise RuntimeError(f"{what}: the server stopped:\n{self.output()[-3000:]}")
            if time.perf_counter() - started > timeout:
                raise RuntimeError(
                    f"{what}: not done after {timeout:.0f} s:\n{self.output()[-3000:]}"
                )
            time.sleep(0.05)
        return time.perf_counter() - started

    def settle(self, quiet: float = 2.0, timeout: float = 600) -> None:
        """Wait until the command has written nothing for `quiet` seconds (a server done with
        the rebuilds a change started)."""
        size, since = -1, time.perf_counter()
        started = since
        while time.perf_counter() - since < quiet and time.perf_counter() - started < timeout:
            self._log.flush()
            now = self.log_path.stat().st_size
            if now != size:
                size, since = now, time.perf_counter()
            time.sleep(0.1)

    def stop(self) -> int:
        """Interrupt the group (as Ctrl-C would), then terminate, then kill; the peak memory."""
        largest = 0
        for sig, wait in ((signal.SIGINT, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            if self.proc.returncode is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
            deadline = time.perf_counter() + wait
            while time.perf_counter() < deadline:
                pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
                if pid:
                    self.proc.returncode = os.waitstatus_to_exitcode(status)
                    largest = int(usage.ru_maxrss) * 1024
                    break
                time.sleep(0.05)
        self._log.close()
        return max(self.sampler.stop(), largest)
