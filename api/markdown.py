"""Post bodies as HTML, for the post pages of the portfolio site (served by `kb serve`, written by
`kb site build`): raw HTML in a post stays text, and headings get the ids source links point at
(`kb.exports.common.section_anchor`). The one place Markdown is rendered."""
from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from kb.ids import slug

# A heading's plain text exactly as ingest names its section (ingest/posts/markdown.py, `_plain`):
# inline HTML dropped, link targets dropped, code and math kept without their marks.
_HEADINGS = MarkdownIt("commonmark", {"html": True}).use(dollarmath_plugin)


def heading_text(source: str) -> str:
    parts: list[str] = []
    for inline in _HEADINGS.parseInline(source):
        for child in inline.children or []:
            if child.type in ("text", "code_inline", "math_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


KEPT_LINKS = ("http://", "https://", "mailto:", "#")


def _nothing_from_elsewhere(state: Any) -> None:
    """The page loads nothing from another host and links nowhere it cannot reach: an image hosted
    elsewhere becomes a link to it; an image or a link relative to the original blog (which the
    site does not carry) becomes its text."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        out: list[Token] = []
        dropping = False
        for child in token.children:
            if child.type == "image":
                src = child.attrGet("src") or ""
                label = Token("text", "", 0, content=f"[{child.content or 'image'}]")
                if str(src).startswith(("http://", "https://")):
                    out += [Token("link_open", "a", 1, attrs={"href": src, "class": "image-link"}), label,
                            Token("link_close", "a", -1)]
                else:
                    out.append(label)
            elif child.type == "link_open" and not str(child.attrGet("href") or "").startswith(KEPT_LINKS):
                dropping = True
            elif child.type == "link_close" and dropping:
                dropping = False
            else:
                out.append(child)
        token.children = out


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(dollarmath_plugin)

    def heading_ids(state: Any) -> None:
        seen: dict[str, int] = {}
        for i, token in enumerate(state.tokens):
            if token.type == "heading_open" and i + 1 < len(state.tokens):
                anchor = slug(heading_text(state.tokens[i + 1].content)) or "section"
                seen[anchor] = seen.get(anchor, 0) + 1
                token.attrSet("id", anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")

    md.core.ruler.push("heading_ids", heading_ids)
    md.core.ruler.push("nothing_from_elsewhere", _nothing_from_elsewhere)
    return md


_MARKDOWN = _markdown()


def render_markdown(body: str) -> str:
    return _MARKDOWN.render(body)
