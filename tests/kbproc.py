"""The `kb` console script as a user runs it: one command in a subprocess, or a live `kb serve`
on a free loopback port. Shared by the CLI, robustness and browser tests."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

KB = [str(Path(sys.executable).with_name("kb"))]
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "posts"


def kb_env(**extra: str) -> dict[str, str]:
    """This environment without the caller's KB_* settings, plus `extra`: runs are hermetic."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_") or k.startswith("KB_TEST_")}
    return {**env, "COLUMNS": "200", **extra}


def kb(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(KB + list(args), capture_output=True, text=True, env=kb_env(**env), timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(db: str, *args: str, **env: str) -> Iterator[str]:
    """A `kb serve` subprocess on a free loopback port; yields its base URL, stops it after."""
    port = free_port()
    proc = subprocess.Popen(KB + ["serve", "--db", db, "--port", str(port), *args], env=kb_env(**env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kb serve exited: {proc.stderr.read() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("kb serve did not start in 30 s")
            time.sleep(0.1)
        yield base
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[str]) -> None:
    """Ask a server subprocess to end, and make it if it will not in 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
