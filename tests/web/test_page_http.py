"""The site over HTTP: self-contained pages and assets, the data the timeline draws, post views
whose section ids are what source links point at, and the export route."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fastapi.testclient import TestClient

from kb.exports import EXPORTERS

ASSETS = Path(__file__).resolve().parents[2] / "kb" / "site" / "assets"
EXTERNAL = r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//|fetch\(\s*["']https?:"""


def test_the_site_assets_load_nothing_from_elsewhere() -> None:
    for path in ASSETS.iterdir():
        assert not re.findall(EXTERNAL, path.read_text(encoding="utf-8")), path.name
    assert "NanumGothic" in (ASSETS / "site.css").read_text(encoding="utf-8")


def test_index_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "김하늘" in page.text and "ML Engineer" in page.text
    links = re.findall(r'(?:src|href)="([^"#]+)', page.text)
    local = [link for link in links if not link.startswith(("http", "mailto:"))]
    assert {"assets/site.css", "favicon.svg", "data.json", "resume.json"} <= set(local)
    for link in local:
        assert client.get("/" + link).status_code == 200, link
    assert client.get("/skill/nothing.html").status_code == 404


def test_page_data_groups_events_by_year_newest_first_with_dates_at_precision(client: TestClient) -> None:
    data = client.get("/page/data").json()
    assert [y["year"] for y in data["years"]] == ["2023", "2021", "undated"]
    by_id = {e["id"]: e for y in data["years"] for e in y["events"]}
    assert by_id["event:kaggle"]["date"] == "2021"
    assert by_id["event:joined"]["date"] == "Apr 2021"
    assert by_id["event:study"]["date"] == "2021-01 – 2021-03"
    in_2021 = [e["id"] for e in data["years"][1]["events"]]
    assert in_2021 == ["event:ray", "event:joined", "event:study", "event:kaggle"]
    ray = by_id["event:ray"]
    assert {e["name"] for e in ray["entities"]} == {"Ray", "PyTorch", "한빛데이터"}
    skills = {n["id"]: n for n in data["skills"]["nodes"]}
    assert skills["skill:ray"]["used"] == "Apr 2021 – Dec 2021"
    assert {"source": "skill:pytorch", "target": "skill:ray", "weight": 1} in data["skills"]["edges"]


def test_source_links_land_on_the_section_heading(client: TestClient) -> None:
    data = client.get("/page/data").json()
    links = {s["url"] for y in data["years"] for e in y["events"] for s in e["sources"]}
    checked = 0
    for link in links:
        parts = urlsplit(link)
        anchor = unquote(parts.fragment)
        page = client.get(parts.path)
        assert page.status_code == 200, link
        if anchor:
            assert f'id="{anchor}"' in page.text, link
            checked += 1
    assert checked == len(links) >= 5


def test_post_view_escapes_raw_html(client: TestClient, doc_store) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/p/2021-review")
    assert '<h3 id="분산실험-도입">' in page.text
    assert "&lt;script&gt;alert(1)" in page.text and "<script>alert" not in page.text
    assert client.get("/p/2021-review.html").text == page.text  # the static site's name of the same page


def test_exports_by_api_name_their_format(client: TestClient) -> None:
    for name, exporter in EXPORTERS.items():
        response = client.get(f"/export/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith(exporter.media_type), name
        assert f'filename="kb.{exporter.extension}"' in response.headers["content-disposition"]
        assert "x-kb-people-masked" not in response.headers
    missing = client.get("/export/docx")
    assert missing.status_code == 404 and "jsonresume" in missing.json()["error"]["message"]
    resume = client.get("/export/jsonresume").json()
    assert all(item["url"].startswith("http://testserver/p/") for item in resume["publications"])
