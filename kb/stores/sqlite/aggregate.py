"""Refresh the read views for the ids a write touched, and only those.

The merge rules live here: for every scope (1: all posts, 0: public posts only), an entity or
event exists when a post of that scope contributes it; name/category (entities) and
title/kind/dates (events) come from the earliest such post (post date, then post id); aliases,
sources and entity links are unions; confidence is the maximum.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from kb.stores.sqlite import queries as q
from kb.stores.sqlite.rows import entity_search_key

SCOPES = (1, 0)


def _in_scope(rows: list[sqlite3.Row], scope: int) -> list[sqlite3.Row]:
    return rows if scope == 1 else [r for r in rows if not r["private"]]


def _grouped(rows: Iterable[sqlite3.Row], key: str) -> Iterator[tuple[str, list[sqlite3.Row]]]:
    for ident, group in groupby(rows, key=lambda r: r[key]):
        yield ident, list(group)


def _entity_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for entity_id, contribs in _grouped(conn.execute(q.ENTITY_CONTRIBS_TOUCHED), "entity_id"):
        for scope in SCOPES:
            visible = _in_scope(contribs, scope)
            if not visible:
                continue
            first = visible[0]
            aliases = sorted({a for r in visible for a in json.loads(r["aliases"])})
            out.append((scope, entity_id, first["type"], first["name"], json.dumps(aliases, ensure_ascii=False),
                        first["category"], entity_search_key(first["name"], aliases)))
    return out


def _event_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for event_id, contribs in _grouped(conn.execute(q.EVENT_CONTRIBS_TOUCHED), "event_id"):
        for scope in SCOPES:
            visible = _in_scope(contribs, scope)
            if not visible:
                continue
            f = visible[0]
            out.append((scope, event_id, f["title"], f["kind"], f["start"], f["end"], f["sort_key"],
                        f["lo_key"], f["hi_key"], max(r["confidence"] for r in visible)))
    return out


def refresh(conn: sqlite3.Connection) -> None:
    """Rebuild views for temp.touched_posts/_events/_entities (filled by the writer)."""
    before = {(r["scope"], r["id"]) for r in conn.execute(q.VISIBLE_TOUCHED_ENTITIES)}
    conn.execute(q.DELETE_ENTITY_VIEW_TOUCHED)
    entity_rows = _entity_rows(conn)
    conn.executemany(q.INSERT_ENTITY_VIEW, entity_rows)
    after = {(row[0], row[1]) for row in entity_rows}
    # An entity that appeared or vanished changes the links of events other posts contributed.
    flipped = sorted({ident for _, ident in before ^ after})
    if flipped:
        conn.execute(q.TOUCH_EVENTS_OF_ENTITIES, (json.dumps(flipped),))

    conn.execute(q.COUNT_ENTITIES_TOUCHED)
    conn.execute(q.COUNT_ENTITIES_LINKED)  # entities the touched events used to involve
    conn.execute(q.DELETE_EVENT_VIEW_TOUCHED)
    conn.executemany(q.INSERT_EVENT_VIEW, _event_rows(conn))
    conn.execute(q.DELETE_LINK_VIEW_TOUCHED)
    conn.execute(q.INSERT_LINK_VIEW_TOUCHED)
    conn.execute(q.COUNT_ENTITIES_LINKED)  # ... and the ones they involve now
    conn.execute(q.UPDATE_ENTITY_COUNTS)
    _refresh_search_docs(conn)


def _replace_docs(conn: sqlite3.Connection, kind: str, table: str, docs: list[tuple[Any, ...]]) -> None:
    conn.execute(q.DELETE_FTS_DOCS.format(table=table), (kind,))
    conn.execute(q.DELETE_DOCS.format(table=table), (kind,))
    conn.executemany(q.INSERT_DOC, docs)
    conn.execute(q.INDEX_DOCS.format(table=table), (kind,))


def _refresh_search_docs(conn: sqlite3.Connection) -> None:
    post_docs = [("post", r["id"], scope, r["title"], r["body"])
                 for r in conn.execute(q.TOUCHED_POST_DOCS) for scope in SCOPES
                 if scope == 1 or not r["private"]]
    _replace_docs(conn, "post", "touched_posts", post_docs)

    quotes: dict[tuple[int, str], list[str]] = {}
    for r in conn.execute(q.TOUCHED_EVENT_QUOTES):
        for scope in SCOPES:
            if (scope == 1 or not r["private"]) and r["quote"]:
                bucket = quotes.setdefault((scope, r["event_id"]), [])
                if r["quote"] not in bucket:
                    bucket.append(r["quote"])
    event_docs = [("event", r["id"], r["scope"], r["title"], "\n".join(quotes.get((r["scope"], r["id"]), [])))
                  for r in conn.execute(q.TOUCHED_EVENT_TITLES)]
    _replace_docs(conn, "event", "touched_events", event_docs)

    entity_docs = [("entity", r["id"], r["scope"], r["name"], ", ".join(json.loads(r["aliases"])))
                   for r in conn.execute(q.TOUCHED_ENTITY_DOCS)]
    _replace_docs(conn, "entity", "touched_entities", entity_docs)
