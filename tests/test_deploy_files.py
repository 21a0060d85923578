"""docker-compose.yml and the Dockerfile, checked without a Docker engine (none runs here).

The compose file is parsed and its wiring checked; the Dockerfile's COPY lines must bring every
file the package needs, its command must use CLI options that exist, and with CI set its exact
`pip install` line runs in a fresh venv over a copy of just what the image copies.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.stores.neo4j.connection import parse_url

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [(m.group(1).upper(), m.group(2).strip())
            for m in re.finditer(r"^\s*([A-Za-z]+)\s+(.*)$", joined, re.MULTILINE)]


def instructions(name: str) -> list[str]:
    return [args for instr, args in dockerfile() if instr == name]


def test_neo4j_service_is_the_community_lts_with_auth_a_volume_and_a_healthcheck() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD(:\?[^}]*)?\}", neo4j["environment"]["NEO4J_AUTH"])
    (volume,) = neo4j["volumes"]
    name, target = volume.split(":")[:2]
    assert target == "/data" and name in compose()["volumes"]
    test = " ".join(neo4j["healthcheck"]["test"])
    assert "cypher-shell" in test or "7474" in test
    assert "$${NEO4J_AUTH" in test  # a shell variable inside the container, not compose interpolation
    assert all(str(p).startswith("127.0.0.1:") for p in neo4j["ports"])


def test_api_service_is_built_here_and_waits_for_a_healthy_neo4j() -> None:
    api = compose()["services"]["api"]
    assert api["build"]["context"] == "." and (ROOT / api["build"]["dockerfile"]).is_file()
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    env = api["environment"]
    settings = parse_url(env["KB_DATABASE_URL"])
    assert settings.uri == "neo4j://neo4j:7687"  # the service name, on Neo4j's Bolt port
    assert env["NEO4J_USER"] == "neo4j" and env["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD")
    posts = [v for v in api["volumes"] if v.rsplit(":", 2)[1] == env["KB_POSTS"]]
    assert len(posts) == 1 and posts[0].endswith(":ro")
    assert "127.0.0.1:8000:8000" in api["ports"]


def test_no_password_is_written_into_the_compose_file() -> None:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    for match in re.finditer(r"(?:PASSWORD|AUTH):\s*(\S+)", text):
        assert match.group(1).startswith(("${NEO4J_PASSWORD", "neo4j/${NEO4J_PASSWORD")), match.group(0)


def test_dockerfile_copies_everything_the_package_needs() -> None:
    assert instructions("FROM") == ["python:3.11-slim"]
    copied = {src for args in instructions("COPY") for src in shlex.split(args)[:-1]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert {"pyproject.toml", project["project"]["readme"]} | packages <= copied
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert not copied & ignored and ".venv" in ignored and ".git" in ignored


def test_dockerfile_runs_as_a_user_and_ingests_then_serves_on_all_interfaces() -> None:
    assert instructions("USER") and instructions("USER")[-1] not in ("root", "0")
    (cmd,) = instructions("CMD")
    assert re.search(r"kb ingest .*; .*exec kb serve --host 0\.0\.0\.0 --port 8000", cmd)
    assert re.fullmatch(r"pip install --no-cache-dir \.", pip_line())


def pip_line() -> str:
    (line,) = [args for args in instructions("RUN") if args.startswith("pip install")]
    return line


def test_the_options_the_image_uses_exist_in_the_cli() -> None:
    (cmd,) = instructions("CMD")
    kb = [sys.executable, "-c", "from kb.cli import main; main()"]
    for command in ("ingest", "serve"):
        help_text = subprocess.run([*kb, command, "--help"], capture_output=True, text=True, check=True,
                                   env={**os.environ, "COLUMNS": "200"}).stdout
        used = re.findall(rf"kb {command} [^;]*", cmd)[0]
        for option in re.findall(r"--[a-z-]+", used):
            assert option in help_text, f"kb {command} has no {option}"


@pytest.mark.skipif(not os.environ.get("CI"), reason="installs kb and its dependencies from PyPI: runs in CI")
def test_the_dockerfile_pip_install_works_on_what_the_image_copies(tmp_path: Path) -> None:
    context = tmp_path / "context"
    context.mkdir()
    for args in instructions("COPY"):
        *sources, _ = shlex.split(args)
        for src in sources:
            copy = shutil.copytree if (ROOT / src).is_dir() else shutil.copy2
            copy(ROOT / src, context / src)  # type: ignore[operator]
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = shlex.split(pip_line())
    subprocess.run([str(venv / "bin" / "python"), "-m", *pip], cwd=context, check=True, capture_output=True)
    probe = ("import importlib.resources as r, kb.stores.neo4j, api.app;"
             "print(sorted(p.name for p in r.files('ingest').joinpath('data').iterdir()))")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", probe], cwd=tmp_path, check=True,
                         capture_output=True, text=True).stdout
    assert "skills.yaml" in out
    assert subprocess.run([str(venv / "bin" / "kb"), "--help"], capture_output=True, check=True).returncode == 0
