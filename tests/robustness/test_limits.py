"""Caps: request body size (declared or streamed), write rate (429 + Retry-After), request time,
page size, graph depth and path length."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import Limits, WriteRateLimit
from ingest.runs.pipeline import run_ingest
from ingest.runs.posts_folder import PostsFolder
from kb.config import Settings
from kb.errors import StoreError
from kb.models import TimelineQuery
from kb.store import MAX_DEPTH, MAX_PATH_LENGTH, Store

TOKEN = "limit-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(store: Store, posts: Path) -> Iterator[TestClient]:
    assert not run_ingest([posts], store).failed
    app = create_app(store=store, settings=Settings(api_token=TOKEN, posts_dirs=(str(posts),)),
                     posts_folder=PostsFolder([posts], store))
    with TestClient(app) as http:
        yield http


def test_a_body_over_the_cap_is_refused_before_any_write(client: TestClient, store: Store, posts: Path) -> None:
    limits: Limits = client.app.state.limits  # type: ignore[attr-defined]
    limits.max_body_bytes = 1000
    version = store.version()
    big = "# big\n\n" + "word " * 400
    declared = client.put("/posts/big", content=big, headers=AUTH)
    assert declared.status_code == 413 and "1000 bytes" in declared.json()["error"]["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the middleware must count
        for _ in range(50):
            yield b"x" * 100

    streamed = client.put("/posts/big", content=chunks(), headers=AUTH)
    assert streamed.status_code == 413
    assert not (posts / "big.md").exists() and store.version() == version
    assert client.put("/posts/small", content="# small\n\nbody\n", headers=AUTH).status_code == 200


def test_writes_are_rate_limited_with_retry_after(client: TestClient) -> None:
    limits: Limits = client.app.state.limits  # type: ignore[attr-defined]
    limits.write_burst, limits.write_per_minute = 3, 6.0
    codes = [client.delete("/posts/missing", headers=AUTH).status_code for _ in range(3)]
    assert codes == [404, 404, 404]
    limited = client.delete("/posts/missing", headers=AUTH)
    assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 10
    assert client.post("/ingest").status_code == 429, "unauthenticated writes count against the bucket too"
    assert client.get("/stats").status_code == 200, "reads are not rate limited"


def test_the_bucket_refills_at_the_configured_pace() -> None:
    limiter = WriteRateLimit(app=lambda *a: None)  # type: ignore[arg-type]
    limits = Limits(write_burst=2, write_per_minute=60.0)
    assert limiter.take("a", limits, 100.0) == 0 and limiter.take("a", limits, 100.0) == 0
    assert limiter.take("a", limits, 100.0) == pytest.approx(1.0)
    assert limiter.take("b", limits, 100.0) == 0, "each client has its own bucket"
    assert limiter.take("a", limits, 101.0) == 0, "one token back after a second at 60/min"


def test_a_request_over_the_time_cap_is_answered_503(client: TestClient) -> None:
    limits: Limits = client.app.state.limits  # type: ignore[attr-defined]
    limits.request_seconds = 1e-6
    response = client.get("/export/json")
    assert response.status_code == 503 and "took too long" in response.json()["error"]["message"]
    limits.request_seconds = 30.0
    assert client.get("/export/json").status_code == 200


@pytest.mark.parametrize(("path", "params"), [
    ("/timeline", {"limit": 201}), ("/entities", {"limit": 10_000}), ("/posts", {"limit": 0}),
    ("/search", {"q": "ray", "limit": 101}), ("/entities/skill:ray/neighbors", {"depth": MAX_DEPTH + 1}),
    ("/paths", {"from": "skill:ray", "to": "skill:pytorch", "max_length": MAX_PATH_LENGTH + 1}),
    ("/skills/skill:ray/related", {"limit": 101}), ("/timeline", {"cursor": "c" * 513}),
    ("/search", {"q": "q" * 201}), ("/entities/" + "e" * 301, {}),
])
def test_page_depth_and_length_caps(client: TestClient, path: str, params: dict[str, object]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, (path, params, response.status_code)
    assert response.json()["error"]["status"] == 422


def test_a_sqlite_read_over_its_time_cap_is_stopped(client: TestClient, store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(store, "file"):
        pytest.skip("the SQLite store's own read cap")
    from kb.stores.sqlite import connection

    monkeypatch.setattr(connection, "READ_SECONDS", 0.0)
    monkeypatch.setattr(connection, "PROGRESS_STEPS", 50)
    with pytest.raises(StoreError, match="stopped after"):
        store.timeline(TimelineQuery(limit=200, include_private=True))
    response = client.get("/timeline", params={"limit": 200})
    assert response.status_code == 503
    monkeypatch.setattr(connection, "READ_SECONDS", 20.0)
    assert store.timeline(TimelineQuery(limit=200, include_private=True)).items
    assert client.get("/timeline", params={"limit": 200}).status_code == 200


def test_a_store_that_is_down_is_answered_503_in_json_everywhere(client: TestClient, store: Store) -> None:
    store.close()
    for path, headers in (("/stats", {}), ("/timeline", {}), ("/health", {}), ("/page/data", {}),
                          ("/stats", AUTH), ("/export/json", AUTH)):
        response = client.get(path, headers=headers)
        assert response.status_code == 503, (path, response.status_code, response.text[:200])
        assert response.json()["error"]["status"] == 503
