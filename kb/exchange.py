"""The kb-export JSON document, shared by every store so that exports are identical.

A store hands over its aggregated view (posts, entities with their mentions, events) and gets
the document back; `graphs_from_export` turns a document into per-post contributions again, so
`import_` is just "replace everything with these PostGraphs".

An export that includes private posts gives an entity or event a `public` object when public
posts alone say something else of it (a name or alias, a title, a date, a link only a private
post gives): public posts get those fields back on import, so moving a graph to another store
(`kb export | kb import`) never makes what only private posts say public.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from kb.models import Entity, Event, Mention, Post, PostGraph, Source

FORMAT = "kb-export"
VERSION = 1


def source_sort_key(source: Source) -> tuple:
    return (source.post_id, source.start if source.start is not None else -1, source.section, source.quote)


def source_to_json(source: Source) -> dict[str, Any]:
    return source.model_dump()


ENTITY_PUBLIC_FIELDS = ("name", "aliases", "category")
EVENT_PUBLIC_FIELDS = ("title", "kind", "start", "end", "confidence", "entities")


def _public(full: dict[str, Any], public: dict[str, Any] | None, fields: tuple[str, ...]) -> dict[str, Any]:
    """{"public": the fields public posts alone give} when they differ from the full view."""
    if public is None or all(public[f] == full[f] for f in fields):
        return {}
    return {"public": {f: public[f] for f in fields}}


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {**entity.model_dump(), "aliases": sorted(set(entity.aliases))}


def _event_json(event: Event) -> dict[str, Any]:
    return {**event.model_dump(), "entities": sorted(set(event.entities))}


def build_export(posts: Iterable[Post], entities: Iterable[Entity], mentions: Iterable[Mention],
                 events: Iterable[Event], public_entities: Iterable[Entity] = (),
                 public_events: Iterable[Event] = (), meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`public_*`: the same graph seen without private posts (given when the export includes them);
    `meta`: the store's key-value record, carried as `"meta"` when it holds anything."""
    by_entity: dict[str, list[Source]] = defaultdict(list)
    for mention in mentions:
        by_entity[mention.entity_id].append(mention.source)
    seen_entities = {e.id: _entity_json(e) for e in public_entities}
    seen_events = {e.id: _event_json(e) for e in public_events}
    return {
        "format": FORMAT,
        "version": VERSION,
        **({"meta": dict(sorted(meta.items()))} if meta else {}),
        "posts": [
            {**p.model_dump(), "tags": list(p.tags), "categories": list(p.categories)}
            for p in sorted(posts, key=lambda p: p.id)
        ],
        "entities": [
            {
                **(full := _entity_json(e)),
                **_public(full, seen_entities.get(e.id), ENTITY_PUBLIC_FIELDS),
                "sources": [source_to_json(s) for s in sorted(set(by_entity[e.id]), key=source_sort_key)],
            }
            for e in sorted(entities, key=lambda e: e.id)
        ],
        "events": [
            {
                **(full := _event_json(ev)),
                **_public(full, seen_events.get(ev.id), EVENT_PUBLIC_FIELDS),
                "sources": [source_to_json(s) for s in sorted(set(ev.sources), key=source_sort_key)],
            }
            for ev in sorted(events, key=lambda ev: ev.id)
        ],
    }


def meta_from_export(document: dict[str, Any]) -> dict[str, Any]:
    """The key-value record an export carries (none when it has no `"meta"`)."""
    meta = document.get("meta") or {}
    if not isinstance(meta, dict):
        raise ValueError("the export's meta must be an object")
    return meta


def graphs_from_export(document: dict[str, Any]) -> list[PostGraph]:
    """Split an export back into what each post contributed."""
    if document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    posts = {p["id"]: Post.model_validate({**p, "tags": tuple(p.get("tags", ())),
                                           "categories": tuple(p.get("categories", ()))})
             for p in document.get("posts", [])}
    entities: dict[str, dict[str, Entity]] = defaultdict(dict)
    mentions: dict[str, list[Mention]] = defaultdict(list)

    def seen_by(post_id: str, raw: dict[str, Any]) -> dict[str, Any]:
        """The fields as this post may give them: a public post gets the public ones."""
        post = posts.get(post_id)
        return {**raw, **raw["public"]} if "public" in raw and post is not None and not post.private else raw

    for raw in document.get("entities", []):
        for src in raw.get("sources", []):
            source = Source.model_validate(src)
            fields = seen_by(source.post_id, raw)
            entities[source.post_id][raw["id"]] = Entity(
                id=raw["id"], type=raw["type"], name=fields["name"], aliases=tuple(fields.get("aliases", ())),
                category=fields.get("category"))
            mentions[source.post_id].append(Mention(entity_id=raw["id"], source=source))
    events: dict[str, list[Event]] = defaultdict(list)
    for raw in document.get("events", []):
        sources = [Source.model_validate(s) for s in raw.get("sources", [])]
        for post_id in sorted({s.post_id for s in sources}):
            fields = {k: v for k, v in seen_by(post_id, raw).items() if k != "public"}
            events[post_id].append(Event.model_validate({
                **fields,
                "entities": tuple(fields.get("entities", ())),
                "sources": tuple(s for s in sources if s.post_id == post_id),
            }))
    return [
        PostGraph(post=post, entities=tuple(entities[pid].values()), events=tuple(events[pid]),
                  mentions=tuple(mentions[pid]))
        for pid, post in sorted(posts.items())
    ]
