"""Write, delete and re-scan posts in the posts folder, the way the pipeline would read them.

The service behind the write API (PUT/DELETE /posts/{id}, POST /ingest), kept here so the HTTP
layer only speaks HTTP. Only strict post ids are accepted (`kb.ids.is_writable_post_id`), so no
id can name a file outside the posts folder, and never through a symbolic link. A post is parsed
before anything is written: a broken post raises `PostError` with its line, and the file and the
store keep their last good state. Files are replaced atomically and stamped like an ingest stamps
them, so the next `kb ingest` or `kb watch` skips what was written here.

Errors (all `kb.errors`): `InvalidQuery` for an id outside the grammar, `UnsafePath` for a
symbolic link, `PostError` for a post that cannot be parsed, `NotFound` for deleting nothing.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ingest.runs.pipeline import Extractor, IngestReport, make_extractor, parse_stamp, run_ingest
from ingest.posts.read import POST_SUFFIXES, FileStat, RawPost, decode
from ingest.facts.resolve import CURATION_FILE, load_curation
from kb.errors import ConfigError, InvalidQuery, KbError, NotFound, PostError, UnsafePath
from kb.ids import MAX_POST_ID_LENGTH, is_writable_post_id
from kb.store import Store

PostStatus = Literal["added", "updated", "unchanged", "removed"]

# One writer at a time in the process: a file and the store change together, and two services
# over the same folder (two apps in one test run) must not interleave either.
_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class PostChange:
    """What one write did to one post."""

    id: str
    status: PostStatus
    path: str  # the file, relative to its posts folder, posix separators


def check_post_id(post_id: str) -> str:
    """The id itself, or `InvalidQuery`: the only ids accepted are plain relative paths."""
    if not is_writable_post_id(post_id):
        raise InvalidQuery("invalid post id: use letters, digits, '_', '-', '.', spaces and '/' "
                           f"between names, at most {MAX_POST_ID_LENGTH} characters")
    return post_id


class PostsFolder:
    """Posts folders (the first one receives new posts) and the store that mirrors them.

    The store must be the one the readers use (the app's), so a write is visible at once.
    """

    def __init__(self, roots: Sequence[str | Path], store: Store) -> None:
        if not roots:
            raise ConfigError("a posts folder service needs at least one folder")
        self.roots = [Path(r).resolve() for r in roots]
        self.store = store
        self._extractor: tuple[tuple[tuple[str, int], ...], Extractor] | None = None

    def put(self, post_id: str, data: bytes) -> PostChange:
        """Create or replace a post from its bytes; parsed first, refused whole if broken."""
        with _WRITE_LOCK:
            root, file = self.locate(post_id)
            rel = file.relative_to(root).as_posix()
            extractor = self._current_extractor()
            try:  # parse first: a broken post is refused before anything is written
                raw = RawPost(root=str(root), path=rel, text=decode(data, rel),
                              content_hash=hashlib.sha256(data).hexdigest())
                graph = extractor.graph(raw)
            except PostError:
                raise
            except (KbError, ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
                raise PostError(rel, f"{type(exc).__name__}: {exc}") from exc
            existed = post_id in self.store.post_hashes()
            if file.exists() and self._unchanged(extractor, post_id, root, rel, raw):
                return PostChange(id=post_id, status="unchanged", path=rel)
            _check_no_escape(root, file)
            _atomic_write(file, data)
            st = file.stat()  # stamped like the pipeline does, so the next ingest skips this file
            stamp = extractor.stamp(FileStat(str(root), rel, st.st_size, st.st_mtime_ns), raw)
            post = graph.post.model_copy(update={"content_hash": stamp})
            self.store.replace_posts([graph.model_copy(update={"post": post})])
        return PostChange(id=post_id, status="updated" if existed else "added", path=rel)

    def delete(self, post_id: str) -> PostChange:
        """Delete a post's file and everything it contributed; `NotFound` if neither exists."""
        with _WRITE_LOCK:
            root, file = self.locate(post_id)
            if post_id not in self.store.post_hashes() and not os.path.lexists(file):
                raise NotFound("post", post_id)
            if os.path.lexists(file):
                file.unlink()
            self.store.replace_posts([], remove=[post_id])
        return PostChange(id=post_id, status="removed", path=file.relative_to(root).as_posix())

    def rescan(self) -> IngestReport:
        """Bring the store in line with the folders (e.g. after a git pull); broken posts are listed."""
        with _WRITE_LOCK:
            return run_ingest(self.roots, self.store)

    def locate(self, post_id: str) -> tuple[Path, Path]:
        """(root, file) for an id: where the store found it, else an existing file, else new `.md`."""
        check_post_id(post_id)
        known = self.store.post_hashes().get(post_id)
        candidates: list[tuple[Path, Path]] = []
        if known is not None and any(_inside(Path(known[0]), r) for r in self.roots):
            candidates.append((Path(known[0]), Path(known[0]) / known[1]))
        for root in self.roots:
            candidates += [(root, root / f"{post_id}{suffix}") for suffix in POST_SUFFIXES]
        found = next(((r, f) for r, f in candidates if os.path.lexists(f)), None)
        root, file = found or (self.roots[0], self.roots[0] / f"{post_id}.md")
        _check_no_escape(root, file)
        return root, file

    def _current_extractor(self) -> Extractor:
        """One extractor per service, rebuilt when a curation file (kb.yaml) changes."""
        key = tuple((str(p), p.stat().st_mtime_ns) for r in self.roots if (p := r / CURATION_FILE).exists())
        if self._extractor is None or self._extractor[0] != key:
            self._extractor = (key, make_extractor(load_curation(None, self.roots)))
        return self._extractor[1]

    def _unchanged(self, extractor: Extractor, post_id: str, root: Path, rel: str, raw: RawPost) -> bool:
        """The store already holds these very bytes, read by this extractor, from this file."""
        known = self.store.post_hashes().get(post_id)
        stamp = parse_stamp(known[2]) if known is not None and known[:2] == (str(root), rel) else None
        return stamp is not None and stamp.sha256 == raw.content_hash and stamp.extractor == extractor.digest[:16]


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def _check_no_escape(root: Path, file: Path) -> None:
    """`UnsafePath` for a file that is a symlink, or whose folder leads outside the root through one."""
    if file.is_symlink():
        raise UnsafePath("refusing to write through a symbolic link")
    folder = file.parent
    while not folder.exists() and folder != root:
        folder = folder.parent
    if not _inside(folder.resolve(), root.resolve()):
        raise UnsafePath("the post id leads outside the posts folder")


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
