"""Ingest figures: full ingest vs a bare markdown-it-py parse, no-op re-ingest, one edited post.

Every measurement runs in its own process (bench.proc), so imports, start-up and memory are
counted the way a user meets them. Full and no-op ingests are the real CLI (`kb ingest`);
the edit is the pipeline call (`run_ingest`, scanning every file included) in a warm process,
which is what `kb watch` and `POST /ingest` do. Worker entry points live here too:

    python -m bench.ingest bare DIR             parse every post with markdown-it-py, nothing else
    python -m bench.ingest edit DIR URL ROUNDS  time run_ingest after touching one post ROUNDS times
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from bench import corpus
from bench.proc import python, run
from bench.table import Figure

FULL_RATIO_TARGET = 4.0
RSS_TARGET_MIB = 1024
NOOP_SHARE_TARGET = 0.05
EDIT_TARGET_MS = 200.0


def _bare(directory: Path) -> None:
    """The baseline: read and parse every post with a plain commonmark parser."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    files = size = 0
    for path in sorted(directory.rglob("*.md")):
        data = path.read_bytes()
        parser.parse(data.decode("utf-8"))
        files, size = files + 1, size + len(data)
    print(json.dumps({"files": files, "bytes": size}))


def _edit(directory: Path, url: str, rounds: int) -> None:
    """In a warm process: one no-op run_ingest, then `rounds` edits of one post, each re-ingested."""
    from ingest.runs.pipeline import run_ingest
    from kb.stores import open_store

    store = open_store(url)
    first = run_ingest([directory], store)  # warms up: imports done, vocabularies loaded
    began = time.perf_counter()
    run_ingest([directory], store)
    noop_ms = (time.perf_counter() - began) * 1000
    target = sorted(directory.rglob("*.md"))[len(first.unchanged) // 2]
    edits: list[float] = []
    for n in range(rounds):
        corpus.edit(target, n)
        began = time.perf_counter()
        report = run_ingest([directory], store)
        edits.append((time.perf_counter() - began) * 1000)
        assert len(report.updated) == 1, report
    store.close()
    print(json.dumps({"noop_ms": noop_ms, "edit_ms": edits, "posts": len(first.unchanged)}))


def figures(directory: Path, url: str, backend: str, label: str, env: dict[str, str] | None = None,
            rounds: int = 5) -> list[Figure]:
    """Measure the four ingest figures for one corpus and one (empty) store."""
    bare = run([python(), "-m", "bench.ingest", "bare", str(directory)])
    info = json.loads(bare.stdout)
    mb, posts = info["bytes"] / 1e6, info["files"]
    kb_cli = [python(), "-m", "kb"]  # the `kb` command, wherever the environment put its script
    full = run([*kb_cli, "ingest", str(directory), "--db", url, "--quiet"], env=env)
    noop = run([*kb_cli, "ingest", str(directory), "--db", url, "--quiet"], env=env)
    edit = json.loads(run([python(), "-m", "bench.ingest", "edit", str(directory), url, str(rounds)], env=env).stdout)
    ratio = full.seconds / bare.seconds
    size = f"{label} posts"
    out = [
        Figure(backend, size, "bare markdown-it-py parse (baseline)",
               f"{bare.seconds:.1f} s, {posts / bare.seconds:.0f} posts/s, {mb / bare.seconds:.2f} MB/s"),
        Figure(backend, size, "full ingest, wall (`kb ingest`)",
               f"{full.seconds:.1f} s, {posts / full.seconds:.0f} posts/s, {mb / full.seconds:.2f} MB/s",
               f"bare parse {bare.seconds:.1f} s", ratio, f"<= {FULL_RATIO_TARGET:g}x", ratio <= FULL_RATIO_TARGET),
        Figure(backend, size, "full ingest, CPU (all processes)", f"{full.cpu:.1f} s",
               f"bare parse {bare.cpu:.1f} s", full.cpu / bare.cpu),
        Figure(backend, size, "peak RSS of the ingest",
               f"{full.max_rss_mib:.0f} MiB largest process, {full.tree_rss_mib:.0f} MiB all processes",
               "", None, "<= 1024 MiB", max(full.max_rss_mib, full.tree_rss_mib) <= RSS_TARGET_MIB),
        Figure(backend, size, "no-op re-ingest (`kb ingest`, process start included)", f"{noop.seconds:.2f} s",
               f"full ingest {full.seconds:.1f} s", noop.seconds / full.seconds, "<= 5%",
               noop.seconds / full.seconds <= NOOP_SHARE_TARGET),
        Figure(backend, size, "no-op re-ingest (pipeline call, warm process)", f"{edit['noop_ms']:.0f} ms",
               f"full ingest {full.seconds:.1f} s", edit["noop_ms"] / 1000 / full.seconds),
        Figure(backend, size, "one edited post re-ingested (pipeline call: scan + read + extract + write)",
               f"median {statistics.median(edit['edit_ms']):.0f} ms, max {max(edit['edit_ms']):.0f} ms "
               f"({rounds} edits)", "", None, f"<= {EDIT_TARGET_MS:.0f} ms",
               statistics.median(edit["edit_ms"]) <= EDIT_TARGET_MS),
    ]
    return out


def main() -> None:
    command, *args = sys.argv[1:]
    if command == "bare":
        _bare(Path(args[0]))
    elif command == "edit":
        _edit(Path(args[0]), args[1], int(args[2]))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main()
