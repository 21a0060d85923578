"""Connections: one per thread, because FastAPI runs the synchronous store in a threadpool.

WAL lets readers run beside the one writer; every write is one `BEGIN IMMEDIATE` transaction and
every multi-statement read one deferred transaction, so a reader sees a whole post or none of it.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from kb.errors import ConfigError, StoreError
from kb.stores.common.text import prepare_text

BUSY_TIMEOUT_MS = 10_000
READ_SECONDS = 20.0  # the longest a read may run
PROGRESS_STEPS = 10_000  # SQLite VM steps between two looks at the clock

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32000",
)

# Per-connection scratch tables naming what a write touched, so only those aggregates refresh, and
# what it changed, so entity totals move by a difference instead of being recounted (see aggregate).
TEMP_ID_TABLES = ("touched_posts", "touched_events", "touched_entities", "realias")
TEMP_TABLES = {
    **{table: "(id TEXT PRIMARY KEY) WITHOUT ROWID" for table in TEMP_ID_TABLES},
    "old_entities": "(scope INTEGER, id TEXT, aliases TEXT, event_count INTEGER, mention_count INTEGER, "
                    "first TEXT, last TEXT, PRIMARY KEY (scope, id)) WITHOUT ROWID",
    "link_delta": "(scope INTEGER, id TEXT, n INTEGER, removed INTEGER, first TEXT, last TEXT)",
    "mention_delta": "(id TEXT, private INTEGER, n INTEGER)",
}


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a fresh database to WAL. The switch needs the database to itself and SQLite answers
    'locked' at once, busy timeout or not, when another thread opens it at the same moment: so
    look first (another connection may have switched it) and retry until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def path_from_url(url: str) -> Path:
    """sqlite:///relative/kb.db -> relative/kb.db; sqlite:////abs/kb.db -> /abs/kb.db."""
    parsed = urlparse(url)
    if parsed.scheme != "sqlite":
        raise ConfigError(f"not a sqlite URL: {url!r}")
    if parsed.netloc:
        raise ConfigError(f"use sqlite:///relative/path or sqlite:////absolute/path, not {url!r}")
    raw = parsed.path[1:] if parsed.path.startswith("/") else parsed.path
    if not raw or raw == ":memory:":
        raise ConfigError("the SQLite store needs a file path: sqlite:///kb.db")
    return Path(raw)


class Connections:
    """A thread-local connection per thread, all closed together by `close`.

    Threads come and go (a server's pool retires idle ones, each big ingest has a writer thread),
    so opening a connection also closes those of threads that have ended.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not self._closed:
            return conn
        if self._closed:
            raise StoreError("the SQLite store is closed")
        conn = self._connect()
        self._local.conn = conn
        with self._lock:
            ended = [c for thread, c in self._open if not thread.is_alive()]
            self._open = [(t, c) for t, c in self._open if t.is_alive()] + [(threading.current_thread(), conn)]
        for old in ended:
            old.close()
        return conn

    def __len__(self) -> int:
        """Connections open now."""
        with self._lock:
            return len(self._open)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
            conn.row_factory = sqlite3.Row
            conn.create_function("kb_prepare", 1, prepare_text, deterministic=True)
            for pragma in _PRAGMAS:
                if pragma.startswith("PRAGMA journal_mode"):
                    _use_wal(conn)
                else:
                    conn.execute(pragma)
            for table, columns in TEMP_TABLES.items():
                conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} {columns}")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc
        return conn

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for _, conn in self._open:
                conn.close()
            self._open.clear()


@contextmanager
def read_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One snapshot for every statement of a read, interrupted after READ_SECONDS so that no
    query, however it was asked, keeps a core busy (the API answers such a StoreError with 503)."""
    deadline = time.monotonic() + READ_SECONDS
    try:
        conn.execute("BEGIN")
        conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
        try:
            yield conn
        finally:
            conn.set_progress_handler(None, 0)
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc):
            raise StoreError(f"SQLite read stopped after {READ_SECONDS:g} s") from exc
        raise StoreError(f"SQLite read failed: {exc}") from exc


@contextmanager
def write_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One immediate (write-locked) transaction, rolled back on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"SQLite write could not start: {exc}") from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"SQLite write failed: {exc}") from exc
        raise
