"""Every public read path, end to end over HTTP: no private post or fact only it supports, and
people shown as KB_PUBLIC_PEOPLE says; the bearer token unlocks the owner's view."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from kb.exports import EXPORTERS
from tests.web.conftest import OWNER, SECRETS

PUBLIC_READS = (
    "/timeline?limit=200", "/entities?limit=200", "/entities?type=person", "/entities/skill:go",
    "/entities/skill:go/neighbors?depth=3", "/entities/organization:hanbit-data/neighbors?depth=3",
    "/paths?from=skill:go&to=skill:ray", "/skills/skill:go/related", "/search?q=Jane",
    "/search?q=Park", "/search?q=platform", "/posts?limit=200", "/posts/new-team", "/page/data",
    "/p/new-team", "/stats", "/", "/search.json",
    *(f"/export/{name}" for name in EXPORTERS),
)


def test_private_posts_and_their_facts_never_reach_a_public_response(client: TestClient) -> None:
    for url in PUBLIC_READS:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        for secret in SECRETS:
            assert secret not in response.text, (url, secret)
    for url in ("/entities/skill:rust", "/entities/project:search-engine", "/p/secret", "/posts/secret",
                "/events/event:secret", "/entities/skill:rust/neighbors", "/skills/skill:rust/related"):
        assert client.get(url).status_code == 404, url
    assert client.get("/search", params={"q": "검색엔진"}).json() == []


def test_the_token_unlocks_the_private_view_everywhere(client: TestClient) -> None:
    assert client.get("/p/secret", headers=OWNER).status_code == 200
    assert "검색엔진" in client.get("/page/data", headers=OWNER).text
    assert "비밀 프로젝트" in client.get("/search.json", headers=OWNER).text  # the home page's search box
    for name in EXPORTERS:
        assert "검색엔진" in client.get(f"/export/{name}", headers=OWNER).text, name
    assert client.get("/p/secret", headers={"Authorization": "Bearer wrong"}).status_code == 404


@pytest.mark.parametrize("mode", ["hide", "initials"])
def test_people_are_anonymized_in_every_public_response(make_client: Callable[..., TestClient], mode: str) -> None:
    client = make_client(public_people=mode)
    for url in PUBLIC_READS:
        response = client.get(url)
        assert "Jane" not in response.text and "jane-park" not in response.text, (mode, url)
    assert client.get("/entities/person:jane-park").status_code == 404
    assert client.get("/timeline", params={"entity": "person:jane-park"}).status_code == 404
    owner = client.get("/entities/person:jane-park", headers=OWNER)
    assert owner.status_code == 200 and owner.json()["summary"]["entity"]["name"] == "Jane Park"
    # the masking really happened: the same reads show the name in full mode
    assert "Jane Park" in make_client(public_people="full").get("/page/data").text


def test_hide_removes_people_and_what_only_they_connect(make_client: Callable[..., TestClient]) -> None:
    client = make_client(public_people="hide")
    assert client.get("/entities", params={"type": "person"}).json()["items"] == []
    team = next(e for y in client.get("/page/data").json()["years"] for e in y["events"] if e["id"] == "event:team")
    assert [e["type"] for e in team["entities"]].count("person") == 0
    assert "[someone]" in team["title"]
    hood = client.get("/entities/skill:go/neighbors", params={"depth": 2}).json()
    assert all(n["kind"] != "person" for n in hood["nodes"])
    assert all(not e["target"].startswith("person:") for e in hood["edges"])


def test_initials_keep_people_reachable_by_a_masked_id(make_client: Callable[..., TestClient]) -> None:
    client = make_client(public_people="initials")
    people = client.get("/entities", params={"type": "person"}).json()["items"]
    assert [p["entity"]["name"] for p in people] == ["J. P."]
    masked = people[0]["entity"]["id"]
    assert client.get(f"/entities/{masked}").json()["summary"]["entity"]["name"] == "J. P."
    hood = client.get(f"/entities/{masked}/neighbors", params={"depth": 2}).json()
    assert hood["center"] == masked and any(n["id"] == "skill:go" for n in hood["nodes"])
    path = client.get("/paths", params={"from": "skill:go", "to": masked}).json()
    assert path["nodes"][-1]["id"] == masked
    events = client.get("/timeline", params={"entity": masked}).json()["items"]
    assert [e["id"] for e in events] == ["event:team"] and masked in events[0]["entities"]
