"""Request-scoped dependencies: the store the app opened once, and who is asking."""
from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from kb.config import Settings
from kb.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


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


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PrivateDep = Annotated[bool, Depends(is_owner)]
