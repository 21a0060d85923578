"""Where every page of the site lives, and relative links between them, so the site works from
any folder of any host (`https://user.github.io/blog/`) and from `kb serve` alike."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from kb.exports.common import section_anchor
from kb.ids import short_hash, slug

INDEX = "index.html"
DATA = "data.json"
RESUME = "resume.json"
FAVICON = "favicon.svg"
CSS = "assets/site.css"
JS = "assets/site.js"  # the home page's search box and timeline filter
SEARCH = "search.json"  # what that search box looks through
FOLDERS = {"skill": "skill", "project": "project", "organization": "org"}
_SAFE_SEGMENT = re.compile(r"^[\w][\w .\-]*$")


def entity_path(entity_id: str) -> str | None:
    """skill:ray -> skill/ray.html; None for a type without pages (people)."""
    kind, _, rest = entity_id.partition(":")
    folder = FOLDERS.get(kind)
    if folder is None:
        return None
    name = slug(rest) if rest else ""
    return f"{folder}/{name or short_hash(entity_id)}.html"


def post_path(post_id: str) -> str:
    """p/{post id}.html, the post id's folders kept; an id a file system or a URL could misread
    (`..`, a leading dot, odd characters) gets a hashed name instead."""
    segments = post_id.split("/")
    if all(_SAFE_SEGMENT.match(s) for s in segments):
        return f"p/{post_id}.html"
    return f"p/{short_hash(post_id)}.html"


def href(page: str, target: str, anchor: str = "") -> str:
    """A link from the page at `page` to the file `target` (both site paths), URL-quoted."""
    here = posixpath.dirname(page) or "."
    relative = posixpath.relpath(target, here)
    link = quote(relative, safe="/.-_~")
    return f"{link}#{quote(anchor, safe='')}" if anchor else link


def source_href(page: str, source: dict | None) -> str | None:
    """The link from a page to a source's post section."""
    if not source:
        return None
    return href(page, post_path(source["post_id"]), section_anchor(source.get("section", "")))
