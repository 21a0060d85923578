"""GET /timeline and GET /events/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import PrivateDep, StoreDep
from api.paging import Cursor, Limit, next_link
from api.schemas import EventList
from kb.errors import NotFound
from kb.models import EVENT_KINDS, Event, TimelineQuery

router = APIRouter(tags=["timeline"])

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateParam = Annotated[str | None, Query(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]


@router.get("/timeline", response_model=EventList)
async def timeline(
    request: Request,
    store: StoreDep,
    private: PrivateDep,
    date_from: Annotated[str | None, Query(alias="from", pattern=PARTIAL_DATE,
                                           description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=PARTIAL_DATE,
                                         description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")] = None,
    kind: Annotated[str | None, Query(pattern="^(" + "|".join(EVENT_KINDS) + ")$")] = None,
    entity: Annotated[str | None, Query(max_length=300, description="an entity id")] = None,
    q: Annotated[str | None, Query(max_length=200, description="full-text filter")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> EventList:
    """Events sorted by date (a bare year sorts before its months); undated events last."""
    page = await run_in_threadpool(store.timeline, TimelineQuery(
        date_from=date_from, date_to=date_to, kind=kind, entity=entity, text=q or None,
        limit=limit, cursor=cursor, include_private=private,
    ))
    return EventList(items=list(page.items), next_cursor=page.next_cursor,
                     next=next_link(request, page.next_cursor))


@router.get("/events/{event_id}", response_model=Event)
async def event(store: StoreDep, private: PrivateDep,
          event_id: Annotated[str, Path(max_length=300)]) -> Event:
    found = await run_in_threadpool(store.event, event_id, include_private=private)
    if found is None:
        raise NotFound("event", event_id)
    return found
