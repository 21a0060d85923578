"""GET /entities, /entities/{id}, /entities/{id}/neighbors, /paths, /skills/{id}/related."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import PrivateDep, StoreDep
from api.paging import Cursor, Limit, next_link
from api.schemas import EntityList
from kb.errors import NotFound
from kb.models import EntityDetail, EntityQuery, GraphPath, Neighborhood, RelatedSkill
from kb.store import MAX_DEPTH, MAX_NEIGHBORS_LIMIT, MAX_PATH_LENGTH, NEIGHBORS_LIMIT

router = APIRouter(tags=["entities"])

EntityId = Annotated[str, Path(max_length=300, description="an entity id such as skill:ray")]


@router.get("/entities", response_model=EntityList)
async def entities(
    request: Request,
    store: StoreDep,
    private: PrivateDep,
    type: Annotated[str | None, Query(pattern="^(skill|person|project|organization)$")] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> EntityList:
    """Entities sorted by the number of events they take part in."""
    page = await run_in_threadpool(store.entities, EntityQuery(type=type, text=q or None, limit=limit,  # type: ignore[arg-type]
                                                      cursor=cursor, include_private=private))
    return EntityList(items=list(page.items), next_cursor=page.next_cursor,
                      next=next_link(request, page.next_cursor))


@router.get("/entities/{entity_id}", response_model=EntityDetail)
async def entity(store: StoreDep, private: PrivateDep, entity_id: EntityId) -> EntityDetail:
    found = await run_in_threadpool(store.entity, entity_id, include_private=private)
    if found is None:
        raise NotFound("entity", entity_id)
    return found


@router.get("/entities/{entity_id}/neighbors", response_model=Neighborhood)
async def neighbors(store: StoreDep, private: PrivateDep, entity_id: EntityId,
              depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
              limit: Annotated[int, Query(ge=1, le=MAX_NEIGHBORS_LIMIT,
                                          description="most nodes to return; `truncated` says if some were left out")]
              = NEIGHBORS_LIMIT) -> Neighborhood:
    """Events newest first, each with its entities, hop by hop, up to `limit` nodes."""
    return await run_in_threadpool(store.neighbors, entity_id, depth=depth, include_private=private, limit=limit)


@router.get("/paths", response_model=GraphPath)
async def paths(
    store: StoreDep,
    private: PrivateDep,
    from_id: Annotated[str, Query(alias="from", max_length=300)],
    to_id: Annotated[str, Query(alias="to", max_length=300)],
    max_length: Annotated[int, Query(ge=1, le=MAX_PATH_LENGTH)] = MAX_PATH_LENGTH,
) -> GraphPath:
    """The shortest chain entity - event - entity ... between two entities."""
    found = await run_in_threadpool(store.path, from_id, to_id, max_length=max_length, include_private=private)
    if found is None:
        raise NotFound("path", f"{from_id} -> {to_id}")
    return found


@router.get("/skills/{entity_id}/related", response_model=list[RelatedSkill])
async def related(store: StoreDep, private: PrivateDep, entity_id: EntityId,
            limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[RelatedSkill]:
    """Skills used in the same events, weighted by events shared, with first and last dates."""
    try:  # the store checks existence itself; loading the entity first cost a hub's every mention
        return await run_in_threadpool(store.related, entity_id, limit=limit, include_private=private)
    except NotFound as exc:
        raise NotFound("skill", entity_id) from exc
