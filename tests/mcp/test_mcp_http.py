"""`kb mcp --transport http`: Streamable HTTP on loopback, behind KB_API_TOKEN when one is set,
spoken to with the SDK's HTTP client."""
from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import httpx2
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

from tests.kbproc import KB, free_port, kb, kb_env, stop
from tests.mcp.conftest import Blog, call, failure, run

TOKEN = "mcp-test-token-5e1f"
INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                         "clientInfo": {"name": "test", "version": "1"}}}
STREAMS = {"Accept": "application/json, text/event-stream"}


@contextmanager
def http_server(blog: Blog, *args: str, **env: str) -> Iterator[tuple[str, int]]:
    """A `kb mcp --transport http` subprocess on a free port; yields its MCP URL and port."""
    port = free_port()
    proc = subprocess.Popen(KB + ["mcp", "--db", blog.url, "--transport", "http", "--port", str(port), *args],
                            env=kb_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not listening("127.0.0.1", port):
            assert proc.poll() is None, f"kb mcp exited: {proc.stderr.read() if proc.stderr else ''}"
            assert time.monotonic() < deadline, "kb mcp did not listen in 30 s"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp", port
    finally:
        stop(proc)


def listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def outside_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent, the kernel just picks a route
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_http_needs_the_token_answers_with_it_and_listens_on_loopback(blog: Blog) -> None:
    with http_server(blog, KB_API_TOKEN=TOKEN) as (url, port):
        for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}):
            refused = httpx.post(url, json=INITIALIZE, headers={**STREAMS, **headers}, timeout=10)
            assert refused.status_code == 401, refused.text
            assert refused.headers["www-authenticate"].startswith("Bearer")
        if (address := outside_address()) is not None:
            assert not listening(address, port), f"kb mcp answers on {address}, not only on loopback"

        async def scenario() -> None:
            client = httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"})
            async with client, streamable_http_client(url, http_client=client) as (read, write), \
                    ClientSession(read, write) as session:
                await session.initialize()
                assert len((await session.list_tools()).tools) == 8
                events = (await call(session, "timeline", start="2021", end="2021"))["items"]
                ray = next(e for e in events if e["title"] == "Adopting Ray")
                assert any("adopted Ray" in s["quote"] for s in ray["sources"])
                assert "no entity with id" in await failure(session, "entity", id="skill:no-such-thing")
                assert "depth" in await failure(session, "neighbors", id="skill:ray", depth=7)
                assert not (await call(session, "search", q="Zorblax"))["hits"]  # public by default
                assert (await call(session, "stats"))["posts"] == 2

        run(scenario)


def test_private_over_http_needs_a_token(tmp_path: Path) -> None:
    done = kb("mcp", "--db", f"sqlite:///{tmp_path}/kb.db", "--transport", "http", "--private", timeout=60)
    assert done.returncode == 2 and "KB_API_TOKEN" in done.stderr, done.stderr
