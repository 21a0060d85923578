"""Writes: replace what posts contribute, or the whole graph, each in one managed transaction.

Each function takes a `ManagedTransaction` and re-reads what it needs, so the driver may retry it
(after a deadlock or a leader switch) with the same result. A post whose graph hash is what is
stored is skipped: re-ingesting unchanged posts writes nothing and leaves `version()` alone.

The merge rules are the SQLite store's (kb/stores/sqlite/aggregate.py): for each scope (1: all
posts, 0: public posts), an entity or event exists while a post of that scope contributes it;
name/category and title/kind/dates come from the earliest such post (post date, then id);
aliases, sources and links are unions; confidence is the maximum.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any

from neo4j import ManagedTransaction, Record

from kb.models import PostGraph
from kb.stores.common import meta as kv
from kb.stores.common.graphs import entity_search_key, normalize_graph
from kb.stores.neo4j import queries as q
from kb.stores.neo4j.rows import order_key, post_row

SCOPES = (1, 0)
BATCH = 500  # posts per INSERT_POSTS statement

Prepared = dict[str, dict[str, Any]]  # post id -> post_row(...)


def prepare(graphs: Sequence[PostGraph]) -> Prepared:
    """post id -> its rows; the last graph given for a post wins."""
    return {graph.post.id: post_row(normalize_graph(graph)) for graph in graphs}


def pending(tx: ManagedTransaction, prepared: Prepared, remove: Sequence[str]) -> tuple[list[str], list[str]]:
    """(posts to write, posts to delete): the ones whose stored graph differs or that exist."""
    asked = sorted(set(prepared) | set(remove))
    stored = {r["id"]: r["graph_hash"] for r in tx.run(q.GRAPH_HASHES_FOR, ids=asked)}
    todo = sorted(pid for pid, row in prepared.items() if stored.get(pid) != row["post"]["graph_hash"])
    gone = sorted(pid for pid in set(remove) - set(prepared) if pid in stored)
    return todo, gone


def stored_meta(tx: ManagedTransaction) -> dict[str, str]:
    """The Store.meta record as stored: key -> JSON text."""
    return {r["key"]: r["value"] for r in tx.run(q.USER_META, prefix=kv.KEY_PREFIX)}


def set_meta(tx: ManagedTransaction, wanted: Mapping[str, Any], changed: bool) -> bool:
    """After the posts' write (`changed`: it bumped the generation); True when anything changed."""
    put, drop = kv.changes(stored_meta(tx), wanted)
    if put:
        tx.run(q.SET_META, rows=[{"key": kv.KEY_PREFIX + k, "value": v} for k, v in put.items()]).consume()
    if drop:
        tx.run(q.DELETE_META, keys=[kv.KEY_PREFIX + k for k in drop]).consume()
    if (put or drop) and not changed:
        tx.run(q.BUMP_GENERATION).consume()
    return changed or bool(put or drop)


def replace_posts(tx: ManagedTransaction, prepared: Prepared, remove: Sequence[str],
                  meta: Mapping[str, Any] | None = None) -> bool:
    """Replace the changed posts, delete the removed ones, set `meta`; False when nothing changed."""
    tx.run(q.LOCK_META).consume()
    todo, gone = pending(tx, prepared, remove)
    if not todo and not gone:
        return set_meta(tx, meta, False) if meta else False
    touched = todo + gone
    entities: set[str] = set()
    events: set[str] = set()
    for r in tx.run(q.CONTRIBUTED_IDS, ids=touched):
        _note(r, entities, events)
    tx.run(q.DELETE_POSTS, ids=touched).consume()
    rows = [prepared[pid] for pid in todo]
    _insert(tx, rows, entities, events)
    refresh(tx, entities, events)
    tx.run(q.BUMP_GENERATION).consume()
    if meta:
        set_meta(tx, meta, True)
    return True


def replace_all(tx: ManagedTransaction, prepared: Prepared, meta: Mapping[str, Any]) -> bool:
    """The graph holds exactly the prepared posts and `meta` afterwards; False when it already did."""
    tx.run(q.LOCK_META).consume()
    stored = {r["id"]: r["graph_hash"] for r in tx.run(q.ALL_GRAPH_HASHES)}
    if stored == {pid: row["post"]["graph_hash"] for pid, row in prepared.items()}:
        return set_meta(tx, kv.whole(stored_meta(tx), meta), False)
    tx.run(q.WIPE).consume()
    entities: set[str] = set()
    events: set[str] = set()
    _insert(tx, list(prepared.values()), entities, events)
    refresh(tx, entities, events)
    tx.run(q.BUMP_GENERATION).consume()
    set_meta(tx, kv.whole(stored_meta(tx), meta), True)
    return True


def _note(record: Record | dict[str, Any], entities: set[str], events: set[str]) -> None:
    if record["entity_id"] is not None:
        entities.add(record["entity_id"])
    if record["event_id"] is not None:
        events.add(record["event_id"])
    entities.update(record["entity_ids"] or ())


def _insert(tx: ManagedTransaction, rows: list[dict[str, Any]], entities: set[str], events: set[str]) -> None:
    """Create posts with their contributions, noting every id they name."""
    for start in range(0, len(rows), BATCH):
        tx.run(q.INSERT_POSTS, posts=rows[start:start + BATCH]).consume()
    for row in rows:
        for contribution in row["entities"] + row["mentions"] + row["events"]:
            _note({"entity_id": None, "event_id": None, "entity_ids": None, **contribution}, entities, events)


def _grouped(records: Iterable[Record]) -> Iterable[tuple[str, list[Record]]]:
    for ident, group in groupby(records, key=lambda r: r["id"]):
        yield ident, list(group)


def _visible(records: list[Record], scope: int) -> list[Record]:
    return records if scope == 1 else [r for r in records if not r["private"]]


def _entity_views(records: Iterable[Record]) -> list[dict[str, Any]]:
    out = []
    for entity_id, contributions in _grouped(records):
        for scope in SCOPES:
            visible = _visible(contributions, scope)
            if not visible:
                continue
            first = visible[0]
            aliases = sorted({a for r in visible for a in r["aliases"] or ()})
            out.append({"scope": scope, "id": entity_id, "props": {
                "type": first["type"], "name": first["name"], "aliases": aliases, "category": first["category"],
                "search_key": entity_search_key(first["name"], aliases),
                "title": first["name"], "body": ", ".join(aliases)}})
    return out


def _event_views(records: Iterable[Record]) -> list[dict[str, Any]]:
    out = []
    for event_id, contributions in _grouped(records):
        for scope in SCOPES:
            visible = [r["c"] for r in _visible(contributions, scope)]
            if not visible:
                continue
            first = visible[0]
            quotes = list(dict.fromkeys(quote for c in visible for quote in c["quotes"] if quote))
            out.append({"scope": scope, "id": event_id,
                        "entities": sorted({e for c in visible for e in c["entity_ids"]}),
                        "props": {"title": first["title"], "kind": first["kind"], "start": first.get("start"),
                                  "end": first.get("end"), "sort_key": first["sort_key"],
                                  "order_key": order_key(first["sort_key"], event_id),
                                  "lo_key": first.get("lo_key"), "hi_key": first.get("hi_key"),
                                  "confidence": max(c["confidence"] for c in visible), "body": "\n".join(quotes)}})
    return out


def _keys(rows: Iterable[dict[str, Any]] | Iterable[Record]) -> set[tuple[int, str]]:
    return {(r["scope"], r["id"]) for r in rows}


def _as_params(keys: set[tuple[int, str]]) -> list[dict[str, Any]]:
    return [{"scope": scope, "id": ident} for scope, ident in sorted(keys)]


def refresh(tx: ManagedTransaction, entity_ids: set[str], event_ids: set[str]) -> None:
    """Rebuild the views of the touched ids, their links and the counts they change."""
    entities = sorted(entity_ids)
    before = _keys(tx.run(q.ENTITY_VIEW_KEYS, ids=entities))
    entity_rows = _entity_views(tx.run(q.ENTITY_CONTRIBUTIONS_FOR, ids=entities))
    after = _keys(entity_rows)
    # Events other posts contributed change too: those linked to an entity that vanishes (their
    # links to it become dangling) and those whose dangling links wait for one that appears.
    vanished, appeared = _as_params(before - after), _as_params(after - before)
    if vanished:
        event_ids = event_ids | {r["id"] for r in tx.run(q.EVENTS_LINKED_TO, keys=vanished)}
    if appeared:
        event_ids = event_ids | {r["id"] for r in tx.run(q.EVENTS_WAITING_FOR, keys=appeared)}
    tx.run(q.DELETE_ENTITY_VIEWS, keys=vanished).consume()
    tx.run(q.UPSERT_ENTITY_VIEWS, rows=entity_rows).consume()

    events = sorted(event_ids)
    tx.run(q.DELETE_DANGLING_LINKS, ids=events).consume()
    counted = set(entity_ids) | {r["id"] for r in tx.run(q.ENTITIES_LINKED_TO_EVENTS, ids=events)}
    old_events = _keys(tx.run(q.EVENT_VIEW_KEYS, ids=events))
    event_rows = _event_views(tx.run(q.EVENT_CONTRIBUTIONS_FOR, ids=events))
    tx.run(q.DELETE_EVENT_VIEWS, keys=_as_params(old_events - _keys(event_rows))).consume()
    tx.run(q.DELETE_EVENT_LINKS, keys=_as_params(old_events & _keys(event_rows))).consume()
    tx.run(q.UPDATE_EVENT_VIEWS, rows=[r for r in event_rows if (r["scope"], r["id"]) in old_events]).consume()
    tx.run(q.CREATE_EVENT_VIEWS, rows=[r for r in event_rows if (r["scope"], r["id"]) not in old_events]).consume()
    counted |= {r["id"] for r in tx.run(q.ENTITIES_LINKED_TO_EVENTS, ids=events)}
    tx.run(q.UPDATE_ENTITY_COUNTS, ids=sorted(counted)).consume()
