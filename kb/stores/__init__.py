"""Store backends, chosen by URL: sqlite:///path/kb.db or neo4j://host:7687."""
from __future__ import annotations

from urllib.parse import urlparse

from kb.errors import ConfigError
from kb.store import Store


def open_store(url: str) -> Store:
    """Open (and migrate) the store a URL names. Imports the backend only when asked."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        from kb.stores.sqlite import SqliteStore

        store: Store = SqliteStore.from_url(url)
    elif scheme in {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}:
        from kb.stores.neo4j import Neo4jStore

        store = Neo4jStore.from_url(url)
    else:
        raise ConfigError(f"unsupported database URL {redact(url)!r}: use sqlite:///path/kb.db or neo4j://host:7687")
    store.ensure_schema()
    return store


def redact(url: str) -> str:
    """The URL with any password replaced, safe to print."""
    parsed = urlparse(url)
    if parsed.password:
        netloc = parsed.netloc.replace(f":{parsed.password}@", ":***@")
        return parsed._replace(netloc=netloc).geturl()
    return url
