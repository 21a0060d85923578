"""Neo4j ingest, batched vs row by row, and read latency on Neo4j vs SQLite over the same graph.

    scripts/neo4j.sh start && eval "$(scripts/neo4j.sh env)"
    .venv/bin/python -m bench.neo4j_ingest [--events 5000 | --posts DIR] [--runs 200]

The corpus is either a folder of posts (ingested through kb's pipeline into a scratch SQLite
store, then exported as per-post graphs) or the synthetic PostGraphs of bench.graphs.

* batched: `Neo4jStore.replace_posts` in batches of 50 posts, one managed transaction each
  (it also writes per-post contributions and both privacy scopes, so it does more work);
* row by row, twice, one auto-commit transaction per node and per relationship:
  - "same graph": every node and relationship the batched run stored (contributions, both
    scopes' views, links), dumped and replayed into the same labels and indexes;
  - "domain graph": only posts, entities, events and their edges, the naive way (under
    uniqueness constraints, in labels of its own that are removed afterwards).

The Neo4j database is emptied first: point it at a scratch server, never at real data.
"""
from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from neo4j import Driver

from bench.graphs import synthetic, timed
from kb.exchange import graphs_from_export
from kb.models import PostGraph, TimelineQuery
from kb.store import Store
from kb.stores import open_store
from kb.stores.neo4j import Neo4jStore
from kb.stores.neo4j.schema import LABELS, RELATIONSHIP_TYPES

BATCH = 50
EMPTY = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}

# The naive writer's statements: one node or one relationship per auto-commit transaction.
ROW_SCHEMA = (
    "CREATE CONSTRAINT bench_post IF NOT EXISTS FOR (n:BenchPost) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT bench_entity IF NOT EXISTS FOR (n:BenchEntity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT bench_event IF NOT EXISTS FOR (n:BenchEvent) REQUIRE n.id IS UNIQUE",
)
ROW_POST = "MERGE (p:BenchPost {id: $id}) SET p.title = $title, p.body = $body, p.date = $date"
ROW_ENTITY = "MERGE (e:BenchEntity {id: $id}) SET e.name = $name, e.type = $type"
ROW_EVENT = "MERGE (v:BenchEvent {id: $id}) SET v.title = $title, v.start = $start, v.kind = $kind"
ROW_INVOLVES = "MATCH (v:BenchEvent {id: $event}), (e:BenchEntity {id: $entity}) MERGE (v)-[:BENCH_INVOLVES]->(e)"
ROW_FROM_POST = "MATCH (v:BenchEvent {id: $event}), (p:BenchPost {id: $post}) MERGE (v)-[:BENCH_FROM_POST]->(p)"
ROW_MENTIONS = ("MATCH (p:BenchPost {id: $post}), (e:BenchEntity {id: $entity}) "
                "CREATE (p)-[:BENCH_MENTIONS {quote: $quote}]->(e)")
ROW_CLEANUP = ("MATCH (n) WHERE n:BenchPost OR n:BenchEntity OR n:BenchEvent "
               "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")
# Replaying the store's own graph: labels and types from its closed set, never from data.
REPLAY_NODE = {label: f"CREATE (n:{label}:BenchReplay) SET n = $props, n.bench_key = $key"
               for label in LABELS if label != "Meta"}
REPLAY_REL = {rel: f"MATCH (a:BenchReplay {{bench_key: $a}}), (b:BenchReplay {{bench_key: $b}}) CREATE (a)-[:{rel}]->(b)"
              for rel in RELATIONSHIP_TYPES}
DUMP_NODES = ("MATCH (n) WHERE NOT n:Meta AND NOT n:BenchReplay "
              "RETURN elementId(n) AS key, labels(n)[0] AS label, properties(n) AS props")
DUMP_RELS = "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type"
REPLAY_SCHEMA = "CREATE CONSTRAINT bench_replay IF NOT EXISTS FOR (n:BenchReplay) REQUIRE n.bench_key IS UNIQUE"
REPLAY_DROP = "DROP CONSTRAINT bench_replay IF EXISTS"
ROW_DROP = ("DROP CONSTRAINT bench_post IF EXISTS", "DROP CONSTRAINT bench_entity IF EXISTS",
            "DROP CONSTRAINT bench_event IF EXISTS")


def corpus(args: argparse.Namespace) -> list[PostGraph]:
    if args.posts is None:
        return synthetic(args.events, per_post=args.per_post)
    from ingest.runs.pipeline import run_ingest

    scratch = open_store(f"sqlite:///{tempfile.mkdtemp()}/corpus.db")
    try:
        run_ingest([args.posts], scratch)
        return graphs_from_export(scratch.export())
    finally:
        scratch.close()


def batched(store: Store, graphs: list[PostGraph]) -> float:
    store.import_(EMPTY)
    began = time.perf_counter()
    for i in range(0, len(graphs), BATCH):
        store.replace_posts(graphs[i:i + BATCH])
    return time.perf_counter() - began


def row_by_row(driver: Driver, database: str | None, graphs: list[PostGraph]) -> tuple[float, int]:
    """Every node and edge in its own transaction; returns (seconds, transactions)."""
    def run(statement: str, **params: object) -> None:
        with driver.session(database=database) as session:
            session.run(statement, params).consume()

    for statement in ROW_SCHEMA:
        run(statement)
    count = 0
    began = time.perf_counter()
    for g in graphs:
        p = g.post
        run(ROW_POST, id=p.id, title=p.title, body=p.body, date=p.date)
        units = [(ROW_ENTITY, {"id": e.id, "name": e.name, "type": e.type}) for e in g.entities]
        for ev in g.events:
            units.append((ROW_EVENT, {"id": ev.id, "title": ev.title, "start": ev.start, "kind": ev.kind}))
            units.append((ROW_FROM_POST, {"event": ev.id, "post": p.id}))
            units += [(ROW_INVOLVES, {"event": ev.id, "entity": e}) for e in ev.entities]
        units += [(ROW_MENTIONS, {"post": p.id, "entity": m.entity_id, "quote": m.source.quote}) for m in g.mentions]
        for statement, params in units:
            run(statement, **params)
        count += 1 + len(units)
    seconds = time.perf_counter() - began
    run(ROW_CLEANUP)
    for statement in ROW_DROP:
        run(statement)
    return seconds, count


def replay_same_graph(store: Neo4jStore) -> tuple[float, int]:
    """Dump what the store holds, empty it, write it back one node or relationship per transaction."""
    driver, database = store._get_driver(), store.settings.database
    nodes, _, _ = driver.execute_query(DUMP_NODES, database_=database)
    rels, _, _ = driver.execute_query(DUMP_RELS, database_=database)
    store.import_(EMPTY)
    driver.execute_query(REPLAY_SCHEMA, database_=database)
    began = time.perf_counter()
    with driver.session(database=database) as session:
        for n in nodes:
            session.run(REPLAY_NODE[n["label"]], props=n["props"], key=n["key"]).consume()
        for r in rels:
            session.run(REPLAY_REL[r["type"]], a=r["a"], b=r["b"]).consume()
    seconds = time.perf_counter() - began
    store.import_(EMPTY)  # its labels are the store's: the wipe takes the replayed nodes too
    driver.execute_query(REPLAY_DROP, database_=database)
    return seconds, len(nodes) + len(rels)


def latency(name: str, store: Store, entities: list[str], runs: int) -> None:
    print(f"-- {name}")
    timed(f"{name} timeline first page", runs, lambda r: lambda: store.timeline(TimelineQuery()))
    timed(f"{name} neighbors depth 2", runs, lambda r: (lambda e=r.choice(entities): store.neighbors(e, depth=2)))
    timed(f"{name} path", runs, lambda r: (lambda a=r.choice(entities), b=r.choice(entities): store.path(a, b)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("KB_TEST_NEO4J_URI"), help="Neo4j URL (scratch server)")
    parser.add_argument("--posts", type=Path, default=None, help="a folder of posts (default: synthetic)")
    parser.add_argument("--events", type=int, default=5000, help="synthetic corpus size, in events")
    parser.add_argument("--per-post", type=int, default=50, help="synthetic events per post")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    if not args.url:
        parser.error("no Neo4j: pass --url or run scripts/neo4j.sh start && eval \"$(scripts/neo4j.sh env)\"")
    if "NEO4J_PASSWORD" not in os.environ and "KB_TEST_NEO4J_PASSWORD" in os.environ:
        os.environ["NEO4J_PASSWORD"] = os.environ["KB_TEST_NEO4J_PASSWORD"]

    graphs = corpus(args)
    events = sum(len(g.events) for g in graphs)
    links = sum(len(ev.entities) for g in graphs for ev in g.events)
    print(f"corpus: {len(graphs)} posts, {events} events, {links} event-entity links, "
          f"{sum(len(g.mentions) for g in graphs)} mentions")
    neo = open_store(args.url)
    assert isinstance(neo, Neo4jStore)
    sqlite = open_store(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    try:
        # Warm every path (JIT, query plans) on a few posts, so none pays that in its timing.
        for _ in range(3):
            row_by_row(neo._get_driver(), neo.settings.database, graphs[:3])
            batched(neo, graphs[:3])
            replay_same_graph(neo)
        naive_s, naive_count = row_by_row(neo._get_driver(), neo.settings.database, graphs)
        batch_s = batched(neo, graphs)
        same_s, same_count = replay_same_graph(neo)
        print(f"neo4j batched:              {batch_s:8.2f} s  ({-(-len(graphs) // BATCH)} transactions of <= {BATCH} posts)")
        print(f"neo4j row by row, same graph: {same_s:6.2f} s  ({same_count} transactions, "
              f"{same_s / same_count * 1000:.2f} ms each): batched is {same_s / batch_s:.1f}x faster")
        print(f"neo4j row by row, domain graph: {naive_s:4.2f} s  ({naive_count} transactions, "
              f"{naive_s / naive_count * 1000:.2f} ms each): batched is {naive_s / batch_s:.1f}x faster")
        batched(neo, graphs)  # the reads below run on the batched graph
        print(f"sqlite batched:   {batched(sqlite, graphs):8.2f} s")
        entities = sorted({e for g in graphs if not g.post.private for ev in g.events for e in ev.entities})
        entities = [e for e in random.Random(3).sample(entities, min(len(entities), 2000))
                    if sqlite.entity(e) is not None]
        latency("neo4j ", neo, entities, args.runs)
        latency("sqlite", sqlite, entities, args.runs)
    finally:
        neo.import_(EMPTY)
        neo.close()
        sqlite.close()


if __name__ == "__main__":
    main()
