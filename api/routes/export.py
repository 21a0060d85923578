"""GET /export/{format}: the knowledge base in a standard format (json, jsonresume, timelinejs,
ics, graph, graphml). Public unless the bearer token is given: the public cut drops private posts
and their facts, and people are masked as KB_PUBLIC_PEOPLE says."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from api.deps import PrivateDep, SettingsDep, StoreDep
from api.privacy import MASKED_HEADER, public_mask
from kb.errors import NotFound
from kb.exports import EXPORTERS
from kb.exports.public import keep_meta, public_document
from kb.store import Store

router = APIRouter(tags=["export"])


def viewer_document(request: Request, store: Store, private: bool, base_url: str) -> dict[str, Any]:
    """The export document as this viewer may see it, with links rooted at `base_url`."""
    document = store.export(include_private=private)
    if not private:
        document = public_document(document)
        mask = public_mask(request)
        if mask is not None:
            document = keep_meta(document, mask.apply(document))
    return {**document, "base_url": base_url}


@router.get("/export/{format}", responses={200: {"content": {"application/json": {}, "text/calendar": {},
                                                             "application/graphml+xml": {}}}})
def export(request: Request, store: StoreDep, settings: SettingsDep, private: PrivateDep,
           format: Annotated[str, Path(description="one of: " + ", ".join(EXPORTERS))]) -> Response:
    """The whole graph in one format; every item links back to its source post section."""
    exporter = EXPORTERS.get(format)
    if exporter is None:
        raise NotFound("export format", f"{format} (choose one of: {', '.join(EXPORTERS)})")
    base_url = settings.site_url or str(request.base_url)
    text = exporter.render(viewer_document(request, store, private, base_url))
    return Response(text, media_type=exporter.media_type,
                    headers={"Content-Disposition": f'inline; filename="kb.{exporter.extension}"',
                             MASKED_HEADER: "1"})
