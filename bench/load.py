"""The load generator, run as its own process: `python -m bench.load SPEC.json`.

Why a separate process: the server must not share a GIL with its clients. asyncio + httpx
keep `concurrency` connections busy on loopback, each taking the next request path in turn,
until the request cap or the time cap is reached (whichever first). Prints one JSON object:
requests, errors, seconds, throughput and latency percentiles (ms).

SPEC: {"base": "http://127.0.0.1:PORT", "paths": [...], "concurrency": 32,
       "max_requests": 2000, "max_seconds": 5.0, "warmup": 50}
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
from itertools import cycle
from typing import Any

import httpx


def percentile(samples: list[float], share: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def _run(spec: dict[str, Any]) -> dict[str, Any]:
    paths = cycle(spec["paths"])
    concurrency = int(spec.get("concurrency", 32))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    async with httpx.AsyncClient(base_url=spec["base"], limits=limits, timeout=30.0) as client:
        for _ in range(int(spec.get("warmup", 50))):  # open connections, warm caches
            await client.get(next(paths))
        budget = int(spec.get("max_requests", 2000))
        deadline = time.perf_counter() + float(spec.get("max_seconds", 5.0))

        async def worker() -> None:
            nonlocal budget
            while budget > 0 and time.perf_counter() < deadline:
                budget -= 1
                path = next(paths)
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code < 400 or response.status_code == 404
                    key = None if ok else str(response.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                latencies.append((time.perf_counter() - began) * 1000)
                if key is not None:
                    errors[key] = errors.get(key, 0) + 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - began
    return {"requests": len(latencies), "errors": errors, "seconds": seconds,
            "rps": len(latencies) / seconds if seconds else 0.0,
            "p50": percentile(latencies, 0.50), "p99": percentile(latencies, 0.99),
            "max": max(latencies) if latencies else float("nan")}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    print(json.dumps(asyncio.run(_run(spec))))


if __name__ == "__main__":
    main()
