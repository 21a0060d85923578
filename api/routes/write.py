"""The write API for a CMS or a git webhook: PUT /posts/{id}, DELETE /posts/{id}, POST /ingest.

Only HTTP lives here: the bearer token, status codes and response models. The work is done by the
posts folder service the composition root passes to `create_app(posts_folder=...)` (in `kb serve`,
`ingest.runs.posts_folder.PostsFolder`); this module only knows the `PostsWriter` shape it needs.
Writes need the token (KB_API_TOKEN) and that service (KB_POSTS_DIRS or `kb serve --posts`);
without a token they do not exist (404), without a posts folder they answer 409.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.deps import get_settings, is_owner
from api.errors import ErrorBody
from kb.errors import InvalidQuery, NotFound, PostError, UnsafePath
from kb.ids import MAX_POST_ID_LENGTH, POST_ID_PATTERN

router = APIRouter(tags=["write"])


class Change(Protocol):
    """What one write did to one post."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def path(self) -> str: ...


class FailedFile(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def reason(self) -> str: ...


class Report(Protocol):
    """What a re-scan changed."""

    @property
    def added(self) -> Sequence[str]: ...
    @property
    def updated(self) -> Sequence[str]: ...
    @property
    def unchanged(self) -> Sequence[str]: ...
    @property
    def removed(self) -> Sequence[str]: ...
    @property
    def failed(self) -> Sequence[FailedFile]: ...


class PostsWriter(Protocol):
    """The posts folder service, as the routes use it; raises `kb.errors`, mapped below."""

    def put(self, post_id: str, data: bytes) -> Change: ...
    def delete(self, post_id: str) -> Change: ...
    def rescan(self) -> Report: ...


class Failed(BaseModel):
    file: str
    line: int | None = None
    reason: str


class WriteResult(BaseModel):
    id: str
    status: str  # added | updated | unchanged | removed
    path: str


class IngestResult(BaseModel):
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    removed: list[str]
    failed: list[Failed]


# The pattern is documented (so clients and fuzzers know it) but checked by the service, after the
# token: a disabled or unauthenticated write API answers 404/401 whatever the id.
PostId = Annotated[str, PathParam(max_length=500, description="the post's path without extension, e.g. notes/ray",
                                  json_schema_extra={"pattern": f"^{POST_ID_PATTERN}$",
                                                     "maxLength": MAX_POST_ID_LENGTH})]
AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "missing or wrong bearer token"},
    403: {"model": ErrorBody, "description": "the id leads outside the posts folder (a symbolic link)"},
    404: {"model": ErrorBody, "description": "writes are disabled (no KB_API_TOKEN), or no such post"},
    409: {"model": ErrorBody, "description": "no posts folder is configured"},
    413: {"model": ErrorBody, "description": "request body too large"},
    422: {"model": ErrorBody, "description": "invalid post id, or a post that cannot be parsed"},
    429: {"model": ErrorBody, "description": "too many writes; retry after Retry-After seconds",
          "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}}},
}
MARKDOWN_BODY = {"requestBody": {"required": True, "content": {
    "text/markdown": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}}}


def _writer(request: Request) -> PostsWriter:
    """The posts folder service, once the caller has shown the token."""
    if not get_settings(request).api_token:
        raise HTTPException(404, "writes are disabled: set KB_API_TOKEN to enable them")
    if not is_owner(request):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    writer: PostsWriter | None = getattr(request.app.state, "posts_folder", None)
    if writer is None:
        raise HTTPException(409, "no posts folder: set KB_POSTS_DIRS or run `kb serve --posts PATH`")
    return writer


@contextmanager
def _http_errors() -> Iterator[None]:
    """The service's refusals as the status codes AUTH_RESPONSES documents."""
    try:
        yield
    except (InvalidQuery, PostError) as exc:
        raise HTTPException(422, str(exc)) from exc
    except UnsafePath as exc:
        raise HTTPException(403, str(exc)) from exc
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc


def _result(change: Change) -> WriteResult:
    return WriteResult(id=change.id, status=change.status, path=change.path)


def _put(request: Request, post_id: str, data: bytes) -> WriteResult:
    writer = _writer(request)
    with _http_errors():
        return _result(writer.put(post_id, data))


@router.put("/posts/{post_id:path}", response_model=WriteResult, responses=AUTH_RESPONSES,
            openapi_extra=MARKDOWN_BODY)
async def put_post(request: Request, post_id: PostId) -> WriteResult:
    """Create or replace a post from its Markdown; it is parsed first and refused if broken."""
    data = await request.body()
    return await run_in_threadpool(_put, request, post_id, data)


@router.delete("/posts/{post_id:path}", response_model=WriteResult, responses=AUTH_RESPONSES)
def delete_post(request: Request, post_id: PostId) -> WriteResult:
    """Delete a post's file and everything it contributed."""
    writer = _writer(request)
    with _http_errors():
        return _result(writer.delete(post_id))


def report_json(report: Report) -> IngestResult:
    return IngestResult(added=list(report.added), updated=list(report.updated),
                        unchanged=list(report.unchanged), removed=list(report.removed),
                        failed=[Failed(file=f.file, line=f.line, reason=f.reason) for f in report.failed])


@router.post("/ingest", response_model=IngestResult, responses=AUTH_RESPONSES)
def ingest(request: Request) -> IngestResult:
    """Re-scan the posts folders (e.g. after a git pull); broken posts are listed, not fatal."""
    return report_json(_writer(request).rescan())
