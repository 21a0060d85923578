"""The `kb` console script, run in a subprocess as a user would."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "examples" / "posts"
KB = [str(Path(sys.executable).with_name("kb"))]


def kb(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("KB_DATABASE_URL", None)
    return subprocess.run(KB + list(args), capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/kb.db"


def test_ingest_then_reingest_changes_nothing(posts: Path, db: str) -> None:
    first = kb("ingest", str(posts), "--db", db)
    assert first.returncode == 0, first.stderr
    total = len(list(posts.rglob("*.md"))) + len(list(posts.rglob("*.markdown")))
    assert f"added {total}" in first.stdout
    again = kb("ingest", str(posts), "--db", db)
    assert f"unchanged {total}" in again.stdout and "added 0" in again.stdout


def test_edited_and_deleted_posts_are_updated_and_removed(posts: Path, db: str) -> None:
    kb("ingest", str(posts), "--db", db)
    edited = posts / "2021-05-20-vae-loss.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n## 추가\n\nDocker도 배웠다.\n", encoding="utf-8")
    (posts / "2020-06-15-linear-algebra-svd.md").unlink()
    out = kb("ingest", str(posts), "--db", db).stdout
    assert "updated 1" in out and "removed 1" in out


def test_a_broken_post_is_reported_with_its_file_and_the_rest_is_ingested(posts: Path, db: str) -> None:
    (posts / "2021-02-02-broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    result = kb("ingest", str(posts), "--db", db)
    assert result.returncode == 1
    assert "2021-02-02-broken.md" in result.stderr
    assert "failed 1" in result.stdout
    stats = kb("stats", "--db", db).stdout
    assert "posts" in stats


def test_export_follows_the_export_contract(posts: Path, db: str, tmp_path: Path) -> None:
    kb("ingest", str(posts), "--db", db)
    out = tmp_path / "export.json"
    assert kb("export", "--db", db, "--format", "json", "--output", str(out)).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "kb-export" and doc["version"] == 1
    assert {"id", "path", "title", "date", "tags"} <= set(doc["posts"][0])
    assert {"id", "type", "name", "aliases", "sources"} <= set(doc["entities"][0])
    event = doc["events"][0]
    assert {"id", "title", "start", "end", "entities", "sources"} <= set(event)
    assert {"post", "section", "quote"} <= set(event["sources"][0])


def test_timeline_table_and_explain(posts: Path, db: str) -> None:
    kb("ingest", str(posts), "--db", db)
    table = kb("timeline", "--db", db, "--from", "2021", "--to", "2021")
    assert table.returncode == 0 and "2021" in table.stdout
    explained = kb("explain", "skill:ray", "--db", db)
    assert explained.returncode == 0 and "2022-01-02-2021년-회고.md" in explained.stdout
    assert kb("explain", "skill:does-not-exist", "--db", db).returncode == 1


def test_an_unknown_store_url_is_a_clear_error(tmp_path: Path) -> None:
    result = kb("stats", "--db", "mysql://nope")
    assert result.returncode == 2 and "unsupported database URL" in result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_over_http(posts: Path, db: str) -> None:
    kb("ingest", str(posts), "--db", db)
    port = free_port()
    server = subprocess.Popen(KB + ["serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        timeline = httpx.get(f"{base}/timeline", params={"from": "2021", "to": "2021"}, timeout=5)
        assert timeline.status_code == 200 and timeline.json()["items"]
    finally:
        server.terminate()
        server.wait(timeout=10)
