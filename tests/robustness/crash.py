"""The two-state corpus of the crash tests, and a `kb ingest` killed with SIGKILL at a chosen moment.

Version 1 of the folder is ingested into state A; version 2 edits some posts, deletes some and adds
some, and a complete ingest of it gives state B. An ingest of version 2 started from A and killed
at any moment must leave every post whole in A or whole in B.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.kbproc import KB, kb_env

SKILLS = ("Python", "PyTorch", "Ray", "Kubernetes", "Docker", "Go", "Rust", "PostgreSQL", "Redis", "Kafka",
          "TensorFlow", "React", "TypeScript", "Terraform", "Spark")
POSTS = 60
EDITED = range(0, 40)
DELETED = range(40, 46)
ADDED = range(POSTS, POSTS + 30)  # 70 posts to extract: enough for the ingest's worker processes


def post_text(i: int, version: int) -> str:
    """A small post whose facts (title, date, skills, events) change with the version."""
    year = 2015 + (i + version) % 10
    skills = [SKILLS[(i * 3 + k + version * 5) % len(SKILLS)] for k in range(3)]
    sections = "".join(
        f"## Part {k}\n\nIn {year}-{(k % 12) + 1:02d} I used {skill} at work on project {i}-{version}.\n\n"
        for k, skill in enumerate(skills))
    return (f"---\ntitle: Post {i} version {version}\ndate: {year}-0{(i % 9) + 1}-1{version}\n"
            f"tags: [v{version}]\n---\n# Post {i}\n\n{sections}")


def write_version(folder: Path, version: int) -> None:
    """Make `folder` hold version 1 or 2 of the corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = set(range(POSTS)) if version == 1 else (set(range(POSTS)) - set(DELETED)) | set(ADDED)
    for file in folder.glob("*.md"):
        if int(file.stem.split("-")[1]) not in wanted:
            file.unlink()
    for i in sorted(wanted):
        text = post_text(i, 2 if version == 2 and i in EDITED or i in ADDED else 1)
        (folder / f"post-{i:03d}.md").write_text(text, encoding="utf-8")


def _wal_size(wal: Path) -> int:
    try:
        return wal.stat().st_size
    except FileNotFoundError:
        return 0


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (the ingest's extraction workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def reap_orphans(pids: list[int], grace: float = 5.0) -> list[int]:
    """Wait for the workers of a killed ingest to exit; kill and return those still alive."""
    deadline = time.monotonic() + grace
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in pids if _alive(p)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def killed_ingest(folder: Path, db: str, delay: float, wal: Path | None = None,
                  **env: str) -> tuple[bool, float, list[int]]:
    """Start `kb ingest` and SIGKILL it (the main process only, as a crash would) `delay` seconds
    later: after its start, or, given the SQLite write-ahead log, after the commit begins writing
    to it (a window of a few ms that a random clock would almost never hit).
    Returns (finished before the kill, seconds it ran, worker processes it left running)."""
    started = time.monotonic()
    proc = subprocess.Popen(KB + ["ingest", str(folder), "--db", db, "-q"], env=kb_env(**env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if wal is not None:
            while _wal_size(wal) == 0:
                if proc.poll() is not None or time.monotonic() - started > 120:
                    return proc.poll() is not None, time.monotonic() - started, []
                time.sleep(0.0002)
        proc.wait(timeout=delay)
        return True, time.monotonic() - started, []
    except subprocess.TimeoutExpired:
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return False, time.monotonic() - started, reap_orphans(workers)
