"""HTTP caching for every GET read, so browsers, proxies and static site generators can revalidate
cheaply: a weak ETag derived from the graph version, the viewer, the people mode, the code and the
URL (it changes exactly when what the URL shows can change), Cache-Control by viewer, and 304
when If-None-Match matches, answered before any route or store query runs. A repeated GET is
answered from the server's own response cache under the same key (api/response_cache.py)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import kb
from api.deps import is_owner
from api.response_cache import Kept, ResponseCache

PUBLIC_CACHE = "public, max-age=60"
OWNER_CACHE = "private, no-cache"
UNCACHED_PATHS = ("/health",)  # live status, not a function of the graph
PAGE_CODE = tuple(Path(kb.__file__).resolve().parent / name for name in ("site", "career", "exports"))


def code_version() -> str:
    """The package version and the code and files of the site: a new page must not be answered with 304."""
    digest = hashlib.sha256(kb.__version__.encode())
    for folder in PAGE_CODE:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".css", ".svg", ".js"):
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make_etag(graph_version: str, owner: bool, people: str, code: str, url: str) -> str:
    key = "\x1f".join((graph_version, "owner" if owner else "public", people, code, url))
    return f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison over a list of tags (or *)."""
    tags = [t.strip() for t in if_none_match.split(",")]
    bare = etag.removeprefix("W/")
    return "*" in tags or any(t.removeprefix("W/") == bare for t in tags)


def install_http_cache(app: FastAPI, response_cache_mb: float) -> None:
    """Outside gzip, so that a kept answer is kept compressed."""
    app.state.response_cache = ResponseCache(int(response_cache_mb * 1024 * 1024))
    app.add_middleware(HttpCacheMiddleware, code=code_version(), cache=app.state.response_cache)


class HttpCacheMiddleware:
    def __init__(self, app: ASGIApp, code: str, cache: ResponseCache) -> None:
        self.app = app
        self.code = code
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] in UNCACHED_PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        owner = is_owner(request)
        state = scope["app"].state
        store = state.store
        graph_version = store.version() if store.embedded else await run_in_threadpool(store.version)
        url = scope["path"] + ("?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else "")
        code = f"{self.code}|{state.settings.site_url}"  # the links exports carry
        etag = make_etag(graph_version, owner, state.settings.public_people, code, url)
        headers = [(b"etag", etag.encode()), (b"cache-control", (OWNER_CACHE if owner else PUBLIC_CACHE).encode()),
                   (b"vary", b"Authorization, Accept-Encoding")]
        if matches(request.headers.get("if-none-match", ""), etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        gzip = "gzip" in request.headers.get("accept-encoding", "")  # what GZipMiddleware decides on
        keep = self.cache.enabled and scope["method"] == "GET" and "range" not in request.headers
        kept = self.cache.get(graph_version, etag, gzip) if keep else None
        if kept is not None:
            await send({"type": "http.response.start", "status": 200, "headers": list(kept.headers)})
            await send({"type": "http.response.body", "body": kept.body})
            return
        recorded: list[tuple[bytes, bytes]] | None = None
        chunks: list[bytes] = []
        size = 0

        async def sender(message: Message) -> None:
            nonlocal recorded, size
            if message["type"] == "http.response.start" and message["status"] == 200:
                out = MutableHeaders(scope=message)
                for name in ("etag", "last-modified"):
                    if name in out:
                        del out[name]
                for name, value in headers:
                    if name == b"vary" and "vary" in out:
                        merged = {v.strip() for v in (out["vary"] + "," + value.decode()).split(",") if v.strip()}
                        out["vary"] = ", ".join(sorted(merged))
                    else:
                        out[name.decode()] = value.decode()
                recorded = list(message["headers"]) if keep else None
            elif message["type"] == "http.response.body" and recorded is not None:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.cache.largest:
                    recorded = None
                elif not message.get("more_body", False):
                    self.cache.put(graph_version, etag, gzip, Kept(tuple(recorded), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, sender)
