"""API tests run over HTTP (httpx through the ASGI app) against a real store built from the
sample posts, on every store the `store` fixture provides."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.runs.pipeline import run_ingest
from kb.config import Settings
from kb.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "posts"
TOKEN = "test-token-123"


@pytest.fixture
def sample_store(store: Store) -> Store:
    report = run_ingest([SAMPLES], store)
    assert not report.failed, report.failed
    return store


@pytest.fixture
def client(sample_store: Store) -> Iterator[TestClient]:
    app = create_app(store=sample_store, settings=Settings(api_token=TOKEN))
    with TestClient(app) as http:
        yield http


@pytest.fixture
def owner_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
