"""GET /stats and /health."""
from __future__ import annotations

from fastapi import APIRouter

from api.deps import PrivateDep, StoreDep
from api.schemas import Health
from kb.models import Stats

router = APIRouter(tags=["meta"])


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep, private: PrivateDep) -> Stats:
    return store.stats(include_private=private)


@router.get("/health", response_model=Health)
def health(store: StoreDep) -> Health:
    return Health(status="ok" if store.ping() else "degraded", store=type(store).__name__,
                  version=store.version())
