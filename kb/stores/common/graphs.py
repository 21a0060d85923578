"""Backend-neutral helpers both stores use, so that they sort, merge and filter alike."""
from __future__ import annotations

import hashlib

from kb.errors import InvalidQuery
from kb.exchange import source_sort_key
from kb.models import Entity, Event, PostGraph, Source, check_partial_date, date_sort_key
from kb.stores.common.text import normalize_text


def query_date(value: str | None, name: str) -> str | None:
    """A query's partial date, or InvalidQuery naming the parameter."""
    try:
        return check_partial_date(value)
    except ValueError as exc:
        raise InvalidQuery(f"{name}: {exc}") from exc


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


def entity_search_key(name: str, aliases: list[str]) -> str:
    """What a substring filter on entities looks in: name and aliases, NFKC case-folded."""
    return "\x1f".join(normalize_text(text) for text in [name, *aliases])


def sorted_sources(sources: list[Source]) -> tuple[Source, ...]:
    """Deduplicated and in the export's order, so every read agrees with export()."""
    return tuple(sorted(set(sources), key=source_sort_key))
