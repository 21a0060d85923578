"""Small, safe HTML building: every text is escaped where it is put, attributes included."""
from __future__ import annotations

from html import escape
from typing import Iterable


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def attrs(**values: object) -> str:
    """` key="value"` for each value given (None and False left out, True as a bare name)."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


def tag(name: str, content: str = "", **values: object) -> str:
    """An element whose content is already HTML."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"


def link(url: str | None, text: str, **values: object) -> str:
    """A link, or the bare (escaped) text when there is nowhere to go."""
    return tag("a", esc(text), href=url, **values) if url else esc(text)


def items(rows: Iterable[str], **values: object) -> str:
    rows = list(rows)
    return tag("ul", "".join(tag("li", r) for r in rows), **values) if rows else ""
