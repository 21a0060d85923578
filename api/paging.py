"""Cursor pagination helpers shared by the list routes."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

MAX_PAGE_SIZE = 200

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"page size, at most {MAX_PAGE_SIZE}")]
Cursor = Annotated[str | None, Query(max_length=512, description="opaque cursor from `next_cursor`")]


def next_link(request: Request, cursor: str | None) -> str | None:
    """The same request with the cursor moved on; None on the last page."""
    if cursor is None:
        return None
    return str(request.url.include_query_params(cursor=cursor))
