"""Graphs written in batches by a thread of their own, so extraction goes on during a write.

A batch is one store transaction (all of it or none). The thread takes one batch at a time and
holds at most one more, so memory stays bounded; the caller hands batches over and carries on
feeding the extraction workers, which otherwise sit idle for the seconds a big write takes.
A failed write stops the writer: later batches are dropped and the error is raised to the
caller at its next hand-over or at `close`.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

from kb.models import PostGraph
from kb.store import Store

BATCH_SIZE = 1000  # posts per write: big writes amortise what each write costs beyond its posts


class BatchWriter:
    """The first write also removes the posts that are gone and sets the store's meta record."""

    def __init__(self, store: Store, remove: Sequence[str], batch_size: int | None = None,
                 meta: Mapping[str, Any] | None = None) -> None:
        self.store = store
        self.remove = list(remove)
        self.meta = dict(meta or {})
        self.batch_size = batch_size or BATCH_SIZE
        self.pending: list[PostGraph] = []
        self._handed = False
        self._queue: queue.Queue[list[PostGraph] | None] = queue.Queue(maxsize=1)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None  # kept once set: no batch is written after it
        self._reported = False

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close(flush=kind is None)

    def add(self, graph: PostGraph) -> None:
        self.pending.append(graph)
        if len(self.pending) >= self.batch_size:
            self._hand_over()

    def close(self, flush: bool = True) -> None:
        """Write what is pending (and the removals and meta, if nothing was written), wait, raise a write's error."""
        if flush and not self._handed and self._thread is None:
            # one small write (an edited post): here, on this thread's open connection, with no
            # thread to start and no connection to open for it
            if self.pending or self.remove or self.meta:
                self._handed = True
                self.store.replace_posts(self.pending, remove=self.remove, meta=self.meta)
                self.pending = []
            return
        if flush and (self.pending or ((self.remove or self.meta) and not self._handed)):
            self._hand_over()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        self._raise_failure()

    def _hand_over(self) -> None:
        self._raise_failure()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="kb-writer", daemon=True)
            self._thread.start()
        self._queue.put(self.pending)
        self.pending, self._handed = [], True

    def _run(self) -> None:
        first = True
        while (batch := self._queue.get()) is not None:
            if self._error is not None:
                continue
            try:
                self.store.replace_posts(batch, remove=self.remove if first else (), meta=self.meta if first else None)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                self._error = exc
            first = False

    def _raise_failure(self) -> None:
        if self._error is not None and not self._reported:
            self._reported = True
            raise self._error
