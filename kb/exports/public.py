"""The public cut of an export document, applied on top of the store's own filtering.

The stores already leave private posts out when asked; this second, store-independent pass
guarantees that no exporter, page or API response can show a private post or any fact that
only private posts support, whichever store produced the document.
"""
from __future__ import annotations

from typing import Any

PRIVATE_FLAGS = (("private", True), ("draft", True), ("published", False))


def is_private_post(post: dict[str, Any]) -> bool:
    """A post is private when any of the flags bloggers use says so."""
    return any(post.get(key) is value for key, value in PRIVATE_FLAGS)


def public_document(document: dict[str, Any]) -> dict[str, Any]:
    """A copy with private posts removed, and every source, entity and event only they support."""
    posts = [p for p in document.get("posts", []) if not is_private_post(p)]
    public_ids = {p["id"] for p in posts}

    def kept_sources(item: dict[str, Any]) -> list[dict[str, Any]]:
        return [s for s in item.get("sources") or [] if s.get("post_id") in public_ids]

    entities = []
    for entity in document.get("entities", []):
        sources = kept_sources(entity)
        if sources:
            entities.append({**entity, "sources": sources})
    events = []
    for event in document.get("events", []):
        sources = kept_sources(event)
        if sources:
            events.append({**event, "sources": sources})
    # An entity with no mention left may still be supported by a public event involving it.
    involved = {i for e in events for i in e.get("entities", [])}
    known = {e["id"] for e in entities}
    for entity in document.get("entities", []):
        if entity["id"] in involved and entity["id"] not in known:
            entities.append({**entity, "sources": []})
            known.add(entity["id"])
    entities.sort(key=lambda e: e["id"])
    events = [{**e, "entities": [i for i in e.get("entities", []) if i in known]} for e in events]
    return {**document, "posts": posts, "entities": entities, "events": events}


def public_export(document: dict[str, Any], people: str = "full", key: str = "kb-public-people") -> dict[str, Any]:
    """Everything a public export needs in one call: the public cut, then people masked as
    KB_PUBLIC_PEOPLE says (`key` keeps masked ids equal to the API's: pass the API token)."""
    from kb.exports.people import PeopleMask, people_of

    public = public_document(document)
    return keep_meta(public, PeopleMask(people_of(document), people, key).apply(public))


def keep_meta(document: dict[str, Any], masked: dict[str, Any]) -> dict[str, Any]:
    """The masked document with the original meta record: the profile is the author's own words,
    written for publishing, and masking a name in it would deface the page it heads."""
    return {**masked, "meta": document["meta"]} if "meta" in document else masked
