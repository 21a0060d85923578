"""Injection and abuse: hostile strings in every text parameter of every endpoint (read from the
live OpenAPI schema, so a new endpoint is covered without editing this file) and in every text
argument of the store port. No 5xx, and no data change: `version()` and the export stay the same.
On SQLite a canary also proves the values travel as bound parameters, never as SQL text."""
from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.runs.pipeline import run_ingest
from ingest.runs.posts_folder import PostsFolder
from kb.config import Settings
from kb.errors import InvalidQuery, NotFound
from kb.models import EntityQuery, PostQuery, TimelineQuery
from kb.store import Store
from tests.robustness.corpus import write_good

TOKEN = "inject-token"
OWNER = {"Authorization": f"Bearer {TOKEN}"}
CANARY = "kb'canary"  # a bound parameter shows up in SQLite's expanded SQL as 'kb''canary'
HOSTILE: tuple[str, ...] = (
    "') OR 1=1 --", "' OR '1'='1", "'; DROP TABLE posts; --", "1; DELETE FROM posts",
    "'}) MATCH (n) DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n //", "x` DETACH DELETE n //",
    "$id}) DETACH DELETE n //", '"a" NEAR(', "NEAR(ray pytorch, 2)", "*", "ray*", "a OR b AND NOT c", "title:ray",
    "{title body}: ray", "^ray", '"', "'", "%", "_", "\\", "()", "-", "+ray -", "ray~2", "/.*/",
    "x" * 100_000, "\x00\x01\x02\x1b[2J\x7f", "\u202e\ufeff\u200b", "{{7*7}}", "$where",
    "../../../../etc/passwd", "person:' OR 1=1 --", "skill:ray' OR '1'='1", f"skill:{CANARY}", CANARY,
)
PLAIN_NAME = re.compile(r"[\w .\-/]+")  # a legitimate file name: a PUT of it rightly creates a post
KNOWN = {"entity_id": "skill:ray", "from": "skill:ray", "to": "skill:pytorch", "q": "ray",
         "post_id": "good/2021-03-01-ray-tuning", "format": "json", "event_id": "event:none"}


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    write_good(folder)
    (folder / "hostile-data.md").write_text(
        "---\ntitle: \"') OR 1=1 --\"\ntags: [\"'}) MATCH (n) DETACH DELETE n //\"]\n---\n"
        "# \"a\" NEAR(\n\nI used Ray with '; DROP TABLE posts; -- in 2021.\n", encoding="utf-8")
    return folder


@pytest.fixture
def client(store: Store, posts: Path) -> Iterator[TestClient]:
    assert not run_ingest([posts], store).failed
    app = create_app(store=store, settings=Settings(api_token=TOKEN, posts_dirs=(str(posts),)),
                     posts_folder=PostsFolder([posts], store))
    app.state.limits.write_burst = 10_000  # this test is about injection, not the rate limit
    with TestClient(app) as http:
        yield http


def _text_params(operation: dict[str, Any]) -> list[tuple[str, str, int | None]]:
    """(name, where, maxLength) of every string-typed parameter."""
    out = []
    for param in operation.get("parameters", []):
        schema = param["schema"]
        options = schema.get("anyOf", [schema])
        strings = [o for o in options if o.get("type") == "string"]
        if strings:
            out.append((param["name"], param["in"], strings[0].get("maxLength")))
    return out


def _requests(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, str], str]]:
    """(method, url, query, description) with one hostile value in one text parameter."""
    for template, operations in spec["paths"].items():
        for method, operation in operations.items():
            params = _text_params(operation)
            for name, where, max_length in params:
                values = list(HOSTILE)
                if max_length:  # also a hostile value that fits, so it reaches the store
                    values += [(value * (max_length // max(len(value), 1) + 1))[:max_length]
                               for value in ('"a" NEAR(', "') OR 1=1 --", "*")]
                for value in values:
                    if method == "put" and PLAIN_NAME.fullmatch(value):
                        continue
                    path, query = template, {}
                    for other, other_where, _ in params:
                        chosen = value if other == name else KNOWN.get(other)
                        if chosen is None:
                            continue
                        if other_where == "path":
                            path = path.replace("{" + other + "}", quote(chosen, safe=""))
                        else:
                            query[other] = chosen
                    yield method.upper(), path, query, f"{method} {template} {name}={value[:40]!r}"


def raw_status(app: Any, method: str, path: str, query: dict[str, str], headers: dict[str, str],
               body: bytes) -> int:
    """Send one request straight to the ASGI app: httpx refuses URLs as long as 100k characters,
    which a proxy in front of kb might still pass on."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": quote(path).encode(), "root_path": "",
             "query_string": urlencode(query).encode(), "client": ("127.0.0.1", 1), "server": ("testserver", 80),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_hostile_strings_in_every_endpoint_change_nothing(client: TestClient, store: Store) -> None:
    spec = client.app.openapi()  # type: ignore[attr-defined]
    before_version, before = store.version(), store.export()
    count = 0
    for method, path, query, what in _requests(spec):
        for headers in (OWNER, {}):
            content = "# injected\n\nshould never be written\n" if method == "PUT" else ""
            if len(path) + sum(len(v) for v in query.values()) > 60_000:
                status, text = raw_status(client.app, method, unquote(path), query, headers, content.encode()), ""
            else:
                response = client.request(method, path, params=query, headers=headers, content=content or None)
                status, text = response.status_code, response.text[:300]
            count += 1
            assert status < 500, (what, headers, status, text)
            if method != "GET":
                assert status in (401, 403, 404, 405, 422), (what, status)
            assert store.version() == before_version, what
    for value in HOSTILE[:12]:  # and the page routes the schema does not list
        assert client.get("/p/" + quote(value, safe="")).status_code < 500
    assert count > 1000
    assert store.export() == before and store.version() == before_version


def _store_calls(value: str) -> list[tuple[str, Callable[[Store], object]]]:
    return [
        ("search", lambda s: s.search(value, limit=20, include_private=True)),
        ("timeline text", lambda s: s.timeline(TimelineQuery(text=value, include_private=True))),
        ("timeline entity", lambda s: s.timeline(TimelineQuery(entity=value, text=value))),
        ("timeline kind", lambda s: s.timeline(TimelineQuery(kind=value))),
        ("timeline dates", lambda s: s.timeline(TimelineQuery(date_from=value, date_to=value))),
        ("timeline cursor", lambda s: s.timeline(TimelineQuery(cursor=value))),
        ("entities text", lambda s: s.entities(EntityQuery(text=value, include_private=True))),
        ("entities cursor", lambda s: s.entities(EntityQuery(cursor=value))),
        ("posts cursor", lambda s: s.posts(PostQuery(cursor=value))),
        ("entity", lambda s: s.entity(value, include_private=True)),
        ("event", lambda s: s.event(value, include_private=True)),
        ("post", lambda s: s.post(value, include_private=True)),
        ("neighbors", lambda s: s.neighbors(value, depth=3, include_private=True)),
        ("path from", lambda s: s.path(value, "skill:ray")),
        ("path to", lambda s: s.path("skill:ray", value)),
        ("related", lambda s: s.related(value)),
    ]


def test_hostile_strings_through_the_store_port(client: TestClient, store: Store) -> None:
    traced: list[str] = []
    conn = getattr(store, "_conn", None)
    if conn is not None:  # SQLite: see every statement as SQLite runs it, parameters expanded
        conn().set_trace_callback(traced.append)
    before_version, before = store.version(), store.export()
    for value in HOSTILE:
        for name, call in _store_calls(value):
            try:
                call(store)
            except (InvalidQuery, NotFound):
                pass  # a refusal is fine; a StoreError (broken SQL/Cypher) or anything else is not
    if conn is not None:
        conn().set_trace_callback(None)
        hits = [sql for sql in traced if "kb''canary" in sql]
        assert hits, "the canary never reached SQLite as a bound value: the test lost its teeth"
        raw = [sql for sql in traced if CANARY in sql.replace("kb''canary", "")]
        assert not raw, f"a value was pasted into SQL instead of bound: {raw[0][:300]}"
    assert store.version() == before_version and store.export() == before
