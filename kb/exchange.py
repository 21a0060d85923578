"""The kb-export JSON document, shared by every store so that exports are identical.

A store hands over its aggregated view (posts, entities with their mentions, events) and gets
the document back; `graphs_from_export` turns a document into per-post contributions again, so
`import_` is just "replace everything with these PostGraphs".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kb.models import Entity, Event, Mention, Post, PostGraph, Source

FORMAT = "kb-export"
VERSION = 1


def source_sort_key(source: Source) -> tuple:
    return (source.post_id, source.start if source.start is not None else -1, source.section, source.quote)


def source_to_json(source: Source) -> dict[str, Any]:
    return source.model_dump()


def build_export(posts: Iterable[Post], entities: Iterable[Entity], mentions: Iterable[Mention],
                 events: Iterable[Event]) -> dict[str, Any]:
    by_entity: dict[str, list[Source]] = defaultdict(list)
    for mention in mentions:
        by_entity[mention.entity_id].append(mention.source)
    return {
        "format": FORMAT,
        "version": VERSION,
        "posts": [
            {**p.model_dump(), "tags": list(p.tags), "categories": list(p.categories)}
            for p in sorted(posts, key=lambda p: p.id)
        ],
        "entities": [
            {
                **e.model_dump(),
                "aliases": sorted(set(e.aliases)),
                "sources": [source_to_json(s) for s in sorted(set(by_entity[e.id]), key=source_sort_key)],
            }
            for e in sorted(entities, key=lambda e: e.id)
        ],
        "events": [
            {
                **ev.model_dump(),
                "entities": sorted(set(ev.entities)),
                "sources": [source_to_json(s) for s in sorted(set(ev.sources), key=source_sort_key)],
            }
            for ev in sorted(events, key=lambda ev: ev.id)
        ],
    }


def graphs_from_export(document: dict[str, Any]) -> list[PostGraph]:
    """Split an export back into what each post contributed."""
    if document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    posts = {p["id"]: Post.model_validate({**p, "tags": tuple(p.get("tags", ())),
                                           "categories": tuple(p.get("categories", ()))})
             for p in document.get("posts", [])}
    entities: dict[str, dict[str, Entity]] = defaultdict(dict)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for raw in document.get("entities", []):
        entity = Entity(id=raw["id"], type=raw["type"], name=raw["name"],
                        aliases=tuple(raw.get("aliases", ())), category=raw.get("category"))
        for src in raw.get("sources", []):
            source = Source.model_validate(src)
            entities[source.post_id][entity.id] = entity
            mentions[source.post_id].append(Mention(entity_id=entity.id, source=source))
    events: dict[str, list[Event]] = defaultdict(list)
    for raw in document.get("events", []):
        sources = [Source.model_validate(s) for s in raw.get("sources", [])]
        for post_id in sorted({s.post_id for s in sources}):
            events[post_id].append(Event.model_validate({
                **raw,
                "entities": tuple(raw.get("entities", ())),
                "sources": tuple(s for s in sources if s.post_id == post_id),
            }))
    return [
        PostGraph(post=post, entities=tuple(entities[pid].values()), events=tuple(events[pid]),
                  mentions=tuple(mentions[pid]))
        for pid, post in sorted(posts.items())
    ]
