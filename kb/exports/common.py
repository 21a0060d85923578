"""Shared reading of the kb-export document for every exporter: dates at their precision, links
back to the source post section, and the per-entity facts (dates, evidence) formats need.

Every exporter is a pure function of the document; the only outside input is an optional
top-level `base_url` key (where the kb server lives) used to build absolute source links.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from kb.ids import slug
from kb.models import date_sort_key

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---- dates ----

def format_date(value: str) -> str:
    """One partial date as people read it: "2020", "Apr 2020", "20 Apr 2020"."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def format_span(start: str | None, end: str | None) -> str:
    """A span at its precision: "2020", "Apr 2020", or "2020-01 – 2020-03" for a range."""
    if start is None:
        return "undated" if end is None else f"until {format_date(end)}"
    if end is None or end == start:
        return format_date(start)
    return f"{start} – {end}"


def first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], parts[1], parts[2])


def span_days(start: str, end: str | None) -> tuple[date, date]:
    """First day and the day after the last day (exclusive end, as iCalendar wants)."""
    last = last_day(end) if end and date_sort_key(end) >= date_sort_key(start) else last_day(start)
    return first_day(start), last + timedelta(days=1)


def latest(values: list[str | None]) -> str | None:
    dated = [v for v in values if v]
    return max(dated, key=date_sort_key) if dated else None


def earliest(values: list[str | None]) -> str | None:
    dated = [v for v in values if v]
    return min(dated, key=date_sort_key) if dated else None


# ---- links ----

CURATED_SECTION = "kb.yaml"  # the section of a fact kb.yaml adds to a post: no heading says it


def section_anchor(section: str) -> str:
    """The HTML id of a section heading; `/p/{post}` renders headings with the same ids."""
    if section == CURATED_SECTION:
        return ""
    last = section.split(" > ")[-1].strip() if section else ""
    return slug(last) if last else ""


def post_link(base_url: str, post_id: str, section: str = "", suffix: str = "") -> str:
    """`{base}/p/{post}#{section}`; `suffix` (".html") for a static site's files."""
    url = f"{base_url.rstrip('/')}/p/{quote(post_id, safe='/')}{suffix}"
    anchor = section_anchor(section)
    return f"{url}#{quote(anchor)}" if anchor else url


# ---- the document, indexed ----

@dataclass
class DocumentView:
    """The export document with the lookups every format needs, built once."""

    base_url: str
    posts: dict[str, dict[str, Any]]
    entities: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]  # chronological, undated last
    events_of: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # the store's key-value record (the profile)
    post_suffix: str = ""  # ".html" when posts are a static site's files

    @classmethod
    def of(cls, document: dict[str, Any]) -> "DocumentView":
        posts = {p["id"]: p for p in document.get("posts", [])}
        entities = {e["id"]: e for e in document.get("entities", [])}
        events = sorted(document.get("events", []), key=lambda e: (date_sort_key(e.get("start")), e["id"]))
        events_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for event in events:
            for entity_id in event.get("entities", []):
                events_of[entity_id].append(event)
        return cls(base_url=document.get("base_url") or DEFAULT_BASE_URL, posts=posts,
                   entities=entities, events=events, events_of=dict(events_of), meta=document.get("meta") or {},
                   post_suffix=document.get("post_suffix", ""))

    def of_type(self, entity_type: str) -> list[dict[str, Any]]:
        return [e for e in self.entities.values() if e["type"] == entity_type]

    def source_link(self, source: dict[str, Any]) -> str:
        return post_link(self.base_url, source["post_id"], source.get("section", ""), self.post_suffix)

    def link(self, item: dict[str, Any]) -> str:
        """The first source of an event or entity (its earliest evidence), else the site."""
        sources = item.get("sources") or []
        return self.source_link(sources[0]) if sources else self.base_url.rstrip("/") + "/"

    def links(self, item: dict[str, Any]) -> list[str]:
        return list(dict.fromkeys(self.source_link(s) for s in item.get("sources") or []))

    def names(self, ids: list[str], entity_type: str | None = None) -> list[str]:
        found = [self.entities[i] for i in ids if i in self.entities]
        return [e["name"] for e in found if entity_type is None or e["type"] == entity_type]

    def first(self, entity_id: str) -> str | None:
        return earliest([e.get("start") for e in self.events_of.get(entity_id, [])])

    def last(self, entity_id: str) -> str | None:
        return latest([e.get("end") or e.get("start") for e in self.events_of.get(entity_id, [])])

    def evidence(self, entity_id: str) -> int:
        """How often the blog supports an entity: its mentions, or its events when it has none."""
        entity = self.entities.get(entity_id, {})
        return max(len(entity.get("sources") or []), len(self.events_of.get(entity_id, [])), 1)

    def co_occurring(self, entity_id: str, entity_type: str) -> list[tuple[str, int]]:
        """Entities of a type sharing events with this one, most shared first."""
        counts: dict[str, int] = defaultdict(int)
        for event in self.events_of.get(entity_id, []):
            for other in set(event.get("entities", [])):
                if other != entity_id and self.entities.get(other, {}).get("type") == entity_type:
                    counts[other] += 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
