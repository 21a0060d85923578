"""The portfolio page's data: the timeline grouped by year with dates at their precision, each
event's skills, people, projects and organizations by name, links to the source post sections,
and the skill graph. A pure function of the export document, like every other format."""
from __future__ import annotations

from typing import Any

from kb.exports.common import DocumentView, format_span, latest
from kb.exports.skills import skill_graph
from kb.models import date_sort_key

TYPE_ORDER = {"skill": 0, "project": 1, "organization": 2, "person": 3}


def _event(view: DocumentView, event: dict[str, Any]) -> dict[str, Any]:
    refs = [view.entities[i] for i in event.get("entities", []) if i in view.entities]
    refs.sort(key=lambda e: (TYPE_ORDER.get(e["type"], 9), e["name"].casefold()))
    sources = [{"post_id": s["post_id"], "title": view.posts.get(s["post_id"], {}).get("title", s["post_id"]),
                "section": s.get("section", ""), "url": view.source_link(s)}
               for s in event.get("sources") or []]
    unique = list({s["url"]: s for s in sources}.values())
    return {
        "id": event["id"], "title": event["title"], "kind": event.get("kind", "other"),
        "start": event.get("start"), "end": event.get("end"),
        "date": format_span(event.get("start"), event.get("end")),
        "year": event["start"][:4] if event.get("start") else "undated",
        "entities": [{"id": e["id"], "type": e["type"], "name": e["name"]} for e in refs],
        "sources": unique,
    }


def portfolio(document: dict[str, Any]) -> dict[str, Any]:
    """Newest first: years descending, events within a year newest first, undated last."""
    view = DocumentView.of({**document, "base_url": document.get("base_url") or "/"})
    view.base_url = document.get("base_url", "")  # page links stay relative to the server
    dated = [e for e in view.events if e.get("start")]
    dated.sort(key=lambda e: (date_sort_key(e["start"]), e["id"]), reverse=True)
    undated = [e for e in view.events if not e.get("start")]
    events = [_event(view, e) for e in dated + undated]
    years: list[dict[str, Any]] = []
    for event in events:
        if not years or years[-1]["year"] != event["year"]:
            years.append({"year": event["year"], "events": []})
        years[-1]["events"].append(event)
    return {
        "stats": {"posts": len(view.posts), "events": len(view.events),
                  "skills": len(view.of_type("skill")), "first": dated[-1]["start"] if dated else None,
                  "last": latest([e.get("end") or e.get("start") for e in dated])},
        "years": years,
        "skills": skill_graph(view),
    }
