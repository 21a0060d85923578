"""Crash safety: `kb ingest` killed with SIGKILL at random moments. Every time, the store opens,
passes its integrity check, and every post is whole in its old state or whole in its new one;
a later ingest completes the job."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ingest.runs.pipeline import run_ingest
from kb.stores import open_store
from tests.robustness.crash import killed_ingest, write_version
from tests.robustness.helpers import all_post_facts

TRIALS = 50
NEO4J_TRIALS = 6


def _copy_db(source: Path, target: Path) -> None:
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def _states(folder: Path, work: Path) -> tuple[Path, dict[str, tuple], dict[str, tuple], float]:
    """The state-A database, the per-post facts of A and B, and how long a full ingest takes."""
    write_version(folder, 1)
    state_a = work / "a.db"
    finished, _, _ = killed_ingest(folder, f"sqlite:///{state_a}", delay=120)
    assert finished
    write_version(folder, 2)
    _copy_db(state_a, work / "b.db")
    finished, full, _ = killed_ingest(folder, f"sqlite:///{work / 'b.db'}", delay=120)
    assert finished
    facts = []
    for db in (state_a, work / "b.db"):
        store = open_store(f"sqlite:///{db}")
        facts.append(all_post_facts(store.export()))
        store.close()
    assert sum(facts[0].get(k) != facts[1].get(k) for k in set(facts[0]) | set(facts[1])) >= 30
    return state_a, facts[0], facts[1], full


def _classify(now: dict[str, tuple], old: dict[str, tuple], new: dict[str, tuple]) -> str:
    """'old', 'new' or 'mixed' (posts from both, each whole); fails on any torn post."""
    sides = set()
    for post_id in set(old) | set(new):
        facts = now.get(post_id)
        assert facts == old.get(post_id) or facts == new.get(post_id), f"post {post_id} is torn"
        if old.get(post_id) != new.get(post_id):
            sides.add("old" if facts == old.get(post_id) else "new")
    assert set(now) <= set(old) | set(new), f"posts from nowhere: {set(now) - set(old) - set(new)}"
    return sides.pop() if len(sides) == 1 else "mixed"


@pytest.mark.slow  # ~30-50 s on 2 shared cores; still part of `make test`
def test_sqlite_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    state_a, old, new, full = _states(folder, tmp_path)
    rng = random.Random(20261129)
    # One trial in five at a random moment of the whole run; the others while the commit writes
    # the log or the checkpoint copies it into the database (0-15 ms after the log first grows).
    plans = [(rng.uniform(0.3 * full, 1.15 * full), False) if n % 5 == 0 else (rng.uniform(0, 0.015), True)
             for n in range(TRIALS)]

    def trial(n: int) -> tuple[bool, str, bool, list[int]]:
        db = tmp_path / f"trial-{n}.db"
        _copy_db(state_a, db)
        delay, on_commit = plans[n]
        finished, _, orphans = killed_ingest(folder, f"sqlite:///{db}", delay,
                                             wal=Path(f"{db}-wal") if on_commit else None)
        wal_left = Path(f"{db}-wal").exists() and Path(f"{db}-wal").stat().st_size > 0  # recovery has work to do
        with sqlite3.connect(db) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"trial {n}"
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == [], f"trial {n}"
        store = open_store(f"sqlite:///{db}")
        try:
            state = _classify(all_post_facts(store.export()), old, new)
            if n % 10 == 0:  # the next ingest finishes what the killed one started
                assert not run_ingest([folder], store).failed
                assert all_post_facts(store.export()) == new, f"trial {n} did not recover"
        finally:
            store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return finished, state, wal_left, orphans

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(trial, range(TRIALS)))
    outcomes = Counter(state if not finished else "finished" for finished, state, _, _ in results)
    print(f"{TRIALS} SIGKILL trials in {time.monotonic() - started:.1f} s (full ingest {full:.2f} s): "
          f"{dict(outcomes)}, {sum(w for _, _, w, _ in results)} left a write-ahead log to recover")
    assert sum(not finished for finished, _, _, _ in results) >= TRIALS // 2, "most trials must be killed mid-run"
    orphans = [pid for *_, left in results for pid in left]
    assert not orphans, f"a killed ingest left {len(orphans)} worker processes running"


@pytest.mark.neo4j
def test_neo4j_survives_sigkill_at_random_moments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        pytest.skip("needs a Neo4j server: KB_TEST_NEO4J_URI")
    env = {"NEO4J_USER": os.environ.get("KB_TEST_NEO4J_USER") or "neo4j",
           "NEO4J_PASSWORD": os.environ.get("KB_TEST_NEO4J_PASSWORD", "")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    folder = tmp_path / "posts"
    _, old, new, full = _states(folder, tmp_path)
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    document_a = store.export()
    store.close()
    neo = open_store(uri)
    rng = random.Random(7)
    try:
        for n in range(NEO4J_TRIALS):
            neo.import_(document_a)
            assert all_post_facts(neo.export()) == old
            _, _, orphans = killed_ingest(folder, uri, rng.uniform(0.3 * full, 1.5 * full), **env)
            assert not orphans, "a killed ingest left worker processes running"
            _classify(all_post_facts(neo.export()), old, new)
        assert not run_ingest([folder], neo).failed
        assert all_post_facts(neo.export()) == new
    finally:
        neo.close()
