"""`kb export --format F [--public]` in a subprocess over a real SQLite store holding the test
document: every registered format is reachable from the CLI and the public cut holds there too."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.exports import EXPORTERS
from kb.exports.public import public_export
from tests.exports.documents import make_document

KB = str(Path(sys.executable).with_name("kb"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli-export")
    document = make_document()
    document.pop("base_url")
    (folder / "doc.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    url = f"sqlite:///{folder}/kb.db"
    done = subprocess.run([KB, "import", str(folder / "doc.json"), "--db", url], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if not k.startswith("KB_")}, timeout=60)
    assert done.returncode == 0, done.stderr
    return url


def kb_export(db: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    done = subprocess.run([KB, "export", "--db", db, *args], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_format_exports_from_the_cli_and_public_leaves_private_posts_out(db: str, name: str) -> None:
    public = kb_export(db, "--format", name, "--public")
    assert "검색엔진" not in public and "Rust" not in public
    assert "검색엔진" in kb_export(db, "--format", name)


def test_public_export_helper_masks_people_for_the_cli(db: str) -> None:
    document = json.loads(kb_export(db, "--format", "json"))
    hidden = public_export(document, "hide")
    assert "Jane" not in json.dumps(hidden, ensure_ascii=False) and "검색엔진" not in json.dumps(hidden, ensure_ascii=False)
    initials = public_export(document, "initials")
    assert "J. P." in json.dumps(initials, ensure_ascii=False)
