"""Helpers for the browser tests: a real `kb serve` subprocess on a free loopback port, and
Debian's Chromium driven by Playwright (never `playwright install`)."""
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
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
KB = str(Path(sys.executable).with_name("kb"))
LAUNCH_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]


def need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium "
                    "(scripts/test.sh installs chromium and fonts-nanum when run as root)")
    pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package (pip install -e .[test])")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_kb(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KB, *args], capture_output=True, text=True, env=env, timeout=120)


@contextmanager
def kb_server(db_url: str, env: dict[str, str]) -> Iterator[str]:
    """`kb serve` on a free port until the block ends; yields its base URL."""
    port = free_port()
    log = open(Path(db_url.removeprefix("sqlite:///")).with_suffix(".log"), "w")
    process = subprocess.Popen([KB, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"kb serve did not start: {Path(log.name).read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def server_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    return {**env, **extra}


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()
