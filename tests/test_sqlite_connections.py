"""The SQLite store's connections: one per thread, and none kept for threads that have ended
(a server's thread pool retires idle threads; every big ingest writes from a thread of its own)."""
from __future__ import annotations

import threading
from pathlib import Path

from kb.stores.sqlite.connection import Connections


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
    ready, done = threading.Barrier(4), threading.Event()
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
