"""Request-scoped dependencies: the store the app opened once, and who is asking.

Routes are coroutines that hand their store call to the thread pool (`run_in_threadpool`): one
thread hop per request. A plain `def` route costs FastAPI three (dependencies, the route, the response
check), each more than a small read itself.
"""
from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from kb.config import Settings
from kb.store import Store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def is_owner(request: Request) -> bool:
    """True when the request carries the configured API token (compared in constant time)."""
    expected = get_settings(request).api_token
    given = bearer_token(request)
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


async def _store(request: Request) -> Store:
    return request.app.state.store


async def _settings(request: Request) -> Settings:
    return get_settings(request)


async def _owner(request: Request) -> bool:
    return is_owner(request)


# Coroutines only so that FastAPI runs them inline instead of in the thread pool.
StoreDep = Annotated[Store, Depends(_store)]
SettingsDep = Annotated[Settings, Depends(_settings)]
PrivateDep = Annotated[bool, Depends(_owner)]
