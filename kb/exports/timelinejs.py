"""TimelineJS3 JSON: one slide per dated event; a date carries only the parts it was written with
(a year-only event has only `year`), and each slide links to its source post section."""
from __future__ import annotations

import html
import json
from typing import Any

from kb.exports.common import DocumentView, format_span


def _date(value: str) -> dict[str, int]:
    parts = [int(p) for p in value.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def _text(view: DocumentView, event: dict[str, Any]) -> str:
    names = view.names(event.get("entities", []))
    chips = ", ".join(html.escape(n) for n in names)
    links = " · ".join(f'<a href="{html.escape(url)}">{html.escape(view.posts.get(s["post_id"], {}).get("title", "source"))}</a>'
                       for url, s in zip(view.links(event), event.get("sources") or []))
    parts = [f"<p>{chips}</p>" if chips else "", f"<p>Source: {links}</p>" if links else ""]
    return "".join(parts)


def slide(view: DocumentView, event: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "unique_id": event["id"].replace(":", "-"),
        "start_date": _date(event["start"]),
        "text": {"headline": html.escape(event["title"]), "text": _text(view, event)},
        "group": event.get("kind", "other"),
        "display_date": format_span(event.get("start"), event.get("end")),
    }
    if event.get("end") and event["end"] != event["start"]:
        item["end_date"] = _date(event["end"])
    return item


def render(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    events = [slide(view, e) for e in view.events if e.get("start")]
    timeline = {
        "title": {"text": {"headline": "Career timeline",
                           "text": f"<p>{len(events)} events from {len(view.posts)} posts</p>"}},
        "events": events,
    }
    return json.dumps(timeline, ensure_ascii=False, indent=2) + "\n"
