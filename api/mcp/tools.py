"""The MCP tools: the API's read queries, each a thin call on the store port.

Each tool's docstring is the description an assistant chooses it by; its arguments are typed and
bounded (the SDK turns them into the input schema and refuses what does not fit); its answer is a
model of `api.mcp.results` or `kb.models`, shown through the viewer (`api.mcp.view`) and carrying
the sources of every fact. A store or privacy error becomes a tool error with its message.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, ParamSpec, TypeVar

from mcp.server.mcpserver.exceptions import ToolError
from pydantic import Field, ValidationError

from api.mcp.results import Explanation, Hit, Neighbors, Path, Related, RelatedSkills, SearchResult
from api.mcp.view import Viewer
from api.routes.timeline import PARTIAL_DATE
from kb.errors import InvalidQuery, KbError, NotFound
from kb.models import EntityDetail, Event, EventKind, EventPage, Stats, TimelineQuery
from kb.store import MAX_DEPTH, MAX_PATH_LENGTH

ENTITY_EVENTS = 50  # an entity's newest events listed by `entity`; `timeline(entity=...)` pages through all
EXPLAIN_SOURCES = 100  # sources `explain` lists for an entity; its summary counts them all
HIT_SOURCES = 3  # sources a search hit on an entity carries
EVIDENCE = 3  # shared events listed per related skill
EVIDENCE_SCAN = 1000  # events of the skill's timeline read to find them

Date = Annotated[str | None, Field(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
EntityId = Annotated[str, Field(min_length=1, max_length=300, description="an entity id, e.g. skill:ray")]
Text = Annotated[str, Field(min_length=1, max_length=200)]

P = ParamSpec("P")
R = TypeVar("R")


def answers(fn: Callable[P, R]) -> Callable[P, R]:
    """Errors an assistant can act on become tool errors (`is_error`) that say what is wrong."""
    @functools.wraps(fn)
    def tool(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (NotFound, InvalidQuery, ValidationError) as exc:  # an unknown id, a bad cursor or argument
            raise ToolError(str(exc)) from exc
        except KbError as exc:  # a store that could not answer
            raise ToolError(f"the knowledge base could not answer: {exc}") from exc
    return tool


class Tools:
    """The tools, bound to one viewer (and through it one store)."""

    def __init__(self, view: Viewer) -> None:
        self.view = view
        self.store = view.store
        self.private = view.private

    def all(self) -> list[Callable[..., Any]]:
        return [self.timeline, self.search, self.entity, self.neighbors, self.path, self.related_skills,
                self.explain, self.stats]

    @answers
    def timeline(self, start: Date = None, end: Date = None, kind: EventKind | None = None,
                 entity: Annotated[str | None, Field(max_length=300, description="only events involving it")] = None,
                 q: Annotated[str | None, Field(max_length=200, description="words in titles and quotes")] = None,
                 limit: Annotated[int, Field(ge=1, le=200)] = 50,
                 cursor: Annotated[str | None, Field(max_length=512, description="the last page's next_cursor")]
                 = None) -> EventPage:
        """Career events in date order (a bare year before its months, undated last), each with its
        kind, dates at the precision written, entities and sources (post, section, quote). Filter by
        dates (inclusive), kind (work, adoption, talk...), an entity id or words; page with `cursor`.
        Use it for "what did I do in 2021" or "when did I start using X"."""
        real = self.view.real_id(entity) if entity else None
        page = self.store.timeline(TimelineQuery(
            date_from=start, date_to=end, kind=kind, entity=real, text=self.view.query(q) if q else None,
            limit=limit, cursor=cursor, include_private=self.private))
        if real is not None and not page.items and cursor is None:
            # an unknown entity is an error, not "nothing happened"
            self._entity_detail(real, entity or real, events=0, masked=False)
        return EventPage.model_validate(self.view.show(page))

    @answers
    def search(self, q: Text, limit: Annotated[int, Field(ge=1, le=50)] = 10) -> SearchResult:
        """Find posts, events and entities by words (Korean words match inside longer ones: 분산 finds
        분산실험). Start here to turn a name into an id for the other tools."""
        hits = []
        for hit in self.store.search(self.view.query(q), limit=limit, include_private=self.private):
            sources: Sequence[Any] = ()
            if hit.kind == "event":
                event = self.store.event(hit.id, include_private=self.private)
                sources = event.sources if event else ()
            elif hit.kind == "entity":
                detail = self.store.entity(hit.id, include_private=self.private, events_limit=0)
                sources = detail.sources[:HIT_SOURCES] if detail else ()
            hits.append(Hit(**hit.model_dump(), sources=tuple(sources)))
        return SearchResult(hits=self.view.show(hits))

    @answers
    def entity(self, id: EntityId) -> EntityDetail:
        """One skill, person, project or organization: its name and aliases, counts, first and last
        dates, the sources that mention it and its newest 50 events with their sources (event_count
        counts them all; page through the rest with timeline(entity=id))."""
        return self._entity_detail(self.view.real_id(id), id, events=ENTITY_EVENTS)

    @answers
    def neighbors(self, id: EntityId, depth: Annotated[int, Field(ge=1, le=MAX_DEPTH)] = 1,
                  limit: Annotated[int, Field(ge=1, le=200, description="most entities and events")] = 100,
                  ) -> Neighbors:
        """What an entity connects to: the entities that share events with it, up to `depth` events
        away, and those events with their sources (newest first when `limit` cuts; `truncated` says so).
        Use it for "what did Ray connect to"."""
        hood = self.view.show(self.store.neighbors(self.view.real_id(id), depth=depth,
                                                   include_private=self.private, limit=limit), "entity", id)
        return Neighbors(center=hood["center"], depth=hood["depth"],
                         entities=[n for n in hood["nodes"] if n["kind"] != "event"],
                         events=self._events(n["id"] for n in hood["nodes"] if n["kind"] == "event"),
                         truncated=hood["truncated"])

    @answers
    def path(self, from_id: EntityId, to_id: EntityId,
             max_length: Annotated[int, Field(ge=1, le=MAX_PATH_LENGTH, description="most events to cross")]
             = MAX_PATH_LENGTH) -> Path:
        """How two entities are connected: the shortest chain entity, event, entity, ... between them,
        with the events crossed and their sources. Use it for "how did X lead to Y"."""
        found = self.store.path(self.view.real_id(from_id), self.view.real_id(to_id), max_length=max_length,
                                include_private=self.private)
        try:
            shown = None if found is None else self.view.show(found, "path", f"{from_id} -> {to_id}")
        except NotFound:
            shown = None  # a path only through a hidden person: the same answer as no path at all
        if shown is None:
            raise ToolError(f"no path from {from_id!r} to {to_id!r} within {max_length} events")
        return Path(nodes=shown["nodes"], length=shown["length"],
                    events=self._events(n["id"] for n in shown["nodes"] if n["kind"] == "event"))

    @answers
    def related_skills(self, id: EntityId, limit: Annotated[int, Field(ge=1, le=50)] = 10) -> RelatedSkills:
        """Skills used in the same events as this one, by number of events shared (`weight`), with the
        first and last shared dates and the earliest shared events as evidence."""
        real = self.view.real_id(id)
        related = self.store.related(real, limit=limit, include_private=self.private)
        evidence = self._shared_events(real, [r.entity.id for r in related])
        answer = RelatedSkills(skill=real, related=[Related(**r.model_dump(), evidence=evidence[r.entity.id])
                                                    for r in related])
        return RelatedSkills.model_validate(self.view.show(answer, "skill", id))

    @answers
    def explain(self, id: Annotated[str, Field(min_length=1, max_length=300,
                                                 description="an entity id (skill:ray) or an event id (event:...)")],
                ) -> Explanation:
        """Why a node or an event is in the graph: every post, section and verbatim quote that states
        it (an entity's first 100; its summary counts them all). Use it before asserting a fact, to
        cite it."""
        if id.startswith("event:"):
            event = self.store.event(id, include_private=self.private)
            if event is None:
                raise NotFound("event", id)
            answer = Explanation(id=event.id, kind="event", name=event.title, start=event.start, end=event.end,
                                 sources=event.sources, entities=event.entities)
        else:
            detail = self._entity_detail(self.view.real_id(id), id, events=0, masked=False)
            summary = detail.summary
            answer = Explanation(id=summary.entity.id, kind=summary.entity.type, name=summary.entity.name,
                                 start=summary.first, end=summary.last, sources=detail.sources[:EXPLAIN_SOURCES],
                                 summary=summary)
        return Explanation.model_validate(self.view.show(answer, "entity", id))

    @answers
    def stats(self) -> Stats:
        """How big the knowledge base is: posts, events, entities by type, mentions, and the first and
        last dates of the timeline."""
        return Stats.model_validate(self.view.show(self.store.stats(include_private=self.private)))

    # ---- shared reads ----

    def _entity_detail(self, real: str, shown_id: str, events: int, masked: bool = True) -> EntityDetail:
        detail = self.store.entity(real, include_private=self.private, events_limit=events)
        if detail is None:
            raise NotFound("entity", shown_id)
        return EntityDetail.model_validate(self.view.show(detail, "entity", shown_id)) if masked else detail

    def _events(self, ids: Iterable[str]) -> list[Event]:
        """The events behind graph nodes, with their sources, as the viewer may see them."""
        found = [e for e in (self.store.event(i, include_private=self.private) for i in ids) if e is not None]
        return [Event.model_validate(e) for e in self.view.show(found)]

    def _shared_events(self, skill: str, others: list[str]) -> dict[str, list[Event]]:
        """The earliest events `skill` shares with each of `others`, read from its timeline."""
        found: dict[str, list[Event]] = {o: [] for o in others}
        cursor, read = None, 0
        while others and read < EVIDENCE_SCAN:
            page = self.store.timeline(TimelineQuery(entity=skill, limit=500, cursor=cursor,
                                                     include_private=self.private))
            for event in page.items:
                for other in found.keys() & set(event.entities):
                    if len(found[other]) < EVIDENCE:
                        found[other].append(event)
            read, cursor = read + len(page.items), page.next_cursor
            if cursor is None or all(len(v) == EVIDENCE for v in found.values()):
                break
        for other, events in found.items():  # a hub's scan may stop early: one shared event from a path
            if not events and (chain := self.store.path(skill, other, max_length=1, include_private=self.private)):
                events.extend(e for e in [self.store.event(chain.nodes[1].id, include_private=self.private)] if e)
        return found
