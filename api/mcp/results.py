"""What the MCP tools answer: the domain model's shapes, with evidence attached wherever the API
answers with bare ids, so an assistant can cite the post, section and quote of every fact it uses.

These classes are the tools' output schemas (the SDK publishes them and clients validate against
them); field names are the domain model's, as in the HTTP API.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from kb.models import EntitySummary, Event, Frozen, GraphNode, RelatedSkill, SearchHit, Source


class Hit(SearchHit):
    """A search hit; an event or an entity carries the sources that state it (a post is its own source)."""

    sources: tuple[Source, ...] = ()


class SearchResult(Frozen):
    hits: tuple[Hit, ...]


class Neighbors(Frozen):
    """The entities around one, and the events that connect them, each event with its sources."""

    center: str
    depth: int
    entities: tuple[GraphNode, ...] = Field(description="reachable entities; `depth` is the hops from the center")
    events: tuple[Event, ...] = Field(description="the shared events; `entities` lists who and what each involves")
    truncated: bool = Field(description="true when the node cap left part of the neighbourhood out")


class Path(Frozen):
    """The shortest chain entity, event, entity, ... and the events crossed, with their sources."""

    nodes: tuple[GraphNode, ...]
    length: int = Field(description="events crossed")
    events: tuple[Event, ...]


class Related(RelatedSkill):
    """A skill used in the same events, with some of those events as evidence."""

    evidence: tuple[Event, ...] = Field(default=(), description="the earliest shared events, with their sources")


class RelatedSkills(Frozen):
    skill: str
    related: tuple[Related, ...]


class Explanation(Frozen):
    """Why a node or an event is in the graph: every post section that states it."""

    id: str
    kind: Literal["event", "skill", "person", "project", "organization"]
    name: str
    start: str | None = Field(default=None, description="an event's start, or an entity's first event")
    end: str | None = Field(default=None, description="an event's end, or an entity's last event")
    sources: tuple[Source, ...]
    entities: tuple[str, ...] = Field(default=(), description="an event's entities")
    summary: EntitySummary | None = Field(default=None, description="an entity's counts and first and last dates")
