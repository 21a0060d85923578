"""The portfolio site at `/` (kb/site: the same pages `kb site build` writes), GET /page/data (the
timeline and skill graph as JSON) and GET /p/{post_id} (a post, the target of every source link).
Public data only, unless the bearer token is given; one built site is kept per graph version and
viewer, and renders each page once."""
from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from api.deps import PrivateDep, StoreDep
from api.markdown import render_markdown
from api.privacy import MASKED_HEADER
from api.routes.export import viewer_document
from kb.errors import NotFound
from kb.exports.portfolio import portfolio
from kb.site import paths
from kb.site.build import Site
from kb.store import Store

router = APIRouter(tags=["page"])
SITE_FOLDERS = ("skill", "project", "org", "assets")
SITE_FILES = (paths.INDEX, paths.FAVICON, paths.DATA, paths.SEARCH, paths.RESUME)
_LOCK = threading.Lock()


def _cached(request: Request, name: str, key: tuple, build: Any) -> Any:
    """One value per app and name (one per viewer: the public's and the owner's), rebuilt when `key`
    (the graph version...) changes: only the newest graph is worth keeping."""
    state = request.app.state
    with _LOCK:
        if not hasattr(state, "page_caches"):
            state.page_caches = {}
        caches = state.page_caches
        found = caches.get(name)
    if found is not None and found[0] == key:
        return found[1]
    value = build()
    with _LOCK:
        caches[name] = (key, value)
    return value


def site_for(request: Request, store: Store, private: bool) -> Site:
    base = request.app.state.settings.site_url or str(request.base_url)
    return _cached(request, f"site-{private}", (store.version(), base),
                   lambda: Site(viewer_document(request, store, private, base_url=""), render_markdown, base))


def _answer(site: Site, path: str) -> Response:
    found = site.get(path)
    if found is None:
        raise NotFound("page", path)
    content, media_type = found
    return Response(content, media_type=media_type, headers={MASKED_HEADER: "1"})


@router.get("/", include_in_schema=False)
def index(request: Request, store: StoreDep, private: PrivateDep) -> Response:
    return _answer(site_for(request, store, private), paths.INDEX)


def _file_route(path: str) -> Any:
    def route(request: Request, store: StoreDep, private: PrivateDep) -> Response:
        return _answer(site_for(request, store, private), path)

    return route


def _folder_route(folder: str) -> Any:
    def route(request: Request, store: StoreDep, private: PrivateDep,
              name: Annotated[str, PathParam(max_length=300)]) -> Response:
        return _answer(site_for(request, store, private), f"{folder}/{name}")

    return route


for _file in SITE_FILES:
    router.add_api_route(f"/{_file}", _file_route(_file), methods=["GET"], include_in_schema=False)
for _folder in SITE_FOLDERS:
    router.add_api_route(f"/{_folder}/{{name}}", _folder_route(_folder), methods=["GET"], include_in_schema=False)


@router.get("/page/data")
def page_data(request: Request, store: StoreDep, private: PrivateDep) -> dict[str, Any]:
    """Timeline by year and the skill graph with its layout; cached per graph version and viewer."""
    return _cached(request, f"page-data-{private}", (store.version(),),
                   lambda: portfolio(viewer_document(request, store, private, base_url="")))


@router.get("/p/{post_id:path}", include_in_schema=False)
def post_page(request: Request, store: StoreDep, private: PrivateDep,
              post_id: Annotated[str, PathParam(max_length=500)]) -> Response:
    """`/p/{id}` (the exports' links) and `/p/{id}.html` (the site's) are the same page."""
    site = site_for(request, store, private)
    for candidate in (post_id, post_id.removesuffix(".html")):
        if candidate in site.model.view.posts:
            return _answer(site, paths.post_path(candidate))
    raise NotFound("post", post_id)
