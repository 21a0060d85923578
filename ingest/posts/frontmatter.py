"""Stage 2a: split a post into frontmatter metadata and body (YAML ---, TOML +++, JSON {).

Uses python-frontmatter's handlers (plus a tomllib one, since its TOML handler needs an extra
package); every failure becomes a PostError with the file and the line.
"""
from __future__ import annotations

import json
import datetime as dt
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

from ingest.language.dates import date_from_path, parse_date
from kb.errors import PostError


class TomlHandler(BaseHandler):
    """Hugo's `+++` frontmatter, read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        raise NotImplementedError("kb never writes posts")


@dataclass(frozen=True)
class Meta:
    title: str
    date: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    private: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_log = logging.getLogger("kb.ingest")


class _TextTimestamps(yaml.SafeLoader):
    """YAML without implicit timestamps: '2021-03-04 25:61:00' stays a string for parse_date."""


_TextTimestamps.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _with_time_dropped(fm: str) -> dict[str, Any] | None:
    """The frontmatter with timestamps as text, when every one of them has a real date part
    ('2021-03-04 25:61:00' keeps 2021-03-04); None when a date itself is impossible."""
    data = yaml.load(fm, Loader=_TextTimestamps)  # noqa: S506 - a SafeLoader
    if not isinstance(data, dict):
        return None
    for value in data.values():
        if isinstance(value, str) and (m := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]|$)", value)):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError:
                return None
    return data


@dataclass(frozen=True)
class Split:
    metadata: dict[str, Any]
    body: str
    body_line: int  # 0-based line of the file where the body starts


def split_frontmatter(text: str, path: str) -> Split:
    """Metadata and body; the body is kept byte-for-byte so offsets into it stay true."""
    lead = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    rest = text[lead:]
    handler: BaseHandler | None = None
    if rest.startswith("---"):
        handler = YAMLHandler()
    elif rest.startswith("+++"):
        handler = TomlHandler()
    elif rest.startswith("{") and re.match(r"\{\s*\n", rest):
        handler = JSONHandler()
    if handler is None:
        return Split({}, text, 0)
    base = text[:lead].count("\n")  # lines before the opening delimiter; its text starts on that line
    try:
        fm, content = handler.split(rest)
    except ValueError:
        raise PostError(path, "frontmatter is not closed", line=base + 1) from None
    try:
        data = handler.load(fm)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = base + mark.line + 1 if mark is not None else base + 1
        raise PostError(path, f"invalid YAML frontmatter: {getattr(exc, 'problem', exc)}", line=line) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = base + int(m.group(1)) if m else base + 1
        raise PostError(path, f"invalid TOML frontmatter: {exc}", line=line) from None
    except json.JSONDecodeError as exc:
        raise PostError(path, f"invalid JSON frontmatter: {exc.msg}", line=base + exc.lineno) from None
    except (ValueError, OverflowError) as exc:  # YAML dates like 2020-13-45, 0000-01-01, "2021-03-04 25:61"
        key = re.search(r"^[ \t]*\"?date\"?[ \t]*[:=]", fm, re.MULTILINE | re.IGNORECASE)
        line = base + 1 + fm.count("\n", 0, key.start()) if key else base + 1
        data = _with_time_dropped(fm) if isinstance(handler, YAMLHandler) else None
        if data is None:
            raise PostError(path, f"invalid frontmatter value: {exc}", line=line) from None
        _log.warning("%s:%d: frontmatter date has an impossible time (%s); its date part is kept", path, line, exc)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PostError(path, "frontmatter is not a mapping", line=base + 1)
    body_start = len(text) - len(content)
    return Split({str(k): v for k, v in data.items()}, content, text[:body_start].count("\n"))


def _words(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split()
    elif isinstance(value, (list, tuple)):
        # scalars only: a YAML alias bomb nests lists whose str() would never end
        parts = [str(v) for v in value[:200] if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        parts = [str(value)]
    else:
        parts = []
    out: list[str] = []
    for part in parts:
        part = part.strip().strip("'\"")
        if part and part not in out:
            out.append(part)
    return tuple(out)


def _close(key: str, word: str) -> bool:
    """Typo tolerance: one or two edits away (catetories, categries)."""
    if abs(len(key) - len(word)) > 2:
        return False
    prev = list(range(len(word) + 1))
    for i, a in enumerate(key, 1):
        cur = [i]
        for j, b in enumerate(word, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] <= 2


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in {"true", "yes", "1"})


def _falsy(value: object) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() in {"false", "no", "0"})


def read_meta(metadata: dict[str, Any], path: str, first_heading: str | None) -> Meta:
    """Title, date (frontmatter, else file-name prefix, never mtime), tags, categories, privacy."""
    lower = {k.lower(): v for k, v in metadata.items()}
    title = lower.get("title")
    stem = PurePosixPath(path).stem
    if not (isinstance(title, str) and title.strip()):
        title = first_heading or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem).replace("-", " ").replace("_", " ").strip()
    date = None
    for key in ("date", "pubdate", "published_at", "publishdate", "published", "date_published", "created",
                "createddate", "created_at"):
        if key in lower and (date := parse_date(lower[key])):
            break
    date = date or date_from_path(PurePosixPath(path).as_posix())
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    for key, value in lower.items():
        if key in ("tags", "tag", "keywords") or (key.endswith("tags") and len(key) > 4):
            tags += _words(value)
        elif key in ("category", "categories") or key.endswith("categories") or _close(key, "categories"):
            categories += _words(value)
    private = _truthy(lower.get("draft")) or _falsy(lower.get("published")) or _truthy(lower.get("private"))
    return Meta(title=str(title).strip(), date=date, tags=tuple(dict.fromkeys(tags)),
                categories=tuple(dict.fromkeys(categories)), private=private, extra=metadata)
