"""Conversions between the domain model and this backend's rows, in one place."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from kb.models import Entity, Event, Post, PostGraph, Source, date_sort_key
from kb.stores.common.graphs import event_interval, graph_hash, sorted_sources


def post_row(post: PostGraph) -> tuple[Any, ...]:
    p = post.post
    return (p.id, p.path, p.root, p.title, p.date, date_sort_key(p.date), json.dumps(list(p.tags)),
            json.dumps(list(p.categories)), int(p.private), p.content_hash, p.language, p.body,
            graph_hash(post))


def source_row(source: Source) -> tuple[Any, ...]:
    return (source.post_id, source.post, source.section, source.quote, source.start, source.end, source.line)


def contribution_rows(graph: PostGraph) -> dict[str, list[tuple[Any, ...]]]:
    """Every row one post contributes, by table; each carries the post's privacy and date key."""
    pid, private, key = graph.post.id, int(graph.post.private), date_sort_key(graph.post.date)
    rows: dict[str, list[tuple[Any, ...]]] = {"entities": [], "mentions": [], "events": [],
                                              "links": [], "sources": []}
    for e in graph.entities:
        rows["entities"].append((pid, e.id, e.type, e.name, json.dumps(list(e.aliases), ensure_ascii=False),
                                 e.category, private, key))
    for seq, m in enumerate(graph.mentions):
        rows["mentions"].append((pid, seq, m.entity_id, private, *source_row(m.source)))
    for ev in graph.events:
        lo, hi, irregular = event_interval(ev.start, ev.end)
        rows["events"].append((pid, ev.id, ev.title, ev.kind, ev.start, ev.end, date_sort_key(ev.start),
                               lo, hi, irregular, ev.confidence, private, key))
        rows["links"].extend((pid, ev.id, entity_id, private) for entity_id in dict.fromkeys(ev.entities))
        rows["sources"].extend((pid, ev.id, seq, private, *source_row(s)) for seq, s in enumerate(ev.sources))
    return rows


# ---- rows -> models ----

def post_from_row(row: sqlite3.Row) -> Post:
    return Post(id=row["id"], path=row["path"], root=row["root"], title=row["title"], date=row["date"],
                tags=tuple(json.loads(row["tags"])), categories=tuple(json.loads(row["categories"])),
                private=bool(row["private"]), content_hash=row["content_hash"], language=row["language"],
                body=row["body"])


def source_from_row(row: sqlite3.Row) -> Source:
    return Source(post_id=row["src_post_id"], post=row["post"], section=row["section"], quote=row["quote"],
                  start=row["start"], end=row["end"], line=row["line"])


def source_from_values(values: Sequence[Any]) -> Source:
    """(src_post_id, post, section, quote, start, end, line), as queries.EVENT_SOURCES selects them."""
    post_id, post, section, quote, start, end, line = values
    return Source(post_id=post_id, post=post, section=section, quote=quote, start=start, end=end, line=line)


def entity_from_row(row: sqlite3.Row) -> Entity:
    return Entity(id=row["id"], type=row["type"], name=row["name"], aliases=tuple(json.loads(row["aliases"])),
                  category=row["category"])


def event_from_values(values: Sequence[Any], entities: list[str], sources: list[Source]) -> Event:
    """(id, title, kind, start, end, confidence), as queries.EVENT_ROWS selects them."""
    event_id, title, kind, start, end, confidence = values
    return Event(id=event_id, title=title, kind=kind, start=start, end=end, confidence=confidence,
                 entities=tuple(sorted(set(entities))), sources=sorted_sources(sources))
