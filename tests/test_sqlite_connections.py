"""The SQLite store's connections: one per thread, and none kept for threads that have ended
(a server's thread pool retires idle threads; every big ingest writes from a thread of its own)."""
from __future__ import annotations

import threading
from pathlib import Path

from kb.stores.sqlite.connection import Connections


def test_threads_opening_a_fresh_database_at_once_all_get_a_connection(tmp_path: Path) -> None:
    """Switching a new file to WAL needs it alone: every racing thread must still get in."""
    for attempt in range(40):
        connections = Connections(tmp_path / f"race{attempt}.db")
        start, failures = threading.Barrier(8, timeout=30), []

        def open_one() -> None:
            start.wait()
            try:
                connections.get().execute("SELECT 1").fetchone()
            except Exception as exc:  # noqa: BLE001 - reported below
                failures.append(exc)

        workers = [threading.Thread(target=open_one) for _ in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        connections.close()
        assert failures == []


def test_connections_of_ended_threads_are_closed(tmp_path: Path) -> None:
    connections = Connections(tmp_path / "kb.db")
    for _ in range(20):
        worker = threading.Thread(target=lambda: connections.get().execute("SELECT 1").fetchone())
        worker.start()
        worker.join()
    main = connections.get()
    assert len(connections) == 1
    assert main.execute("SELECT 1").fetchone()[0] == 1
    connections.close()


def test_each_live_thread_keeps_its_own_connection(tmp_path: Path) -> None:
    connections = Connections(tmp_path / "kb.db")
    ready, done = threading.Barrier(4, timeout=30), threading.Event()  # a worker that fails breaks it, no hang
    seen: list[object] = []

    def hold() -> None:
        seen.append(connections.get())
        ready.wait()
        done.wait()

    workers = [threading.Thread(target=hold) for _ in range(3)]
    for worker in workers:
        worker.start()
    ready.wait()
    assert len(connections) == 3 and len({id(c) for c in seen}) == 3
    assert connections.get() not in seen and len(connections) == 4
    done.set()
    for worker in workers:
        worker.join()
    connections.close()
