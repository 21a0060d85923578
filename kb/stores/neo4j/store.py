"""Neo4jStore: the `kb.store.Store` port over a Neo4j 5 server, same behaviour as the SQLite store.

One driver (a connection pool) per store for the app's lifetime, created lazily on first use;
reads in `execute_read` (routed to readers in a cluster), writes in `execute_write` (retried by the
driver, so every write function is idempotent), both through the fence in fence.py so a reader
never sees half a write. Driver errors become StoreError with the password-free URL.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from kb.errors import KbError, StoreError
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
from kb.stores.neo4j import graph, reads, schema, search, write
from kb.stores.neo4j import queries as q
from kb.stores.neo4j.connection import ConnectionSettings, open_driver, parse_url
from kb.stores.neo4j.fence import fenced_read, fenced_write
from kb.stores.neo4j.rows import entity_from_props, post_from_props, source_from_props

T = TypeVar("T")


class Neo4jStore:
    """Thread-safe: the driver's pool hands each call its own session."""

    embedded = False

    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        self._driver: Driver | None = None
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def from_url(cls, url: str) -> "Neo4jStore":
        """neo4j://host:7687, bolt://host:7687[/database]; credentials from NEO4J_* or the URL. Opens nothing."""
        return cls(parse_url(url))

    def __repr__(self) -> str:
        return f"Neo4jStore({self.settings.safe_url!r})"

    # ---- plumbing ----
    def _get_driver(self) -> Driver:
        with self._lock:
            if self._closed:
                raise StoreError("the Neo4j store is closed")
            if self._driver is None:
                self._driver = open_driver(self.settings)
            return self._driver

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Driver failures as StoreError naming the server, never the password."""
        try:
            yield
        except KbError:
            raise
        except AuthError as exc:
            raise StoreError(f"Neo4j at {self.settings.safe_url} refused the credentials of "
                             f"user {self.settings.user!r} (set NEO4J_USER / NEO4J_PASSWORD)") from exc
        except ServiceUnavailable as exc:
            raise StoreError(f"Neo4j at {self.settings.safe_url} is unreachable") from exc
        except (Neo4jError, DriverError) as exc:
            code = getattr(exc, "code", None) or type(exc).__name__
            raise StoreError(f"Neo4j at {self.settings.safe_url} failed: {code}") from exc

    def _read(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self._errors():
            return fenced_read(self._get_driver(), self.settings.database, work)

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self._errors():
            return fenced_write(self._get_driver(), self.settings.database, work)

    # ---- lifecycle ----
    def ensure_schema(self) -> None:
        def run_schema(statement: str) -> None:
            with self._get_driver().session(database=self.settings.database) as session:
                session.run(statement).consume()  # schema commands need an auto-commit transaction

        def write_meta(work: Callable[[ManagedTransaction], int]) -> int:
            with self._get_driver().session(database=self.settings.database) as session:
                return session.execute_write(work)

        with self._errors():
            schema.ensure_schema(run_schema, write_meta)

    def ping(self) -> bool:
        try:
            with self._errors():
                self._get_driver().verify_connectivity()
                return True
        except KbError:
            return False

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._driver is not None:
                self._driver.close()
                self._driver = None

    # ---- writes ----
    def replace_posts(self, graphs: Sequence[PostGraph], remove: Sequence[str] = (),
                      meta: Mapping[str, Any] | None = None) -> None:
        prepared = write.prepare(graphs)

        def differs(tx: ManagedTransaction) -> bool:
            todo, gone = write.pending(tx, prepared, remove)
            return bool(todo or gone or (meta and any(kv.changes(write.stored_meta(tx), meta))))

        if self._read(differs):
            self._write(lambda tx: write.replace_posts(tx, prepared, remove, meta))

    def meta(self) -> dict[str, Any]:
        return self._read(lambda tx: {k: kv.decode(v) for k, v in write.stored_meta(tx).items()})

    def post_hashes(self) -> dict[str, tuple[str, str, str]]:
        return self._read(lambda tx: {r["id"]: (r["root"], r["path"], r["content_hash"])
                                      for r in tx.run(q.POST_HASHES)})

    def version(self) -> str:
        row = self._read(lambda tx: tx.run(q.GET_VERSION).single(strict=True).data())
        return f"{row['generation']}-{row['instance'][:12]}"

    # ---- reads ----
    def timeline(self, query: TimelineQuery) -> EventPage:
        return self._read(lambda tx: reads.timeline(tx, query))

    def event(self, event_id: str, include_private: bool = False) -> Event | None:
        return self._read(lambda tx: reads.event(tx, event_id, include_private))

    def entities(self, query: EntityQuery) -> EntityPage:
        return self._read(lambda tx: reads.entities(tx, query))

    def entity(self, entity_id: str, include_private: bool = False,
               events_limit: int = ENTITY_EVENTS_LIMIT) -> EntityDetail | None:
        return self._read(lambda tx: reads.entity(tx, entity_id, include_private, events_limit))

    def neighbors(self, entity_id: str, depth: int = 1, include_private: bool = False,
                  limit: int = NEIGHBORS_LIMIT) -> Neighborhood:
        return self._read(lambda tx: graph.neighbors(tx, reads.scope_of(include_private), entity_id, depth, limit))

    def path(self, from_id: str, to_id: str, max_length: int = MAX_PATH_LENGTH,
             include_private: bool = False) -> GraphPath | None:
        return self._read(lambda tx: graph.path(tx, reads.scope_of(include_private), from_id, to_id, max_length))

    def related(self, skill_id: str, limit: int = 20, include_private: bool = False) -> list[RelatedSkill]:
        return self._read(lambda tx: graph.related(tx, reads.scope_of(include_private), skill_id, limit))

    def search(self, text: str, limit: int = 20, include_private: bool = False) -> list[SearchHit]:
        return self._read(lambda tx: search.search(tx, reads.scope_of(include_private), text, limit))

    def posts(self, query: PostQuery) -> PostPage:
        return self._read(lambda tx: reads.posts(tx, query))

    def post(self, post_id: str, include_private: bool = False) -> Post | None:
        return self._read(lambda tx: reads.post(tx, post_id, include_private))

    def stats(self, include_private: bool = False) -> Stats:
        return self._read(lambda tx: reads.stats(tx, include_private))

    # ---- whole-graph exchange ----
    def export(self, include_private: bool = True) -> dict[str, Any]:
        scope = reads.scope_of(include_private)

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            posts = [post_from_props(r["post"]) for r in tx.run(q.ALL_VISIBLE_POSTS, scope=scope)]
            entities = [entity_from_props(r["entity"]) for r in tx.run(q.ALL_ENTITIES, scope=scope)]
            mentions = [Mention(entity_id=r["mention"]["entity_id"], source=source_from_props(r["mention"]))
                        for r in tx.run(q.ALL_VISIBLE_MENTIONS, scope=scope)]
            events = reads.load_events(tx, scope, None)
            meta = {k: kv.decode(v) for k, v in write.stored_meta(tx).items()}
            if not include_private:
                return build_export(posts, entities, mentions, events, meta=meta)
            public_entities = [entity_from_props(r["entity"]) for r in tx.run(q.ALL_ENTITIES, scope=0)]
            return build_export(posts, entities, mentions, events, public_entities, reads.load_events(tx, 0, None),
                                meta)

        return self._read(work)

    def import_(self, document: dict[str, Any]) -> None:
        prepared, meta = write.prepare(graphs_from_export(document)), meta_from_export(document)
        self._write(lambda tx: write.replace_all(tx, prepared, meta))
