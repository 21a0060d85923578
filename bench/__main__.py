"""The benchmark suite: `python -m bench --sizes 1k,10k,100k` (or `make bench SIZES=1k,10k`).

For every size N: a synthetic corpus of N posts is generated into a temp dir and ingested
(ingest figures), and a store of N synthetic events is served and loaded (API figures). Each
figure is printed with its ratio to a baseline measured in the same run, because the machine
is shared and absolute numbers wander. With KB_TEST_NEO4J_URI set (scripts/neo4j.sh env), the
same figures are measured on Neo4j for the sizes in --neo4j-sizes; that database is emptied.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import api, corpus, ingest
from bench.table import Figure, machine, render, size_label
from kb.stores import open_store

EMPTY = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}


def _sizes(text: str) -> list[int]:
    return [corpus.parse_size(s) for s in text.split(",") if s.strip()]


def _neo4j_env() -> dict[str, str] | None:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        return None
    return {"NEO4J_USER": os.environ.get("KB_TEST_NEO4J_USER") or os.environ.get("NEO4J_USER") or "neo4j",
            "NEO4J_PASSWORD": os.environ.get("KB_TEST_NEO4J_PASSWORD", ""), "KB_TEST_NEO4J_URI": uri}


def _empty_neo4j(env: dict[str, str]) -> None:
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        store = open_store(env["KB_TEST_NEO4J_URI"])
        store.import_(EMPTY)
        store.close()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_suite(args: argparse.Namespace, work: Path) -> list[Figure]:
    figures: list[Figure] = []
    neo4j = _neo4j_env() if not args.no_neo4j else None
    neo4j_sizes = set(_sizes(args.neo4j_sizes))
    neo4j_ingest_sizes = set(_sizes(args.neo4j_ingest_sizes))
    made = 0
    posts_dir = work / "posts"
    for n in _sizes(args.ingest_sizes):
        label = size_label(n)
        if n > made:  # post i never depends on N: grow the corpus instead of rewriting it
            _say(f"corpus: {n} posts")
            shutil.rmtree(posts_dir, ignore_errors=True)
            corpus.generate(posts_dir, n, seed=args.seed)
            made = n
        _say(f"ingest {label} posts into SQLite")
        figures += ingest.figures(posts_dir, f"sqlite:///{work}/ingest-{label}.db", "sqlite", label, rounds=args.edits)
        print(render(figures[-7:]), file=sys.stderr, flush=True)
        if neo4j and n in neo4j_ingest_sizes:
            _say(f"ingest {label} posts into Neo4j")
            _empty_neo4j(neo4j)
            figures += ingest.figures(posts_dir, neo4j["KB_TEST_NEO4J_URI"], "neo4j", label, env=neo4j,
                                      rounds=args.edits)
            shutil.rmtree(posts_dir, ignore_errors=True)  # the edits changed it; regenerate for the next size
            made = 0
    for n in _sizes(args.api_sizes):
        label = size_label(n)
        _say(f"API: {label} events on SQLite")
        url = f"sqlite:///{work}/api-{label}.db"
        store = open_store(url)
        api.build(store, n)
        figures += api.figures(store, url, "sqlite", label, concurrency=args.concurrency, max_requests=args.requests,
                               max_seconds=args.duration, workers=args.workers)
        store.close()
        print(render(figures[-8:]), file=sys.stderr, flush=True)
        if neo4j and n in neo4j_sizes:
            _say(f"API: {label} events on Neo4j")
            _empty_neo4j(neo4j)
            os.environ.update(neo4j)
            store = open_store(neo4j["KB_TEST_NEO4J_URI"])
            api.build(store, n)
            figures += api.figures(store, neo4j["KB_TEST_NEO4J_URI"], "neo4j", label, env=neo4j,
                                   concurrency=args.concurrency, max_requests=args.requests,
                                   max_seconds=args.duration, workers=args.workers)
            store.close()
    return figures


def main() -> None:
    default_sizes = os.environ.get("BENCH_SIZES") or "1k,10k,100k"
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=default_sizes, help="posts to ingest and events to serve (1k,10k,100k)")
    parser.add_argument("--ingest-sizes", help="posts to ingest (default: --sizes)")
    parser.add_argument("--api-sizes", help="events to serve (default: --sizes)")
    parser.add_argument("--neo4j-sizes", default=os.environ.get("BENCH_NEO4J_SIZES", "1k,10k"),
                        help="events also served from Neo4j when KB_TEST_NEO4J_URI is set")
    parser.add_argument("--neo4j-ingest-sizes", default=os.environ.get("BENCH_NEO4J_INGEST_SIZES", "1k"),
                        help="posts also ingested into Neo4j when KB_TEST_NEO4J_URI is set")
    parser.add_argument("--no-neo4j", action="store_true", help="SQLite only, even with KB_TEST_NEO4J_URI set")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="request cap per route")
    parser.add_argument("--duration", type=float, default=6.0, help="seconds cap per route")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_SERVER_WORKERS", "1")),
                        help="uvicorn worker processes")
    parser.add_argument("--edits", type=int, default=5, help="edited-post rounds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="also write the table (with the machine line) to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (corpus and stores)")
    args = parser.parse_args()
    args.ingest_sizes = args.sizes if args.ingest_sizes is None else args.ingest_sizes
    args.api_sizes = args.sizes if args.api_sizes is None else args.api_sizes
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    _say(f"working in {work}; {machine()}")
    began = time.perf_counter()
    try:
        figures = run_suite(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    table = render(figures)
    footer = f"Machine: {machine()}. Suite time: {time.perf_counter() - began:.0f} s."
    print("\n" + table + "\n\n" + footer)
    if args.out:
        args.out.write_text(table + "\n\n" + footer + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
