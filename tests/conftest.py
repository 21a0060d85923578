"""The `store` fixture: every contract, API and CLI test runs on each backend.

SQLite always runs (a real file per test); Neo4j runs when KB_TEST_NEO4J_URI names a server,
and is emptied with the empty import before each test.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.store import Store
from kb.stores import open_store

EMPTY_EXPORT = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}

NEO4J_SKIP = ("Neo4j tests need a server: run `scripts/neo4j.sh start` (or `docker compose up -d neo4j`) "
              "and set KB_TEST_NEO4J_URI=bolt://127.0.0.1:7687 KB_TEST_NEO4J_PASSWORD=...")


def _open_neo4j(monkeypatch: pytest.MonkeyPatch) -> Store:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_SKIP)
    monkeypatch.setenv("NEO4J_USER", os.environ.get("KB_TEST_NEO4J_USER") or os.environ.get("NEO4J_USER") or "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", os.environ.get("KB_TEST_NEO4J_PASSWORD", ""))
    store = open_store(uri)
    store.import_(EMPTY_EXPORT)
    return store


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A real, empty store of each kind."""
    if request.param == "sqlite":
        opened = open_store(f"sqlite:///{tmp_path}/kb.db")
    else:
        opened = _open_neo4j(monkeypatch)
    try:
        yield opened
    finally:
        opened.close()
