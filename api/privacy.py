"""People privacy for public responses: KB_PUBLIC_PEOPLE = full | initials | hide.

A middleware applies the mask (kb.exports.people) to every public JSON body, whichever route
produced it, so a new route cannot forget it; incoming person ids are translated back (initials)
or answered 404 (hide, or a real id probed in initials mode), and names in search texts are made
unmatchable. The owner (a valid bearer token) sees everything. Non-JSON bodies (exports, the post
view) are masked by their routes with `public_mask`, and marked so they are not masked twice.
"""
from __future__ import annotations

import json
import threading
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import is_owner
from kb.config import Settings
from kb.exports.people import DROP, PeopleMask, Person
from kb.models import EntityQuery
from kb.store import Store

MASKED_HEADER = "x-kb-people-masked"
QUERY_TEXT_PARAMS = ("q",)


class MaskCache:
    """One mask per graph version: rebuilt only when the people in the store change."""

    def __init__(self, mode: str, key: str) -> None:
        self.mode, self.key = mode, key
        self._lock = threading.Lock()
        self._version: str | None = None
        self._mask: PeopleMask | None = None

    def get(self, store: Store) -> PeopleMask:
        version = store.version()
        with self._lock:
            if self._mask is None or version != self._version:
                self._mask, self._version = PeopleMask(_people(store), self.mode, self.key), version
            return self._mask


def _people(store: Store) -> list[Person]:
    people, cursor = [], None
    while True:
        page = store.entities(EntityQuery(type="person", limit=500, cursor=cursor, include_private=True))
        people += [Person(s.entity.id, s.entity.name, s.entity.aliases) for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return people


def install_privacy(app: FastAPI, settings: Settings) -> None:
    """Put the mask middleware innermost (it reads plain JSON)."""
    app.state.people_masks = MaskCache(settings.public_people, settings.api_token or "kb-public-people")
    app.add_middleware(PeoplePrivacyMiddleware)


def public_mask(request: Request) -> PeopleMask | None:
    """The mask for this request, or None when nothing is to be masked (owner, or mode full)."""
    cache: MaskCache = request.app.state.people_masks
    if cache.mode == "full" or is_owner(request):
        return None
    return cache.get(request.app.state.store)


def _not_found(what: str) -> tuple[int, bytes]:
    body = {"error": {"status": 404, "message": f"no {what}"}}
    return 404, json.dumps(body).encode()


class PeoplePrivacyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _docs_paths(scope):  # the schema holds no people
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        cache: MaskCache = scope["app"].state.people_masks
        if cache.mode == "full" or is_owner(request):
            await self.app(scope, receive, _marker_stripper(send))
            return
        mask = await run_in_threadpool(cache.get, scope["app"].state.store)
        scope = _translate(scope, mask)
        if scope is None:
            await _send_json(send, *_not_found("such person"))
            return
        await self.app(scope, receive, _masking_sender(send, mask))


def _docs_paths(scope: Scope) -> tuple[str | None, ...]:
    app = scope["app"]
    return (app.openapi_url, app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url)


def _translate(scope: Scope, mask: PeopleMask) -> Scope | None:
    """Incoming ids and search texts, as the store must see them; None when a person is hidden."""
    segments = []
    for segment in scope["path"].split("/"):
        real = mask.real_id(segment) if segment.startswith("person:") else segment
        if real is None:
            return None
        segments.append(real)
    pairs = []
    for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
        if value.startswith("person:"):
            real = mask.real_id(value)
            if real is None:
                return None
            value = real
        pairs.append((key, mask.scrub_query(value) if key in QUERY_TEXT_PARAMS else value))
    path = "/".join(segments)
    return {**scope, "path": path, "raw_path": quote(path).encode(), "query_string": urlencode(pairs).encode()}


async def _send_json(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    kept = [(k, v) for k, v in headers or [] if k.lower() not in (b"content-length", b"content-type")]
    await send({"type": "http.response.start", "status": status,
                "headers": kept + [(b"content-type", b"application/json"),
                                   (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _marker_stripper(send: Send) -> Send:
    """The routes' "already masked" marker is for this middleware only, never for the client."""
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != MASKED_HEADER.encode()]
            message = {**message, "headers": headers}
        await send(message)

    return sender


def _masking_sender(send: Send, mask: PeopleMask) -> Send:
    """Buffers a JSON body, masks it and sends it again; other bodies pass untouched."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def sender(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            headers = message.get("headers", [])
            content_type = dict(headers).get(b"content-type", b"")
            if any(k.lower() == MASKED_HEADER.encode() for k, _ in headers) or not content_type.startswith(b"application/json"):
                await send({**message, "headers": [(k, v) for k, v in headers if k.lower() != MASKED_HEADER.encode()]})
                return
            start = message
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        raw = b"".join(chunks)
        if not raw:
            await send(start)
            await send({"type": "http.response.body", "body": b""})
            return
        masked = mask.apply(json.loads(raw))
        if masked is DROP:
            await _send_json(send, *_not_found("such public resource"), headers=start.get("headers"))
            return
        body = json.dumps(masked, ensure_ascii=False, separators=(",", ":")).encode()
        await _send_json(send, start["status"], body, headers=start.get("headers"))

    return sender
