"""Refresh the read views for the ids a write touched, and only those.

The merge rules live here: for every scope (1: all posts, 0: public posts only), an entity or
event exists when a post of that scope contributes it; name/category (entities) and
title/kind/dates (events) come from the earliest such post (post date, then post id); aliases,
sources and entity links are unions; confidence is the maximum.

An entity's totals (events, mentions, first and last dates) and alias union move by what the
write changed rather than being recounted over all its contributions: a hub skill named in
every post would otherwise cost each batch of a bulk ingest time in proportion to the whole
blog. They are recounted whole only where a difference cannot tell (links taken away, which may
have held the first or last date; aliases taken away; an entity new to a scope).
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


# (scope, entity id) -> (aliases, event_count, mention_count, first, last) before the write
Snapshot = dict[tuple[int, str], tuple[Any, ...]]


def _aliases(conn: sqlite3.Connection, old: Snapshot, touched: set[str]) -> dict[tuple[int, str], set[str]]:
    """(scope, entity) -> alias union: the stored one plus what was written, or recomputed whole."""
    aliases: dict[tuple[int, str], set[str]] = {}
    conn.executemany(q.REALIAS, [(i,) for i in sorted(touched) if any((s, i) not in old for s in SCOPES)])
    whole = {r["id"] for r in conn.execute(q.REALIASED_IDS)}
    for key, (known, *_) in old.items():
        if key[1] not in whole:
            aliases[key] = set(json.loads(known))
    for statement in (q.ALL_ALIASES_OF_REALIASED, q.ALIASES_WRITTEN):
        for r in conn.execute(statement):
            for scope in SCOPES:
                if scope == 1 or not r["private"]:
                    aliases.setdefault((scope, r["entity_id"]), set()).add(r["alias"])
    return aliases


def _entity_rows(conn: sqlite3.Connection, old: Snapshot, touched: set[str]) -> list[tuple[Any, ...]]:
    """Per touched entity and scope: the earliest contribution's fields, every alias."""
    aliases = _aliases(conn, old, touched)
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


def _update_totals(conn: sqlite3.Connection, old: Snapshot, touched: set[str]) -> None:
    """Event and mention counts, first and last dates of every entity the write changed."""
    links = {(r[0], r[1]): tuple(r[2:]) for r in conn.execute(q.LINK_DELTAS)}
    mentions: dict[tuple[int, str], int] = {}
    for entity_id, private, n in conn.execute(q.MENTION_DELTAS):
        for scope in SCOPES:
            if scope == 1 or not private:
                mentions[(scope, entity_id)] = mentions.get((scope, entity_id), 0) + n
    ids = sorted(touched | {entity_id for _, entity_id in links})
    rows = []
    for scope, entity_id, *now in conn.execute(q.TOTALS_OF, (json.dumps(ids),)).fetchall():
        key = (scope, entity_id)
        if key in old:
            before: Any = old[key][1:]
        elif entity_id in touched:
            before = None  # its row was just rewritten: no totals to start from
        else:
            before = now  # an entity only linked to touched events keeps its row
        count, removed, added_first, added_last = links.get(key, (0, 0, None, None))
        if before is None or removed:  # new to this scope, or links taken away: count it whole
            row = conn.execute(q.COUNT_ENTITY, {"scope": scope, "id": entity_id}).fetchone()
            totals = (row[1], row[0], row[2], row[3])
        else:
            events, mention_count, first, last = before
            totals = (events + count, mention_count + mentions.get(key, 0),
                      min((d for d in (first, added_first) if d is not None), default=None),
                      max((d for d in (last, added_last) if d is not None), default=None))
        rows.append((*totals, scope, entity_id))
    conn.executemany(q.SET_ENTITY_TOTALS, rows)


def refresh(conn: sqlite3.Connection) -> None:
    """Rebuild views for temp.touched_posts/_events/_entities (filled by the writer)."""
    conn.execute(q.MENTIONS_COUNTED.format(sign=1))
    conn.execute(q.SAVE_TOUCHED_ENTITIES)
    old: Snapshot = {(r[0], r[1]): tuple(r[2:]) for r in conn.execute(q.OLD_ENTITIES)}
    touched = {r[0] for r in conn.execute(q.TOUCHED_ENTITY_IDS)}
    conn.execute(q.DELETE_ENTITY_VIEW_TOUCHED)
    entity_rows = _entity_rows(conn, old, touched)
    conn.executemany(q.INSERT_ENTITY_VIEW, entity_rows)
    after = {(row[0], row[1]) for row in entity_rows}
    # An entity that appeared or vanished changes the links of events other posts contributed.
    flipped = sorted({ident for _, ident in old.keys() ^ after})
    if flipped:
        conn.execute(q.TOUCH_EVENTS_OF_ENTITIES, (json.dumps(flipped),))

    conn.execute(q.DELETE_EVENT_VIEW_TOUCHED)
    conn.executemany(q.INSERT_EVENT_VIEW, _event_rows(conn))
    conn.execute(q.LINKS_REMOVED)
    conn.execute(q.DELETE_LINK_VIEW_TOUCHED)
    conn.execute(q.INSERT_LINK_VIEW_TOUCHED)
    conn.execute(q.LINKS_ADDED)
    _update_totals(conn, old, touched)
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
