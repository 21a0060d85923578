"""Stage 1, the only file I/O of ingest: find post files under roots and read them.

Everything after this stage works on strings, so it can be tested without a disk.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from kb.errors import PostError

POST_SUFFIXES: tuple[str, ...] = (".md", ".markdown")
MAX_POST_BYTES = 5_000_000  # the largest real post is ~50 kB; parsing is ~2 MB/s


@dataclass(frozen=True)
class FileStat:
    """A post file found under a root; cheap to get (no read), enough to spot unchanged files."""

    root: str  # absolute root, as given (resolved)
    path: str  # relative to root, posix separators
    size: int
    mtime_ns: int

    @property
    def absolute(self) -> Path:
        return Path(self.root) / self.path


@dataclass(frozen=True)
class RawPost:
    """A post's decoded text and the hash of its bytes."""

    root: str
    path: str
    text: str
    content_hash: str  # sha256 of the raw bytes


def discover(roots: list[str] | tuple[str, ...]) -> list[FileStat]:
    """Every .md/.markdown file under each root, sorted; hidden dirs skipped, symlink loops cut."""
    found: list[FileStat] = []
    for given in roots:
        root = Path(given).resolve()
        if root.is_file():
            if root.suffix.lower() in POST_SUFFIXES:
                found.append(_stat(root.parent, root))
            continue
        if not root.is_dir():
            raise PostError(str(given), "no such directory")
        found.extend(_scan(root))
    return sorted(found, key=lambda s: (s.root, s.path))


def _scan(root: Path) -> list[FileStat]:
    """The post files under one directory. A 10k-post scan is on the path of every one-post
    re-ingest, so it works on DirEntry names and strings (no Path per file, one stat per post)."""
    found: list[FileStat] = []
    seen: set[str] = set()
    pending = [(str(root), "")]  # a stack, not recursion: a hostile tree may be thousands deep
    while pending:
        directory, prefix = pending.pop()
        real = os.path.realpath(directory)
        if real in seen:  # a symlink loop, or a second way into the same dir
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # through a symlink too, as before
            except OSError:
                is_dir = False
            if is_dir:
                pending.append((entry.path, f"{prefix}{name}/"))
                continue
            if not name.lower().endswith(POST_SUFFIXES):
                continue
            try:
                st = entry.stat()
            except OSError:  # deleted or renamed while we looked (editors save that way), or a broken link
                st = None
            if st is not None and S_ISREG(st.st_mode):
                found.append(FileStat(root=str(root), path=prefix + name, size=st.st_size, mtime_ns=st.st_mtime_ns))
                continue
            try:
                # A FIFO, socket or broken link is listed too, so that reading it reports why.
                found.append(_odd(root, Path(entry.path)))
            except OSError:
                continue
    return found


def _stat(root: Path, full: Path) -> FileStat:
    st = full.stat()
    return FileStat(root=str(root), path=full.relative_to(root).as_posix(), size=st.st_size,
                    mtime_ns=st.st_mtime_ns)


def _odd(root: Path, full: Path) -> FileStat:
    """A post-named entry that is no regular file: the entry itself, never what it points at."""
    st = full.lstat()
    return FileStat(root=str(root), path=full.relative_to(root).as_posix(), size=st.st_size,
                    mtime_ns=st.st_mtime_ns)


def read_post(stat: FileStat) -> RawPost:
    """Read and decode one post; undecodable bytes raise PostError naming file and line.

    Opened without blocking and checked to be a regular file (a FIFO swapped in after
    `discover` must not hang the run), and never read past MAX_POST_BYTES.
    """
    try:
        fd = os.open(stat.absolute, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as file:
            if not S_ISREG(os.fstat(file.fileno()).st_mode):
                raise PostError(stat.path, "not a regular file")
            data = file.read(MAX_POST_BYTES + 1)
    except OSError as exc:
        raise PostError(stat.path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_POST_BYTES:
        raise PostError(stat.path, f"larger than {MAX_POST_BYTES // 1_000_000} MB; "
                                   "split the post (the limit keeps ingest time and memory bounded)")
    return RawPost(root=stat.root, path=stat.path, text=decode(data, stat.path),
                   content_hash=hashlib.sha256(data).hexdigest())


def decode(data: bytes, path: str = "<post>") -> str:
    """UTF-8 (BOM or not), or UTF-16 with a BOM; anything else is an error with its line.

    Line endings become '\n' (CRLF and old Mac CR alike), so offsets and quotes are clean.
    """
    return _newlines(_decode(data, path))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _decode(data: bytes, path: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PostError(path, f"invalid UTF-16: {exc.reason}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PostError(path, f"invalid UTF-8 at byte {exc.start}: {exc.reason}", line=line) from exc
