"""Response envelopes of the API. Items are the domain models themselves (kb.models), so field
names are the same in the API, the export and the docs."""
from __future__ import annotations

from pydantic import BaseModel

from kb.models import EntitySummary, Event, Post


class EventList(BaseModel):
    items: list[Event]
    next_cursor: str | None = None
    next: str | None = None  # a ready-made link to the next page


class EntityList(BaseModel):
    items: list[EntitySummary]
    next_cursor: str | None = None
    next: str | None = None


class PostList(BaseModel):
    items: list[Post]
    next_cursor: str | None = None
    next: str | None = None


class Health(BaseModel):
    status: str
    store: str
    version: str
