"""Read use cases over the views. Each function runs inside one read transaction."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

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
    Source,
    Stats,
    TimelineQuery,
)
from kb.stores.common import cursor
from kb.stores.common import text as fts
from kb.stores.common.graphs import lower_key, query_date, sorted_sources, upper_key
from kb.stores.sqlite import queries as q
from kb.stores.sqlite.rows import entity_from_row, event_from_values, post_from_row, source_from_row, source_from_values


def scope_of(include_private: bool) -> int:
    return 1 if include_private else 0


def mask_of(scope: int) -> int:
    """The search_doc mask bit of a scope (see schema)."""
    return 1 if scope == 1 else 2


# ---- events ----

def load_events(conn: sqlite3.Connection, scope: int, ids: list[str] | None) -> list[Event]:
    """Events with their visible entities and sources, in the order of `ids` (all when None)."""
    tuples = conn.cursor()
    tuples.row_factory = None
    if ids is None:
        rows = tuples.execute(q.ALL_EVENT_ROWS, (scope,)).fetchall()
        links = conn.execute(q.ALL_EVENT_LINKS, (scope,)).fetchall()
        sources = tuples.execute(q.ALL_EVENT_SOURCES, (scope,)).fetchall()
    else:
        if not ids:
            return []
        packed = json.dumps(ids)
        order = {ident: i for i, ident in enumerate(ids)}
        rows = sorted(tuples.execute(q.EVENT_ROWS, (scope, packed)).fetchall(), key=lambda r: order[r[0]])
        links = tuples.execute(q.EVENT_LINKS, (scope, packed)).fetchall()
        sources = tuples.execute(q.EVENT_SOURCES, (packed, scope)).fetchall()
    entities: dict[str, list[str]] = defaultdict(list)
    for event_id, entity_id in links:
        entities[event_id].append(entity_id)
    found: dict[str, list[Source]] = defaultdict(list)
    for row in sources:
        found[row[0]].append(source_from_values(row[1:]))
    return [event_from_values(r, entities[r[0]], found[r[0]]) for r in rows]


def event(conn: sqlite3.Connection, event_id: str, include_private: bool) -> Event | None:
    events = load_events(conn, scope_of(include_private), [event_id])
    return events[0] if events else None



def timeline(conn: sqlite3.Connection, query: TimelineQuery) -> EventPage:
    scope = scope_of(query.include_private)
    date_from, date_to = query_date(query.date_from, "date_from"), query_date(query.date_to, "date_to")
    after = cursor.decode("timeline", query.cursor) if query.cursor else None
    match = fts.prepare_query(query.text) if query.text else None
    if query.text and match is None:
        return EventPage(items=())
    lo = lower_key(date_from) if date_from else None
    hi = upper_key(date_to) if date_to else None
    filters, values = "", []
    if query.kind is not None:
        filters, values = q.TIMELINE_KIND, [query.kind]
    if query.entity is not None or match or (lo is None and hi is None):
        if lo is not None or hi is not None:
            filters += q.TIMELINE_OVERLAPS
            values += [lo or "", hi or "9999-99-99"]
    if query.entity is not None:
        sql = q.TIMELINE_BY_ENTITY.format(text=q.TIMELINE_TEXT_JOIN if match else "", filters=filters,
                                          after=q.TIMELINE_AFTER_LINK if after else "")
        params = ([match, mask_of(scope)] if match else []) + [scope, query.entity, *values, *(after or [])]
    elif match:
        sql = q.TIMELINE_BY_TEXT.format(filters=filters, after=q.TIMELINE_AFTER if after else "")
        params = [match, mask_of(scope), scope, *values, *(after or [])]
    elif lo is None and hi is None:
        sql = q.TIMELINE_BY_VIEW.format(filters=filters, after=q.TIMELINE_AFTER if after else "")
        params = [scope, *values, *(after or [])]
    else:
        lo, hi = lo or "0000-00-00", hi or "9999-99-98"
        sql = q.TIMELINE_BY_DATES.format(filters=filters, after=q.TIMELINE_AFTER if after else "",
                                         irregular_filters=q.TIMELINE_KIND_UNINDEXED if query.kind else "")
        tail = [*values, *(after or [])]
        params = [scope, lo[:4] + "-00-00", hi, lo, *tail, scope, hi, lo, *tail]
    rows = conn.execute(sql, [*params, query.limit + 1]).fetchall()
    page, more = rows[:query.limit], len(rows) > query.limit
    items = load_events(conn, scope, [r["id"] for r in page])
    last = page[-1] if page else None
    return EventPage(items=tuple(items),
                     next_cursor=cursor.encode("timeline", last["sort_key"], last["id"]) if more and last else None)


# ---- entities ----

def _summary(row: sqlite3.Row) -> EntitySummary:
    return EntitySummary(entity=entity_from_row(row), event_count=row["event_count"],
                         mention_count=row["mention_count"], first=row["first"], last=row["last"])


def entities(conn: sqlite3.Connection, query: EntityQuery) -> EntityPage:
    sql, params = [q.ENTITIES_SELECT], [scope_of(query.include_private)]
    if query.type is not None:
        sql.append(q.ENTITIES_WHERE_TYPE)
        params.append(query.type)
    needle = fts.normalize_text(query.text).strip() if query.text else ""
    if needle:
        sql.append(q.ENTITIES_WHERE_TEXT)
        params.append(needle)
    if query.cursor:
        count, name, ident = cursor.decode("entities", query.cursor)
        sql.append(q.ENTITIES_WHERE_AFTER)
        params += [count, count, name, ident]
    sql.append(q.ENTITIES_ORDER)
    params.append(query.limit + 1)
    rows = conn.execute("".join(sql), params).fetchall()
    page, more = rows[:query.limit], len(rows) > query.limit
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = cursor.encode("entities", last["event_count"], last["name"], last["id"])
    return EntityPage(items=tuple(_summary(r) for r in page), next_cursor=next_cursor)


def entity(conn: sqlite3.Connection, entity_id: str, include_private: bool, events_limit: int) -> EntityDetail | None:
    if events_limit < 0:
        raise InvalidQuery(f"events_limit must be at least 0, not {events_limit}")
    scope = scope_of(include_private)
    row = conn.execute(q.ENTITY_ROW, (scope, entity_id)).fetchone()
    if row is None:
        return None
    # the newest events, listed in timeline order
    event_ids = [r["event_id"] for r in conn.execute(q.ENTITY_EVENT_IDS, (scope, entity_id, events_limit))][::-1]
    sources = [source_from_row(r) for r in conn.execute(q.ENTITY_MENTIONS, (entity_id, scope))]
    return EntityDetail(summary=_summary(row), events=tuple(load_events(conn, scope, event_ids)),
                        sources=sorted_sources(sources))


# ---- posts and stats ----

def posts(conn: sqlite3.Connection, query: PostQuery) -> PostPage:
    date_key, ident = cursor.decode("posts", query.cursor) if query.cursor else ("", "")
    if query.include_private:
        rows = conn.execute(q.POSTS_PAGE, (date_key, ident, query.limit + 1)).fetchall()
    else:
        rows = conn.execute(q.POSTS_PUBLIC_PAGE, (date_key, ident, query.limit + 1)).fetchall()
    page, more = rows[:query.limit], len(rows) > query.limit
    next_cursor = cursor.encode("posts", page[-1]["date_key"], page[-1]["id"]) if more and page else None
    return PostPage(items=tuple(post_from_row(r) for r in page), next_cursor=next_cursor)


def post(conn: sqlite3.Connection, post_id: str, include_private: bool) -> Post | None:
    row = conn.execute(q.POST_BY_ID, (post_id, scope_of(include_private))).fetchone()
    return post_from_row(row) if row else None


def stats(conn: sqlite3.Connection, include_private: bool) -> Stats:
    scope = scope_of(include_private)
    counted = conn.execute(q.COUNT_POSTS, (scope,)).fetchone()
    events = conn.execute(q.EVENT_STATS, (scope,)).fetchone()
    by_type = {t: 0 for t in ENTITY_TYPES}
    mentions = 0
    for row in conn.execute(q.ENTITY_STATS, (scope,)):
        by_type[row["type"]] = row["n"]
        mentions += row["mentions"]
    return Stats(posts=counted["n"], private_posts=counted["private"], events=events["n"], entities=by_type,
                 mentions=mentions, first=events["first"], last=events["last"])
