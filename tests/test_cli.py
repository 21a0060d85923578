"""The `kb` console script, run in a subprocess as a user would."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest

from tests.kbproc import SAMPLES, kb, served


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


def test_serve_answers_over_http(posts: Path, db: str) -> None:
    kb("ingest", str(posts), "--db", db)
    with served(db) as base:
        timeline = httpx.get(f"{base}/timeline", params={"from": "2021", "to": "2021"}, timeout=5)
        assert timeline.status_code == 200 and timeline.json()["items"]
