"""Schema, reopening, ping, and readers never seeing half a post while a writer works."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kb.errors import ConfigError, StoreError
from kb.models import TimelineQuery
from kb.store import Store
from kb.stores import open_store
from tests.factories import ev, graph


def test_ensure_schema_is_idempotent(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021"))])
    store.ensure_schema()
    store.ensure_schema()
    assert store.ping() is True
    assert [e.id for e in store.timeline(TimelineQuery()).items] == ["event:a"]


def test_store_satisfies_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_readers_never_see_half_a_post(store: Store) -> None:
    """A writer swaps a post between two versions of 30 events; readers see 30 of one version."""
    versions = [graph("p1", *[ev(f"event:{tag}{i:02d}", f"{tag} {i}", "2021", entities=[f"skill:{tag}"])
                              for i in range(30)]) for tag in ("a", "b")]
    store.replace_posts([versions[0]])
    stop = time.monotonic() + 1.0
    problems: list[str] = []

    def read() -> None:
        while time.monotonic() < stop and not problems:
            seen = [e.id for e in store.timeline(TimelineQuery(limit=100)).items]
            tags = {i[6] for i in seen}
            if len(seen) != 30 or len(tags) != 1:
                problems.append(f"saw {len(seen)} events of versions {sorted(tags)}")

    readers = [threading.Thread(target=read) for _ in range(3)]
    for r in readers:
        r.start()
    writes = 0
    while time.monotonic() < stop:
        store.replace_posts([versions[(writes + 1) % 2]])
        writes += 1
    for r in readers:
        r.join()
    assert writes > 2 and not problems, problems[:3]


# ---- SQLite specifics ----

def test_sqlite_reopens_an_existing_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/kb.db"
    first = open_store(url)
    first.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:ray"]))])
    version = first.version()
    first.close()
    again = open_store(url)
    try:
        again.ensure_schema()
        assert again.version() == version
        assert again.entity("skill:ray") is not None
    finally:
        again.close()


def test_sqlite_user_version_tracks_the_migrations(tmp_path: Path) -> None:
    import sqlite3

    from kb.stores.sqlite.schema import MIGRATIONS

    store = open_store(f"sqlite:///{tmp_path}/kb.db")
    store.close()
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path}/kb.db")


def test_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kb.stores.sqlite import SqliteStore

    monkeypatch.chdir(tmp_path)
    relative = SqliteStore.from_url("sqlite:///data/kb.db")
    assert relative.file == Path("data/kb.db")
    absolute = SqliteStore.from_url(f"sqlite:///{tmp_path}/abs/kb.db")
    assert absolute.file == tmp_path / "abs" / "kb.db"
    opened = open_store("sqlite:///data/kb.db")
    opened.close()
    assert (tmp_path / "data" / "kb.db").exists()
    for bad in ("sqlite://host/kb.db", "sqlite:///:memory:", "sqlite://"):
        with pytest.raises(ConfigError):
            SqliteStore.from_url(bad)


def test_sqlite_store_refuses_work_after_close(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/kb.db")
    store.close()
    assert store.ping() is False
    with pytest.raises(StoreError):
        store.stats()
