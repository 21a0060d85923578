"""The portfolio page: GET / (static HTML/CSS/JS under /static, written for this project, no CDN),
GET /page/data (what it draws) and GET /p/{post_id} (a post rendered with section anchors, the
target of every source link). Public data only, unless the bearer token is given."""
from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from api.deps import PrivateDep, StoreDep
from api.privacy import MASKED_HEADER, public_mask
from api.routes.export import viewer_document
from kb.errors import NotFound
from kb.exports.common import format_span
from kb.exports.portfolio import portfolio
from kb.ids import slug
from kb.store import Store

STATIC = Path(__file__).resolve().parents[1] / "static"
router = APIRouter(tags=["page"])


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/page/data")
def page_data(request: Request, store: StoreDep, private: PrivateDep) -> dict[str, Any]:
    """Timeline by year and the skill graph with its layout; cached per graph version and viewer."""
    state = request.app.state
    if not hasattr(state, "page_cache"):
        state.page_cache = ({}, threading.Lock())
    cache, lock = state.page_cache
    key = (store.version(), private)
    with lock:
        found = cache.get(key)
    if found is None:
        found = portfolio(viewer_document(request, store, private, base_url=""))
        with lock:
            cache.clear()  # only the newest version of the graph is worth keeping
            cache[key] = found
    return found


def _markdown() -> MarkdownIt:
    """Raw HTML in posts stays text; headings get the ids that source links point at."""
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


MARKDOWN = _markdown()


def _post_html(store: Store, request: Request, post_id: str, private: bool) -> str:
    post = store.post(post_id, include_private=private)
    if post is None:
        raise NotFound("post", post_id)
    mask = None if private else public_mask(request)
    title, body = post.title, post.body
    if mask is not None:
        title, body = mask.text(title), mask.text(body)
    meta = " · ".join(x for x in (format_span(post.date, None) if post.date else "", ", ".join(post.tags)) if x)
    return (f'<!doctype html><html lang="{html.escape(post.language or "ko")}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/app.css">'
            f"<title>{html.escape(title)}</title></head><body><main class=\"post\">"
            f'<p><a href="/">← Portfolio</a></p><h1>{html.escape(title)}</h1>'
            f'<p class="meta">{html.escape(meta)}</p><article>{MARKDOWN.render(body)}</article>'
            f"</main></body></html>")


@router.get("/p/{post_id:path}", include_in_schema=False)
def post_page(request: Request, store: StoreDep, private: PrivateDep,
              post_id: Annotated[str, PathParam(max_length=500)]) -> HTMLResponse:
    return HTMLResponse(_post_html(store, request, post_id, private), headers={MASKED_HEADER: "1"})
