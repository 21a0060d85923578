"""Schemathesis against the live OpenAPI schema of a `kb serve` holding the sample posts: every
operation fuzzed with a bounded number of examples, as the owner (write routes on) and as the
public (people masked). Zero server errors, zero responses that break the documented schema."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.kbproc import SAMPLES, kb, kb_env, served

pytest.importorskip("schemathesis")

ST = str(Path(sys.executable).with_name("schemathesis"))
TOKEN = "schemathesis-token"
EXAMPLES_PER_OPERATION = 30
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_schema_conformance,response_headers_conformance")


def _run(base: str, report: Path, headers: list[str]) -> tuple[int, str, int, int]:
    """Exit code, the summary line, JUnit test cases and failures of one schemathesis run."""
    args = [ST, "run", f"{base}/openapi.json", "--max-examples", str(EXAMPLES_PER_OPERATION), "--checks", CHECKS,
            "--seed", "20261129", "--workers", "1", "--request-timeout", "30", "--max-failures", "50",
            "--report", "junit", "--report-junit-path", str(report), *headers]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, env=kb_env(NO_COLOR="1"))
    summary = next((line.strip() for line in done.stdout.splitlines() if " generated, " in line), "")
    root = ET.parse(report).getroot()
    cases = root.findall(".//testcase")
    failures = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
    if done.returncode != 0 or failures:
        print(done.stdout[-6000:])
    return done.returncode, summary, len(cases), len(failures)


@pytest.mark.slow  # ~30 s: two fuzzing runs of ~1000 requests each; still part of `make test`
def test_schemathesis_finds_no_server_error_and_no_schema_violation(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    shutil.copytree(SAMPLES, posts)
    db = f"sqlite:///{tmp_path}/kb.db"
    assert kb("ingest", str(posts), "--db", db, "-q").returncode == 0
    results = {}
    with served(db, "--posts", str(posts), KB_API_TOKEN=TOKEN, KB_PUBLIC_PEOPLE="initials",
                KB_WRITE_BURST="100000", KB_WRITES_PER_MINUTE="100000") as base:
        for viewer, headers in (("owner", ["--header", f"Authorization: Bearer {TOKEN}"]), ("public", [])):
            results[viewer] = _run(base, tmp_path / f"{viewer}.xml", headers)
    for viewer, (code, summary, cases, failures) in results.items():
        print(f"schemathesis as {viewer}: {summary} ({cases} operations, {failures} failing)")
        assert failures == 0 and code == 0, f"{viewer}: {summary}"
        assert cases >= 15, f"{viewer}: only {cases} operations tested"


@pytest.mark.parametrize("people", ["full", "initials", "hide"])
def test_the_schema_and_docs_are_served_to_the_public_in_every_people_mode(people: str, tmp_path: Path) -> None:
    """Found by schemathesis: the people mask once walked /openapi.json and answered 500."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from kb.config import Settings

    settings = Settings(api_token=TOKEN, public_people=people, database_url=f"sqlite:///{tmp_path}/kb.db")
    with TestClient(create_app(settings=settings)) as client:
        schema = client.get("/openapi.json")
        assert schema.status_code == 200 and "/timeline" in schema.json()["paths"]
        assert client.get("/docs").status_code == 200
