"""Worker-process extraction gives exactly what in-process extraction gives, in the same order."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.runs import parallel
from ingest.runs.pipeline import run_ingest
from kb.stores import open_store

POST = """---
title: "{year}년 회고"
categories: [회고]
---

# {year}년

## 입사 후: {year}-04 ~ {year}-12

{year}년 4월에 '한빛데이터'에 입사했다. Ray와 Docker를 도입해서 분산실험 환경을 만들었다.

- Kubernetes 클러스터 운영
- PyTorch 모델 서빙 개선
"""


def _write_posts(root: Path, count: int) -> None:
    root.mkdir(parents=True)
    for n in range(count):
        (root / f"{2000 + n}-01-01-retro-{n}.md").write_text(POST.format(year=2000 + n), encoding="utf-8")
    (root / "broken.md").write_bytes(b"# ok\n\xc3\x28 not utf-8\n")


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_pool_and_serial_ingest_store_the_same_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     start: str) -> None:
    _write_posts(tmp_path / "posts", 12)
    serial = open_store(f"sqlite:///{tmp_path}/serial.db")
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    expected = run_ingest([tmp_path / "posts"], serial)

    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    if start == "spawn":  # what a threaded server gets
        monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    pooled = open_store(f"sqlite:///{tmp_path}/pooled.db")
    report = run_ingest([tmp_path / "posts"], pooled)

    assert report.added == expected.added and len(report.added) == 12
    assert [f.file for f in report.failed] == [f.file for f in expected.failed] == ["broken.md"]
    assert pooled.export() == serial.export()
    assert pooled.stats().events > 0
    serial.close()
    pooled.close()


def test_worker_count_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.worker_count(parallel.PARALLEL_MIN) == 3
    assert parallel.worker_count(parallel.PARALLEL_MIN - 1) == 1  # small ingests stay in-process
    monkeypatch.setenv(parallel.WORKERS_ENV, "0")
    assert parallel.worker_count(10_000) == 1
