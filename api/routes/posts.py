"""GET /posts, /posts/{id}, /search."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import PrivateDep, StoreDep
from api.paging import Cursor, Limit, next_link
from api.schemas import PostList
from kb.errors import NotFound
from kb.models import Post, PostQuery, SearchHit

router = APIRouter(tags=["posts"])


@router.get("/posts", response_model=PostList)
async def posts(request: Request, store: StoreDep, private: PrivateDep,
          limit: Limit = 50, cursor: Cursor = None) -> PostList:
    page = await run_in_threadpool(store.posts, PostQuery(limit=limit, cursor=cursor, include_private=private))
    return PostList(items=list(page.items), next_cursor=page.next_cursor,
                    next=next_link(request, page.next_cursor))


@router.get("/posts/{post_id:path}", response_model=Post)
async def post(store: StoreDep, private: PrivateDep,
         post_id: Annotated[str, Path(max_length=500)]) -> Post:
    found = await run_in_threadpool(store.post, post_id, include_private=private)
    if found is None:
        raise NotFound("post", post_id)
    return found


@router.get("/search", response_model=list[SearchHit])
async def search(store: StoreDep, private: PrivateDep,
           q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[SearchHit]:
    """Full text over posts, events and entities; a 2-syllable Korean word matches inside longer words."""
    return await run_in_threadpool(store.search, q, limit=limit, include_private=private)
