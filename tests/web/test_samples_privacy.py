"""The leak test again, on the sample posts as the real ingest reads them: with people hidden or
shown as initials, no person's name, alias or id, and nothing of the draft post, is in any public
response; the owner sees both."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kb.config import Settings
from kb.exports import EXPORTERS
from kb.store import Store
from tests.web.conftest import OWNER, TOKEN

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "posts"
DRAFT_WORDS = ("검색엔진", "비밀 프로젝트", "2024-02-01-draft-side-project")


@pytest.fixture
def sample_store(store: Store) -> Store:
    from ingest.runs.pipeline import run_ingest

    report = run_ingest([SAMPLES], store)
    assert not report.failed, report.failed
    return store


def public_reads(client: TestClient) -> dict[str, str]:
    urls = ["/timeline?limit=200", "/entities?limit=200", "/posts?limit=200", "/page/data", "/stats",
            "/search?q=분산", "/search?q=team", *(f"/export/{name}" for name in EXPORTERS)]
    skills = [i["entity"]["id"] for i in client.get("/entities", params={"type": "skill", "limit": 200}).json()["items"]]
    urls += [f"/entities/{s}/neighbors?depth=3" for s in skills[:5]]
    urls += [f"/paths?from={skills[0]}&to={s}" for s in skills[1:5]]
    urls += [f"/p/{p['id']}" for p in client.get("/posts", params={"limit": 200}).json()["items"]]
    return {url: client.get(url).text for url in urls}


@pytest.mark.parametrize("mode", ["hide", "initials"])
def test_no_name_and_no_draft_in_public_reads_of_the_samples(sample_store: Store, mode: str) -> None:
    with TestClient(create_app(store=sample_store, settings=Settings(api_token=TOKEN, public_people=mode))) as client:
        people = client.get("/entities", params={"type": "person", "limit": 200}, headers=OWNER).json()["items"]
        assert people, "the samples mention people"
        secrets = [p["entity"]["id"] for p in people]
        secrets += [n for p in people for n in (p["entity"]["name"], *p["entity"]["aliases"]) if len(n) >= 2]
        for url, text in public_reads(client).items():
            folded = text.casefold()
            for secret in [*secrets, *DRAFT_WORDS]:
                assert secret.casefold() not in folded, (mode, url, secret)
        owner = client.get("/page/data", headers=OWNER).text
        assert "2024-02-01-draft-side-project" in owner and any(p["entity"]["name"] in owner for p in people)
