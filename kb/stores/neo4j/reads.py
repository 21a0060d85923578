"""Read use cases over the views. Each function runs inside one (fenced) read transaction."""
from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kb.errors import InvalidQuery
from kb.models import (
    ENTITY_TYPES,
    EntityDetail,
    EntityPage,
    EntityQuery,
    EntitySummary,
    Event,
    EventPage,
    Post,
    PostPage,
    PostQuery,
    Stats,
    TimelineQuery,
    date_sort_key,
)
from kb.stores.common import cursor
from kb.stores.common import text as fts
from kb.stores.common.graphs import query_date, sorted_sources
from kb.stores.neo4j import queries as q
from kb.stores.neo4j.rows import (
    entity_from_props,
    event_from_record,
    order_key,
    post_from_props,
    source_from_props,
    upper_key,
)
from kb.stores.neo4j.search import lucene_query


def scope_of(include_private: bool) -> int:
    return 1 if include_private else 0


# ---- events ----

def _events(tx: ManagedTransaction, statement: str, **params: Any) -> list[Event]:
    return [event_from_record(r["event"], r["entities"], r["sources"]) for r in tx.run(statement, **params)]


def load_events(tx: ManagedTransaction, scope: int, ids: list[str] | None) -> list[Event]:
    """Events with their visible entities and sources, in the order of `ids` (all when None)."""
    if ids is None:
        return _events(tx, q.ALL_EVENTS, scope=scope)
    order = {ident: i for i, ident in enumerate(ids)}
    return sorted(_events(tx, q.EVENTS_BY_IDS, scope=scope, ids=ids), key=lambda e: order[e.id])


def event(tx: ManagedTransaction, event_id: str, include_private: bool) -> Event | None:
    found = load_events(tx, scope_of(include_private), [event_id])
    return found[0] if found else None



def timeline(tx: ManagedTransaction, query: TimelineQuery) -> EventPage:
    date_from, date_to = query_date(query.date_from, "date_from"), query_date(query.date_to, "date_to")
    after = cursor.decode("timeline", query.cursor) if query.cursor else [None, None]
    params: dict[str, Any] = {
        "scope": scope_of(query.include_private), "kind": query.kind, "entity": query.entity,
        "lo": date_sort_key(date_from) if date_from else None, "hi": upper_key(date_to) if date_to else None,
        "after": order_key(*after) if after[0] is not None else "", "limit": query.limit + 1,
    }
    if query.text:
        lucene = lucene_query(query.text)
        if lucene is None:
            return EventPage(items=())
        rows = _events(tx, q.TIMELINE_BY_TEXT, lucene=lucene, **params)
    elif query.entity is not None:
        rows = _events(tx, q.TIMELINE_BY_ENTITY, **params)
    else:
        rows = _events(tx, q.TIMELINE, **params)
    rows.sort(key=_event_key)
    page, more = rows[:query.limit], len(rows) > query.limit
    next_cursor = cursor.encode("timeline", *_event_key(page[-1])) if more and page else None
    return EventPage(items=tuple(page), next_cursor=next_cursor)


def _event_key(item: Event) -> tuple[str, str]:
    """The timeline's order and cursor: the stored sort key, then the id."""
    return date_sort_key(item.start), item.id


# ---- entities ----

def _summary(props: dict[str, Any]) -> EntitySummary:
    return EntitySummary(entity=entity_from_props(props), event_count=props.get("event_count", 0),
                         mention_count=props.get("mention_count", 0), first=props.get("first"),
                         last=props.get("last"))


def entities(tx: ManagedTransaction, query: EntityQuery) -> EntityPage:
    needle = fts.normalize_text(query.text).strip() if query.text else ""
    count, name, ident = cursor.decode("entities", query.cursor) if query.cursor else (None, None, None)
    rows = [r["entity"] for r in tx.run(
        q.ENTITIES_PAGE, scope=scope_of(query.include_private), type=query.type, needle=needle or None,
        after_count=count, after_name=name, after_id=ident, limit=query.limit + 1)]
    page, more = rows[:query.limit], len(rows) > query.limit
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = cursor.encode("entities", last["event_count"], last["name"], last["id"])
    return EntityPage(items=tuple(_summary(r) for r in page), next_cursor=next_cursor)


def entity(tx: ManagedTransaction, entity_id: str, include_private: bool, events_limit: int) -> EntityDetail | None:
    if events_limit < 0:
        raise InvalidQuery(f"events_limit must be at least 0, not {events_limit}")
    scope = scope_of(include_private)
    row = tx.run(q.ENTITY_BY_ID, scope=scope, id=entity_id).single()
    if row is None:
        return None
    # the newest events, listed in timeline order
    event_ids = [r["id"] for r in tx.run(q.ENTITY_EVENT_IDS, scope=scope, id=entity_id, limit=events_limit)][::-1]
    sources = [source_from_props(r["mention"]) for r in tx.run(q.ENTITY_MENTIONS, scope=scope, id=entity_id)]
    return EntityDetail(summary=_summary(row["entity"]), events=tuple(load_events(tx, scope, event_ids)),
                        sources=sorted_sources(sources))


# ---- posts and stats ----

def posts(tx: ManagedTransaction, query: PostQuery) -> PostPage:
    date_key, ident = cursor.decode("posts", query.cursor) if query.cursor else ("", "")
    rows = [r["post"] for r in tx.run(q.POSTS_PAGE, scope=scope_of(query.include_private), key=date_key,
                                      id=ident, limit=query.limit + 1)]
    page, more = rows[:query.limit], len(rows) > query.limit
    next_cursor = cursor.encode("posts", page[-1]["date_key"], page[-1]["id"]) if more and page else None
    return PostPage(items=tuple(post_from_props(r) for r in page), next_cursor=next_cursor)


def post(tx: ManagedTransaction, post_id: str, include_private: bool) -> Post | None:
    row = tx.run(q.POST_BY_ID, id=post_id, scope=scope_of(include_private)).single()
    return post_from_props(row["post"]) if row else None


def stats(tx: ManagedTransaction, include_private: bool) -> Stats:
    scope = scope_of(include_private)
    counted = tx.run(q.COUNT_POSTS, scope=scope).single(strict=True)
    events = tx.run(q.EVENT_STATS, scope=scope).single(strict=True)
    by_type = {t: 0 for t in ENTITY_TYPES}
    mentions = 0
    for row in tx.run(q.ENTITY_STATS, scope=scope):
        by_type[row["type"]] = row["n"]
        mentions += row["mentions"] or 0
    return Stats(posts=counted["n"], private_posts=counted["private"] or 0, events=events["n"], entities=by_type,
                 mentions=mentions, first=events["first"], last=events["last"])
