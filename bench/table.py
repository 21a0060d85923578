"""Benchmark figures and the table they print as (Markdown, so docs/PERFORMANCE.md can hold it)."""
from __future__ import annotations

import platform
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    backend: str  # sqlite | neo4j
    size: str  # "10k posts", "100k events"
    name: str
    value: str
    baseline: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None  # None: no target


def render(figures: list[Figure]) -> str:
    """A Markdown table; one row per figure, in the order measured."""
    head = ["backend", "size", "figure", "value", "baseline (same run)", "ratio", "target", "met"]
    rows = [head, ["---"] * len(head)]
    for f in figures:
        ratio = "" if f.ratio is None else f"{f.ratio:.2f}"
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        rows.append([f.backend, f.size, f.name, f.value, f.baseline, ratio, f.target, met])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def machine() -> str:
    """One line naming the machine, for the record."""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as handle:
            mem_kib = int(handle.readline().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kib = 0
    try:
        with open("/proc/loadavg") as handle:
            load = handle.read().split()[0]
    except OSError:
        load = "?"
    import os

    return (f"{cpu or platform.processor()}, {os.cpu_count()} cores, {mem_kib / 1024 / 1024:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, load average {load} at the start")


def size_label(count: int) -> str:
    return f"{count // 1000}k" if count >= 1000 and count % 1000 == 0 else str(count)
