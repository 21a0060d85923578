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
