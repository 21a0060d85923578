"""Post bodies as HTML, for the post pages of the portfolio site (served by `kb serve`, written by
`kb site build`): raw HTML in a post stays text, and headings get the ids source links point at
(`kb.exports.common.section_anchor`). The one place Markdown is rendered."""
from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from kb.ids import slug


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(dollarmath_plugin)

    def heading_ids(state: Any) -> None:
        seen: dict[str, int] = {}
        for i, token in enumerate(state.tokens):
            if token.type == "heading_open" and i + 1 < len(state.tokens):
                anchor = slug(state.tokens[i + 1].content) or "section"
                seen[anchor] = seen.get(anchor, 0) + 1
                token.attrSet("id", anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")

    md.core.ruler.push("heading_ids", heading_ids)
    return md


_MARKDOWN = _markdown()


def render_markdown(body: str) -> str:
    return _MARKDOWN.render(body)
