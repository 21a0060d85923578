"""Full-text search over posts, events and entities with the `kb_search` index (Lucene, `cjk`).

The user's text never reaches Lucene's query parser as typed: it is cut into the same words the
SQLite store searches for (Latin words, CJK runs), and each becomes a quoted phrase required in
the title or the body, `+(title:"분산실험"^4 body:"분산실험")`. The words contain only letters and
digits, so no Lucene syntax can be injected; the `cjk` analyzer turns a Korean phrase into
overlapping bigrams, which is why `분산` finds "분산실험". Titles weigh four times the body, as
in the SQLite store's bm25 weights.
"""
from __future__ import annotations

from neo4j import ManagedTransaction

from kb.models import SearchHit
from kb.stores.common import text as fts
from kb.stores.neo4j import queries as q

MAX_LIMIT = 500
TITLE_BOOST = 4


def lucene_query(text: str) -> str | None:
    """A Lucene query requiring every word of `text`, or None when nothing is searchable."""
    words = list(dict.fromkeys(fts.query_words(text)))
    clauses = [f'+(title:"{w}"^{TITLE_BOOST} body:"{w}")' for w in words if w.isalnum()]
    return " ".join(clauses) or None


def search(tx: ManagedTransaction, scope: int, text: str, limit: int) -> list[SearchHit]:
    lucene = lucene_query(text)
    if lucene is None or limit < 1:
        return []
    words = fts.query_words(text)
    return [SearchHit(kind=r["kind"], id=r["id"], title=r["title"], snippet=fts.snippet(r["body"] or r["title"], words))
            for r in tx.run(q.SEARCH, lucene=lucene, scope=scope, limit=min(limit, MAX_LIMIT))]
