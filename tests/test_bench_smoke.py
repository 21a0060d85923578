"""The benchmark suite end to end at a toy size: every figure is measured and the table prints.

No timing is asserted (the machine is shared); the real run is `make bench` (docs/PERFORMANCE.md).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_prints_its_table(tmp_path: Path) -> None:
    out = tmp_path / "table.md"
    env = {k: v for k, v in os.environ.items() if k != "KB_TEST_NEO4J_URI"}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "12", "--api-sizes", "200", "--requests", "24",
         "--duration", "0.3", "--concurrency", "4", "--edits", "1", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    table = out.read_text(encoding="utf-8")
    assert table.startswith("| backend | size | figure | value | baseline (same run) | ratio | target | met |")
    for figure in ("bare markdown-it-py parse", "full ingest, wall", "peak RSS", "no-op re-ingest",
                   "one edited post", "/health", "/timeline", "/entities/{id}/neighbors?depth=2", "/paths",
                   "/search", "/skills/{id}/related", "response cache on"):
        assert figure in table, figure
    rows = [line for line in table.splitlines() if line.startswith("| sqlite |")]
    assert len(rows) == 7 + 6 + 2 and all(row.count("|") == 9 for row in rows)
    assert "errors" not in table  # every request got an answer
    assert "Machine:" in table and "| sqlite | 12 posts | full ingest" in done.stdout  # printed too
