"""What only the Neo4j store has: its schema objects, closed label set, write fence and errors.

Needs a server (scripts/neo4j.sh start; eval "$(scripts/neo4j.sh env)"); skipped without one.
The behaviour shared with SQLite is checked by tests/store_contract.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from kb.errors import StoreError
from kb.stores import open_store
from kb.stores.neo4j import Neo4jStore
from kb.stores.neo4j.schema import FULLTEXT_INDEX, LABELS, RELATIONSHIP_TYPES
from kb.stores.neo4j.search import lucene_query
from tests.factories import ent, ev, graph

pytestmark = pytest.mark.neo4j

EMPTY = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}


@pytest.fixture
def neo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Neo4jStore]:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        pytest.skip("needs KB_TEST_NEO4J_URI: scripts/neo4j.sh start && eval \"$(scripts/neo4j.sh env)\"")
    monkeypatch.setenv("NEO4J_USER", os.environ.get("KB_TEST_NEO4J_USER", "neo4j"))
    monkeypatch.setenv("NEO4J_PASSWORD", os.environ.get("KB_TEST_NEO4J_PASSWORD", ""))
    store = open_store(uri)
    assert isinstance(store, Neo4jStore)
    store.import_(EMPTY)
    yield store
    store.close()


def cypher(store: Neo4jStore, statement: str, **params: object) -> list[dict]:
    records, _, _ = store._get_driver().execute_query(statement, params, database_=store.settings.database)
    return [r.data() for r in records]


def sample() -> list:
    return [graph("p1", ev("event:a", "분산실험 환경", "2021", entities=["skill:ray", "person:kim"]),
                  entities=[ent("skill:ray", "Ray", aliases=["레이"])]),
            graph("p2", ev("event:b", "Secret", "2022", entities=["skill:rust"]), private=True)]


def test_named_constraints_and_the_cjk_full_text_index(neo: Neo4jStore) -> None:
    constraints = {r["name"]: r for r in cypher(neo, "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")}
    assert {"kb_post_id", "kb_meta_key", "kb_entity_key", "kb_event_key"} <= set(constraints)
    assert constraints["kb_entity_key"]["type"] == "UNIQUENESS"
    assert constraints["kb_entity_key"]["properties"] == ["scope", "id"]
    (fulltext,) = cypher(neo, "SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties, options "
                              "WHERE name = $name", name=FULLTEXT_INDEX)
    assert fulltext["state"] == "ONLINE"
    assert sorted(fulltext["labelsOrTypes"]) == ["Entity", "Event", "Post"]
    assert fulltext["properties"] == ["title", "body"]
    assert fulltext["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"


def test_ensure_schema_twice_changes_nothing(neo: Neo4jStore) -> None:
    def schema() -> tuple:
        names = sorted(r["name"] for r in cypher(neo, "SHOW INDEXES YIELD name"))
        return names, cypher(neo, "MATCH (m:Meta) RETURN m.instance AS instance, m.schema_version AS v")

    before = schema()
    neo.ensure_schema()
    neo.ensure_schema()
    assert schema() == before and len(before[1]) == 1


def test_only_the_closed_set_of_labels_and_types_is_written(neo: Neo4jStore) -> None:
    # p3's event names an entity no post defines: its link waits as a DanglingLink.
    neo.replace_posts(sample() + [graph("p3", ev("event:c", "C", "2023", entities=["skill:go"]), define=False)])
    labels = {r["label"] for r in cypher(neo, "MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label")}
    types = {r["type"] for r in cypher(neo, "MATCH ()-[r]->() RETURN DISTINCT type(r) AS type")}
    assert labels == set(LABELS) and types == set(RELATIONSHIP_TYPES)


def test_scopes_are_separate_subgraphs(neo: Neo4jStore) -> None:
    neo.replace_posts(sample())
    rows = cypher(neo, "MATCH (v:Event)-[:INVOLVES]->(e:Entity) RETURN DISTINCT v.scope = e.scope AS same, "
                       "v.scope AS scope, v.id AS id ORDER BY scope, id")
    assert all(r["same"] for r in rows)
    assert [(r["scope"], r["id"]) for r in rows] == [(0, "event:a"), (1, "event:a"), (1, "event:b")]


def test_a_link_waits_for_its_entity_and_comes_back_with_it(neo: Neo4jStore) -> None:
    definer = graph("p1", ev("event:a", "A", "2021", entities=["skill:ray"]))
    neo.replace_posts([graph("p2", ev("event:b", "B", "2022", entities=["skill:ray"]), define=False)])
    assert neo.event("event:b").entities == ()  # type: ignore[union-attr]
    neo.replace_posts([definer])
    assert neo.event("event:b").entities == ("skill:ray",)  # type: ignore[union-attr]
    neo.replace_posts([], remove=["p1"])
    assert neo.event("event:b").entities == ()  # type: ignore[union-attr]
    neo.replace_posts([definer])
    assert neo.event("event:b").entities == ("skill:ray",)  # type: ignore[union-attr]
    assert neo.entity("skill:ray").summary.event_count == 2  # type: ignore[union-attr]
    neo.replace_posts([], remove=["p2"])
    assert cypher(neo, "MATCH (d:DanglingLink) RETURN count(d) AS n") == [{"n": 0}]


def test_a_batch_of_posts_is_one_transaction_and_a_repeat_is_none(neo: Neo4jStore) -> None:
    before = int(neo.version().split("-")[0])
    neo.replace_posts(sample() + [graph("p3", ev("event:c", "C", "2023"))])
    after = int(neo.version().split("-")[0])
    assert after == before + 1  # the generation moves once per write transaction
    neo.replace_posts(sample())
    assert int(neo.version().split("-")[0]) == after


def test_the_version_survives_reopening(neo: Neo4jStore) -> None:
    neo.replace_posts(sample())
    again = open_store(os.environ["KB_TEST_NEO4J_URI"])
    try:
        assert again.version() == neo.version()
    finally:
        again.close()


def test_a_korean_bigram_finds_the_longer_word(neo: Neo4jStore) -> None:
    neo.replace_posts(sample())
    assert [h.id for h in neo.search("분산")] == ["event:a"]
    assert [h.id for h in neo.search("레이")] == ["skill:ray"]
    assert neo.search("Secret") == [] and [h.id for h in neo.search("Secret", include_private=True)] == ["event:b"]


def test_user_text_becomes_quoted_words_only() -> None:
    assert lucene_query('분산실험 "x") OR title:*') == (
        '+(title:"분산실험"^4 body:"분산실험") +(title:"x"^4 body:"x") +(title:"or"^4 body:"or") '
        '+(title:"title"^4 body:"title")')
    assert lucene_query("*?~ (( ))") is None


def _open_fence(neo: Neo4jStore, age_ms: int) -> None:
    """What a writer between its first and last fence transaction leaves on the Meta node."""
    cypher(neo, "MATCH (m:Meta {key: 'kb'}) SET m.open_writes = ['test@' + toString(timestamp() - $age)]",
           age=age_ms)


def _close_fence(neo: Neo4jStore) -> None:
    cypher(neo, "MATCH (m:Meta {key: 'kb'}) SET m.open_writes = [w IN m.open_writes WHERE NOT w STARTS WITH 'test@']")


def test_a_read_waits_while_a_write_is_in_progress(neo: Neo4jStore) -> None:
    neo.replace_posts(sample())
    _open_fence(neo, 0)
    closer = threading.Timer(0.4, _close_fence, args=(neo,))
    started = time.monotonic()
    closer.start()
    try:
        assert neo.stats().events == 1
    finally:
        closer.join()
    assert time.monotonic() - started >= 0.4


def test_a_fence_left_open_by_a_dead_writer_is_ignored_when_stale(neo: Neo4jStore) -> None:
    neo.replace_posts(sample())
    _open_fence(neo, 10 * 60 * 1000)
    try:
        started = time.monotonic()
        assert neo.stats().events == 1
        assert time.monotonic() - started < 1.0
        neo.replace_posts([graph("p9", ev("event:z", "Z", "2020"))])  # writes go on, and drop the token
        started = time.monotonic()
        assert neo.event("event:z") is not None
        assert time.monotonic() - started < 1.0
        assert cypher(neo, "MATCH (m:Meta) RETURN m.open_writes AS w") == [{"w": []}]
    finally:
        _close_fence(neo)


def test_wrong_credentials_are_a_store_error_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    uri = os.environ.get("KB_TEST_NEO4J_URI")
    if not uri:
        pytest.skip("needs KB_TEST_NEO4J_URI")
    monkeypatch.setenv("NEO4J_USER", "nobody")
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-Pa55word")
    store = Neo4jStore.from_url(uri)
    try:
        with pytest.raises(StoreError) as caught:
            store.stats()
        assert "wrong-Pa55word" not in str(caught.value) and "nobody" in str(caught.value)
        assert store.ping() is False
    finally:
        store.close()
