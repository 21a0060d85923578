"""JSON Resume (jsonresume.org schema v1) from the career at résumé grade (kb/career): basics from
the profile of kb.yaml, work from employers, the author's own projects, skills grouped by
category, writing as publications, awards, education and volunteering; every item links back to
its source post section. Without a profile, `basics` says so instead of inventing a person."""
from __future__ import annotations

import json
from typing import Any

from kb.career.model import career
from kb.career.skills import RESUME_KEYWORDS
from kb.exports.common import DocumentView, latest

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
NO_PROFILE = "No profile yet: add `profile:` to kb.yaml (see the README, 'Profile') and ingest again."


def _put(item: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Only the keys that have a value: the schema rejects nulls."""
    item.update({k: v for k, v in values.items() if v not in (None, "", [])})
    return item


def _url(view: DocumentView, item: dict[str, Any]) -> str | None:
    source = item.get("source")
    return view.source_link(source) if source else item.get("url")


def _basics(profile: dict[str, Any], site: str | None) -> dict[str, Any]:
    """The profile as written; `site` (where the portfolio lives, when known) when it gives no url."""
    if not profile.get("name"):
        return _put({}, url=site, summary=profile.get("summary") or NO_PROFILE)
    return _put(dict(profile), url=profile.get("url") or site)


def _work(view: DocumentView, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [_put({"name": w["name"]}, position=w.get("position"), url=_url(view, w), startDate=w.get("start"),
                 endDate=w.get("end"), summary=w.get("summary"),
                 highlights=[h["title"] for h in w["highlights"]]) for w in entries]


def _skills(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": g["name"], "keywords": [s["name"] for s in g["skills"][:RESUME_KEYWORDS]]} for g in groups]


def render(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    facts = career(view)
    resume: dict[str, Any] = {
        "$schema": SCHEMA,
        "basics": _basics(facts["profile"], document["base_url"].rstrip("/") + "/" if document.get("base_url") else None),
        "work": _work(view, facts["work"]),
        "volunteer": [_put({"organization": v["name"]}, url=_url(view, v), startDate=v["start"], endDate=v["end"],
                           summary=v["summary"], highlights=v["highlights"]) for v in facts["volunteer"]],
        "education": [_put({"institution": e["name"]}, area=e["area"], startDate=e["start"], endDate=e["end"],
                           url=_url(view, e)) for e in facts["education"]],
        "awards": [_put({"title": a["name"]}, date=a["date"], awarder=a["awarder"], url=_url(view, a))
                   for a in facts["awards"]],
        "publications": [_put({"name": p["name"]}, releaseDate=p["date"], url=_url(view, p), summary=p["summary"])
                         for p in facts["writing"]],
        "skills": _skills(facts["skills"]),
        "projects": [_put({"name": p["name"]}, description=p["description"], highlights=p["highlights"],
                          keywords=p["skills"], startDate=p["start"], endDate=p["end"], url=_url(view, p),
                          entity=", ".join(p["organizations"]) or None) for p in facts["projects"]],
        "meta": _put({"canonical": view.base_url.rstrip("/") + "/export/jsonresume", "version": "v1.0.0"},
                     lastModified=latest([p.get("date") for p in view.posts.values()])),
    }
    return json.dumps(resume, ensure_ascii=False, indent=2) + "\n"
