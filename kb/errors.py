"""One small exception tree for the whole project.

    KbError                 anything kb raises on purpose
    ├── ConfigError         a setting or URL that cannot be used
    ├── NotFound            an id that names nothing
    ├── InvalidQuery        a query the store refuses (bad cursor, depth out of range...)
    ├── StoreError          the backend failed (connection, integrity, schema version)
    ├── PostError           one post could not be read or parsed; carries file and line
    └── UnsafePath          a post id that would lead outside the posts folder (a symbolic link)
"""
from __future__ import annotations


class KbError(Exception):
    """Base of every error kb raises on purpose."""


class ConfigError(KbError):
    pass


class NotFound(KbError):
    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident


class InvalidQuery(KbError):
    pass


class StoreError(KbError):
    pass


class PostError(KbError):
    """A post that could not be ingested: names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


class UnsafePath(KbError):
    """A write refused: its file is a symbolic link, or its folder leads out of the posts folder."""
