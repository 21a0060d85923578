"""Repeated GET reads answered from memory, keyed by the ETag that already names their inputs.

The ETag (api/http_cache.py) is derived from the graph version, the viewer, the people mode, kb's
code and the URL, which is everything a read depends on; so a kept answer is only ever served for
the graph it was computed from, and every entry is dropped as soon as the version moves. A portfolio
page, a static site build or a dashboard asks the same few URLs again and again between two
ingests: those cost a dictionary lookup instead of a store query, validation and compression.
Bounded in bytes, least recently used out first; KB_RESPONSE_CACHE_MB=0 turns it off.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

DEFAULT_BUDGET_MB = 64.0
LARGEST_SHARE = 8  # one answer may take at most 1/8 of the budget (whole exports usually do not fit)


class Kept(NamedTuple):
    """A 200 answer: its headers and body."""

    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """Not thread-safe: the ASGI middleware that owns it runs on the event loop only."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget = max(0, budget_bytes)
        self.largest = self.budget // LARGEST_SHARE
        self._entries: OrderedDict[tuple[str, bool], Kept] = OrderedDict()
        self._version: str | None = None
        self._size = 0

    @property
    def enabled(self) -> bool:
        return self.budget > 0

    def get(self, version: str, etag: str, gzip: bool) -> Kept | None:
        if version != self._version:
            self._reset(version)
            return None
        found = self._entries.get((etag, gzip))
        if found is not None:
            self._entries.move_to_end((etag, gzip))
        return found

    def put(self, version: str, etag: str, gzip: bool, kept: Kept) -> None:
        if version != self._version:
            self._reset(version)
        size = _weight(kept)
        if size > self.largest or (etag, gzip) in self._entries:
            return
        self._entries[(etag, gzip)] = kept
        self._size += size
        while self._size > self.budget:
            _, dropped = self._entries.popitem(last=False)
            self._size -= _weight(dropped)

    def __len__(self) -> int:
        return len(self._entries)

    def _reset(self, version: str) -> None:
        self._entries.clear()
        self._size = 0
        self._version = version


def _weight(kept: Kept) -> int:
    return len(kept.body) + sum(len(name) + len(value) for name, value in kept.headers)
