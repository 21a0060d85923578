"""Who the MCP server answers for, and what that viewer may see.

No second privacy implementation: the store hides private posts and every fact only they support
(`include_private`), and people are masked by the public API's own `MaskCache` and `PeopleMask`
(KB_PUBLIC_PEOPLE), with the same masked ids (keyed like the API's). Only the plumbing differs:
the API masks HTTP bodies and URLs in a middleware, the MCP server masks tool arguments and answers
here.
"""
from __future__ import annotations

from typing import Any

from pydantic_core import to_jsonable_python

from api.privacy import MaskCache
from kb.config import Settings
from kb.errors import NotFound
from kb.exports.people import DROP, PeopleMask
from kb.store import Store


class Viewer:
    """The owner (`--private`: everything) or the public (what the public API shows)."""

    def __init__(self, store: Store, settings: Settings, private: bool) -> None:
        self.store = store
        self.private = private
        self._masks = None if private else MaskCache(settings.public_people, settings.api_token or "kb-public-people")

    def mask(self) -> PeopleMask | None:
        """The people mask of the current graph; None when nothing is masked (owner, or mode full)."""
        if self._masks is None or self._masks.mode == "full":
            return None
        return self._masks.get(self.store)

    def real_id(self, ident: str, what: str = "entity") -> str:
        """The store's id behind an id the viewer was shown; a hidden person is as unknown as a typo."""
        mask = self.mask()
        real = ident if mask is None else mask.real_id(ident)
        if real is None:
            raise NotFound(what, ident)
        return real

    def query(self, text: str) -> str:
        """A search text as the store must see it: people's names unmatchable when people are masked."""
        mask = self.mask()
        return text if mask is None else mask.scrub_query(text)

    def show(self, value: Any, what: str = "answer", ident: str = "") -> Any:
        """An answer (models, or lists of them) as the JSON the viewer may see: people masked, a list
        without what it may not see; NotFound when nothing of a single answer is public."""
        data = to_jsonable_python(value)
        mask = self.mask()
        if mask is None:
            return data
        shown = mask.apply(data)
        if shown is DROP:
            raise NotFound(what, ident)
        return shown
