"""Extraction over worker processes, for ingests big enough to pay for them.

Extraction is pure CPU work in Python, so threads would not help; processes do. Workers are
forked from the single-threaded CLI (they inherit the loaded vocabularies) and spawned from a
threaded server (each then builds the same extractor from the same curation); results come
back in input order through a bounded window, so memory stays flat and the caller can write
batches while workers keep extracting. Small ingests (an edited post, a few new ones) stay
in-process: a spawned worker costs about a second of imports and vocabulary loading.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING, Union

from kb.errors import PostError
from kb.models import PostGraph

if TYPE_CHECKING:
    from ingest.runs.pipeline import Extractor
    from ingest.posts.read import FileStat, RawPost
    from ingest.facts.resolve import Curation

WORKERS_ENV = "KB_INGEST_WORKERS"
PARALLEL_MIN = 64  # posts to extract before a pool is worth its start-up
CHUNK = 16  # posts per task: enough to hide the pickling round trip
MAX_WORKERS = 8

Failed = tuple[str, Union[int, None], str]  # (file, line, reason)
Outcome = Union[PostGraph, Failed]
Job = tuple["FileStat", "RawPost"]

_worker_extractor: "Extractor | None" = None


def worker_count(todo: int) -> int:
    """Processes to use for `todo` posts: $KB_INGEST_WORKERS, else one per core (1 = in-process)."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    wanted = int(env) if env.isdigit() else min(os.cpu_count() or 1, MAX_WORKERS)
    return max(1, wanted) if todo >= PARALLEL_MIN else 1


def extract_one(extractor: "Extractor", stat: "FileStat", raw: "RawPost") -> Outcome:
    """One post's graph, or why it failed; never raises, so one broken post never stops the run."""
    try:
        return extractor.graph(raw, extractor.stamp(stat, raw))
    except PostError as exc:
        return (exc.path, exc.line, exc.reason)
    except Exception as exc:  # noqa: BLE001 - reported per post, like the serial path
        return (stat.path, None, f"{type(exc).__name__}: {exc}")


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (kill -9, the OOM killer) exits too, instead of waiting forever
    for work that will never come."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kb-parent-watch", daemon=True).start()


def _init_worker(parent: int, curation: "Curation | None") -> None:
    """Spawned workers build their extractor; forked ones inherited it (curation None)."""
    global _worker_extractor
    _exit_with_parent(parent)
    if curation is not None:
        from ingest.runs.pipeline import make_extractor

        _worker_extractor = make_extractor(curation)


def _run_chunk(jobs: list[Job]) -> list[str | Failed]:
    """Graphs travel back as JSON: pydantic reads it three times faster than it unpickles models."""
    assert _worker_extractor is not None, "worker not initialised"
    outcomes = (extract_one(_worker_extractor, stat, raw) for stat, raw in jobs)
    return [o.model_dump_json() if isinstance(o, PostGraph) else o for o in outcomes]


def _decode(outcome: str | Failed) -> Outcome:
    return PostGraph.model_validate_json(outcome) if isinstance(outcome, str) else outcome


def _context() -> tuple[multiprocessing.context.BaseContext, bool]:
    """fork from a single-threaded process (the CLI: workers start at once, vocabulary inherited);
    spawn from a threaded one (`kb serve`), where forking could copy a lock someone holds."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork"), True
    return multiprocessing.get_context("spawn"), False


def extract_all(extractor: "Extractor", jobs: Iterable[Job], workers: int) -> Iterator[tuple[Job, Outcome]]:
    """(job, outcome) for every job, in order; `workers` > 1 runs them in a process pool.

    If the pool breaks (a worker killed, a spawn that cannot start), the rest runs in-process.
    """
    global _worker_extractor
    source = iter(jobs)
    if workers <= 1:
        yield from _serial(extractor, source)
        return
    context, forked = _context()
    if forked:
        _worker_extractor = extractor  # inherited by the forked workers
    running: deque[tuple[list[Job], Future[list[str | Failed]]]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                 initargs=(os.getpid(), None if forked else extractor.curation)) as pool:
            def submit() -> bool:
                chunk = list(islice(source, CHUNK))
                if chunk:
                    running.append((chunk, pool.submit(_run_chunk, chunk)))
                return bool(chunk)

            while len(running) < workers * 3 and submit():
                pass
            while running:
                chunk, future = running[0]
                outcomes = future.result()
                running.popleft()
                submit()
                yield from zip(chunk, map(_decode, outcomes))
    except BrokenProcessPool:
        left = [job for chunk, _ in running for job in chunk]
        yield from _serial(extractor, chain(left, source))
    finally:
        _worker_extractor = None


def _serial(extractor: "Extractor", jobs: Iterator[Job]) -> Iterator[tuple[Job, Outcome]]:
    for stat, raw in jobs:
        yield (stat, raw), extract_one(extractor, stat, raw)
