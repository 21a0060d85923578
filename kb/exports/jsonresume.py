"""JSON Resume (jsonresume.org schema v1): work from organizations and their events, projects,
skills with keywords, publications from posts; every item links back to its source post."""
from __future__ import annotations

import json
import re
from typing import Any

from kb.exports.common import DocumentView, earliest, latest
from kb.models import date_sort_key

EDUCATION_KINDS = {"education"}
AWARD_KINDS = {"achievement", "competition"}
SUMMARY_CHARS = 200


def _dates(events: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    return earliest([e.get("start") for e in events]), latest([e.get("end") or e.get("start") for e in events])


def _put(item: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Only the keys that have a value: the schema rejects nulls."""
    item.update({k: v for k, v in values.items() if v not in (None, "", [])})
    return item


def _summary(body: str) -> str:
    """The first prose paragraph of a post, shortened."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if text and not text.startswith(("#", "```", "$$", "<", "---", "+++", "|")):
            text = " ".join(text.split())
            return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"
    return ""


def _work(view: DocumentView) -> list[dict[str, Any]]:
    work_events = [e for e in view.events if e.get("kind") == "work"]
    newest_work = latest([e.get("end") or e.get("start") for e in work_events])
    items = []
    for org in view.of_type("organization"):
        events = [e for e in view.events_of.get(org["id"], []) if e.get("kind") not in EDUCATION_KINDS]
        if not events:
            continue
        start, end = _dates(events)
        current = end is not None and newest_work is not None and \
            date_sort_key(end) >= date_sort_key(newest_work) and any(e.get("kind") == "work" for e in events)
        first_work = next((e for e in events if e.get("kind") == "work"), events[0])
        items.append(_put({"name": org["name"]}, position=None, url=view.link(first_work),
                          startDate=start, endDate=None if current else end, summary=first_work["title"],
                          highlights=[e["title"] for e in events if e is not first_work]))
    return sorted(items, key=lambda w: date_sort_key(w.get("startDate")), reverse=True)


def _projects(view: DocumentView) -> list[dict[str, Any]]:
    items = []
    for project in view.of_type("project"):
        events = view.events_of.get(project["id"], [])
        start, end = _dates(events)
        skills = [view.entities[i]["name"] for i, _ in view.co_occurring(project["id"], "skill")]
        items.append(_put({"name": project["name"]}, description=events[0]["title"] if events else None,
                          highlights=[e["title"] for e in events[1:]], keywords=skills,
                          startDate=start, endDate=end, url=view.link(events[0] if events else project)))
    return sorted(items, key=lambda p: date_sort_key(p.get("startDate")), reverse=True)


def _skills(view: DocumentView) -> list[dict[str, Any]]:
    skills = sorted(view.of_type("skill"), key=lambda s: (-view.evidence(s["id"]), s["name"].casefold()))
    items = []
    for skill in skills:
        related = [view.entities[i]["name"] for i, _ in view.co_occurring(skill["id"], "skill")][:5]
        keywords = list(dict.fromkeys([*skill.get("aliases", []), *related]))
        first, last = view.first(skill["id"]), view.last(skill["id"])
        items.append(_put({"name": skill["name"]}, keywords=keywords, url=view.link(skill),
                          category=skill.get("category"), firstUsed=first, lastUsed=last))
    return items


def _publications(view: DocumentView) -> list[dict[str, Any]]:
    items = []
    for post in view.posts.values():
        items.append(_put({"name": post["title"]}, publisher="blog", releaseDate=post.get("date"),
                          url=view.link({"sources": [{"post_id": post["id"]}]}), summary=_summary(post.get("body", ""))))
    for event in view.events:
        if event.get("kind") == "publication":
            publisher = ", ".join(view.names(event.get("entities", []), "organization")) or None
            items.append(_put({"name": event["title"]}, publisher=publisher, releaseDate=event.get("start"),
                              url=view.link(event)))
    return sorted(items, key=lambda p: (date_sort_key(p.get("releaseDate")), p["name"]), reverse=True)


def _by_kind(view: DocumentView, kinds: set[str]) -> list[dict[str, Any]]:
    return [e for e in view.events if e.get("kind") in kinds]


def render(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    dates = [p.get("date") for p in view.posts.values()]
    resume: dict[str, Any] = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": _put({}, url=view.base_url.rstrip("/") + "/",
                       summary=f"Career timeline built from {len(view.posts)} blog posts."),
        "work": _work(view),
        "education": [_put({"institution": ", ".join(view.names(e.get("entities", []), "organization")) or e["title"]},
                           area=e["title"], startDate=e.get("start"), endDate=e.get("end"), url=view.link(e))
                      for e in _by_kind(view, EDUCATION_KINDS)],
        "awards": [_put({"title": e["title"]}, date=e.get("start"), url=view.link(e),
                        awarder=", ".join(view.names(e.get("entities", []), "organization")) or None)
                   for e in _by_kind(view, AWARD_KINDS)],
        "publications": _publications(view),
        "skills": _skills(view),
        "projects": _projects(view),
        "meta": _put({"canonical": view.base_url.rstrip("/") + "/export/jsonresume", "version": "v1.0.0"},
                     lastModified=latest(dates)),
    }
    return json.dumps(resume, ensure_ascii=False, indent=2) + "\n"
