"""Neighbourhoods, shortest paths and related skills over the entity-event graph."""
from __future__ import annotations

import random
from collections import deque

import pytest

from kb.errors import InvalidQuery, NotFound
from kb.models import GraphPath
from kb.store import Store
from tests.factories import ent, ev, graph


@pytest.fixture
def chain(store: Store) -> Store:
    """skill:a -e1- skill:b -e2- person:c -e3- skill:d, plus skill:b -e4- skill:x, and skill:lonely."""
    store.replace_posts([graph(
        "p1",
        ev("event:e1", "E1", "2020", entities=["skill:a", "skill:b"]),
        ev("event:e2", "E2", "2021", entities=["skill:b", "person:c"]),
        ev("event:e3", "E3", "2022", entities=["person:c", "skill:d"]),
        ev("event:e4", "E4", "2019-04", end="2020-02", entities=["skill:b", "skill:x"]),
        ev("event:e5", "E5", "2023", entities=["skill:lonely"]),
    )])
    return store


def hood(store: Store, center: str, depth: int) -> tuple[dict[str, int], set[tuple[str, str]]]:
    found = store.neighbors(center, depth=depth)
    assert found.center == center and found.depth == depth
    return {n.id: n.depth for n in found.nodes}, {(e.source, e.target) for e in found.edges}


def test_neighbors_by_depth(chain: Store) -> None:
    nodes, edges = hood(chain, "skill:a", 1)
    assert nodes == {"skill:a": 0, "event:e1": 1, "skill:b": 1}
    assert edges == {("event:e1", "skill:a"), ("event:e1", "skill:b")}
    nodes, edges = hood(chain, "skill:a", 2)
    assert nodes == {"skill:a": 0, "event:e1": 1, "skill:b": 1, "event:e2": 2, "event:e4": 2,
                     "person:c": 2, "skill:x": 2}
    assert ("event:e2", "person:c") in edges and ("event:e4", "skill:x") in edges and len(edges) == 6
    nodes, _ = hood(chain, "skill:a", 3)
    assert nodes["skill:d"] == 3 and nodes["event:e3"] == 3 and "skill:lonely" not in nodes


def test_neighbor_nodes_carry_labels_and_kinds(chain: Store) -> None:
    by_id = {n.id: n for n in chain.neighbors("skill:b", depth=1).nodes}
    assert by_id["event:e2"].kind == "event" and by_id["event:e2"].label == "E2"
    assert by_id["person:c"].kind == "person" and by_id["person:c"].label == "C"
    assert all(e.type == "INVOLVES" for e in chain.neighbors("skill:b").edges)


def test_an_entity_without_events_is_its_own_neighbourhood(store: Store) -> None:
    store.replace_posts([graph("p1", entities=[ent("skill:solo")])])
    found = store.neighbors("skill:solo", depth=3)
    assert [n.id for n in found.nodes] == ["skill:solo"] and found.edges == ()


@pytest.mark.parametrize("depth", [0, 4, -1])
def test_neighbors_depth_out_of_range_is_invalid(chain: Store, depth: int) -> None:
    with pytest.raises(InvalidQuery):
        chain.neighbors("skill:a", depth=depth)


def test_neighbors_of_an_unknown_entity_is_not_found(chain: Store) -> None:
    with pytest.raises(NotFound):
        chain.neighbors("skill:nope")


def assert_valid_path(store: Store, found: GraphPath, start: str, goal: str) -> None:
    ids = [n.id for n in found.nodes]
    assert ids[0] == start and ids[-1] == goal and len(ids) == 2 * found.length + 1
    assert [n.kind == "event" for n in found.nodes] == [i % 2 == 1 for i in range(len(ids))]
    for i in range(1, len(ids), 2):
        event = store.event(ids[i])
        assert event is not None and ids[i - 1] in event.entities and ids[i + 1] in event.entities


def test_shortest_path_found(chain: Store) -> None:
    found = chain.path("skill:a", "skill:d")
    assert found is not None and found.length == 3
    assert [n.id for n in found.nodes] == ["skill:a", "event:e1", "skill:b", "event:e2", "person:c",
                                          "event:e3", "skill:d"]
    assert_valid_path(chain, found, "skill:a", "skill:d")
    back = chain.path("skill:d", "skill:a")
    assert back is not None and back.length == 3


def test_no_path_or_too_long_is_none(chain: Store) -> None:
    assert chain.path("skill:a", "skill:lonely") is None
    assert chain.path("skill:a", "skill:d", max_length=2) is None
    same = chain.path("skill:a", "skill:a")
    assert same is not None and same.length == 0 and [n.id for n in same.nodes] == ["skill:a"]


def test_path_with_unknown_ids_is_not_found(chain: Store) -> None:
    with pytest.raises(NotFound):
        chain.path("skill:a", "skill:nope")
    with pytest.raises(NotFound):
        chain.path("skill:nope", "skill:a")


def test_path_max_length_out_of_range_is_invalid(chain: Store) -> None:
    with pytest.raises(InvalidQuery):
        chain.path("skill:a", "skill:d", max_length=0)


def bfs_lengths(links: dict[str, list[str]], start: str) -> dict[str, int]:
    """Reference: events crossed on the shortest way from `start` to each entity."""
    by_entity: dict[str, list[str]] = {}
    for event, members in links.items():
        for m in members:
            by_entity.setdefault(m, []).append(event)
    dist, todo = {start: 0}, deque([start])
    while todo:
        here = todo.popleft()
        for event in by_entity.get(here, []):
            for other in links[event]:
                if other not in dist:
                    dist[other] = dist[here] + 1
                    todo.append(other)
    return dist


def test_paths_are_shortest_on_a_random_graph(store: Store) -> None:
    rng = random.Random(7)
    entities = [f"skill:s{i}" for i in range(40)]
    links = {f"event:r{i}": rng.sample(entities, rng.choice([2, 2, 3])) for i in range(45)}
    store.replace_posts([graph(f"p{i % 5}", *[ev(e, e, entities=m) for e, m in links.items()
                                             if int(e[7:]) % 5 == i]) for i in range(5)])
    known = {n for members in links.values() for n in members}
    for start in sorted(known)[:8]:
        truth = bfs_lengths(links, start)
        for goal in sorted(known):
            found = store.path(start, goal, max_length=6)
            if goal in truth and truth[goal] <= 6:
                assert found is not None and found.length == truth[goal], (start, goal)
                assert_valid_path(store, found, start, goal)
            else:
                assert found is None, (start, goal)


def test_related_skills_weights_and_dates(store: Store) -> None:
    store.replace_posts([graph(
        "p1",
        ev("event:1", "1", "2019", entities=["skill:ray", "skill:python", "person:kim"]),
        ev("event:2", "2", "2020-05", end="2020-08", entities=["skill:ray", "skill:python", "skill:docker"]),
        ev("event:3", "3", "2021-01-01", entities=["skill:ray", "skill:docker", "skill:k8s"]),
        ev("event:4", "4", "2022", entities=["skill:python", "skill:pandas"]),
        ev("event:5", "5", entities=["skill:ray", "skill:python"]),
    )])
    related = store.related("skill:ray")
    assert [(r.entity.id, r.weight, r.first, r.last) for r in related] == [
        ("skill:python", 3, "2019", "2020-08"),
        ("skill:docker", 2, "2020-05", "2021-01-01"),
        ("skill:k8s", 1, "2021-01-01", "2021-01-01"),
    ]
    assert [r.entity.id for r in store.related("skill:ray", limit=1)] == ["skill:python"]
    assert store.related("skill:pandas")[0].entity.id == "skill:python"
    with pytest.raises(NotFound):
        store.related("skill:nope")
