"""Full-text search over posts, events and entities, Korean included, hostile input harmless."""
from __future__ import annotations

import pytest

from kb.store import Store
from tests.factories import ent, ev, graph


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_posts([
        graph("p-ko", ev("event:ko", "분산실험 환경 구축", "2021-03", entities=["skill:ray"],
                         quotes=["Ray로 분산실험 환경을 만들었다"]),
              title="2021년 회고", body="올해는 분산실험을 많이 했다. 실험 결과는 좋았다.", date="2021-12-31",
              entities=[ent("skill:ray", "Ray", aliases=["레이"])]),
        graph("p-en", ev("event:en", "Joined Acme as an engineer", "2023-06", entities=["organization:acme"]),
              title="Joined a new team", body="I started working on Kubernetes clusters at Acme.",
              date="2023-06-30"),
    ])
    return store


def hits(store: Store, text: str, **kw: object) -> set[tuple[str, str]]:
    return {(h.kind, h.id) for h in store.search(text, **kw)}  # type: ignore[arg-type]


def test_a_two_syllable_korean_word_matches_inside_longer_words(filled: Store) -> None:
    assert {("post", "p-ko"), ("event", "event:ko")} <= hits(filled, "분산")
    assert ("post", "p-ko") in hits(filled, "실험")
    assert ("event", "event:ko") in hits(filled, "분산실험")
    assert hits(filled, "분산실험 환경") == {("event", "event:ko")}  # every word must match
    assert ("entity", "skill:ray") in hits(filled, "레이")
    assert hits(filled, "검색엔진") == set()


def test_latin_words_match_case_insensitively_across_kinds(filled: Store) -> None:
    assert hits(filled, "kubernetes") == {("post", "p-en")}
    assert {("post", "p-en"), ("event", "event:en"), ("entity", "organization:acme")} <= hits(filled, "ACME")
    assert ("entity", "skill:ray") in hits(filled, "ray")


def test_hits_carry_a_title_and_a_snippet_with_the_word(filled: Store) -> None:
    by_id = {h.id: h for h in filled.search("분산")}
    assert by_id["p-ko"].title == "2021년 회고" and "분산" in by_id["p-ko"].snippet
    assert len(by_id["p-ko"].snippet) <= 200
    assert by_id["event:ko"].title == "분산실험 환경 구축"


def test_long_bodies_give_short_snippets_around_the_match(store: Store) -> None:
    store.replace_posts([graph("long", title="Long", body="filler words here. " * 200 + "needle found. " + "tail " * 200)])
    (hit,) = store.search("needle")
    assert "needle" in hit.snippet and len(hit.snippet) <= 200


def test_titles_rank_above_bodies(store: Store) -> None:
    store.replace_posts([graph("a-body", title="Notes", body="tensorflow " + "other words " * 30),
                         graph("b-title", title="Tensorflow", body="nothing else " * 30)])
    assert [h.id for h in store.search("tensorflow")][0] == "b-title"


@pytest.mark.parametrize("text", [
    '"a" NEAR(', "*", "') OR 1=1 --", 'title:"x', "NOT", "AND OR", "(((", "^", "-", "\"\"\"", "a*b:c",
    "%", "_", "\x00", "😀", "  ", "x" * 5000, "분산 " * 200, "NEAR(a b, 3)", "col:*",
])
def test_hostile_or_odd_queries_never_raise(filled: Store, text: str) -> None:
    assert isinstance(filled.search(text), list)
    assert isinstance(filled.search(text, include_private=True), list)


def test_limit_is_respected(filled: Store) -> None:
    assert len(filled.search("분산", limit=1)) == 1
