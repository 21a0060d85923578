"""version() changes exactly on writes; export/import round trips give identical documents."""
from __future__ import annotations

import json

import pytest

from kb.models import EntityQuery, PostQuery, TimelineQuery
from kb.store import Store
from tests.factories import ent, ev, graph

EMPTY = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}


def sample() -> list:
    return [
        graph("p1", ev("event:a", "분산실험", "2021-03", end="2021-05", entities=["skill:ray", "person:kim"],
                       kind="study", confidence=0.7),
              ev("event:shared", "Shared", "2020", entities=["skill:python"]),
              date="2021-06-01", body="본문 body", title="첫 글",
              entities=[ent("skill:ray", "Ray", aliases=["레이"], category="ml")]),
        graph("p2", ev("event:shared", "Shared later", "2020-02", entities=["skill:python", "skill:docker"]),
              date="2022-01-01", private=True),
        graph("p3", ev("event:undated", "Undated", entities=["organization:acme"])),
    ]


def test_version_changes_on_writes_only(store: Store) -> None:
    v0 = store.version()
    assert v0 and v0 == store.version()
    store.replace_posts(sample())
    v1 = store.version()
    assert v1 != v0
    store.timeline(TimelineQuery())
    store.entities(EntityQuery())
    store.search("Ray")
    store.export()
    assert store.version() == v1  # reads change nothing
    store.replace_posts(sample())
    assert store.version() == v1  # the same facts again change nothing
    store.replace_posts([], remove=["not-a-post"])
    assert store.version() == v1
    store.replace_posts([graph("p3", ev("event:undated", "Undated, edited"))])
    v2 = store.version()
    assert v2 not in (v0, v1)
    store.replace_posts([], remove=["p3"])
    v3 = store.version()
    assert v3 not in (v0, v1, v2)
    store.import_(EMPTY)
    assert store.version() not in (v0, v1, v2, v3)


def test_export_import_round_trip_is_identical(store: Store) -> None:
    store.replace_posts(sample())
    first = store.export()
    assert first["format"] == "kb-export" and first["version"] == 1
    text = json.dumps(first, ensure_ascii=False, sort_keys=True)
    store.import_(EMPTY)
    assert store.export() == EMPTY
    store.import_(json.loads(text))
    assert json.dumps(store.export(), ensure_ascii=False, sort_keys=True) == text
    before = store.version()
    store.import_(json.loads(text))  # importing what is already there changes nothing
    assert store.version() == before


def test_export_shape(store: Store) -> None:
    store.replace_posts(sample())
    doc = store.export()
    assert [p["id"] for p in doc["posts"]] == ["p1", "p2", "p3"]
    events = {e["id"]: e for e in doc["events"]}
    assert events["event:shared"]["entities"] == ["skill:docker", "skill:python"]
    assert [s["post_id"] for s in events["event:shared"]["sources"]] == ["p1", "p2"]
    entities = {e["id"]: e for e in doc["entities"]}
    assert entities["skill:ray"]["aliases"] == ["레이"] and entities["skill:ray"]["category"] == "ml"
    assert [s["post_id"] for s in entities["skill:python"]["sources"]] == ["p1", "p2"]


def test_import_replaces_everything_and_the_empty_document_clears(store: Store) -> None:
    store.replace_posts(sample())
    other = [graph("other", ev("event:o", "Other", "2010", entities=["skill:cobol"]))]
    store.replace_posts([], remove=["p1", "p2", "p3"])
    store.replace_posts(other)
    doc = store.export()
    store.replace_posts(sample(), remove=["other"])
    store.import_(doc)
    assert [p.id for p in store.posts(PostQuery(include_private=True)).items] == ["other"]
    assert [e.id for e in store.timeline(TimelineQuery(include_private=True)).items] == ["event:o"]
    store.import_(EMPTY)
    stats = store.stats(include_private=True)
    assert (stats.posts, stats.events, sum(stats.entities.values()), stats.mentions) == (0, 0, 0, 0)
    assert store.search("Other", include_private=True) == []
    assert store.post_hashes() == {}


def test_a_document_of_another_format_is_refused_and_changes_nothing(store: Store) -> None:
    store.replace_posts(sample())
    before = store.export()
    with pytest.raises(ValueError):
        store.import_({"format": "something-else", "posts": []})
    assert store.export() == before


def test_an_export_moved_into_a_store_keeps_private_facts_private(store: Store) -> None:
    """What only a private post says (an earlier name, an alias, a title, a link) stays out of the
    public view after export and import, as `kb export | kb import` does when moving stores."""
    store.replace_posts([
        graph("public", ev("event:shared", "Public title", "2021-03", entities=["skill:ray"]),
              date="2021-06-01", entities=[ent("skill:ray", "Ray", aliases=["레이"]), ent("skill:rust")]),
        graph("secret", ev("event:shared", "Secret title", "2020-01", entities=["skill:ray", "skill:rust"],
                           confidence=0.9),
              date="2020-01-01", private=True, entities=[ent("skill:ray", "Ray Secret", aliases=["비밀"])]),
    ])

    def views() -> tuple:
        return tuple((store.entities(EntityQuery(include_private=p)).items, store.event("event:shared", include_private=p))
                     for p in (False, True))

    before = views()
    public_ray = next(s.entity for s in before[0][0] if s.entity.id == "skill:ray")
    assert public_ray.name == "Ray" and public_ray.aliases == ("레이",)
    assert before[0][1] is not None and before[0][1].title == "Public title" and before[0][1].entities == ("skill:ray",)
    document = store.export()
    store.import_(EMPTY)
    store.import_(document)
    assert views() == before
    assert store.export() == document
