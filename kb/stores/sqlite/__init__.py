"""The SQLite backend: one file, WAL, per-post contributions with aggregate views and FTS5."""
from kb.stores.sqlite.store import SqliteStore

__all__ = ["SqliteStore"]
