"""iCalendar: one all-day VEVENT per dated event. Dates are DATE values; a month spans the month,
a year-only event spans its year, a multi-month event spans from its first to its last month."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from icalendar import Calendar
from icalendar import Event as VEvent

from kb.exports.common import DocumentView, first_day, format_span, latest, span_days


def _stamp(view: DocumentView) -> datetime:
    """DTSTAMP from the newest post, so the same document always gives the same bytes."""
    newest = latest([p.get("date") for p in view.posts.values()])
    day = first_day(newest) if newest else datetime(1970, 1, 1).date()
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def render(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    calendar = Calendar()
    calendar.add("prodid", "-//kb//career timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Career timeline")
    stamp = _stamp(view)
    for event in view.events:
        if not event.get("start"):
            continue
        start, end = span_days(event["start"], event.get("end"))
        item = VEvent()
        item.add("uid", f"{event['id']}@kb")
        item.add("dtstamp", stamp)
        item.add("dtstart", start)
        item.add("dtend", end)
        item.add("summary", event["title"])
        names = view.names(event.get("entities", []))
        lines = [format_span(event.get("start"), event.get("end")), ", ".join(names), *view.links(event)]
        item.add("description", "\n".join(line for line in lines if line))
        item.add("url", view.link(event))
        item.add("categories", [event.get("kind", "other")])
        calendar.add_component(item)
    return calendar.to_ical().decode("utf-8")
