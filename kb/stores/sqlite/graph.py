"""Graph reads over link_view: neighbourhoods, shortest paths and related skills.

The graph is bipartite (entities and events); both walks go one hop (entity -> event -> entity)
per round with one indexed query per side of the hop, so the cost follows the frontier, not
the size of the store.
"""
from __future__ import annotations

import heapq
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice

from kb.errors import InvalidQuery, NotFound
from kb.models import GraphNode, GraphPath, Neighborhood, RelatedSkill
from kb.store import MAX_DEPTH, MAX_PATH_LENGTH
from kb.stores.sqlite import queries as q
from kb.stores.sqlite.rows import entity_from_row


def _require(conn: sqlite3.Connection, scope: int, entity_id: str) -> None:
    if conn.execute(q.ENTITY_EXISTS, (scope, entity_id)).fetchone() is None:
        raise NotFound("entity", entity_id)


def _events_of(conn: sqlite3.Connection, scope: int, entity_ids: list[str]) -> list[tuple[str, str]]:
    """(entity, event) pairs, deterministic order."""
    rows = conn.execute(q.EVENTS_OF_ENTITIES, (scope, json.dumps(entity_ids)))
    return sorted((r["entity_id"], r["event_id"]) for r in rows)


def _entities_of(conn: sqlite3.Connection, scope: int, event_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(q.ENTITIES_OF_EVENTS, (scope, json.dumps(event_ids))):
        out[r["event_id"]].append(r["entity_id"])
    for members in out.values():
        members.sort()
    return out


def _node_rows(conn: sqlite3.Connection, scope: int, entity_depth: dict[str, int],
               event_depth: dict[str, int]) -> list[dict[str, object]]:
    """Labelled nodes as plain dicts (validated in one pass by the caller), ordered like _nodes."""
    raw = [(entity_depth[r["id"]], 0, r["id"], r["name"], r["type"])
           for r in conn.execute(q.ENTITY_LABELS, (scope, json.dumps(list(entity_depth))))]
    raw += [(event_depth[r["id"]], 1, r["id"], r["title"], "event")
            for r in conn.execute(q.EVENT_LABELS, (scope, json.dumps(list(event_depth))))]
    raw.sort()
    return [{"id": ident, "label": label, "kind": kind, "depth": depth} for depth, _, ident, label, kind in raw]


def _nodes(conn: sqlite3.Connection, scope: int, entity_depth: dict[str, int],
           event_depth: dict[str, int]) -> list[GraphNode]:
    """Labelled nodes ordered by depth, entities before events, then id."""
    raw = [(entity_depth[r["id"]], 0, r["id"], r["name"], r["type"])
           for r in conn.execute(q.ENTITY_LABELS, (scope, json.dumps(list(entity_depth))))]
    raw += [(event_depth[r["id"]], 1, r["id"], r["title"], "event")
            for r in conn.execute(q.EVENT_LABELS, (scope, json.dumps(list(event_depth))))]
    raw.sort()
    return [GraphNode(id=ident, label=label, kind=kind, depth=depth) for depth, _, ident, label, kind in raw]


def _newest_events(conn: sqlite3.Connection, scope: int, entity_id: str) -> Iterator[tuple[str, str]]:
    """(sort_key, event_id) of one entity's events in reverse timeline order, fetched in growing pages."""
    after, page = ("\U0010ffff", "\U0010ffff"), 16
    while True:
        rows = conn.execute(q.NEWEST_EVENTS_OF_ENTITY, (scope, entity_id, *after, page)).fetchall()
        yield from ((r["sort_key"], r["event_id"]) for r in rows)
        if len(rows) < page:
            return
        after, page = (rows[-1]["sort_key"], rows[-1]["event_id"]), min(page * 4, 4096)


def _candidates(conn: sqlite3.Connection, scope: int, frontier: list[str], seen: dict[str, int]) -> Iterator[str]:
    """Unseen events of the frontier, newest first (reverse timeline order), each once."""
    merged = heapq.merge(*(_newest_events(conn, scope, e) for e in frontier), reverse=True)
    given: set[str] = set()
    for _, event_id in merged:
        if event_id not in seen and event_id not in given:
            given.add(event_id)
            yield event_id


def neighbors(conn: sqlite3.Connection, scope: int, entity_id: str, depth: int, limit: int) -> Neighborhood:
    """Entities within `depth` shared events; every event of an entity closer than `depth` is crossed,
    newest first, each with all its entities, while `limit` nodes allow (see Store.neighbors)."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidQuery(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    if not 1 <= limit:
        raise InvalidQuery(f"limit must be at least 1, not {limit}")
    _require(conn, scope, entity_id)
    entity_depth, event_depth = {entity_id: 0}, {}
    edges: set[tuple[str, str]] = set()
    frontier, budget, truncated = [entity_id], limit - 1, False
    for hop in range(1, depth + 1):
        stream, reached = _candidates(conn, scope, frontier, event_depth), []
        while not truncated:
            # every event costs a node at least, most cost three or four: small chunks fetch few
            # members that the budget would never take
            chunk = list(islice(stream, max(1, min(budget, 64))))
            if not chunk:
                break
            if budget == 0:
                truncated = True
                break
            members_of = _entities_of(conn, scope, chunk)
            for ev in chunk:
                members = members_of.get(ev, [])
                new = [m for m in members if m not in entity_depth]
                if 1 + len(new) > budget:
                    truncated = True
                    break
                budget -= 1 + len(new)
                event_depth[ev] = hop
                edges.update((ev, m) for m in members)
                entity_depth.update((m, hop) for m in new)
                reached += new
        frontier = reached
        if truncated or not frontier:
            break
    # one validation pass over plain dicts: three times faster than building 1000 models one by one
    return Neighborhood.model_validate({
        "center": entity_id, "depth": depth, "nodes": _node_rows(conn, scope, entity_depth, event_depth),
        "edges": [{"source": s, "target": t} for s, t in sorted(edges)], "truncated": truncated})


class _Side:
    """One end of the bidirectional search: parents and distances of what it has reached."""

    def __init__(self, root: str) -> None:
        self.parent: dict[str, tuple[str, str] | None] = {root: None}  # entity -> (previous entity, event)
        self.dist: dict[str, int] = {root: 0}
        self.seen_events: set[str] = set()
        self.frontier = [root]
        self.depth = 0

    def chain(self, entity_id: str) -> list[str]:
        """entity, event, entity, ... from `entity_id` back to this side's root."""
        out = [entity_id]
        step = self.parent[entity_id]
        while step is not None:
            previous, via = step
            out += [via, previous]
            step = self.parent[previous]
        return out


def _expand(conn: sqlite3.Connection, scope: int, side: _Side, other: _Side) -> list[str]:
    """Advance `side` one hop; returns the newly reached entities the other side already knows."""
    pairs = [(ent, ev) for ent, ev in _events_of(conn, scope, side.frontier) if ev not in side.seen_events]
    via: dict[str, str] = {}
    for ent, ev in pairs:
        via.setdefault(ev, ent)
    side.seen_events.update(via)
    side.depth += 1
    frontier, meets = [], []
    members_of = _entities_of(conn, scope, sorted(via)) if via else {}
    for ev in sorted(via):
        for member in members_of.get(ev, []):
            if member not in side.parent:
                side.parent[member] = (via[ev], ev)
                side.dist[member] = side.depth
                frontier.append(member)
                if member in other.parent:
                    meets.append(member)
    side.frontier = frontier
    return meets


def _degree(conn: sqlite3.Connection, scope: int, entity_ids: list[str]) -> int:
    """How many (entity, event) links expanding these entities would read."""
    return int(conn.execute(q.FRONTIER_DEGREE, (scope, json.dumps(entity_ids))).fetchone()[0])


def _meet(conn: sqlite3.Connection, scope: int, side: _Side, other: _Side) -> tuple[str, str, str] | None:
    """(frontier entity, event, entity the other side knows) on a shortest chain, or None.

    The other side's entities are tried nearest first, so the first hit is a shortest meeting."""
    by_dist: dict[int, list[str]] = defaultdict(list)
    for entity, dist in other.dist.items():
        by_dist[dist].append(entity)
    frontier = json.dumps(side.frontier)
    for dist in sorted(by_dist):
        row = conn.execute(q.FRONTIER_MEET, (scope, frontier, json.dumps(by_dist[dist]))).fetchone()
        if row is not None:
            return row["here"], row["event_id"], row["there"]
    return None


def path(conn: sqlite3.Connection, scope: int, from_id: str, to_id: str, max_length: int) -> GraphPath | None:
    """Shortest entity-event-entity chain of at most `max_length` events (bidirectional BFS)."""
    if not 1 <= max_length <= MAX_PATH_LENGTH:
        raise InvalidQuery(f"max_length must be between 1 and {MAX_PATH_LENGTH}, not {max_length}")
    _require(conn, scope, from_id)
    _require(conn, scope, to_id)
    start, goal = _Side(from_id), _Side(to_id)
    chain: list[str] | None = [from_id] if from_id == to_id else None
    while chain is None and start.frontier and goal.frontier and start.depth + goal.depth < max_length:
        # expand the side with fewer links to follow, not fewer entities: one hub on a frontier
        # costs tens of thousands of rows, so the other side goes first
        cheaper = _degree(conn, scope, start.frontier) <= _degree(conn, scope, goal.frontier)
        side, other = (start, goal) if cheaper else (goal, start)
        # the meeting test runs in SQL: when the next hop would meet the other side, the hop is
        # never materialised (through hubs it is ~100k links in Python)
        met = _meet(conn, scope, side, other)
        if met is not None:
            here, via, there = met
            near, far = (here, there) if side is start else (there, here)
            chain = list(reversed(start.chain(near))) + [via] + goal.chain(far)
            break
        _expand(conn, scope, side, other)
    if chain is None:
        return None
    entity_ids = {n: i // 2 for i, n in enumerate(chain) if i % 2 == 0}
    event_ids = {n: (i + 1) // 2 for i, n in enumerate(chain) if i % 2 == 1}
    by_id = {n.id: n for n in _nodes(conn, scope, entity_ids, event_ids)}
    return GraphPath(nodes=tuple(by_id[n] for n in chain), length=len(chain) // 2)


def related(conn: sqlite3.Connection, scope: int, skill_id: str, limit: int) -> list[RelatedSkill]:
    _require(conn, scope, skill_id)
    return [RelatedSkill(entity=entity_from_row(r), weight=r["weight"], first=r["shared_first"],
                         last=r["shared_last"])
            for r in conn.execute(q.RELATED_SKILLS, (scope, skill_id, scope, limit))]
