"""Moving a graph between stores with the CLI: `kb export` from one and `kb import` into the
other give byte-identical export documents, both ways."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import EMPTY_EXPORT, NEO4J_SKIP
from tests.kbproc import SAMPLES, kb

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_env() -> dict[str, str]:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_SKIP)
    return {"KB_DATABASE_URL": uri, "NEO4J_USER": os.environ.get("KB_TEST_NEO4J_USER", "neo4j"),
            "NEO4J_PASSWORD": os.environ.get("KB_TEST_NEO4J_PASSWORD", "")}


def export(db: str, out: Path, env: dict[str, str]) -> str:
    result = kb("export", "--db", db, "--format", "json", "--output", str(out), **env)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def move(source: str, target: str, tmp_path: Path, env: dict[str, str]) -> tuple[str, str]:
    """Export `source`, import into `target`, export `target`: both documents."""
    before = export(source, tmp_path / "from.json", env)
    imported = kb("import", str(tmp_path / "from.json"), "--db", target, **env)
    assert imported.returncode == 0, imported.stderr
    return before, export(target, tmp_path / "to.json", env)


def test_sqlite_to_neo4j_and_back_is_identical(tmp_path: Path, neo4j_env: dict[str, str]) -> None:
    sqlite, neo4j = f"sqlite:///{tmp_path}/kb.db", neo4j_env["KB_DATABASE_URL"]
    assert kb("ingest", str(SAMPLES), "--db", sqlite, "--quiet", **neo4j_env).returncode == 0
    before, after = move(sqlite, neo4j, tmp_path, neo4j_env)
    assert '"posts": []' not in before and after == before
    again, back = move(neo4j, f"sqlite:///{tmp_path}/back.db", tmp_path, neo4j_env)
    assert again == before and back == before


def test_neo4j_ingest_exports_like_sqlite_ingest(tmp_path: Path, neo4j_env: dict[str, str]) -> None:
    sqlite, neo4j = f"sqlite:///{tmp_path}/kb.db", neo4j_env["KB_DATABASE_URL"]
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps(EMPTY_EXPORT), encoding="utf-8")
    assert kb("import", str(empty), "--db", neo4j, **neo4j_env).returncode == 0  # a clean Neo4j
    for db in (sqlite, neo4j):
        result = kb("ingest", str(SAMPLES), "--db", db, "--quiet", **neo4j_env)
        assert result.returncode == 0 and "added 9" in result.stdout, result.stdout + result.stderr
    assert export(neo4j, tmp_path / "n.json", neo4j_env) == export(sqlite, tmp_path / "s.json", neo4j_env)
