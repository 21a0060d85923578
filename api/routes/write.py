"""The write API for a CMS or a git webhook: PUT /posts/{id}, DELETE /posts/{id}, POST /ingest.

Writes need the bearer token (KB_API_TOKEN) and a posts folder (KB_POSTS_DIRS or
`kb serve --posts`); without a token they do not exist (404). A post id is a relative path
without its extension, and only a strict form of it is accepted, so no id can name a file outside
the posts folder: no `..`, no absolute paths, no backslashes, no control characters, and never
through a symbolic link. A PUT is parsed before anything is written: a broken post is refused
with its line and reason and the file and the store keep their last good state.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.deps import get_settings, get_store, is_owner
from api.errors import ErrorBody
from ingest.pipeline import Extractor, IngestReport, make_extractor, parse_stamp, run_ingest
from ingest.read import POST_SUFFIXES, FileStat, RawPost, decode
from ingest.resolve import CURATION_FILE, load_curation
from kb.errors import KbError, PostError
from kb.store import Store

router = APIRouter(tags=["write"])

MAX_ID_LENGTH = 200
MAX_ID_DEPTH = 8
# Each path segment starts with a letter, digit or underscore (so never `.`, `..` or a hidden
# name) and holds only word characters, `-`, `.` and inner spaces.
_SEGMENT = r"\w(?:[\w.\- ]*[\w.\-])?"
_ID = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})*")

_WRITE_LOCK = threading.Lock()  # one writer at a time: file and store change together


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


# The pattern is documented (so clients and fuzzers know it) but checked by `check_post_id`, after
# the token: a disabled or unauthenticated write API answers 404/401 whatever the id.
PostId = Annotated[str, PathParam(max_length=500, description="the post's path without extension, e.g. notes/ray",
                                  json_schema_extra={"pattern": f"^{_ID.pattern}$", "maxLength": MAX_ID_LENGTH})]
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


def _writer(request: Request) -> tuple[Store, list[Path]]:
    """The store and posts folders, once the caller has shown the token."""
    settings = get_settings(request)
    if not settings.api_token:
        raise HTTPException(404, "writes are disabled: set KB_API_TOKEN to enable them")
    if not is_owner(request):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not settings.posts_dirs:
        raise HTTPException(409, "no posts folder: set KB_POSTS_DIRS or run `kb serve --posts PATH`")
    return get_store(request), [Path(d).resolve() for d in settings.posts_dirs]


def check_post_id(post_id: str) -> str:
    """The id itself, or 422: the only ids accepted are plain relative paths."""
    if len(post_id) > MAX_ID_LENGTH or not _ID.fullmatch(post_id) or post_id.count("/") >= MAX_ID_DEPTH:
        raise HTTPException(422, "invalid post id: use letters, digits, '_', '-', '.', spaces and '/' "
                                 f"between names, at most {MAX_ID_LENGTH} characters")
    return post_id


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def locate(post_id: str, roots: list[Path], store: Store) -> tuple[Path, Path]:
    """(root, file) for an id: where the store found it, else an existing file, else new `.md`."""
    check_post_id(post_id)
    known = store.post_hashes().get(post_id)
    candidates: list[tuple[Path, Path]] = []
    if known is not None and any(_inside(Path(known[0]), r) for r in roots):
        candidates.append((Path(known[0]), Path(known[0]) / known[1]))
    for root in roots:
        candidates += [(root, root / f"{post_id}{suffix}") for suffix in POST_SUFFIXES]
    found = next(((r, f) for r, f in candidates if os.path.lexists(f)), None)
    root, file = found or (roots[0], roots[0] / f"{post_id}.md")
    _check_no_escape(root, file)
    return root, file


def _check_no_escape(root: Path, file: Path) -> None:
    """403 for a file that is a symlink, or whose folder leads outside the root through one."""
    if file.is_symlink():
        raise HTTPException(403, "refusing to write through a symbolic link")
    folder = file.parent
    while not folder.exists() and folder != root:
        folder = folder.parent
    if not _inside(folder.resolve(), root.resolve()):
        raise HTTPException(403, "the post id leads outside the posts folder")


def _extractor(request: Request, roots: list[Path]) -> Extractor:
    """One extractor per app, rebuilt when a curation file (kb.yaml) changes."""
    key = tuple((str(p), p.stat().st_mtime_ns) for r in roots if (p := r / CURATION_FILE).exists())
    cached = getattr(request.app.state, "write_extractor", None)
    if cached is None or cached[0] != (tuple(roots), key):
        cached = ((tuple(roots), key), make_extractor(load_curation(None, roots)))
        request.app.state.write_extractor = cached
    return cached[1]


def _atomic_write(file: Path, data: bytes) -> None:
    """A hidden temp file beside the post, fsynced, then renamed over it: readers (and `kb
    watch`) see the old bytes or the new ones, never a torn file."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.parent / f".{file.name}.kb-{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _unchanged(store: Store, extractor: Extractor, post_id: str, root: Path, rel: str, raw: RawPost) -> bool:
    """The store already holds these very bytes, read by this extractor, from this file."""
    known = store.post_hashes().get(post_id)
    stamp = parse_stamp(known[2]) if known is not None and known[:2] == (str(root), rel) else None
    return stamp is not None and stamp.sha256 == raw.content_hash and stamp.extractor == extractor.digest[:16]


def _put(request: Request, post_id: str, data: bytes) -> WriteResult:
    store, roots = _writer(request)
    with _WRITE_LOCK:
        root, file = locate(post_id, roots, store)
        rel = file.relative_to(root).as_posix()
        extractor = _extractor(request, roots)
        try:  # parse first: a broken post is refused before anything is written
            raw = RawPost(root=str(root), path=rel, text=decode(data, rel),
                          content_hash=hashlib.sha256(data).hexdigest())
            graph = extractor.graph(raw)
        except PostError as exc:
            raise HTTPException(422, str(exc)) from exc
        except (KbError, ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
            raise HTTPException(422, f"{rel}: {type(exc).__name__}: {exc}") from exc
        existed = post_id in store.post_hashes()
        if file.exists() and _unchanged(store, extractor, post_id, root, rel, raw):
            return WriteResult(id=post_id, status="unchanged", path=rel)
        _check_no_escape(root, file)
        _atomic_write(file, data)
        st = file.stat()  # stamped like the pipeline does, so the next ingest skips this file
        stamp = extractor.stamp(FileStat(str(root), rel, st.st_size, st.st_mtime_ns), raw)
        store.replace_posts([graph.model_copy(update={"post": graph.post.model_copy(update={"content_hash": stamp})})])
    return WriteResult(id=post_id, status="updated" if existed else "added", path=rel)


@router.put("/posts/{post_id:path}", response_model=WriteResult, responses=AUTH_RESPONSES,
            openapi_extra=MARKDOWN_BODY)
async def put_post(request: Request, post_id: PostId) -> WriteResult:
    """Create or replace a post from its Markdown; it is parsed first and refused if broken."""
    data = await request.body()
    return await run_in_threadpool(_put, request, post_id, data)


def _delete(request: Request, post_id: str) -> WriteResult:
    store, roots = _writer(request)
    with _WRITE_LOCK:
        root, file = locate(post_id, roots, store)
        in_store = post_id in store.post_hashes()
        if not in_store and not os.path.lexists(file):
            raise HTTPException(404, f"no post with id {post_id!r}")
        if os.path.lexists(file):
            file.unlink()
        store.replace_posts([], remove=[post_id])
    return WriteResult(id=post_id, status="removed", path=file.relative_to(root).as_posix())


@router.delete("/posts/{post_id:path}", response_model=WriteResult, responses=AUTH_RESPONSES)
def delete_post(request: Request, post_id: PostId) -> WriteResult:
    """Delete a post's file and everything it contributed."""
    return _delete(request, post_id)


def report_json(report: IngestReport) -> IngestResult:
    return IngestResult(added=report.added, updated=report.updated, unchanged=report.unchanged,
                        removed=report.removed,
                        failed=[Failed(file=f.file, line=f.line, reason=f.reason) for f in report.failed])


@router.post("/ingest", response_model=IngestResult, responses=AUTH_RESPONSES)
def ingest(request: Request) -> IngestResult:
    """Re-scan the posts folders (e.g. after a git pull); broken posts are listed, not fatal."""
    store, roots = _writer(request)
    with _WRITE_LOCK:
        return report_json(run_ingest(roots, store))
