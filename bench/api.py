"""API figures: each read route under 32 concurrent connections, as a ratio to /health.

The store is built straight from synthetic PostGraphs (bench.graphs.synthetic: ~100 events a
post, Zipf-popular entities) through `Store.replace_posts`, not by ingesting 100k posts. The
server is `uvicorn api.app:create_app --factory` in its own process (what `kb serve` runs), and
the load comes from bench.load in a third process, over loopback.
"""
from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

from bench.graphs import KINDS, synthetic, vocabulary
from bench.proc import ROOT, python, run
from bench.table import Figure
from kb.models import EntityQuery
from kb.store import Store

P99_TARGET_MS = {"paths": 100.0}
DEFAULT_P99_MS = 50.0
RATIO_TARGETS = {"timeline": 0.5, "search": 0.5}


def build(store: Store, events: int, seed: int = 1) -> None:
    """Fill an empty store with `events` synthetic events (100 per post)."""
    graphs = synthetic(events, seed=seed)
    for i in range(0, len(graphs), 50):
        store.replace_posts(graphs[i:i + 50])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(url: str, env: dict[str, str] | None = None, workers: int = 1) -> Iterator[str]:
    """`uvicorn api.app:create_app --factory` on a free loopback port; yields its base URL."""
    port = _free_port()
    args = [python(), "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "warning", "--no-access-log", "--workers", str(workers)]
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **(env or {}), "KB_DATABASE_URL": url},
                            stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urlopen(base + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"the API server did not start: {log.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def request_sets(store: Store, rng: random.Random, count: int = 400) -> dict[str, list[str]]:
    """Request paths per route, drawn from what the store holds (uniform over entities)."""
    entities: list[tuple[str, str]] = []
    cursor: str | None = None
    while True:
        page = store.entities(EntityQuery(limit=500, cursor=cursor))
        entities += [(s.entity.id, s.entity.type) for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    ids = [i for i, _ in entities]
    skills = [i for i, t in entities if t == "skill"] or ids
    words = vocabulary(random.Random(1))
    typical, common = words[50:], words[:10]

    def timeline() -> str:
        year = rng.randint(2010, 2025)
        return rng.choice(["/timeline", f"/timeline?from={year}&to={year}", f"/timeline?kind={rng.choice(KINDS)}",
                           f"/timeline?entity={quote(rng.choice(ids))}", f"/timeline?from={year}-06"])

    def search() -> str:
        return "/search?q=" + quote(rng.choice(common) if rng.random() < 0.1 else rng.choice(typical))

    return {
        "health": ["/health"],
        "timeline": [timeline() for _ in range(count)],
        "neighbors": [f"/entities/{quote(rng.choice(ids))}/neighbors?depth=2" for _ in range(count)],
        "paths": [f"/paths?from={quote(rng.choice(ids))}&to={quote(rng.choice(ids))}" for _ in range(count)],
        "search": [search() for _ in range(count)],
        "related": [f"/skills/{quote(rng.choice(skills))}/related" for _ in range(count)],
    }


def load(base: str, paths: list[str], concurrency: int, max_requests: int, max_seconds: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec:
        json.dump({"base": base, "paths": paths, "concurrency": concurrency, "max_requests": max_requests,
                   "max_seconds": max_seconds, "warmup": min(50, max_requests)}, spec)
    try:
        return json.loads(run([python(), "-m", "bench.load", spec.name]).stdout)
    finally:
        Path(spec.name).unlink(missing_ok=True)


ROUTES = {"health": "/health", "timeline": "/timeline (pages, dates, kinds, entities)",
          "neighbors": "/entities/{id}/neighbors?depth=2", "paths": "/paths",
          "search": "/search (10% very common words)", "related": "/skills/{id}/related"}
CACHED_ROUTES = ("timeline", "search")  # the ones with a throughput target, measured again with the cache


def figures(store: Store, url: str, backend: str, label: str, env: dict[str, str] | None = None,
            concurrency: int = 32, max_requests: int = 2000, max_seconds: float = 5.0,
            workers: int = 1) -> list[Figure]:
    """Every route with the response cache off (each request computed by the store), then the
    routes with a throughput target again with it on, as `kb serve` runs by default: the same
    request paths repeat (there are 400 per route), so most of those are answered from memory."""
    sets = request_sets(store, random.Random(label))
    size = f"{label} events"
    with server(url, {**(env or {}), "KB_RESPONSE_CACHE_MB": "0"}, workers) as base:
        results = {name: load(base, paths, concurrency, max_requests, max_seconds) for name, paths in sets.items()}
        # one connection: what a request costs without waiting behind 31 others
        alone = {name: load(base, paths, 1, max(10, max_requests // 10), max_seconds / 3)
                 for name, paths in sets.items()}
    with server(url, env, workers) as base:
        cached = {name: load(base, sets[name], concurrency, max_requests, max_seconds)
                  for name in ("health", *CACHED_ROUTES)}
    out = [_figure(backend, size, name, f"{ROUTES[name]}, {concurrency} connections", result, results["health"]["rps"],
                   alone[name]) for name, result in results.items()]
    out += [_figure(backend, size, name, f"{ROUTES[name]}, {concurrency} connections, response cache on "
                    f"({len(set(sets[name]))} paths repeated)", cached[name], cached["health"]["rps"], None)
            for name in CACHED_ROUTES]
    return out


def _figure(backend: str, size: str, name: str, label: str, result: dict, health: float, alone: dict | None) -> Figure:
    p99_target = P99_TARGET_MS.get(name, DEFAULT_P99_MS)
    ratio = result["rps"] / health if health else None
    ratio_target = RATIO_TARGETS.get(name)
    met_ratio = None if ratio_target is None or ratio is None else ratio >= ratio_target
    met_p99 = result["p99"] <= p99_target and not result["errors"]
    met = None if name == "health" else met_p99 and met_ratio is not False
    target = "" if name == "health" else f"p99 <= {p99_target:.0f} ms" + (
        f", >= {ratio_target:g}x /health" if ratio_target else "")
    errors = f", errors {result['errors']}" if result["errors"] else ""
    one = f"; 1 connection: p50 {alone['p50']:.1f} ms, p99 {alone['p99']:.1f} ms" if alone else ""
    return Figure(backend, size, label,
                  f"{result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms "
                  f"({result['requests']} requests{errors}){one}",
                  "" if name == "health" else f"/health {health:.0f} req/s",
                  None if name == "health" else ratio, target, met)
