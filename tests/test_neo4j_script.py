"""scripts/neo4j.sh without starting a server: syntax, usage, and what it says when nothing runs.

Starting one takes ~15 s and a 1 GB heap, so that path is exercised by `make test` itself
(scripts/test.sh starts the server the Neo4j tests use), not here.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "neo4j.sh"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_NEO4J_HOME": str(home)}
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=30)


def test_the_script_parses_and_is_executable() -> None:
    assert subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True).returncode == 0
    assert os.access(SCRIPT, os.X_OK)


def test_usage_on_an_unknown_command(tmp_path: Path) -> None:
    done = run("bogus", home=tmp_path)
    assert done.returncode == 2 and "start|stop|status|env" in done.stderr


def test_nothing_running_is_reported_and_stop_is_idempotent(tmp_path: Path) -> None:
    status = run("status", home=tmp_path)
    assert status.returncode == 3 and status.stdout.strip() == "stopped"
    env = run("env", home=tmp_path)
    assert env.returncode == 1 and "export" not in env.stdout
    for _ in range(2):
        assert run("stop", home=tmp_path).returncode == 0


def test_a_state_file_of_a_dead_process_is_not_running(tmp_path: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / "state").write_text(f"PID={dead.pid}\nURI=bolt://127.0.0.1:1\nPASSWORD=x\n")
    assert run("status", home=tmp_path).returncode == 3
    assert run("env", home=tmp_path).returncode == 1
    assert run("stop", home=tmp_path).returncode == 0 and not (tmp_path / "state").exists()


def test_env_prints_what_a_shell_can_eval(tmp_path: Path) -> None:
    """A live pid whose command line names the launcher counts as running; env quotes the values."""
    holder = subprocess.Popen(["bash", "-c", "exec -a KbNeo4jLauncher sleep 30"])
    try:
        (tmp_path / "state").write_text(f"PID={holder.pid}\nURI=bolt://127.0.0.1:7999\nPASSWORD=a b'c\n")
        assert run("status", home=tmp_path).stdout.startswith("running bolt://127.0.0.1:7999")
        printed = run("env", home=tmp_path).stdout
        shown = subprocess.run(["bash", "-c", printed + 'printf "%s|%s" "$KB_TEST_NEO4J_URI" "$KB_TEST_NEO4J_PASSWORD"'],
                               capture_output=True, text=True).stdout
        assert shown == "bolt://127.0.0.1:7999|a b'c"
    finally:
        holder.kill()
        holder.wait()
