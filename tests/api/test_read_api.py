"""The read-only API over the sample posts: shapes, order, filters, errors and privacy."""
from __future__ import annotations

from fastapi.testclient import TestClient

from kb.models import date_sort_key


def test_health_reports_the_store(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["version"]


def test_timeline_is_sorted_by_date_with_precision_respected(client: TestClient) -> None:
    items = client.get("/timeline", params={"limit": 200}).json()["items"]
    assert len(items) >= 8
    keys = [date_sort_key(e["start"]) for e in items]
    assert keys == sorted(keys)
    assert all(len(e["start"]) in (4, 7, 10) for e in items if e["start"])


def test_timeline_year_filter_keeps_only_overlapping_events(client: TestClient) -> None:
    items = client.get("/timeline", params={"from": "2021", "to": "2021"}).json()["items"]
    assert items
    for event in items:
        start, end = event["start"], event["end"] or event["start"]
        assert start[:4] <= "2021" <= end[:4]


def test_timeline_paginates_with_a_cursor_and_a_next_link(client: TestClient) -> None:
    first = client.get("/timeline", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"] and "cursor=" in first["next"]
    second = client.get(first["next"]).json()
    assert {e["id"] for e in first["items"]}.isdisjoint({e["id"] for e in second["items"]})


def test_timeline_by_entity_lists_only_events_involving_it(client: TestClient) -> None:
    items = client.get("/timeline", params={"entity": "skill:ray"}).json()["items"]
    assert items and all("skill:ray" in e["entities"] for e in items)


def test_the_same_skill_across_posts_is_one_entity(client: TestClient) -> None:
    detail = client.get("/entities/skill:ray").json()
    posts = {s["post"] for s in detail["sources"]}
    assert len(posts) >= 2, posts


def test_entities_are_sorted_by_number_of_events(client: TestClient) -> None:
    items = client.get("/entities", params={"type": "skill"}).json()["items"]
    counts = [i["event_count"] for i in items]
    assert counts == sorted(counts, reverse=True)
    assert all(i["entity"]["type"] == "skill" for i in items)


def test_neighbors_and_paths_connect_skills_through_events(client: TestClient) -> None:
    hood = client.get("/entities/skill:ray/neighbors", params={"depth": 2}).json()
    assert any(n["kind"] == "event" for n in hood["nodes"])
    other = next(n["id"] for n in hood["nodes"] if n["kind"] != "event" and n["id"] != "skill:ray")
    path = client.get("/paths", params={"from": "skill:ray", "to": other}).json()
    assert path["nodes"][0]["id"] == "skill:ray" and path["nodes"][-1]["id"] == other


def test_related_skills_carry_weights_and_dates(client: TestClient) -> None:
    related = client.get("/skills/skill:ray/related").json()
    assert related and all(r["weight"] >= 1 for r in related)


def test_search_finds_a_two_syllable_korean_word_inside_a_longer_one(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "분산"}).json()
    assert hits, "분산 should match 분산실험"


def test_unknown_ids_are_404_with_a_json_reason(client: TestClient) -> None:
    for url in ("/entities/skill:nope", "/entities/skill:nope/neighbors", "/posts/nope",
                "/events/event:nope", "/skills/skill:nope/related"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "nope" in response.json()["error"]["message"]


def test_bad_parameters_are_422_naming_the_parameter(client: TestClient) -> None:
    for url, param in (("/timeline?from=20x", "from"), ("/timeline?limit=100000", "limit"),
                       ("/entities/skill:ray/neighbors?depth=9", "depth"),
                       ("/timeline?cursor=garbage", None)):
        response = client.get(url)
        assert response.status_code == 422, url
        if param:
            assert param in str(response.json()["error"]), url


def test_private_posts_and_their_facts_are_not_served(client: TestClient, owner_headers: dict) -> None:
    public_posts = {p["id"] for p in client.get("/posts", params={"limit": 200}).json()["items"]}
    owner_posts = {p["id"] for p in client.get("/posts", params={"limit": 200},
                                               headers=owner_headers).json()["items"]}
    private = owner_posts - public_posts
    assert private == {"2024-02-01-draft-side-project"}
    assert client.get("/posts/2024-02-01-draft-side-project").status_code == 404
    public_ids = {e["entity"]["id"] for e in client.get("/entities", params={"limit": 200}).json()["items"]}
    owner_ids = {e["entity"]["id"] for e in client.get("/entities", params={"limit": 200},
                                                       headers=owner_headers).json()["items"]}
    only_private = owner_ids - public_ids  # what only the draft names (which ones is extraction's business)
    assert only_private
    for entity_id in only_private:
        assert client.get(f"/entities/{entity_id}").status_code == 404
        assert client.get(f"/entities/{entity_id}", headers=owner_headers).status_code == 200
    assert not client.get("/search", params={"q": "검색엔진"}).json()
    assert client.get("/search", params={"q": "검색엔진"}, headers=owner_headers).json()
    public_timeline = client.get("/timeline", params={"limit": 200}).json()["items"]
    assert all(s["post_id"] not in private for e in public_timeline for s in e["sources"])


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/timeline", "/entities", "/entities/{entity_id}", "/entities/{entity_id}/neighbors",
                  "/paths", "/skills/{entity_id}/related", "/search", "/posts", "/stats", "/health"):
        assert route in paths, route
