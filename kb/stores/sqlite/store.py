"""SqliteStore: the `kb.store.Store` port over one SQLite file (the default backend)."""
from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kb.exchange import build_export, graphs_from_export, meta_from_export
from kb.models import (
    EntityDetail,
    EntityPage,
    EntityQuery,
    Event,
    EventPage,
    GraphPath,
    Mention,
    Neighborhood,
    Post,
    PostGraph,
    PostPage,
    PostQuery,
    RelatedSkill,
    SearchHit,
    Stats,
    TimelineQuery,
)
from kb.store import ENTITY_EVENTS_LIMIT, MAX_PATH_LENGTH, NEIGHBORS_LIMIT
from kb.stores.common import meta as kv
from kb.stores.sqlite import graph, reads, schema, write
from kb.stores.sqlite import queries as q
from kb.stores.sqlite.connection import Connections, path_from_url, read_tx, write_tx
from kb.stores.sqlite.rows import entity_from_row, post_from_row, source_from_row
from kb.stores.sqlite.search import search as run_search


class SqliteStore:
    """Thread-safe: each thread gets its own connection; writes are single transactions."""

    embedded = True

    def __init__(self, file: str | Path) -> None:
        self.file = Path(file)  # not `path`: that name is the shortest-path read
        self._connections = Connections(self.file)

    @classmethod
    def from_url(cls, url: str) -> "SqliteStore":
        """sqlite:///relative/kb.db or sqlite:////absolute/kb.db. Opens nothing yet."""
        return cls(path_from_url(url))

    def _conn(self) -> sqlite3.Connection:
        return self._connections.get()

    # ---- lifecycle ----
    def ensure_schema(self) -> None:
        schema.ensure_schema(self._conn())

    def schema_version(self) -> int:
        return schema.schema_version(self._conn())

    def ping(self) -> bool:
        try:
            return self._conn().execute("SELECT 1").fetchone()[0] == 1
        except Exception:
            return False

    def close(self) -> None:
        self._connections.close()

    # ---- writes ----
    def replace_posts(self, graphs: Sequence[PostGraph], remove: Sequence[str] = (),
                      meta: Mapping[str, Any] | None = None) -> None:
        with write_tx(self._conn()) as conn:
            changed = write.replace_posts(conn, graphs, remove)
            if meta:
                write.set_meta(conn, meta, changed)

    def meta(self) -> dict[str, Any]:
        with read_tx(self._conn()) as conn:
            return {k: kv.decode(v) for k, v in write.stored_meta(conn).items()}

    def post_hashes(self) -> dict[str, tuple[str, str, str]]:
        with read_tx(self._conn()) as conn:
            rows = conn.cursor()
            rows.row_factory = None  # plain tuples: every post's row is read on every re-ingest
            return {post_id: (root, path, stamp) for post_id, root, path, stamp in rows.execute(q.POST_HASHES)}

    def version(self) -> str:
        with read_tx(self._conn()) as conn:
            generation = conn.execute(q.GET_META, ("generation",)).fetchone()[0]
            instance = conn.execute(q.GET_META, ("instance",)).fetchone()[0]
        return f"{generation}-{instance[:12]}"

    # ---- reads ----
    def timeline(self, query: TimelineQuery) -> EventPage:
        with read_tx(self._conn()) as conn:
            return reads.timeline(conn, query)

    def event(self, event_id: str, include_private: bool = False) -> Event | None:
        with read_tx(self._conn()) as conn:
            return reads.event(conn, event_id, include_private)

    def entities(self, query: EntityQuery) -> EntityPage:
        with read_tx(self._conn()) as conn:
            return reads.entities(conn, query)

    def entity(self, entity_id: str, include_private: bool = False,
               events_limit: int = ENTITY_EVENTS_LIMIT) -> EntityDetail | None:
        with read_tx(self._conn()) as conn:
            return reads.entity(conn, entity_id, include_private, events_limit)

    def neighbors(self, entity_id: str, depth: int = 1, include_private: bool = False,
                  limit: int = NEIGHBORS_LIMIT) -> Neighborhood:
        with read_tx(self._conn()) as conn:
            return graph.neighbors(conn, reads.scope_of(include_private), entity_id, depth, limit)

    def path(self, from_id: str, to_id: str, max_length: int = MAX_PATH_LENGTH,
             include_private: bool = False) -> GraphPath | None:
        with read_tx(self._conn()) as conn:
            return graph.path(conn, reads.scope_of(include_private), from_id, to_id, max_length)

    def related(self, skill_id: str, limit: int = 20, include_private: bool = False) -> list[RelatedSkill]:
        with read_tx(self._conn()) as conn:
            return graph.related(conn, reads.scope_of(include_private), skill_id, limit)

    def search(self, text: str, limit: int = 20, include_private: bool = False) -> list[SearchHit]:
        with read_tx(self._conn()) as conn:
            return run_search(conn, reads.scope_of(include_private), text, limit)

    def posts(self, query: PostQuery) -> PostPage:
        with read_tx(self._conn()) as conn:
            return reads.posts(conn, query)

    def post(self, post_id: str, include_private: bool = False) -> Post | None:
        with read_tx(self._conn()) as conn:
            return reads.post(conn, post_id, include_private)

    def stats(self, include_private: bool = False) -> Stats:
        with read_tx(self._conn()) as conn:
            return reads.stats(conn, include_private)

    # ---- whole-graph exchange ----
    def export(self, include_private: bool = True) -> dict[str, Any]:
        scope = reads.scope_of(include_private)
        with read_tx(self._conn()) as conn:
            posts = [post_from_row(r) for r in conn.execute(q.ALL_VISIBLE_POSTS, (scope,))]
            entities = [entity_from_row(r) for r in conn.execute(q.ALL_ENTITY_ROWS, (scope,))]
            mentions = [Mention(entity_id=r["entity_id"], source=source_from_row(r))
                        for r in conn.execute(q.ALL_VISIBLE_MENTIONS, (scope, scope))]
            events = reads.load_events(conn, scope, None)
            meta = {k: kv.decode(v) for k, v in write.stored_meta(conn).items()}
            if not include_private:
                return build_export(posts, entities, mentions, events, meta=meta)
            public_entities = [entity_from_row(r) for r in conn.execute(q.ALL_ENTITY_ROWS, (0,))]
            public_events = reads.load_events(conn, 0, None)
        return build_export(posts, entities, mentions, events, public_entities, public_events, meta)

    def import_(self, document: dict[str, Any]) -> None:
        graphs, meta = graphs_from_export(document), meta_from_export(document)
        with write_tx(self._conn()) as conn:
            changed = write.replace_all(conn, graphs)
            write.set_meta(conn, kv.whole(write.stored_meta(conn), meta), changed)
