"""Conversions between the domain model and this backend's rows, in one place."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from kb.exchange import source_sort_key
from kb.models import Entity, Event, Post, PostGraph, Source, date_sort_key
from kb.stores.sqlite.fts import normalize_text


def lower_key(value: str) -> str:
    """Start of a partial date's interval, comparable as text: 2020 -> 2020-00-00."""
    return date_sort_key(value)


def upper_key(value: str) -> str:
    """End of a partial date's interval, comparable as text: 2020-04 -> 2020-04-99."""
    parts = value.split("-") + ["99", "99"]
    return "-".join(parts[:3])


def event_interval(start: str | None, end: str | None) -> tuple[str | None, str | None, int]:
    """(lo, hi, irregular) of the interval [start, end or start]; lo and hi are None when undated.

    An event is regular when its interval starts at `start` and ends within start's year, which
    is what lets date filters bound a range scan of the sort key; every other dated event is
    irregular and checked on its own.
    """
    dates = [d for d in (start, end) if d]
    if not dates:
        return None, None, 0
    lo, hi = min(lower_key(d) for d in dates), max(upper_key(d) for d in dates)
    regular = start is not None and lo == lower_key(start) and hi <= upper_key(start[:4])
    return lo, hi, int(not regular)


def graph_hash(graph: PostGraph) -> str:
    return hashlib.sha1(graph.model_dump_json().encode("utf-8")).hexdigest()


def normalize_graph(graph: PostGraph) -> PostGraph:
    """One row per id within a post: repeated entities/events merge, repeated mentions drop."""
    entities: dict[str, Entity] = {}
    for entity in graph.entities:
        seen = entities.get(entity.id)
        entities[entity.id] = entity if seen is None else seen.model_copy(
            update={"aliases": tuple(dict.fromkeys(seen.aliases + entity.aliases))})
    events: dict[str, Event] = {}
    for event in graph.events:
        seen_ev = events.get(event.id)
        events[event.id] = event if seen_ev is None else seen_ev.model_copy(update={
            "entities": tuple(dict.fromkeys(seen_ev.entities + event.entities)),
            "sources": tuple(dict.fromkeys(seen_ev.sources + event.sources)),
            "confidence": max(seen_ev.confidence, event.confidence),
        })
    mentions = tuple(dict.fromkeys(graph.mentions))
    return graph.model_copy(update={"entities": tuple(entities.values()), "events": tuple(events.values()),
                                    "mentions": mentions})


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


def entity_search_key(name: str, aliases: list[str]) -> str:
    """What a substring filter on entities looks in: name and aliases, NFKC case-folded."""
    return "\x1f".join(normalize_text(text) for text in [name, *aliases])


# ---- rows -> models ----

def post_from_row(row: sqlite3.Row) -> Post:
    return Post(id=row["id"], path=row["path"], root=row["root"], title=row["title"], date=row["date"],
                tags=tuple(json.loads(row["tags"])), categories=tuple(json.loads(row["categories"])),
                private=bool(row["private"]), content_hash=row["content_hash"], language=row["language"],
                body=row["body"])


def source_from_row(row: sqlite3.Row) -> Source:
    return Source(post_id=row["src_post_id"], post=row["post"], section=row["section"], quote=row["quote"],
                  start=row["start"], end=row["end"], line=row["line"])


def sorted_sources(sources: list[Source]) -> tuple[Source, ...]:
    """Deduplicated and in the export's order, so every read agrees with export()."""
    return tuple(sorted(set(sources), key=source_sort_key))


def entity_from_row(row: sqlite3.Row) -> Entity:
    return Entity(id=row["id"], type=row["type"], name=row["name"], aliases=tuple(json.loads(row["aliases"])),
                  category=row["category"])


def event_from_row(row: sqlite3.Row, entities: list[str], sources: list[Source]) -> Event:
    return Event(id=row["id"], title=row["title"], kind=row["kind"], start=row["start"], end=row["end"],
                 confidence=row["confidence"], entities=tuple(sorted(set(entities))),
                 sources=sorted_sources(sources))
