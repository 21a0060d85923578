"""Where the Neo4j store connects, read from a URL and the environment, and the one driver it uses.

    neo4j://host:7687        routing (a cluster or a single server)
    neo4j+s://host           routing over TLS (Aura)
    bolt://host:7687         one server, no routing
    bolt://user:pass@host:7687/database

User, password and database come from the URL, else NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE,
else neo4j / (none) / the server's default database. The password is never part of a repr, a
log line or an error message: errors name the URL with the password replaced.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from neo4j import Driver, GraphDatabase

from kb.errors import ConfigError

SCHEMES = frozenset({"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"})
DEFAULT_PORT = 7687


@dataclass(frozen=True)
class ConnectionSettings:
    uri: str  # scheme://host:port, without credentials or database
    user: str
    password: str = field(repr=False)
    database: str | None = None
    retry_seconds: float = 15.0  # how long the driver retries a transaction (deadlocks, leader switches)
    connect_seconds: float = 10.0

    def __repr__(self) -> str:  # the dataclass repr already hides the password; keep it explicit
        return f"ConnectionSettings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"

    @property
    def safe_url(self) -> str:
        """A URL that names the server and database, never the password: for messages."""
        return self.uri + (f"/{self.database}" if self.database else "")


def parse_url(url: str) -> ConnectionSettings:
    """Settings from a neo4j:// or bolt:// URL and the NEO4J_* environment."""
    try:
        parsed = urlparse(url)
        port = parsed.port or DEFAULT_PORT
    except ValueError as exc:
        raise ConfigError("malformed Neo4j URL (check the host and port)") from exc
    if parsed.scheme not in SCHEMES:
        raise ConfigError(f"not a Neo4j URL scheme: {parsed.scheme!r}; use one of {sorted(SCHEMES)}")
    if not parsed.hostname:
        raise ConfigError(f"a Neo4j URL needs a host: {parsed.scheme}://host:{DEFAULT_PORT}")
    if parsed.query or parsed.fragment:
        raise ConfigError("a Neo4j URL takes no query string or fragment")
    host = f"[{parsed.hostname}]" if ":" in parsed.hostname else parsed.hostname
    path = parsed.path.strip("/")
    if "/" in path:
        raise ConfigError("a Neo4j URL names at most one database: neo4j://host:7687/database")
    env = os.environ
    user = unquote(parsed.username) if parsed.username else env.get("NEO4J_USER") or "neo4j"
    password = unquote(parsed.password) if parsed.password else env.get("NEO4J_PASSWORD", "")
    database = unquote(path) if path else env.get("NEO4J_DATABASE") or None
    return ConnectionSettings(uri=f"{parsed.scheme}://{host}:{port}", user=user, password=password,
                              database=database)


def open_driver(settings: ConnectionSettings) -> Driver:
    """The one driver (connection pool) a store keeps for its whole life. Connects lazily."""
    try:
        return GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                    max_connection_lifetime=3600, connection_timeout=settings.connect_seconds,
                                    connection_acquisition_timeout=settings.connect_seconds + 20,
                                    max_transaction_retry_time=settings.retry_seconds,
                                    notifications_min_severity="OFF")
    except ValueError as exc:  # the driver rejects malformed URIs; its message has no secret
        raise ConfigError(f"cannot use Neo4j URL {settings.safe_url!r}: {exc}") from exc
