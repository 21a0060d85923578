"""Conversions between the domain model and this backend's node properties, in one place.

Graph normalization, hashing, date keys and the entity search key are shared with the SQLite
store (kb/stores/common/graphs.py holds them; they use no SQL) so both stores merge, sort and filter
by exactly the same rules.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from kb.models import Entity, Event, Post, PostGraph, Source, date_sort_key
from kb.stores.common.graphs import sorted_sources

_POST_FIELDS = ("id", "path", "root", "title", "date", "tags", "categories", "private", "content_hash",
                "language", "body")
_SOURCE_FIELDS = ("post_id", "post", "section", "quote", "start", "end", "line")


def upper_key(value: str) -> str:
    """End of a partial date's interval, comparable as text: 2020-04 -> 2020-04-99."""
    return "-".join((value.split("-") + ["99", "99"])[:3])


def event_interval(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """(lo, hi) keys of the interval [start, end or start]; (None, None) when undated."""
    dates = [d for d in (start, end) if d]
    if not dates:
        return None, None
    return min(date_sort_key(d) for d in dates), max(upper_key(d) for d in dates)


def graph_hash(graph: PostGraph) -> str:
    """What a post said, hashed: an unchanged post is skipped on re-ingest."""
    return hashlib.sha1(graph.model_dump_json().encode("utf-8")).hexdigest()


def order_key(sort_key: str, event_id: str) -> str:
    """Timeline order as one comparable string: sort keys are all 10 characters wide."""
    return f"{sort_key}\x1f{event_id}"


def source_dict(source: Source) -> dict[str, Any]:
    return {name: getattr(source, name) for name in _SOURCE_FIELDS}


def post_row(graph: PostGraph) -> dict[str, Any]:
    """Everything one (normalized) post contributes, shaped for INSERT_POSTS."""
    p = graph.post
    post = {**{name: getattr(p, name) for name in _POST_FIELDS}, "tags": list(p.tags),
            "categories": list(p.categories), "date_key": date_sort_key(p.date), "graph_hash": graph_hash(graph)}
    owner = {"post_key": p.id, "post_date_key": post["date_key"], "private": p.private}
    entities = [{"entity_id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                 "category": e.category, **owner} for e in graph.entities]
    mentions = [{"entity_id": m.entity_id, "seq": seq, **source_dict(m.source), **owner}
                for seq, m in enumerate(graph.mentions)]
    events = []
    for ev in graph.events:
        lo, hi = event_interval(ev.start, ev.end)
        events.append({
            "event_id": ev.id, "title": ev.title, "kind": ev.kind, "start": ev.start, "end": ev.end,
            "sort_key": date_sort_key(ev.start), "lo_key": lo, "hi_key": hi, "confidence": ev.confidence,
            "entity_ids": list(dict.fromkeys(ev.entities)),
            "quotes": [s.quote for s in ev.sources],
            "sources": json.dumps([source_dict(s) for s in ev.sources], ensure_ascii=False), **owner,
        })
    return {"post": post, "entities": entities, "mentions": mentions, "events": events}


def post_from_props(props: dict[str, Any]) -> Post:
    return Post(id=props["id"], path=props["path"], root=props.get("root", ""), title=props["title"],
                date=props.get("date"), tags=tuple(props.get("tags") or ()),
                categories=tuple(props.get("categories") or ()), private=bool(props.get("private")),
                content_hash=props.get("content_hash", ""), language=props.get("language"),
                body=props.get("body", ""))


def source_from_props(props: dict[str, Any]) -> Source:
    return Source(**{name: props.get(name) for name in _SOURCE_FIELDS if props.get(name) is not None})


def sources_from_json(blobs: Iterable[str]) -> tuple[Source, ...]:
    """The deduplicated, export-ordered sources of every contribution's JSON list."""
    return sorted_sources([Source.model_validate(s) for blob in blobs for s in json.loads(blob)])


def entity_from_props(props: dict[str, Any]) -> Entity:
    return Entity(id=props["id"], type=props["type"], name=props["name"], aliases=tuple(props.get("aliases") or ()),
                  category=props.get("category"))


def event_from_record(props: dict[str, Any], entities: Iterable[str], sources: Iterable[str]) -> Event:
    return Event(id=props["id"], title=props["title"], kind=props["kind"], start=props.get("start"),
                 end=props.get("end"), confidence=props["confidence"], entities=tuple(sorted(set(entities))),
                 sources=sources_from_json(sources))
