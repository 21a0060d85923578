"""Opaque keyset cursors: the sort key of the last item seen, tagged with the list it belongs to."""
from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from kb.errors import InvalidQuery

# list tag -> the types of the key's parts
_SHAPES: dict[str, tuple[type, ...]] = {
    "timeline": (str, str),
    "entities": (int, str, str),
    "posts": (str, str),
}


def encode(kind: str, *key: Any) -> str:
    raw = json.dumps([kind, *key], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(kind: str, cursor: str) -> list[Any]:
    """The key parts of a cursor made by `encode(kind, ...)`; anything else is InvalidQuery."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidQuery(f"malformed cursor: {cursor[:40]!r}") from exc
    shape = _SHAPES[kind]
    if (not isinstance(value, list) or len(value) != len(shape) + 1 or value[0] != kind
            or not all(type(part) is t for part, t in zip(value[1:], shape))):
        raise InvalidQuery(f"malformed cursor: {cursor[:40]!r}")
    return value[1:]
