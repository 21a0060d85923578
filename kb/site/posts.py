"""A post's page, the target of every source link: its body as HTML (rendered by the function the
composition root hands in, with heading ids equal to `section_anchor` of the section names)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kb.site import paths
from kb.site.html import esc, tag
from kb.site.i18n import date_text
from kb.site.layout import SiteModel, page

RenderMarkdown = Callable[[str], str]
"""Markdown to safe HTML (raw HTML in the post escaped), headings carrying their anchors."""


def post_page(model: SiteModel, post: dict[str, Any], render: RenderMarkdown) -> str:
    path = paths.post_path(post["id"])
    meta = " · ".join(x for x in (date_text(post["date"], model.lang) if post.get("date") else "",
                                   ", ".join(post.get("tags") or ())) if x)
    body = (tag("h1", esc(post["title"])) + (tag("p", esc(meta), class_="meta") if meta else "")
            + tag("article", render(post.get("body", "")), class_="post"))
    return page(model, path, post["title"], body, lang=post.get("language") or model.lang)
