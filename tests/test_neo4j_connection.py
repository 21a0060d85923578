"""Neo4j URLs and credentials: parsed from the URL or NEO4J_*, and the password never shown."""
from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from kb.errors import ConfigError, StoreError
from kb.stores.neo4j import Neo4jStore
from kb.stores.neo4j.connection import parse_url

SECRET = "s3cr3t-Pa55word"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("url", "uri"), [
    ("neo4j://db.example:7687", "neo4j://db.example:7687"),
    ("neo4j+s://abc.databases.example", "neo4j+s://abc.databases.example:7687"),
    ("bolt://127.0.0.1:7688", "bolt://127.0.0.1:7688"),
    ("bolt+ssc://[::1]:7000", "bolt+ssc://[::1]:7000"),
])
def test_schemes_hosts_and_ports(url: str, uri: str) -> None:
    settings = parse_url(url)
    assert settings.uri == uri and settings.user == "neo4j" and settings.password == "" and settings.database is None


def test_credentials_and_database_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_USER", "kbuser")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.setenv("NEO4J_DATABASE", "kb")
    settings = parse_url("neo4j://localhost")
    assert (settings.user, settings.password, settings.database) == ("kbuser", SECRET, "kb")


def test_the_url_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_USER", "env-user")
    monkeypatch.setenv("NEO4J_PASSWORD", "env-password")
    settings = parse_url("bolt://alice:p%40ss%3Aword@localhost:7687/graphs")
    assert (settings.user, settings.password, settings.database) == ("alice", "p@ss:word", "graphs")
    assert settings.uri == "bolt://localhost:7687"


@pytest.mark.parametrize("url", [
    "http://localhost:7474", "neo4j://", "neo4j://host:notaport", "neo4j://host/a/b", "neo4j://host?x=1",
])
def test_unusable_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError):
        parse_url(url)


def test_the_password_is_in_no_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    store = Neo4jStore.from_url("neo4j://localhost:7687/kb")
    assert SECRET not in repr(store.settings) and SECRET not in str(store.settings)
    assert SECRET not in repr(store) and "neo4j://localhost:7687/kb" in repr(store)
    from_url = Neo4jStore.from_url(f"bolt://neo4j:{SECRET}@localhost:7687")
    assert SECRET not in repr(from_url) and SECRET not in repr(from_url.settings)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    settings = parse_url(f"bolt://neo4j:{SECRET}@127.0.0.1:{_closed_port()}")
    store = Neo4jStore(replace(settings, retry_seconds=0.2, connect_seconds=1.0))
    try:
        assert store.ping() is False
        with pytest.raises(StoreError) as caught:
            store.stats()
        assert SECRET not in str(caught.value) and "127.0.0.1" in str(caught.value)
    finally:
        store.close()


def test_a_closed_store_refuses_work() -> None:
    store = Neo4jStore.from_url(f"bolt://127.0.0.1:{_closed_port()}")
    store.close()
    assert store.ping() is False
    with pytest.raises(StoreError):
        store.version()
