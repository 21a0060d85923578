"""Migrations, as an ordered list tracked by `PRAGMA user_version`.

Migration N (1-based) brings a database from version N-1 to N. `ensure_schema` applies the
missing ones, each in its own `BEGIN IMMEDIATE` transaction that re-reads the version once it
holds the write lock, so two processes opening a new file at once cannot both migrate it.

Tables come in two layers. Contributions (`posts`, `entity_contrib`, `mentions`,
`event_contrib`, `event_links`, `event_sources`) are what each post said, keyed by `post_id`
and deleted with their post. Views (`event_view`, `link_view`, `entity_view`, `search_doc` +
`search_fts`) are the aggregates reads use, kept per scope: scope 1 counts every post, scope 0
only public posts, so privacy is one indexed equality instead of a join.
"""
from __future__ import annotations

import sqlite3
import uuid

from kb.errors import StoreError

_V1: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE posts (
        id TEXT PRIMARY KEY, path TEXT NOT NULL, root TEXT NOT NULL, title TEXT NOT NULL,
        date TEXT, date_key TEXT NOT NULL, tags TEXT NOT NULL, categories TEXT NOT NULL,
        private INTEGER NOT NULL, content_hash TEXT NOT NULL, language TEXT, body TEXT NOT NULL,
        graph_hash TEXT NOT NULL)""",
    "CREATE INDEX posts_order ON posts (date_key, id)",
    "CREATE INDEX posts_public_order ON posts (private, date_key, id)",
    # Contributions carry their post's `private` flag and date key (`post_key`) so the merge
    # rules run on one index without joining posts.
    """CREATE TABLE entity_contrib (
        post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
        type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, category TEXT,
        private INTEGER NOT NULL, post_key TEXT NOT NULL,
        PRIMARY KEY (post_id, entity_id)) WITHOUT ROWID""",
    "CREATE INDEX entity_contrib_first ON entity_contrib (entity_id, post_key, post_id, private)",
    "CREATE INDEX entity_contrib_aliased ON entity_contrib (entity_id, private) WHERE aliases != '[]'",
    """CREATE TABLE mentions (
        post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        entity_id TEXT NOT NULL, private INTEGER NOT NULL, src_post_id TEXT NOT NULL, post TEXT NOT NULL,
        section TEXT NOT NULL, quote TEXT NOT NULL, start INTEGER, "end" INTEGER, line INTEGER,
        PRIMARY KEY (post_id, seq)) WITHOUT ROWID""",
    "CREATE INDEX mentions_entity ON mentions (entity_id, private)",
    """CREATE TABLE event_contrib (
        post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        title TEXT NOT NULL, kind TEXT NOT NULL, start TEXT, "end" TEXT, sort_key TEXT NOT NULL,
        lo_key TEXT, hi_key TEXT, irregular INTEGER NOT NULL, confidence REAL NOT NULL,
        private INTEGER NOT NULL, post_key TEXT NOT NULL,
        PRIMARY KEY (post_id, event_id)) WITHOUT ROWID""",
    "CREATE INDEX event_contrib_event ON event_contrib (event_id, post_key, post_id)",
    """CREATE TABLE event_links (
        post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        entity_id TEXT NOT NULL, private INTEGER NOT NULL,
        PRIMARY KEY (post_id, event_id, entity_id)) WITHOUT ROWID""",
    "CREATE INDEX event_links_event ON event_links (event_id)",
    "CREATE INDEX event_links_entity ON event_links (entity_id)",
    """CREATE TABLE event_sources (
        post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        seq INTEGER NOT NULL, private INTEGER NOT NULL, src_post_id TEXT NOT NULL, post TEXT NOT NULL,
        section TEXT NOT NULL, quote TEXT NOT NULL, start INTEGER, "end" INTEGER, line INTEGER,
        PRIMARY KEY (post_id, event_id, seq)) WITHOUT ROWID""",
    "CREATE INDEX event_sources_event ON event_sources (event_id, private)",
    # Views. `irregular` marks events whose interval is not inside their start year (an end in
    # a later year, or no start): date filters range-scan the rest by sort_key.
    """CREATE TABLE event_view (
        scope INTEGER NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
        start TEXT, "end" TEXT, until TEXT, sort_key TEXT NOT NULL, lo_key TEXT, hi_key TEXT,
        irregular INTEGER NOT NULL, confidence REAL NOT NULL, PRIMARY KEY (scope, id)) WITHOUT ROWID""",
    "CREATE INDEX event_view_order ON event_view (scope, sort_key, id)",
    "CREATE INDEX event_view_kind ON event_view (scope, kind, sort_key, id)",
    "CREATE INDEX event_view_irregular ON event_view (scope, sort_key, id) WHERE irregular = 1",
    # Links repeat the entity type and the event's dates so per-entity timelines, counts and
    # related skills are index range scans.
    """CREATE TABLE link_view (
        scope INTEGER NOT NULL, event_id TEXT NOT NULL, entity_id TEXT NOT NULL, entity_type TEXT NOT NULL,
        sort_key TEXT NOT NULL, start TEXT, until TEXT,
        PRIMARY KEY (scope, event_id, entity_id)) WITHOUT ROWID""",
    "CREATE INDEX link_view_entity ON link_view (scope, entity_id, sort_key, event_id, start, until)",
    """CREATE TABLE entity_view (
        scope INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
        aliases TEXT NOT NULL, category TEXT, search_key TEXT NOT NULL,
        event_count INTEGER NOT NULL DEFAULT 0, mention_count INTEGER NOT NULL DEFAULT 0,
        first TEXT, last TEXT, PRIMARY KEY (scope, id)) WITHOUT ROWID""",
    "CREATE INDEX entity_view_order ON entity_view (scope, event_count DESC, name, id)",
    "CREATE INDEX entity_view_type ON entity_view (scope, type, event_count DESC, name, id)",
    # One document per text: mask bit 1 = visible with private posts, bit 2 = visible without;
    # a text that is the same for both (the common case) is indexed once with mask 3.
    """CREATE TABLE search_doc (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, mask INTEGER NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (kind, ref, mask))""",
    "CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)')",
    "INSERT INTO meta (key, value) VALUES ('generation', '0')",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1,)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def ensure_schema(conn: sqlite3.Connection) -> int:
    """Apply every missing migration; returns the resulting version. Idempotent."""
    target = len(MIGRATIONS)
    if schema_version(conn) > target:
        raise StoreError(f"database schema version {schema_version(conn)} is newer than this kb ({target})")
    while schema_version(conn) < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            if current < target:
                for statement in MIGRATIONS[current]:
                    conn.execute(statement)
                if current == 0:
                    conn.execute("INSERT INTO meta (key, value) VALUES ('instance', ?)", (uuid.uuid4().hex,))
                conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return target
