"""Shared helpers of the robustness tests: per-post facts ."""
from __future__ import annotations

from typing import Any


def post_facts(document: dict[str, Any], post_id: str) -> tuple | None:
    """Everything one post contributes, read from an export document; None when it is absent.

    Events are per post (their ids hash the post id), and entities count through the mentions
    and event links this post makes, so two states of a post compare exactly.
    """
    posts = [p for p in document["posts"] if p["id"] == post_id]
    if not posts:
        return None
    post = posts[0]
    events = sorted(
        (e["id"], e["title"], e["kind"], e["start"], e["end"], tuple(e["entities"]),
         tuple(sorted((s["section"], s["quote"], s["start"] or -1) for s in e["sources"] if s["post_id"] == post_id)))
        for e in document["events"] if any(s["post_id"] == post_id for s in e["sources"]))
    mentions = sorted(
        (e["id"], s["section"], s["quote"], s["start"] or -1)
        for e in document["entities"] for s in e["sources"] if s["post_id"] == post_id)
    # Not the content hash: it also covers the file's mtime, which a rewrite of the same text changes.
    return (post["title"], post["date"], post["body"], tuple(post["tags"]), tuple(events), tuple(mentions))


def all_post_facts(document: dict[str, Any]) -> dict[str, tuple]:
    return {p["id"]: post_facts(document, p["id"]) for p in document["posts"]}  # type: ignore[misc]
