"""Web tests run over HTTP against a real store (each kind the `store` fixture provides) holding
the small document of tests/exports/documents.py: a person and a private post to leak-test."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kb.config import Settings
from kb.store import Store
from tests.exports.documents import make_document

TOKEN = "web-test-token"
OWNER = {"Authorization": f"Bearer {TOKEN}"}
SECRETS = ("secret", "Rust", "검색엔진", "비밀")  # only the private post says these


@pytest.fixture
def doc_store(store: Store) -> Store:
    document = make_document()
    document.pop("base_url")
    store.import_(document)
    return store


@pytest.fixture
def make_client(doc_store: Store) -> Iterator[Callable[..., TestClient]]:
    """A TestClient over the same store with the settings given (people mode, CORS...)."""
    opened: list[TestClient] = []

    def make(**settings: Any) -> TestClient:
        app = create_app(store=doc_store, settings=Settings(api_token=TOKEN, **settings))
        client = TestClient(app)
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
