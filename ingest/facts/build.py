"""Stage 6: assemble one post's PostGraph from its parse, sightings and events."""
from __future__ import annotations

from ingest.facts.anchors import anchor_events
from ingest.facts.entities import Sighting
from ingest.posts.parse import ParsedPost
from kb.models import Entity, Event, Mention, Post, PostGraph, Source


def build_post(parsed: ParsedPost, content_hash: str) -> Post:
    meta = parsed.meta
    return Post(id=parsed.post_id, path=parsed.path, root=parsed.root, title=meta.title, date=meta.date,
                tags=meta.tags, categories=meta.categories, private=meta.private, content_hash=content_hash,
                language=parsed.language, body=parsed.body)


def build_entities(sightings: list[Sighting]) -> list[Entity]:
    """One Entity per id: the first name seen (vocabulary names are canonical), every form as alias."""
    names: dict[str, Sighting] = {}
    aliases: dict[str, dict[str, None]] = {}
    for s in sightings:
        names.setdefault(s.id, s)
        bucket = aliases.setdefault(s.id, {})
        for form in (s.name, *s.aliases):
            if form.strip():
                bucket[form.strip()] = None
    return [Entity(id=i, type=s.type, name=s.name,  # type: ignore[arg-type]
                   aliases=tuple(a for a in aliases[i] if a != s.name), category=s.category)
            for i, s in names.items()]


def build_mentions(parsed: ParsedPost, sightings: list[Sighting]) -> list[Mention]:
    """One mention per entity and sentence."""
    out: dict[tuple[str, int], Mention] = {}
    for s in sightings:
        if (s.id, s.quote_start) in out:
            continue
        source = Source(post_id=parsed.post_id, post=parsed.path, section=parsed.sections[s.section].heading,
                        quote=parsed.body[s.quote_start:s.quote_end], start=s.quote_start, end=s.quote_end,
                        line=s.line)
        out[(s.id, s.quote_start)] = Mention(entity_id=s.id, source=source)
    return list(out.values())


def build_graph(parsed: ParsedPost, content_hash: str, sightings: list[Sighting], events: list[Event]) -> PostGraph:
    entities = build_entities(sightings)
    known = {e.id for e in entities}
    # an event may only point at entities this post contributes
    events = [ev.model_copy(update={"entities": tuple(i for i in ev.entities if i in known)}) for ev in events]
    # after curation, so a merged entity anchors the same event in every post
    events = anchor_events(parsed, events, sightings)
    return PostGraph(post=build_post(parsed, content_hash), entities=tuple(entities), events=tuple(events),
                     mentions=tuple(build_mentions(parsed, sightings)))
