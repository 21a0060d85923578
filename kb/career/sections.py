"""The résumé's other sections, each from the events that show the author doing something:
own projects, education, awards, volunteering, and the posts themselves as writing.

A project is one the author did something with (built, led, contributed to: a project, work,
adoption or talk event); a repository only named in a study note (a `publication` event) or a
mention is not the author's project. Competitions and achievements are awards, whatever
platform ran them; schools are education; communities the author took part in are volunteering.
"""
from __future__ import annotations

import re
from typing import Any

from kb.career.headline import headline
from kb.career.work import is_career
from kb.exports.common import DocumentView, earliest, latest
from kb.models import date_sort_key

PROJECT_KINDS = frozenset({"project", "work", "adoption", "talk", "achievement", "join", "leave"})
AWARD_KINDS = frozenset({"competition", "achievement"})
EDUCATION_KINDS = frozenset({"education"})
SCHOOLS = frozenset({"school", "university", "bootcamp"})
COMMUNITIES = frozenset({"community", "meetup"})
SUMMARY_CHARS = 200


def first_source(item: dict[str, Any]) -> dict[str, Any] | None:
    sources = item.get("sources") or []
    return sources[0] if sources else None


def _span(events: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    return earliest([e.get("start") for e in events]), latest([e.get("end") or e.get("start") for e in events])


def _names(view: DocumentView, event: dict[str, Any], entity_type: str) -> list[str]:
    return view.names(event.get("entities", []), entity_type)


def _newest_first(items: list[dict[str, Any]], key: str = "start") -> list[dict[str, Any]]:
    return sorted(items, key=lambda i: (date_sort_key(i.get(key)) if i.get(key) else "0000", i["name"]), reverse=True)


def projects(view: DocumentView) -> list[dict[str, Any]]:
    """The author's own projects, newest first, each with what was done and the skills used."""
    out = []
    for project in view.of_type("project"):
        events = [e for e in view.events_of.get(project["id"], []) if e.get("kind") in PROJECT_KINDS]
        if not events:
            continue
        start, end = _span(events)
        skills = [view.entities[i]["name"] for i, _ in view.co_occurring(project["id"], "skill")]
        out.append({"id": project["id"], "name": project["name"], "start": start, "end": end,
                    "description": headline(events[0]["title"]), "source": first_source(events[0]),
                    "highlights": list(dict.fromkeys(headline(e["title"]) for e in events[1:])),
                    "skills": skills[:10],
                    "organizations": sorted({n for e in events for n in _names(view, e, "organization")})})
    return _newest_first(out)


def awards(view: DocumentView) -> list[dict[str, Any]]:
    """Competitions and achievements, with whoever ran them (a platform such as Dacon) as awarder."""
    out = []
    for event in view.events:
        if event.get("kind") in AWARD_KINDS:
            out.append({"name": headline(event["title"]), "event": event["id"], "date": event.get("start"),
                        "awarder": ", ".join(_names(view, event, "organization")) or None,
                        "source": first_source(event)})
    return _newest_first(out, "date")


def education(view: DocumentView) -> list[dict[str, Any]]:
    """Schools (school-category organizations the author did something at) and education events."""
    out: dict[str, dict[str, Any]] = {}
    for event in view.events:
        schools = [i for i in event.get("entities", []) if view.entities.get(i, {}).get("category") in SCHOOLS]
        if event.get("kind") not in EDUCATION_KINDS and \
                not (schools and is_career(event) and event.get("kind") not in AWARD_KINDS):
            continue
        for key in schools or [event["id"]]:
            entry = out.setdefault(key, {"name": view.entities[key]["name"] if key in view.entities
                                         else headline(event["title"]), "id": key if schools else None,
                                         "events": [], "source": first_source(event)})
            entry["events"].append(event)
    items = []
    for entry in out.values():
        start, end = _span(entry["events"])
        area = next((headline(e["title"]) for e in entry["events"] if e.get("kind") in EDUCATION_KINDS), None)
        items.append({"name": entry["name"], "id": entry["id"], "area": area if area != entry["name"] else None,
                      "start": start, "end": end, "source": entry["source"]})
    return _newest_first(items)


def volunteer(view: DocumentView) -> list[dict[str, Any]]:
    """Communities the author took part in (a career event names them; a competition they ran is
    an award, not volunteering)."""
    out = []
    for org in view.of_type("organization"):
        if org.get("category") not in COMMUNITIES:
            continue
        events = [e for e in view.events_of.get(org["id"], []) if is_career(e) and e.get("kind") not in AWARD_KINDS]
        if events:
            start, end = _span(events)
            out.append({"id": org["id"], "name": org["name"], "start": start, "end": end,
                        "summary": headline(events[0]["title"]), "source": first_source(events[0]),
                        "highlights": [headline(e["title"]) for e in events[1:]]})
    return _newest_first(out)


def summary(body: str) -> str:
    """A post's first prose paragraph, shortened: what a list of writing shows under a title."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if text and not text.startswith(("#", "```", "$$", "<", "---", "+++", "|", "!", ">", "-", "*")):
            text = " ".join(re.sub(r"[*_`]|!?\[([^\]]*)\]\([^)]*\)", r"\1", text).split())
            return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"
    return ""


def writing(view: DocumentView) -> list[dict[str, Any]]:
    """The author's posts, newest first; `notes` marks a study note (a post that tells of no
    career event), which the page folds away."""
    career_posts = {s["post_id"] for e in view.events if is_career(e) for s in e.get("sources") or []}
    out = [{"id": p["id"], "name": p["title"], "date": p.get("date"), "summary": summary(p.get("body", "")),
            "notes": p["id"] not in career_posts, "language": p.get("language"),
            "source": {"post_id": p["id"], "section": ""}} for p in view.posts.values()]
    return _newest_first(out, "date")
