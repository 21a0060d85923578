"""Stage 2: a raw post becomes a ParsedPost: metadata, body, heading tree, language."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from ingest.language.dates import latest_date
from ingest.posts.frontmatter import Meta, read_meta, split_frontmatter
from ingest.posts.markdown import Section, first_heading, guess_language, parse_body
from ingest.posts.read import RawPost


@dataclass(frozen=True)
class ParsedPost:
    root: str
    path: str
    post_id: str
    meta: Meta
    body: str
    body_line: int  # 0-based file line where the body starts: file line = body_line + block.line
    sections: tuple[Section, ...]
    language: str | None
    content_hash: str
    # what later stages derive from the post and several of them ask for (see `derived`)
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


T = TypeVar("T")


def derived(post: ParsedPost, name: str, compute: Callable[[ParsedPost], T]) -> T:
    """`compute(post)`, worked out once per post: stages that each need it share the answer."""
    if name not in post.memo:
        post.memo[name] = compute(post)
    return post.memo[name]  # type: ignore[no-any-return]


def post_id_for(path: str) -> str:
    """The relative path without its extension, posix separators."""
    for suffix in (".markdown", ".md", ".MD", ".Markdown"):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path


def parse_post(raw: RawPost) -> ParsedPost:
    split = split_frontmatter(raw.text, raw.path)
    sections = parse_body(split.body)
    meta = read_meta(split.metadata, raw.path, first_heading(sections))
    if meta.date is None:  # no date in frontmatter or path: the latest one the text states, if any
        meta = replace(meta, date=latest_date([b.masked for s in sections for b in s.blocks]))
    return ParsedPost(root=raw.root, path=raw.path, post_id=post_id_for(raw.path), meta=meta,
                      body=split.body, body_line=split.body_line, sections=tuple(sections),
                      language=guess_language(sections), content_hash=raw.content_hash)
