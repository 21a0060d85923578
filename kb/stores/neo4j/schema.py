"""The graph's shape, its constraints and indexes, created idempotently by `ensure_schema`.

Two layers, as in the SQLite store:

    contributions   what each post said, deleted with the post
        (:Post)-[:CONTRIBUTES]->(:EntityContribution {entity_id, type, name, aliases, category})
        (:Post)-[:CONTRIBUTES]->(:MentionContribution {entity_id, seq, post_id, post, section, quote, ...})
        (:Post)-[:CONTRIBUTES]->(:EventContribution {event_id, title, kind, start, end, entity_ids,
                                                     sources (JSON), confidence, ...})
    views           the merged graph reads use, once per scope (1: every post, 0: public posts only)
        (:Event {scope, id, title, kind, start, end, sort_key, order_key, lo_key, hi_key, confidence, body})
          -[:INVOLVES]->(:Entity {scope, id, type, name, aliases, category, event_count, ...})
        (:DanglingLink {scope, event_id, entity_id})  a link waiting for its entity to be defined

A scope's views form their own subgraph, so privacy is one equality on `scope` and a traversal can
never wander into facts only private posts support. Post, Event and Entity nodes all carry
`title`/`body`, indexed together by one full-text index with Lucene's `cjk` analyzer (bigrams: a
two-syllable Korean query finds longer words). A single (:Meta) node holds the graph generation,
the instance id and the schema version.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable

from neo4j import ManagedTransaction

from kb.errors import StoreError
from kb.stores.neo4j import queries as q

SCHEMA_VERSION = 1
FULLTEXT_INDEX = "kb_search"

# Every label and relationship type this store writes: a closed set, never taken from data.
LABELS = ("Post", "Entity", "Event", "EntityContribution", "MentionContribution", "EventContribution",
          "DanglingLink", "Meta")
RELATIONSHIP_TYPES = ("INVOLVES", "CONTRIBUTES")

STATEMENTS: tuple[str, ...] = (
    "CREATE CONSTRAINT kb_post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE",
    "CREATE CONSTRAINT kb_meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
    "CREATE CONSTRAINT kb_entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE (e.scope, e.id) IS UNIQUE",
    "CREATE CONSTRAINT kb_event_key IF NOT EXISTS FOR (v:Event) REQUIRE (v.scope, v.id) IS UNIQUE",
    "CREATE INDEX kb_entity_contribution IF NOT EXISTS FOR (c:EntityContribution) ON (c.entity_id)",
    "CREATE INDEX kb_mention_contribution IF NOT EXISTS FOR (c:MentionContribution) ON (c.entity_id)",
    "CREATE INDEX kb_event_contribution IF NOT EXISTS FOR (c:EventContribution) ON (c.event_id)",
    "CREATE INDEX kb_dangling_entity IF NOT EXISTS FOR (d:DanglingLink) ON (d.entity_id)",
    "CREATE INDEX kb_dangling_event IF NOT EXISTS FOR (d:DanglingLink) ON (d.event_id)",
    "CREATE INDEX kb_event_timeline IF NOT EXISTS FOR (v:Event) ON (v.scope, v.order_key)",
    "CREATE INDEX kb_event_kind IF NOT EXISTS FOR (v:Event) ON (v.scope, v.kind)",
    "CREATE INDEX kb_entity_order IF NOT EXISTS FOR (e:Entity) ON (e.scope, e.event_count)",
    "CREATE INDEX kb_post_order IF NOT EXISTS FOR (p:Post) ON (p.date_key)",
    f"""CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Post|Event|Entity) ON EACH [n.title, n.body]
        OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}}}""",
)

INDEX_WAIT_SECONDS = 120


def _init_meta(tx: ManagedTransaction) -> int:
    record = tx.run(q.INIT_META, instance=uuid.uuid4().hex, version=SCHEMA_VERSION).single(strict=True)
    return int(record["version"])


def ensure_schema(run_schema: Callable[[str], None],
                  write: Callable[[Callable[[ManagedTransaction], int]], int]) -> None:
    """Create what is missing (each statement is IF NOT EXISTS), wait for indexes, check the version.

    `run_schema` runs one statement in an auto-commit transaction (schema commands need one);
    `write` runs a function in a managed write transaction.
    """
    for statement in STATEMENTS:
        run_schema(statement)
    run_schema(f"CALL db.awaitIndexes({INDEX_WAIT_SECONDS})")
    version = write(_init_meta)
    if version > SCHEMA_VERSION:
        raise StoreError(f"Neo4j graph schema version {version} is newer than this kb ({SCHEMA_VERSION})")
