"""The store's small key-value record (`Store.meta`), the same on every backend.

Values are JSON, stored as canonical text so that writing the same value again is recognised as
no change (and leaves `version()` alone). Keys are plain names; the backends keep them apart from
their own bookkeeping (SQLite's `meta` table prefixes them, Neo4j gives each its own Meta node).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kb.errors import InvalidQuery

KEY_PREFIX = "user:"
MAX_KEY_LENGTH = 100


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text: str) -> Any:
    return json.loads(text)


def changes(stored: Mapping[str, str], wanted: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    """(key -> text to set, keys to delete) that bring `stored` (key -> text) in line with `wanted`;
    a None value deletes its key, a key not in `wanted` is left alone."""
    put: dict[str, str] = {}
    drop: list[str] = []
    for key, value in wanted.items():
        if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
            raise InvalidQuery(f"invalid meta key {key!r}")
        if value is None:
            if key in stored:
                drop.append(key)
        elif stored.get(key) != (text := encode(value)):
            put[key] = text
    return put, sorted(drop)


def whole(stored: Mapping[str, str], wanted: Mapping[str, Any]) -> dict[str, Any]:
    """`wanted` as a complete replacement of `stored`: keys it lacks are deleted."""
    return {**{key: None for key in stored}, **wanted}
