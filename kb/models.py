"""The domain model: frozen data that flows from ingest to the stores and out of the API.

Everything one post contributes travels as one `PostGraph`. Stores keep contributions per
post, so replacing or removing a post replaces exactly what it said, and an entity or event
that no post supports any more disappears.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EntityType = Literal["skill", "person", "project", "organization"]
ENTITY_TYPES: tuple[str, ...] = ("skill", "person", "project", "organization")

# join / leave: the author started or stopped working for an organization (its employer dates)
EventKind = Literal[
    "join", "leave", "work", "study", "competition", "adoption", "publication", "plan",
    "project", "education", "achievement", "talk", "life", "other",
]
EVENT_KINDS: tuple[str, ...] = (
    "join", "leave", "work", "study", "competition", "adoption", "publication", "plan",
    "project", "education", "achievement", "talk", "life", "other",
)

# The closed set of relation kinds; safe to use as Neo4j relationship types.
RELATIONS: tuple[str, ...] = ("INVOLVES", "MENTIONS", "FROM_POST")

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def check_partial_date(value: str | None) -> str | None:
    """Dates keep the precision they were written at: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"not an ISO date at year, month or day precision: {value!r}")
    return value


def date_precision(value: str | None) -> Literal["year", "month", "day"] | None:
    if value is None:
        return None
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def date_sort_key(value: str | None) -> str:
    """A string that sorts partial dates chronologically; a year sorts before its months."""
    if value is None:
        return "9999-99-99"
    parts = value.split("-") + ["00", "00"]
    return "-".join(parts[:3])


class Source(Frozen):
    """Where a fact was read: the post, the section heading, the verbatim quote and its offsets."""

    post_id: str
    post: str  # file name (path relative to the ingest root) of the post
    section: str = ""
    quote: str = ""
    start: int | None = None  # character offsets of the quote in the post body
    end: int | None = None
    line: int | None = None


class Entity(Frozen):
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    category: str | None = None


class Mention(Frozen):
    """One sighting of an entity in a post; the entity's evidence."""

    entity_id: str
    source: Source


class Event(Frozen):
    id: str
    title: str
    kind: EventKind = "other"
    start: str | None = None
    end: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    entities: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    @field_validator("start", "end")
    @classmethod
    def _partial_dates(cls, value: str | None) -> str | None:
        return check_partial_date(value)


class Post(Frozen):
    id: str
    path: str  # relative to the ingest root, posix separators
    root: str = ""  # absolute ingest root the post was found under
    title: str
    date: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    private: bool = False
    content_hash: str = ""
    language: str | None = None
    body: str = ""

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        return check_partial_date(value)


class PostGraph(Frozen):
    """Everything one post contributes to the knowledge base."""

    post: Post
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()


# ---- queries and results: the shapes of the store's read use cases ----


class Page(Frozen):
    limit: int = Field(default=50, ge=1, le=500)
    cursor: str | None = None


class TimelineQuery(Page):
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    entity: str | None = None
    text: str | None = None
    include_private: bool = False


class EntityQuery(Page):
    type: EntityType | None = None
    text: str | None = None
    include_private: bool = False


class PostQuery(Page):
    include_private: bool = False


class EventPage(Frozen):
    items: tuple[Event, ...]
    next_cursor: str | None = None


class EntitySummary(Frozen):
    entity: Entity
    event_count: int
    mention_count: int
    first: str | None = None
    last: str | None = None


class EntityPage(Frozen):
    items: tuple[EntitySummary, ...]
    next_cursor: str | None = None


class EntityDetail(Frozen):
    summary: EntitySummary
    events: tuple[Event, ...]
    sources: tuple[Source, ...]


class PostPage(Frozen):
    items: tuple[Post, ...]
    next_cursor: str | None = None


class GraphNode(Frozen):
    id: str
    label: str
    kind: str  # an entity type, or "event"
    depth: int = 0


class GraphEdge(Frozen):
    source: str  # an event id
    target: str  # an entity id
    type: str = "INVOLVES"


class Neighborhood(Frozen):
    center: str
    depth: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    truncated: bool = False  # the node cap (`limit`) left part of the neighbourhood out


class GraphPath(Frozen):
    """Alternating entity, event, entity, ... from one entity to another."""

    nodes: tuple[GraphNode, ...]
    length: int  # number of events crossed


class RelatedSkill(Frozen):
    entity: Entity
    weight: int  # events shared
    first: str | None = None
    last: str | None = None


class SearchHit(Frozen):
    kind: Literal["post", "event", "entity"]
    id: str
    title: str
    snippet: str = ""


class Stats(Frozen):
    posts: int
    private_posts: int
    events: int
    entities: dict[str, int]
    mentions: int
    first: str | None = None
    last: str | None = None
