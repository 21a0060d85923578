"""The one port between kb and its storage backends.

Methods are shaped like use cases; no SQL or Cypher crosses this boundary. Every backend runs
the same conformance suite (tests/store_contract), so they behave identically. Reads hide
private posts, and every fact only private posts support, unless the query asks otherwise.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from kb.models import (
    EntityDetail,
    EntityPage,
    EntityQuery,
    Event,
    EventPage,
    GraphPath,
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

MAX_DEPTH = 3
MAX_PATH_LENGTH = 6
NEIGHBORS_LIMIT = 500  # default node cap of a neighbourhood (a hub's reaches tens of thousands)
MAX_NEIGHBORS_LIMIT = 2000
ENTITY_EVENTS_LIMIT = 200  # default cap on the events an entity's detail lists


class PostState(Protocol):
    """What the ingest pipeline needs to know to skip unchanged posts."""

    post_id: str
    path: str
    root: str
    content_hash: str


@runtime_checkable
class Store(Protocol):
    embedded: bool
    """True when the store answers in this process with no network waits (SQLite): its cheap calls,
    such as version(), may then run on an event loop instead of paying a thread hop."""

    # ---- lifecycle ----
    def ensure_schema(self) -> None:
        """Create or migrate the schema; idempotent."""

    def ping(self) -> bool: ...

    def close(self) -> None: ...

    # ---- writes ----
    def replace_posts(self, graphs: Sequence[PostGraph], remove: Sequence[str] = (),
                      meta: Mapping[str, Any] | None = None) -> None:
        """Atomically replace what each post contributes, remove the posts in `remove`, and set
        each key of `meta` (a JSON value; None deletes the key): one transaction for all of it."""

    def meta(self) -> dict[str, Any]:
        """The key-value record `replace_posts` keeps (e.g. the profile of kb.yaml). It is the
        owner's, public by intent: `export` carries it whatever the scope, as `"meta"`."""

    def post_hashes(self) -> dict[str, tuple[str, str, str]]:
        """post id -> (root, path, content hash), for incremental ingest."""

    def version(self) -> str:
        """Changes exactly when the graph changes (for ETags)."""

    # ---- reads ----
    def timeline(self, query: TimelineQuery) -> EventPage: ...

    def event(self, event_id: str, include_private: bool = False) -> Event | None: ...

    def entities(self, query: EntityQuery) -> EntityPage: ...

    def entity(self, entity_id: str, include_private: bool = False,
               events_limit: int = ENTITY_EVENTS_LIMIT) -> EntityDetail | None:
        """The entity's summary (event_count counts all its events), its sources, and its newest
        `events_limit` events, in timeline order."""

    def neighbors(self, entity_id: str, depth: int = 1, include_private: bool = False,
                  limit: int = NEIGHBORS_LIMIT) -> Neighborhood:
        """Entities reachable through at most `depth` shared events, with those events.

        At most `limit` nodes (the center included): hop by hop, events are taken newest first
        (reverse timeline order), each with all its entities, until the next one does not fit;
        `truncated` then says so.
        """

    def path(self, from_id: str, to_id: str, max_length: int = MAX_PATH_LENGTH,
             include_private: bool = False) -> GraphPath | None:
        """Shortest chain entity-event-entity... between two entities, or None."""

    def related(self, skill_id: str, limit: int = 20, include_private: bool = False) -> list[RelatedSkill]:
        """Skills that share events with this one, by number of shared events."""

    def search(self, text: str, limit: int = 20, include_private: bool = False) -> list[SearchHit]: ...

    def posts(self, query: PostQuery) -> PostPage: ...

    def post(self, post_id: str, include_private: bool = False) -> Post | None: ...

    def stats(self, include_private: bool = False) -> Stats: ...

    # ---- whole-graph exchange ----
    def export(self, include_private: bool = True) -> dict[str, Any]:
        """The kb-export JSON document (see README, 'Export format')."""

    def import_(self, document: dict[str, Any]) -> None:
        """Replace the whole graph with an export document."""
