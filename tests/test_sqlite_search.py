"""SQLite search for a word in more documents than bm25 is asked to rank: title matches come
first, then the newest, and private posts stay out of public results as everywhere else."""
from __future__ import annotations

from pathlib import Path

from kb.stores import open_store
from kb.stores.sqlite.queries import SEARCH_CANDIDATES
from tests.factories import ev, graph


def test_a_very_common_word_lists_title_matches_then_the_newest(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/kb.db")
    events = [ev(f"event:e{i}", f"note {i}", quotes=[f"분산실험 log {i}"]) for i in range(SEARCH_CANDIDATES + 50)]
    store.replace_posts([graph("old", *events, title="plain")])
    store.replace_posts([graph("titled", ev("event:t", "분산실험 도입"), title="분산실험 회고"),
                         graph("secret", ev("event:s", "분산실험 비밀"), title="분산실험 비밀 글", private=True)])
    public = store.search("분산실험", limit=5)
    assert {h.id for h in public[:2]} == {"event:t", "titled"}  # the title matches, before 2050 body matches
    assert len(public) == 5 and all(h.id not in ("event:s", "secret") for h in public)
    assert all("분산실험" in (h.title + h.snippet) for h in public)
    owner = store.search("분산실험", limit=5, include_private=True)
    assert {"event:s", "secret"} <= {h.id for h in owner[:4]}
    store.close()
