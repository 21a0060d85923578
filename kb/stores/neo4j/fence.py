"""Readers never see half a write, although Neo4j's reads are only read-committed.

Neo4j applies a committed transaction to the store in phases (creates, updates, deletes, then
index updates), and a reader running meanwhile can see some phases and not others: 30 new events
and 30 old ones, or none. So writes and reads agree on a seqlock kept on the (:Meta) node:

    writer:  tx 1  writes_started += 1, add its token to open_writes   (committed, hence applied,
                                                                       before tx 2 begins)
             tx 2  the real write
             tx 3  remove its token                 (always, even when tx 2 failed)
    reader:  one read transaction: fence, the read, fence again; it is kept only when no write
             was open at the start and none started before the end, else read again.

A token left by a writer that died between tx 1 and tx 3 is ignored (and dropped by the next
writer) once older than STALE_WRITE_MS, and a reader that keeps losing the race returns its last
read after READ_DEADLINE_S rather than stalling the API.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

from kb.stores.neo4j import queries as q

T = TypeVar("T")

READ_DEADLINE_S = 10.0
STALE_WRITE_MS = 60_000


def _fence(tx: ManagedTransaction) -> dict[str, Any]:
    return tx.run(q.FENCE, stale_ms=STALE_WRITE_MS).single(strict=True).data()


def _run(tx: ManagedTransaction, statement: str, token: str) -> None:
    tx.run(statement, token=token, stale_ms=STALE_WRITE_MS).consume()


def fenced_read(driver: Driver, database: str | None, work: Callable[[ManagedTransaction], T]) -> T:
    """Run `work` in a read transaction (routed to a reader) that no write overlapped."""

    def attempt(tx: ManagedTransaction) -> tuple[dict[str, Any], T | None, Exception | None, dict[str, Any]]:
        before = _fence(tx)
        try:
            result, error = work(tx), None
        except (Neo4jError, DriverError):
            raise  # the transaction is unusable; the driver retries what is transient
        except Exception as exc:  # a torn read can fail anywhere (a half-written node, a vanished id)
            result, error = None, exc
        return before, result, error, _fence(tx)

    deadline = time.monotonic() + READ_DEADLINE_S
    pause = 0.002
    while True:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            before, result, error, after = session.execute_read(attempt)
        if (before["open"] == 0 and before["started"] == after["started"]) or time.monotonic() > deadline:
            if error is not None:
                raise error
            return result  # type: ignore[return-value]
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def fenced_write(driver: Driver, database: str | None, work: Callable[[ManagedTransaction], T]) -> T:
    """Run `work` in one managed write transaction (retried by the driver), inside the fence."""
    token = uuid.uuid4().hex
    with driver.session(database=database, default_access_mode=WRITE_ACCESS) as session:
        session.execute_write(_run, q.WRITE_STARTED, token)
        try:
            return session.execute_write(work)
        finally:
            session.execute_write(_run, q.WRITE_FINISHED, token)
