"""Writes: per-post contributions, replace on re-ingest, deletion, and facts shared by posts."""
from __future__ import annotations

from kb.models import EntityQuery, TimelineQuery
from kb.store import Store
from tests.factories import ent, ev, graph, src

ALL = TimelineQuery(limit=500, include_private=True)


def ids(store: Store, query: TimelineQuery = ALL) -> list[str]:
    return [e.id for e in store.timeline(query).items]


def entity_ids(store: Store) -> set[str]:
    return {s.entity.id for s in store.entities(EntityQuery(limit=500, include_private=True)).items}


def test_a_written_post_reads_back_whole(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "Started Ray", "2021-03", entities=["skill:ray", "person:kim"]),
                               date="2021-03-04", body="body text", title="Post one")])
    assert store.post("p1") is not None and store.post("p1").body == "body text"  # type: ignore[union-attr]
    event = store.event("event:a")
    assert event is not None
    assert event.title == "Started Ray" and event.start == "2021-03"
    assert event.entities == ("person:kim", "skill:ray")
    assert [s.post_id for s in event.sources] == ["p1"]
    assert entity_ids(store) == {"skill:ray", "person:kim"}
    assert store.post_hashes() == {"p1": ("/blog", "p1.md", "hash-p1")}


def test_reingesting_an_edited_post_replaces_exactly_its_facts(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:ray"]),
                               ev("event:b", "B", "2022", entities=["skill:docker"]))])
    store.replace_posts([graph("p1", ev("event:a", "A edited", "2021-05", entities=["skill:ray", "skill:k8s"]),
                               content_hash="hash-2")])
    assert ids(store) == ["event:a"]
    edited = store.event("event:a")
    assert edited is not None and edited.title == "A edited" and edited.start == "2021-05"
    assert edited.entities == ("skill:k8s", "skill:ray")
    assert entity_ids(store) == {"skill:ray", "skill:k8s"}  # docker had no other post: gone
    assert store.post_hashes()["p1"][2] == "hash-2"


def test_removing_a_post_removes_its_facts_and_orphans(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:ray", "skill:python"])),
                         graph("p2", ev("event:b", "B", "2022", entities=["skill:python"]))])
    store.replace_posts([], remove=["p1"])
    assert store.post("p1", include_private=True) is None
    assert store.event("event:a", include_private=True) is None
    assert ids(store) == ["event:b"]
    assert entity_ids(store) == {"skill:python"}
    assert store.entity("skill:ray", include_private=True) is None
    python = store.entity("skill:python")
    assert python is not None and python.summary.event_count == 1 and python.summary.mention_count == 1
    assert set(store.post_hashes()) == {"p2"}


def test_replace_and_remove_happen_together(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021")), graph("p2", ev("event:b", "B", "2022"))])
    store.replace_posts([graph("p3", ev("event:c", "C", "2023"))], remove=["p1", "never-existed"])
    assert ids(store) == ["event:b", "event:c"]


def test_one_event_from_two_posts_is_one_event(store: Store) -> None:
    later = graph("p2", ev("event:x", "Title from the later post", "2021-06", end="2021-09",
                           entities=["skill:ray", "skill:docker"], kind="project", confidence=0.9),
                  date="2021-12-01")
    earlier = graph("p1", ev("event:x", "Title from the earlier post", "2021-05", kind="work",
                             entities=["skill:ray", "person:lee"], confidence=0.4),
                    date="2021-06-01")
    store.replace_posts([later, earlier])
    assert ids(store) == ["event:x"]
    event = store.event("event:x")
    assert event is not None
    assert (event.title, event.kind, event.start, event.end) == ("Title from the earlier post", "work", "2021-05", None)
    assert event.confidence == 0.9
    assert event.entities == ("person:lee", "skill:docker", "skill:ray")
    assert sorted(s.post_id for s in event.sources) == ["p1", "p2"]
    ray = store.entity("skill:ray")
    assert ray is not None and ray.summary.event_count == 1 and ray.summary.mention_count == 2
    # Removing one contributor keeps the event with what the other post says.
    store.replace_posts([], remove=["p1"])
    event = store.event("event:x")
    assert event is not None and event.title == "Title from the later post" and event.kind == "project"
    assert event.entities == ("skill:docker", "skill:ray") and event.confidence == 0.9
    assert [s.post_id for s in event.sources] == ["p2"]
    assert store.entity("person:lee") is None


def test_post_order_breaks_ties_by_date_then_id_and_undated_last(store: Store) -> None:
    store.replace_posts([graph("b", ev("event:x", "from b"), date="2020-01-01"),
                         graph("a", ev("event:x", "from a"), date="2020-01-01"),
                         graph("0-undated", ev("event:x", "from undated"))])
    assert store.event("event:x").title == "from a"  # type: ignore[union-attr]
    store.replace_posts([], remove=["a", "b"])
    assert store.event("event:x").title == "from undated"  # type: ignore[union-attr]


def test_one_entity_from_two_posts_merges_names_and_aliases(store: Store) -> None:
    store.replace_posts([
        graph("p2", ev("event:b", "B", "2022", entities=["skill:k8s"]), date="2022-01-01",
              entities=[ent("skill:k8s", "K8s", aliases=["kube"], category="infra")]),
        graph("p1", ev("event:a", "A", "2021", entities=["skill:k8s"]), date="2021-01-01",
              entities=[ent("skill:k8s", "Kubernetes", aliases=["k8s", "쿠버네티스"], category="devops")]),
    ])
    detail = store.entity("skill:k8s")
    assert detail is not None
    entity = detail.summary.entity
    assert (entity.name, entity.category) == ("Kubernetes", "devops")
    assert sorted(entity.aliases) == sorted(["k8s", "kube", "쿠버네티스"])
    assert detail.summary.event_count == 2 and detail.summary.mention_count == 2
    assert (detail.summary.first, detail.summary.last) == ("2021", "2022")
    assert [e.id for e in detail.events] == ["event:a", "event:b"]
    assert sorted(s.post_id for s in detail.sources) == ["p1", "p2"]


def test_an_event_link_to_an_entity_no_post_defines_is_not_shown(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:ray"]))])
    store.replace_posts([graph("p2", ev("event:b", "B", "2022", entities=["skill:ray"]), define=False)])
    # p2's event names skill:ray, which p1 defines: the link shows while p1 exists ...
    assert store.event("event:b").entities == ("skill:ray",)  # type: ignore[union-attr]
    store.replace_posts([], remove=["p1"])
    # ... and disappears with the entity, since p2 alone does not make skill:ray exist.
    assert store.entity("skill:ray", include_private=True) is None
    assert store.event("event:b").entities == ()  # type: ignore[union-attr]
    assert ids(store) == ["event:b"]


def test_duplicates_inside_one_post_are_merged(store: Store) -> None:
    g = graph("p1", ev("event:a", "A", "2021", entities=["skill:ray"]))
    doubled = g.model_copy(update={"events": g.events + (g.events[0].model_copy(
        update={"entities": ("skill:ray",), "sources": (src("p1", "again"),), "confidence": 0.8}),),
        "mentions": g.mentions + g.mentions, "entities": g.entities + g.entities})
    store.replace_posts([doubled])
    event = store.event("event:a")
    assert event is not None and event.confidence == 0.8 and len(event.sources) == 2
    ray = store.entity("skill:ray")
    assert ray is not None and ray.summary.mention_count == 1
