"""Result caps that keep hub entities cheap: `neighbors(limit=)` and `entity(events_limit=)`."""
from __future__ import annotations

import pytest

from kb.errors import InvalidQuery
from kb.store import NEIGHBORS_LIMIT, Store
from tests.factories import ev, graph


@pytest.fixture
def star(store: Store) -> Store:
    """skill:hub shares one event a year (2001..2008) with person:p1..p8, plus one undated event
    with person:p0; person:p8 also shares event:deep with skill:far."""
    events = [ev(f"event:y{n}", f"Y{n}", str(2000 + n), entities=["skill:hub", f"person:p{n}"]) for n in range(1, 9)]
    events += [ev("event:undated", "U", None, entities=["skill:hub", "person:p0"]),
               ev("event:deep", "D", "1999", entities=["person:p8", "skill:far"])]
    store.replace_posts([graph("p1", *events)])
    return store


def ids(store: Store, center: str, depth: int = 1, limit: int = NEIGHBORS_LIMIT) -> tuple[list[str], bool]:
    found = store.neighbors(center, depth=depth, limit=limit)
    return [n.id for n in found.nodes], found.truncated


def test_an_uncapped_neighbourhood_is_not_truncated(star: Store) -> None:
    nodes, truncated = ids(star, "skill:hub", depth=2)
    assert len(nodes) == 1 + 9 + 9 + 1 + 1 and not truncated
    assert ids(star, "skill:hub", depth=2, limit=21) == (nodes, False)  # exactly enough room


def test_events_are_taken_newest_first_each_with_its_entities(star: Store) -> None:
    nodes, truncated = ids(star, "skill:hub", limit=5)
    # reverse timeline order: the undated event first, then 2008, 2007, ...
    assert set(nodes) == {"skill:hub", "event:undated", "person:p0", "event:y8", "person:p8"} and truncated
    found = star.neighbors("skill:hub", limit=5)
    assert {(e.source, e.target) for e in found.edges} == {
        ("event:undated", "skill:hub"), ("event:undated", "person:p0"),
        ("event:y8", "skill:hub"), ("event:y8", "person:p8")}


def test_an_event_that_does_not_fit_with_its_entities_stops_the_walk(star: Store) -> None:
    nodes, truncated = ids(star, "skill:hub", limit=4)  # room for one event and its person, not two
    assert set(nodes) == {"skill:hub", "event:undated", "person:p0"} and truncated
    assert ids(star, "skill:hub", limit=1) == (["skill:hub"], True)


def test_the_cap_spans_hops(star: Store) -> None:
    nodes, truncated = ids(star, "skill:hub", depth=2, limit=19)  # hop 1 fills exactly 19 nodes
    assert len(nodes) == 19 and "event:deep" not in nodes and truncated
    nodes, truncated = ids(star, "person:p8", depth=2, limit=3)
    assert set(nodes) == {"person:p8", "event:y8", "skill:hub"} and truncated  # event:y8 is newer than event:deep


def test_the_default_cap_holds_for_a_hub(store: Store) -> None:
    events = [ev(f"event:h{n}", f"H{n}", f"20{n % 20:02d}-{n % 12 + 1:02d}", entities=["skill:hub", f"person:q{n}"])
              for n in range(NEIGHBORS_LIMIT)]
    store.replace_posts([graph("p1", *events)])
    found = store.neighbors("skill:hub")
    assert found.truncated and len(found.nodes) == NEIGHBORS_LIMIT - 1  # center + 249 (event, person) pairs
    assert all(e.source in {n.id for n in found.nodes} for e in found.edges)


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_below_one_is_invalid(star: Store, limit: int) -> None:
    with pytest.raises(InvalidQuery):
        star.neighbors("skill:hub", limit=limit)


def test_entity_detail_lists_its_newest_events_in_timeline_order(star: Store) -> None:
    detail = star.entity("skill:hub", events_limit=3)
    assert detail is not None and detail.summary.event_count == 9
    assert [e.id for e in detail.events] == ["event:y7", "event:y8", "event:undated"]
    full = star.entity("skill:hub")
    assert full is not None and [e.id for e in full.events][:2] == ["event:y1", "event:y2"] and len(full.events) == 9
    none = star.entity("skill:hub", events_limit=0)
    assert none is not None and none.events == () and none.sources == full.sources
    with pytest.raises(InvalidQuery):
        star.entity("skill:hub", events_limit=-1)
