"""Graph reads: neighbourhoods, shortest paths and related skills, as Cypher traversals.

A scope's views are their own subgraph, so every walk starts at (:Entity {scope, id}) and can only
reach facts of that scope. A neighbourhood grows one hop (entity -> event -> entity) per query,
with the same depths as the SQLite store; a path is Neo4j's bidirectional `shortestPath`.
"""
from __future__ import annotations

from neo4j import ManagedTransaction

from kb.errors import InvalidQuery, NotFound
from kb.models import GraphEdge, GraphNode, GraphPath, Neighborhood, RelatedSkill
from kb.store import MAX_DEPTH, MAX_PATH_LENGTH
from kb.stores.neo4j import queries as q
from kb.stores.neo4j.rows import entity_from_props


def _require(tx: ManagedTransaction, scope: int, entity_id: str) -> None:
    if tx.run(q.ENTITY_EXISTS, scope=scope, id=entity_id).single() is None:
        raise NotFound("entity", entity_id)


def neighbors(tx: ManagedTransaction, scope: int, entity_id: str, depth: int, limit: int) -> Neighborhood:
    """Entities within `depth` shared events; every event of an entity closer than `depth` is crossed,
    newest first, each with all its entities, while `limit` nodes allow (see Store.neighbors)."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidQuery(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    if not 1 <= limit:
        raise InvalidQuery(f"limit must be at least 1, not {limit}")
    if tx.run(q.ENTITY_EXISTS, scope=scope, id=entity_id).single() is None:
        raise NotFound("entity", entity_id)
    entity_depth: dict[str, int] = {entity_id: 0}
    events: dict[str, tuple[str, int]] = {}  # id -> (title, depth)
    edges: set[tuple[str, str]] = set()
    frontier, budget, truncated = [entity_id], limit - 1, False
    for hop in range(1, depth + 1):
        # every event costs a node at least, so budget + 1 candidates settle the hop
        rows = tx.run(q.NEIGHBOR_HOP, scope=scope, frontier=frontier, seen=list(events), limit=budget + 1).values()
        frontier = []
        for _, event_id, title, members in sorted(rows, reverse=True):  # reverse timeline order
            members = list(dict.fromkeys(members))
            new = [m for m in members if m not in entity_depth]
            if 1 + len(new) > budget:
                truncated = True
                break
            budget -= 1 + len(new)
            events[event_id] = (title, hop)
            edges.update((event_id, m) for m in members)
            entity_depth.update((m, hop) for m in new)
            frontier += new
        if truncated or not frontier:
            break
    nodes = [GraphNode(id=ident, label=name, kind=kind, depth=entity_depth[ident])
             for ident, name, kind in tx.run(q.ENTITY_LABELS, scope=scope, ids=list(entity_depth)).values()]
    nodes += [GraphNode(id=ident, label=title, kind="event", depth=hop) for ident, (title, hop) in events.items()]
    nodes.sort(key=lambda n: (n.depth, n.kind == "event", n.id))
    return Neighborhood(center=entity_id, depth=depth, nodes=tuple(nodes),
                        edges=tuple(GraphEdge(source=s, target=t) for s, t in sorted(edges)), truncated=truncated)


def path(tx: ManagedTransaction, scope: int, from_id: str, to_id: str, max_length: int) -> GraphPath | None:
    """Shortest entity-event-entity chain of at most `max_length` events."""
    if not 1 <= max_length <= MAX_PATH_LENGTH:
        raise InvalidQuery(f"max_length must be between 1 and {MAX_PATH_LENGTH}, not {max_length}")
    if from_id == to_id:  # shortestPath needs two distinct nodes
        row = tx.run(q.ENTITY_LABEL, scope=scope, id=from_id).single()
        if row is None:
            raise NotFound("entity", from_id)
        return GraphPath(nodes=(GraphNode(id=from_id, label=row["name"], kind=row["type"]),), length=0)
    found = tx.run(q.SHORTEST_PATH[max_length], scope=scope, **{"from": from_id, "to": to_id}).single(strict=True)
    for present, ident in ((found["has_from"], from_id), (found["has_to"], to_id)):
        if not present:
            raise NotFound("entity", ident)
    chain = found["nodes"]
    if chain is None:
        return None
    nodes = tuple(GraphNode(id=n["id"], label=n["label"], kind=n["kind"], depth=(i + 1) // 2)
                  for i, n in enumerate(chain))
    return GraphPath(nodes=nodes, length=len(chain) // 2)


def related(tx: ManagedTransaction, scope: int, skill_id: str, limit: int) -> list[RelatedSkill]:
    _require(tx, scope, skill_id)
    return [RelatedSkill(entity=entity_from_props(r["entity"]), weight=r["weight"], first=r["first"], last=r["last"])
            for r in tx.run(q.RELATED_SKILLS, scope=scope, id=skill_id, limit=limit)]
