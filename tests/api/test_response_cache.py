"""The response cache as a data structure: bounded in bytes, least recently used out first, and
emptied the moment the graph version moves."""
from __future__ import annotations

from api.response_cache import LARGEST_SHARE, Kept, ResponseCache


def kept(size: int) -> Kept:
    return Kept(((b"content-type", b"application/json"),), b"x" * size)


def test_an_answer_is_found_under_its_version_tag_and_encoding() -> None:
    cache = ResponseCache(10_000)
    cache.put("v1", "tag", True, kept(10))
    assert cache.get("v1", "tag", True) == kept(10)
    assert cache.get("v1", "tag", False) is None  # the identity answer is another entry
    assert cache.get("v1", "other", True) is None


def test_a_new_graph_version_drops_every_entry() -> None:
    cache = ResponseCache(10_000)
    cache.put("v1", "a", True, kept(10))
    cache.put("v1", "b", True, kept(10))
    assert cache.get("v2", "a", True) is None
    assert len(cache) == 0
    assert cache.get("v1", "b", True) is None  # and an old version never comes back


def test_the_least_recently_used_answers_go_first_when_the_budget_is_full() -> None:
    cache = ResponseCache(10_000)
    names = [f"e{i}" for i in range(9)]
    for name in names:  # 9 answers of ~1 kB fill 10 kB but for one
        cache.put("v", name, True, kept(1000))
    assert len(cache) == 9 and cache.get("v", "e0", True) is not None  # e0 is now the most recent
    cache.put("v", "new1", True, kept(1000))
    cache.put("v", "new2", True, kept(1000))
    assert cache.get("v", "e1", True) is None and cache.get("v", "e2", True) is None
    assert all(cache.get("v", name, True) is not None for name in ("e0", "e3", "new1", "new2"))


def test_an_answer_larger_than_its_share_of_the_budget_is_not_kept() -> None:
    cache = ResponseCache(LARGEST_SHARE * 1000)
    cache.put("v", "big", True, kept(1000))
    assert cache.get("v", "big", True) is None


def test_a_zero_budget_keeps_nothing() -> None:
    cache = ResponseCache(0)
    assert not cache.enabled
    cache.put("v", "a", True, kept(1))
    assert cache.get("v", "a", True) is None
