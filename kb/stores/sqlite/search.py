"""Full-text search over posts, events and entities, ranked by FTS5's bm25 (titles weigh more);
a query matching more than queries.SEARCH_CANDIDATES documents lists title matches, then the newest."""
from __future__ import annotations

import sqlite3

from kb.models import SearchHit
from kb.stores.common import text as fts
from kb.stores.sqlite import queries as q
from kb.stores.sqlite.reads import mask_of

MAX_LIMIT = 500


def search(conn: sqlite3.Connection, scope: int, text: str, limit: int) -> list[SearchHit]:
    match = fts.prepare_query(text)
    if match is None or limit < 1:
        return []
    words = fts.query_words(text)
    limit = min(limit, MAX_LIMIT)
    if conn.execute(q.SEARCH_IS_COMMON, (match,)).fetchone()[0]:
        rows = conn.execute(q.SEARCH_COMMON, (f"title : ({match})", match, mask_of(scope), limit))
    else:
        rows = conn.execute(q.SEARCH, (match, mask_of(scope), limit))
    hits: list[SearchHit] = []
    for row in rows:
        context = row["body"] or row["title"]
        hits.append(SearchHit(kind=row["kind"], id=row["ref"], title=row["title"],
                              snippet=fts.snippet(context, words)))
    return hits
