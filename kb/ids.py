"""Deterministic ids: the same input always gives the same id, so re-ingest is idempotent."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\s\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """NFKC, case-folded, spaces and punctuation removed: the key two spellings share."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def slug(text: str) -> str:
    """A readable id part: lower-case words joined by '-', Hangul kept."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[+]", "plus", text) if re.fullmatch(r"[\w\s]*\+\+?[\w\s]*", text) else text
    text = re.sub(r"#", "sharp", text) if re.fullmatch(r"\w+#", text) else text
    out = _NON_WORD.sub("-", text).strip("-")
    return out or short_hash(text)


def short_hash(*parts: str, size: int = 12) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


def entity_id(entity_type: str, name: str) -> str:
    return f"{entity_type}:{slug(name)}"


def event_id(post_id: str, *key: str) -> str:
    return f"event:{short_hash(post_id, *key)}"


# A post id the write API accepts: a relative path without its extension. Each segment starts
# with a letter, digit or underscore (so never `.`, `..` or a hidden name) and holds only word
# characters, `-`, `.` and inner spaces, so no such id can name a file outside the posts folder.
MAX_POST_ID_LENGTH = 200
MAX_POST_ID_DEPTH = 8
_SEGMENT = r"\w(?:[\w.\- ]*[\w.\-])?"
POST_ID_PATTERN = rf"{_SEGMENT}(?:/{_SEGMENT})*"
_POST_ID = re.compile(POST_ID_PATTERN)


def is_writable_post_id(post_id: str) -> bool:
    """True for the plain relative paths a client may create, replace or delete."""
    return (len(post_id) <= MAX_POST_ID_LENGTH and _POST_ID.fullmatch(post_id) is not None
            and post_id.count("/") < MAX_POST_ID_DEPTH)
