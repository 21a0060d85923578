"""What surrounds a sentence in its section, where its own words fall short: the list a paragraph
leads into (its items name what the paragraph did), the paragraph leading into a list (it dates
the items), the section's words before a sentence (they date a story told in order), and the date
in the address of a post the sentence links.
"""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from ingest.facts.entities import Unit
from ingest.facts.eventdates import DateContext
from ingest.language.dates import date_from_path


def list_after(blocks: list[Unit], unit: Unit, end: int, ids_in: Callable[[int, int], list[str]]) -> list[str]:
    """What the list a paragraph's last sentence leads into names: "We set up my laptop:" + tools.
    `ids_in(lo, hi)`: the entities sighted between two body offsets."""
    if unit.block is None or unit.block.kind != "paragraph" or unit.text[end - unit.start:].strip():
        return []
    at = next((i for i, u in enumerate(blocks) if u is unit), len(blocks))
    items = []
    for following in blocks[at + 1:]:
        if following.block is None or following.block.kind != "item":
            break
        items.extend(ids_in(following.start, following.start + len(following.text)))
    return items


def lead_in(blocks: list[Unit], unit: Unit) -> str:
    """The paragraph right before the list an item is part of."""
    if unit.block is None or unit.block.kind != "item":
        return ""
    at = next((i for i, u in enumerate(blocks) if u is unit), 0)
    for previous in reversed(blocks[:at]):
        if previous.block is not None and previous.block.kind != "item":
            return previous.masked if previous.block.kind == "paragraph" else ""
    return ""


def told_before(dates: DateContext, index: int, blocks: list[Unit], start: int) -> str:
    """The section's words before a sentence, when they are what dates it."""
    if not dates.undated_story(index):
        return ""
    return " ".join(u.masked[: max(0, start - u.start)] for u in blocks if u.start < start)


def linked_date(unit: Unit, start: int, end: int) -> str | None:
    """The date in the address of a link in the sentence: '/2021/02/14/k9-funding/', '2023-01-03-burnout.md'."""
    for link in unit.block.links if unit.block is not None else ():
        if start <= link.start < end and (found := date_from_path(urlparse(link.url).path)):
            return found
    return None
