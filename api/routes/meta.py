"""GET /stats and /health."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import PrivateDep, StoreDep
from api.schemas import Health
from kb.models import Stats
from kb.store import Store

router = APIRouter(tags=["meta"])


@router.get("/stats", response_model=Stats)
async def stats(store: StoreDep, private: PrivateDep) -> Stats:
    return await run_in_threadpool(store.stats, include_private=private)


@router.get("/health", response_model=Health)
async def health(store: StoreDep) -> Health:
    return await run_in_threadpool(_health, store)


def _health(store: Store) -> Health:
    return Health(status="ok" if store.ping() else "degraded", store=type(store).__name__,
                  version=store.version())
