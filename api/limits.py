"""Abuse limits at the edge of the API: request body size, a write rate limit and a time cap.

Each is a plain ASGI middleware that reads its numbers from `app.state.limits` at request time,
so a test (or an operator through KB_* variables) can tighten them without rebuilding the app.
Page size, graph depth and path length are capped where they are declared (api/paging.py and
the route parameters); this module covers what no parameter declaration can.
"""
from __future__ import annotations

import asyncio
import json
import math
import os
import threading
import time
from dataclasses import dataclass

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kb.errors import KbError

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class Limits:
    """The numbers; defaults fit one person's blog behind a CMS or a git webhook."""

    max_body_bytes: int = 2_000_000
    write_burst: int = 20  # writes a client may make at once
    write_per_minute: float = 30.0  # and the pace it may keep up afterwards
    request_seconds: float = 30.0  # a request still running then is answered 503

    @classmethod
    def from_env(cls) -> "Limits":
        env = os.environ
        default = cls()
        return cls(
            max_body_bytes=int(env.get("KB_MAX_BODY_BYTES") or default.max_body_bytes),
            write_burst=int(env.get("KB_WRITE_BURST") or default.write_burst),
            write_per_minute=float(env.get("KB_WRITES_PER_MINUTE") or default.write_per_minute),
            request_seconds=float(env.get("KB_REQUEST_SECONDS") or default.request_seconds),
        )


async def _send_error(send: Send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    """The same JSON error shape as api/errors.py, sent before any route runs."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _limits(scope: Scope) -> Limits:
    return scope["app"].state.limits


class BodySizeLimit:
    """413 before a route sees a body larger than the cap, whether or not Content-Length is honest."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        cap = _limits(scope).max_body_bytes
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await _send_error(send, 413, f"request body larger than {cap} bytes")
            return
        chunks: list[bytes] = []
        size = 0
        while True:  # buffer (at most `cap` bytes) so an endless chunked body is cut off early
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                await _send_error(send, 413, f"request body larger than {cap} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class WriteRateLimit:
    """A token bucket per client address for write methods: 429 with Retry-After when empty.

    Unauthenticated writes count too, so the bucket also slows down guessing the token.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, at)

    def take(self, client: str, limits: Limits, now: float) -> float:
        """0 when a token was taken, else the seconds until one is available."""
        rate = limits.write_per_minute / 60.0
        with self._lock:
            tokens, at = self._buckets.get(client, (float(limits.write_burst), now))
            tokens = min(float(limits.write_burst), tokens + (now - at) * rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget idle clients rather than grow without bound
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 3600}
            return (1.0 - tokens) / rate if rate > 0 else 3600.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in WRITE_METHODS:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.take(client, _limits(scope), time.monotonic())
            if wait > 0:
                await _send_error(send, 429, "too many writes; slow down",
                                  {"Retry-After": str(max(1, math.ceil(wait)))})
                return
        await self.app(scope, receive, send)


class RequestTimeLimit:
    """503 when a request outlives its cap, or when a store error escapes the routes' handlers. The store call may still finish in its thread (the
    SQLite store also interrupts long reads itself); the client is answered either way."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        late = False

        async def guarded(message: Message) -> None:
            nonlocal started
            if late:
                return  # the client already has its 503
            started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded))
        done, _ = await asyncio.wait({task}, timeout=_limits(scope).request_seconds)
        if task in done:
            try:
                task.result()
            except KbError as exc:  # raised outside the routes (a middleware asking a store that is down)
                if started:
                    raise
                await _send_error(send, 503, f"the knowledge base could not answer: {exc}")
            return
        if started:  # a response is under way: let it finish rather than cut it in two
            await task
            return
        late = True
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        await _send_error(send, 503, "the request took too long; try a narrower query")


def install_limits(app: FastAPI) -> None:
    """Time cap outermost (it answers for everything inside), then the rate (before any body is
    read), then the body size. Call it last in create_app so these run first."""
    app.state.limits = Limits.from_env()
    app.add_middleware(BodySizeLimit)
    app.add_middleware(WriteRateLimit)
    app.add_middleware(RequestTimeLimit)
