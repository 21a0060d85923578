"""`kb site build`'s files without a browser: every relative link of every page names a file of
the site (and its anchor an id there), nothing is loaded from elsewhere, private posts stay out,
and a rebuild removes only what the previous build wrote."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag

from api.markdown import render_markdown
from kb.exports.public import public_export
from kb.site.build import Site
from tests.exports.documents import PROFILE, make_document
from tests.web.conftest import SECRETS


def build(tmp_path: Path, document: dict[str, Any] | None = None) -> Path:
    out = tmp_path / "site"
    Site(public_export(document or make_document()), render_markdown).write(out)
    return out


def test_every_link_names_a_file_of_the_site_and_every_anchor_an_id(tmp_path: Path) -> None:
    out = build(tmp_path)
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert {"index.html", "skill/ray.html", "org/hanbit-data.html", "project/feature-store.html",
            "p/2021-review.html"} <= set(pages)
    checked = 0
    for page in pages:
        html = (out / page).read_text(encoding="utf-8")
        assert not re.findall(r"""(?:src|href)="(?:https?:)?//(?!github\.com/sky|sky\.example\.org)""", html), page
        for link in re.findall(r'(?:src|href)="([^"]+)"', html):
            if link.startswith(("https://", "mailto:", "tel:", "#")):
                continue
            target, anchor = urldefrag(link)
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target)))
            assert (out / path).is_file(), (page, link)
            if anchor:
                assert f'id="{unquote(anchor)}"' in (out / path).read_text(encoding="utf-8"), (page, link)
                checked += 1
    assert checked >= 5


def test_public_data_only(tmp_path: Path) -> None:
    out = build(tmp_path)
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert not [s for s in SECRETS if s in text]
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    assert data["profile"]["name"] == PROFILE["name"] and data["work"][0]["name"] == "한빛데이터"
    resume = json.loads((out / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["name"] == PROFILE["name"]
    assert resume["work"][0]["url"].startswith("./p/2021-review.html#")


def test_without_a_profile_the_page_says_so(tmp_path: Path) -> None:
    document = make_document()
    document.pop("meta")
    index = (build(tmp_path, document) / "index.html").read_text(encoding="utf-8")
    assert "kb.yaml" in index and 'class="notice"' in index


def test_a_rebuild_removes_only_what_the_last_build_wrote(tmp_path: Path) -> None:
    out = build(tmp_path)
    (out / "CNAME").write_text("me.example.org\n", encoding="utf-8")
    document = make_document()
    document["posts"] = [p for p in document["posts"] if p["id"] != "new-team"]
    build(tmp_path, document)
    assert (out / "CNAME").is_file() and (out / ".nojekyll").is_file()
    assert not (out / "p" / "new-team.html").exists() and (out / "p" / "2021-review.html").is_file()


def test_the_home_page_draws_the_skill_graph_and_hides_what_needs_script(tmp_path: Path) -> None:
    out = build(tmp_path)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/site.js" defer></script>' in home and (out / "assets" / "site.js").is_file()
    assert "site.js" not in (out / "skill" / "ray.html").read_text(encoding="utf-8")  # only home has controls
    for control in ("search", "timeline-filter"):
        assert re.search(rf'<div id="{control}"[^>]* hidden[ >]', home), control
    assert '<label for="q">검색</label>' in home
    nodes = re.findall(r'<a href="([^"]+)" class="node" data-entity="([^"]+)"', home)
    assert sorted(nodes) == [("skill/go.html", "skill:go"), ("skill/pytorch.html", "skill:pytorch"),
                             ("skill/ray.html", "skill:ray")]  # career skills only; Rust is private
    assert home.count("<line ") == 1  # PyTorch and Ray, used together in one event
    assert 'data-entity="skill:ray"' in home.split('id="timeline"')[1]  # timeline chips say which skill


def test_the_search_index_links_each_item_to_the_page_showing_it(tmp_path: Path) -> None:
    out = build(tmp_path)
    index = json.loads((out / "search.json").read_text(encoding="utf-8"))
    home = (out / "index.html").read_text(encoding="utf-8")
    rows = {(r["type"], r["title"]): r for r in index["items"]}
    assert index["labels"]["skill"] == "기술"
    event = rows[("event", "Ray로 분산실험 도입")]
    assert event["href"] == "#ev-event-ray" and 'id="ev-event-ray"' in home  # a career event: the timeline
    assert "PyTorch" in event["text"] and "한빛데이터" in event["text"]
    assert rows[("event", "Learn more Go")]["href"] == "p/new-team.html#a-new-team"  # a plan: its source
    assert rows[("skill", "PyTorch")]["href"] == "skill/pytorch.html" and "torch" in rows[("skill", "PyTorch")]["text"]
    assert rows[("post", "2021년 회고")]["href"] == "p/2021-review.html"
    for row in index["items"]:
        target, anchor = urldefrag(row["href"])
        page = (out / unquote(target or "index.html")).read_text(encoding="utf-8")
        assert not anchor or f'id="{unquote(anchor)}"' in page, row
