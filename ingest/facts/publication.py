"""A technical write-up's one event: its own publication, dated by the post, about the skills it
covers and quoted by its first real sentence. Stories get their events from events.py instead.
"""
from __future__ import annotations

import re

from ingest.facts.entities import Sighting, Unit, units
from ingest.facts.eventdates import dated_confidence
from ingest.language.text import LineIndex, sentences
from ingest.posts.parse import ParsedPost
from kb.ids import event_id
from kb.models import Event, Source


def publication_event(post: ParsedPost, sightings: list[Sighting]) -> Event:
    """A technical post is itself an event: published on its date, about the skills it covers."""
    counts: dict[str, int] = {}
    for s in sightings:
        if s.type == "skill":
            counts[s.id] = counts.get(s.id, 0) + 1
    topics = sorted(counts, key=lambda k: (-counts[k], k))[:12]
    # the quote: the first real sentence of prose (not a formula fragment or a one-word item)
    first: tuple[Unit, int, int] | None = None
    for unit in units(post):
        if unit.block is None:
            continue
        for lo, hi in sentences(unit.masked, unit.text):
            if len(re.findall(r"\w", unit.masked[lo:hi])) >= 15:
                first = (unit, lo, hi)
                break
        if first is not None:
            break
    if first is not None:
        unit, lo, hi = first
        start, end = unit.start + lo, unit.start + hi
        sources: tuple[Source, ...] = (Source(
            post_id=post.post_id, post=post.path, section=post.sections[unit.section].heading,
            quote=post.body[start:end], start=start, end=end, line=LineIndex(post.body, post.body_line + 1).line(start)),)
    else:
        sources = (Source(post_id=post.post_id, post=post.path, section="", quote=""),)
    return Event(id=event_id(post.post_id, "publication"), title=post.meta.title, kind="publication",
                 start=post.meta.date, confidence=dated_confidence(0.9, post.meta.date), entities=tuple(topics), sources=sources)
