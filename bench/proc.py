"""Run a measured subprocess: wall time, CPU time and peak memory of it and its workers.

`os.wait4` gives the rusage of exactly that child (user + system CPU of it and the workers it
waited for; ru_maxrss of the largest of them). Because an ingest may fan out to worker
processes, a sampler thread also adds up the RSS of the whole process tree from /proc.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float  # wall
    cpu: float  # user + system of the child and the workers it waited for
    max_rss_mib: float  # ru_maxrss: the largest single process
    tree_rss_mib: float  # the most the whole process tree held at once (sampled every 50 ms)
    stdout: str


def python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        here = todo.pop()
        out.append(here)
        try:
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except OSError:
            continue
    return out


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(args: list[str], env: dict[str, str] | None = None, timeout: float = 3600) -> Run:
    """Run `args` to completion; raises CalledProcessError (with its stderr) when it fails."""
    began = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], sum(_rss_kib(p) for p in _descendants(proc.pid)))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)  # type: ignore[misc]
               for s, b in ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
        time.sleep(0.01)
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, args, "".join(out_chunks), "".join(err_chunks))
    return Run(seconds=seconds, cpu=usage.ru_utime + usage.ru_stime, max_rss_mib=usage.ru_maxrss / 1024,
               tree_rss_mib=peak[0] / 1024, stdout="".join(out_chunks))
