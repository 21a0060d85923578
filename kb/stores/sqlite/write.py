"""Writes: replace what posts contribute, or the whole graph, in one transaction each.

A post whose graph is byte-for-byte what is stored is skipped, so re-ingesting unchanged posts
writes nothing and leaves `version()` alone.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from kb.models import PostGraph
from kb.stores.common import meta as kv
from kb.stores.common.graphs import normalize_graph
from kb.stores.sqlite import aggregate
from kb.stores.sqlite import queries as q
from kb.stores.sqlite.connection import TEMP_TABLES
from kb.stores.sqlite.rows import contribution_rows, post_row


def _prepare(graphs: Sequence[PostGraph]) -> dict[str, tuple[PostGraph, tuple]]:
    """post id -> (graph, posts row); the last graph given for a post wins."""
    out: dict[str, tuple[PostGraph, tuple]] = {}
    for graph in graphs:
        normal = normalize_graph(graph)
        out[graph.post.id] = (normal, post_row(normal))
    return out


def _insert(conn: sqlite3.Connection, prepared: list[tuple[PostGraph, tuple]]) -> None:
    """Insert posts and their contributions, and note every id they name as touched."""
    conn.executemany(q.INSERT_POST, [row for _, row in prepared])
    tables = {"entities": q.INSERT_ENTITY_CONTRIB, "mentions": q.INSERT_MENTION,
              "events": q.INSERT_EVENT_CONTRIB, "links": q.INSERT_EVENT_LINK, "sources": q.INSERT_EVENT_SOURCE}
    batches: dict[str, list[tuple]] = {name: [] for name in tables}
    for graph, _ in prepared:
        for name, rows in contribution_rows(graph).items():
            batches[name].extend(rows)
    for name, sql in tables.items():
        conn.executemany(sql, batches[name])
    conn.executemany(q.TOUCH.format(table="touched_posts"), [(g.post.id,) for g, _ in prepared])
    conn.executemany(q.TOUCH.format(table="touched_events"), [(row[1],) for row in batches["events"]])
    entity_ids = {row[1] for row in batches["entities"]} | {row[2] for row in batches["mentions"]} \
        | {row[2] for row in batches["links"]}
    conn.executemany(q.TOUCH.format(table="touched_entities"), [(i,) for i in entity_ids])


def _start(conn: sqlite3.Connection) -> None:
    for table in TEMP_TABLES:
        conn.execute(q.CLEAR_TEMP.format(table=table))


def _finish(conn: sqlite3.Connection) -> None:
    aggregate.refresh(conn)
    conn.execute(q.BUMP_GENERATION)


def replace_posts(conn: sqlite3.Connection, graphs: Sequence[PostGraph], remove: Sequence[str]) -> bool:
    """Inside an open write transaction; returns False when nothing changed."""
    prepared = _prepare(graphs)
    asked = sorted(set(prepared) | set(remove))
    stored = {r["id"]: r["graph_hash"] for r in conn.execute(q.POST_HASHES_FOR, (json.dumps(asked),))}
    todo = [item for pid, item in prepared.items() if stored.get(pid) != item[1][-1]]
    gone = sorted(pid for pid in set(remove) - set(prepared) if pid in stored)
    if not todo and not gone:
        return False
    _start(conn)
    conn.executemany(q.TOUCH.format(table="touched_posts"), [(g.post.id,) for g, _ in todo] + [(p,) for p in gone])
    conn.execute(q.TOUCH_OLD_EVENTS)
    for sql in q.TOUCH_OLD_ENTITIES:
        conn.execute(sql)
    conn.execute(q.REALIAS_REMOVED)
    conn.execute(q.MENTIONS_COUNTED.format(sign=-1))
    conn.execute(q.DELETE_TOUCHED_POSTS)
    _insert(conn, todo)
    _finish(conn)
    return True


def replace_all(conn: sqlite3.Connection, graphs: Sequence[PostGraph]) -> bool:
    """Inside an open write transaction: the store holds exactly `graphs` afterwards."""
    prepared = _prepare(graphs)
    stored = {r["id"]: r["graph_hash"] for r in conn.execute(q.ALL_POST_GRAPH_HASHES)}
    if stored == {pid: row[-1] for pid, (_, row) in prepared.items()}:
        return False
    _start(conn)
    for sql in q.WIPE:
        conn.execute(sql)
    _insert(conn, list(prepared.values()))
    _finish(conn)
    return True


def stored_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The Store.meta record as stored: key -> JSON text."""
    prefix = kv.KEY_PREFIX
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return {r["key"]: r["value"] for r in conn.execute(q.USER_META, (prefix, prefix, upper))}


def set_meta(conn: sqlite3.Connection, wanted: Mapping[str, Any], changed: bool) -> bool:
    """Inside an open write transaction, after the posts' write (`changed`: it bumped the
    generation); returns whether anything changed at all."""
    put, drop = kv.changes(stored_meta(conn), wanted)
    conn.executemany(q.SET_META, [(kv.KEY_PREFIX + k, v) for k, v in put.items()])
    conn.executemany(q.DELETE_META, [(kv.KEY_PREFIX + k,) for k in drop])
    if (put or drop) and not changed:
        conn.execute(q.BUMP_GENERATION)
    return changed or bool(put or drop)
