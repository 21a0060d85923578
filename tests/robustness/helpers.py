"""Shared helpers of the robustness tests: the `kb` command, a live `kb serve`, per-post facts."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

KB = [str(Path(sys.executable).with_name("kb"))]
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "examples" / "posts"


def kb_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "200", **extra}
    for name in ("KB_DATABASE_URL", "KB_API_TOKEN", "KB_POSTS_DIRS"):
        if name not in extra:
            env.pop(name, None)
    return env


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
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def post_facts(document: dict[str, Any], post_id: str) -> tuple | None:
    """Everything one post contributes, read from an export document; None when it is absent.

    Events are per post (their ids hash the post id), and entities count through the mentions
    and event links this post makes, so two states of a post compare exactly.
    """
    posts = [p for p in document["posts"] if p["id"] == post_id]
    if not posts:
        return None
    post = posts[0]
    events = sorted(
        (e["id"], e["title"], e["kind"], e["start"], e["end"], tuple(e["entities"]),
         tuple(sorted((s["section"], s["quote"], s["start"] or -1) for s in e["sources"] if s["post_id"] == post_id)))
        for e in document["events"] if any(s["post_id"] == post_id for s in e["sources"]))
    mentions = sorted(
        (e["id"], s["section"], s["quote"], s["start"] or -1)
        for e in document["entities"] for s in e["sources"] if s["post_id"] == post_id)
    # Not the content hash: it also covers the file's mtime, which a rewrite of the same text changes.
    return (post["title"], post["date"], post["body"], tuple(post["tags"]), tuple(events), tuple(mentions))


def all_post_facts(document: dict[str, Any]) -> dict[str, tuple]:
    return {p["id"]: post_facts(document, p["id"]) for p in document["posts"]}  # type: ignore[misc]
