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


def test_a_repeated_read_is_answered_from_memory_until_the_graph_changes(client: TestClient, doc_store: Store) -> None:
    cache = client.app.state.response_cache  # type: ignore[attr-defined]
    first = client.get("/timeline")
    assert len(cache) == 1
    again = client.get("/timeline")
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"] and len(cache) == 1
    document = make_document()
    document.pop("base_url")
    document["events"][0]["title"] = "알고리즘 스터디 운영 (edited)"
    doc_store.import_(document)
    after = client.get("/timeline")
    assert "(edited)" in after.text and "(edited)" not in first.text
    assert after.headers["etag"] != first.headers["etag"]


def test_kept_answers_are_apart_per_encoding_and_viewer(client: TestClient) -> None:
    zipped = client.get("/page/data", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/page/data", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert plain.json() == zipped.json()
    public = client.get("/timeline").text
    owner = client.get("/timeline", headers=OWNER).text
    assert "비밀" in owner and "비밀" not in public
    assert "비밀" not in client.get("/timeline").text and "비밀" in client.get("/timeline", headers=OWNER).text


def test_the_response_cache_can_be_turned_off(make_client: Callable[..., TestClient]) -> None:
    client = make_client(response_cache_mb=0)
    assert client.get("/timeline").status_code == 200 and client.get("/timeline").status_code == 200
    assert len(client.app.state.response_cache) == 0  # type: ignore[attr-defined]
