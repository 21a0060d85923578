"""Cache-friendly HTTP: ETags that change exactly when the graph changes, per viewer and people
mode, Cache-Control per viewer, 304 on If-None-Match, gzip and CORS."""
from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from kb.store import Store
from tests.exports.documents import make_document
from tests.web.conftest import OWNER

READS = ("/timeline", "/entities", "/entities/skill:ray", "/search?q=Ray", "/page/data", "/export/ics", "/", "/p/new-team")


def test_every_read_has_an_etag_and_public_cache_control(client: TestClient) -> None:
    for url in READS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["etag"].startswith('W/"'), url
        assert response.headers["cache-control"] == "public, max-age=60", url
        assert "Authorization" in response.headers["vary"], url
        again = client.get(url, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304 and again.content == b"", url
        assert again.headers["etag"] == response.headers["etag"]


def test_owner_reads_are_private_and_tagged_apart(client: TestClient) -> None:
    public = client.get("/timeline")
    owner = client.get("/timeline", headers=OWNER)
    assert owner.headers["cache-control"] == "private, no-cache"
    assert owner.headers["etag"] != public.headers["etag"]
    assert client.get("/timeline", headers={**OWNER, "If-None-Match": public.headers["etag"]}).status_code == 200


def test_etags_change_exactly_when_the_graph_changes(client: TestClient, doc_store: Store) -> None:
    before = {url: client.get(url).headers["etag"] for url in READS}
    assert before == {url: client.get(url).headers["etag"] for url in READS}  # stable while nothing changes
    assert len(set(before.values())) == len(READS)  # and different per URL
    document = make_document()
    document.pop("base_url")
    document["events"][0]["title"] = "알고리즘 스터디 운영 (edited)"
    doc_store.import_(document)
    for url, etag in before.items():
        response = client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == 200 and response.headers["etag"] != etag, url


def test_people_mode_is_part_of_the_etag(make_client: Callable[..., TestClient]) -> None:
    tags = {mode: make_client(public_people=mode).get("/entities").headers["etag"] for mode in ("full", "initials", "hide")}
    assert len(set(tags.values())) == 3


def test_health_is_never_cached_and_errors_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get("/health").headers
    assert "etag" not in client.get("/entities/skill:nope").headers


def test_large_reads_are_gzipped(client: TestClient) -> None:
    response = client.get("/page/data", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip" and response.json()["years"]


def test_cors_allows_the_configured_origins_and_exposes_the_etag(make_client: Callable[..., TestClient]) -> None:
    client = make_client(cors_origins=("https://me.example.org",))
    allowed = client.get("/timeline", headers={"Origin": "https://me.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://me.example.org"
    assert "etag" in allowed.headers["access-control-expose-headers"].lower()
    other = client.get("/timeline", headers={"Origin": "https://evil.example.org"})
    assert "access-control-allow-origin" not in other.headers
