"""Refresh the read views for the ids a write touched, and only those.

The merge rules live here: for every scope (1: all posts, 0: public posts only), an entity or
event exists when a post of that scope contributes it; name/category (entities) and
title/kind/dates (events) come from the earliest such post (post date, then post id); aliases,
sources and entity links are unions; confidence is the maximum.
"""
from __future__ import annotations

import json
import sqlite3
from itertools import groupby
from typing import Any

from kb.stores.common.graphs import entity_search_key
from kb.stores.sqlite import queries as q

SCOPES = (1, 0)


def _in_scope(rows: list[sqlite3.Row], scope: int) -> list[sqlite3.Row]:
    return rows if scope == 1 else [r for r in rows if not r["private"]]


def _entity_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Per touched entity and scope: the earliest contribution's fields, every alias."""
    aliases: dict[tuple[int, str], set[str]] = {}
    for r in conn.execute(q.TOUCHED_ENTITY_ALIASES):
        for scope in SCOPES:
            if scope == 1 or not r["private"]:
                aliases.setdefault((scope, r["entity_id"]), set()).add(r["alias"])
    out: list[tuple[Any, ...]] = []
    for first in conn.execute(q.FIRST_ENTITY_CONTRIBS):
        scope, entity_id = first["scope"], first["entity_id"]
        known = sorted(aliases.get((scope, entity_id), ()))
        out.append((scope, entity_id, first["type"], first["name"], json.dumps(known, ensure_ascii=False),
                    first["category"], entity_search_key(first["name"], known)))
    return out


def _event_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Per touched event and scope: the earliest contribution's fields, the best confidence."""
    out: list[tuple[Any, ...]] = []
    rows = conn.execute(q.EVENT_CONTRIBS_TOUCHED).fetchall()
    for event_id, group in groupby(rows, key=lambda r: r["event_id"]):
        contribs = list(group)
        for scope in SCOPES:
            visible = _in_scope(contribs, scope)
            if not visible:
                continue
            f = visible[0]
            out.append((scope, event_id, f["title"], f["kind"], f["start"], f["end"], f["end"] or f["start"],
                        f["sort_key"], f["lo_key"], f["hi_key"], f["irregular"],
                        max(r["confidence"] for r in visible)))
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


def _masked(kind: str, texts: dict[tuple[int, str], tuple[str, str]]) -> list[tuple[Any, ...]]:
    """One document per distinct text: mask 1 = with private posts, 2 = public only, 3 = both."""
    docs: list[tuple[Any, ...]] = []
    for ident in sorted({ident for _, ident in texts}):
        full, public = texts.get((1, ident)), texts.get((0, ident))
        if full is not None and full == public:
            docs.append((kind, ident, 3, *full))
            continue
        docs += [(kind, ident, mask, *text) for mask, text in ((1, full), (2, public)) if text is not None]
    return docs


def _refresh_search_docs(conn: sqlite3.Connection) -> None:
    post_docs = [("post", r["id"], 1 if r["private"] else 3, r["title"], r["body"])
                 for r in conn.execute(q.TOUCHED_POST_DOCS)]
    _replace_docs(conn, "post", "touched_posts", post_docs)

    quotes: dict[tuple[int, str], list[str]] = {}
    for r in conn.execute(q.TOUCHED_EVENT_QUOTES):
        for scope in SCOPES:
            if (scope == 1 or not r["private"]) and r["quote"]:
                bucket = quotes.setdefault((scope, r["event_id"]), [])
                if r["quote"] not in bucket:
                    bucket.append(r["quote"])
    event_texts = {(r["scope"], r["id"]): (r["title"], "\n".join(quotes.get((r["scope"], r["id"]), [])))
                   for r in conn.execute(q.TOUCHED_EVENT_TITLES)}
    _replace_docs(conn, "event", "touched_events", _masked("event", event_texts))

    entity_texts = {(r["scope"], r["id"]): (r["name"], ", ".join(json.loads(r["aliases"])))
                    for r in conn.execute(q.TOUCHED_ENTITY_DOCS)}
    _replace_docs(conn, "entity", "touched_entities", _masked("entity", entity_texts))
