"""What surrounds a sentence in its section, where its own words fall short: the list a paragraph
leads into (its items name what the paragraph did), the paragraph leading into a list (it dates
the items), and the date in the address of a post the sentence links. (The section's words before
a sentence, which date a story told in order, are read by eventdates.DateContext.)
"""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from ingest.facts.entities import Unit
from ingest.language.dates import date_from_path


def list_after(blocks: list[Unit], at: int, end: int, ids_in: Callable[[int, int], list[str]]) -> list[str]:
    """What the list a paragraph's last sentence leads into names: "We set up my laptop:" + tools.
    `at`: the paragraph's place in `blocks`; `ids_in(lo, hi)`: the entities sighted between two body offsets."""
    unit = blocks[at]
    if unit.block is None or unit.block.kind != "paragraph" or unit.text[end - unit.start:].strip():
        return []
    items = []
    for following in blocks[at + 1:]:
        if following.block is None or following.block.kind != "item":
            break
        items.extend(ids_in(following.start, following.start + len(following.text)))
    return items


def lead_in(blocks: list[Unit], at: int) -> str:
    """The paragraph right before the list the item at `blocks[at]` is part of."""
    unit = blocks[at]
    if unit.block is None or unit.block.kind != "item":
        return ""
    for previous in reversed(blocks[:at]):
        if previous.block is not None and previous.block.kind != "item":
            return previous.masked if previous.block.kind == "paragraph" else ""
    return ""


def linked_date(unit: Unit, start: int, end: int) -> str | None:
    """The date in the address of a link in the sentence: '/2021/02/14/k9-funding/', '2023-01-03-burnout.md'."""
    for link in unit.block.links if unit.block is not None else ():
        if start <= link.start < end and (found := date_from_path(urlparse(link.url).path)):
            return found
    return None
