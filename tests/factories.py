"""Small builders of posts, entities, events and post graphs for tests.

`graph("p1", ev("event:a", "title", "2021-03", entities=["skill:ray"]))` is a whole PostGraph:
entities named by events are created from their ids, every entity gets one mention and every
event one source quoting its title, all pointing at the post.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from kb.models import Entity, Event, Mention, Post, PostGraph, Source


def ent(entity_id: str, name: str | None = None, aliases: Iterable[str] = (), category: str | None = None) -> Entity:
    """An entity whose type is its id's prefix (skill:ray -> skill) and whose name defaults to the rest."""
    etype, _, rest = entity_id.partition(":")
    return Entity(id=entity_id, type=etype, name=name or rest.replace("-", " ").title(),  # type: ignore[arg-type]
                  aliases=tuple(aliases), category=category)


def ev(event_id: str, title: str, start: str | None = None, end: str | None = None, *,
       entities: Sequence[str] = (), kind: str = "other", confidence: float = 0.5,
       quotes: Sequence[str] = ()) -> Event:
    """An event without sources yet: `graph` adds one per quote (default: the title) for its post."""
    return Event(id=event_id, title=title, start=start, end=end, kind=kind, confidence=confidence,  # type: ignore[arg-type]
                 entities=tuple(entities), sources=tuple(Source(post_id="", post="", quote=q) for q in quotes))


def src(post_id: str, quote: str = "", section: str = "", start: int | None = None) -> Source:
    return Source(post_id=post_id, post=f"{post_id}.md", section=section, quote=quote, start=start,
                  end=None if start is None else start + len(quote))


def post(post_id: str, *, date: str | None = None, private: bool = False, title: str | None = None,
         body: str = "", tags: Sequence[str] = (), content_hash: str = "") -> Post:
    return Post(id=post_id, path=f"{post_id}.md", root="/blog", title=title or post_id, date=date,
                tags=tuple(tags), private=private, content_hash=content_hash or f"hash-{post_id}", body=body)


def graph(post_id: str, *events: Event, date: str | None = None, private: bool = False,
          title: str | None = None, body: str = "", entities: Sequence[Entity] = (),
          mention: bool = True, define: bool = True, content_hash: str = "") -> PostGraph:
    """Everything one post says: its events, their entities (explicit ones win) and mentions.

    With define=False only the explicit `entities` are contributed; events may still name others.
    """
    the_post = post(post_id, date=date, private=private, title=title, body=body, content_hash=content_hash)
    known = {e.id: e for e in entities}
    for event in events if define else ():
        for entity_id in event.entities:
            known.setdefault(entity_id, ent(entity_id))
    sourced = tuple(
        event.model_copy(update={"sources": tuple(
            src(post_id, s.quote, section="notes", start=i * 100)
            for i, s in enumerate(event.sources or (Source(post_id="", post="", quote=event.title),)))})
        for event in events
    )
    mentions = tuple(Mention(entity_id=e.id, source=src(post_id, e.name, section="notes", start=i))
                     for i, e in enumerate(known.values())) if mention else ()
    return PostGraph(post=the_post, entities=tuple(known.values()), events=sourced, mentions=mentions)
