"""Entities: sorted by number of events, filtered by type and text; entity detail."""
from __future__ import annotations

import pytest

from kb.errors import InvalidQuery
from kb.models import EntityQuery, TimelineQuery
from kb.store import Store
from tests.factories import ent, ev, graph


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_posts([
        graph("p1",
              ev("event:1", "One", "2019-05", entities=["skill:python", "skill:ray", "person:kim"]),
              ev("event:2", "Two", "2020", end="2021-03", entities=["skill:python", "organization:acme"]),
              ev("event:3", "Three", "2018-01-02", entities=["skill:python", "skill:ray"]),
              ev("event:4", "Four", entities=["skill:python"]),
              entities=[ent("skill:ray", "Ray", aliases=["레이", "ray-core"]), ent("person:kim", "김민수")],
              date="2021-01-01"),
        graph("p2", ev("event:5", "Five", "2022", entities=["skill:docker", "project:kb"]), date="2022-01-01",
              entities=[ent("skill:docker", "Docker")]),
    ])
    return store


def listed(store: Store, **query: object) -> list[str]:
    return [s.entity.id for s in store.entities(EntityQuery(limit=500, **query)).items]  # type: ignore[arg-type]


def test_sorted_by_event_count_then_name(filled: Store) -> None:
    items = filled.entities(EntityQuery(limit=500)).items
    assert [(s.entity.id, s.event_count) for s in items] == [
        ("skill:python", 4), ("skill:ray", 2), ("organization:acme", 1), ("skill:docker", 1),
        ("project:kb", 1), ("person:kim", 1),
    ]  # ties by name: "Acme" < "Docker" < "Kb" < "김민수"


def test_summary_counts_and_date_span(filled: Store) -> None:
    by_id = {s.entity.id: s for s in filled.entities(EntityQuery(limit=500)).items}
    python = by_id["skill:python"]
    assert (python.first, python.last) == ("2018-01-02", "2021-03")
    assert python.mention_count == 1
    assert (by_id["skill:ray"].first, by_id["skill:ray"].last) == ("2018-01-02", "2019-05")


def test_type_and_text_filters(filled: Store) -> None:
    assert listed(filled, type="skill") == ["skill:python", "skill:ray", "skill:docker"]
    assert listed(filled, type="person") == ["person:kim"]
    assert listed(filled, text="PYTH") == ["skill:python"]
    assert listed(filled, text="레") == ["skill:ray"]  # one Korean syllable of an alias
    assert listed(filled, text="ray-core") == ["skill:ray"]
    assert listed(filled, text="김") == ["person:kim"]
    assert listed(filled, text="y", type="skill") == ["skill:python", "skill:ray"]
    assert listed(filled, text="zzz") == []


def test_pages_cover_the_list_once(filled: Store) -> None:
    expected = listed(filled)
    seen, cursor = [], None
    for _ in range(10):
        page = filled.entities(EntityQuery(limit=2, cursor=cursor))
        seen += [s.entity.id for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected


def test_a_bad_entities_cursor_is_invalid(filled: Store) -> None:
    timeline_cursor = filled.timeline(TimelineQuery(limit=1)).next_cursor
    for bad in ("nonsense", timeline_cursor):
        with pytest.raises(InvalidQuery):
            filled.entities(EntityQuery(cursor=bad))


def test_entity_detail_has_events_in_timeline_order_and_mentions(filled: Store) -> None:
    detail = filled.entity("skill:python")
    assert detail is not None
    assert detail.summary.event_count == 4
    assert [e.id for e in detail.events] == ["event:3", "event:1", "event:2", "event:4"]
    assert [(s.post_id, s.quote) for s in detail.sources] == [("p1", "Python")]
    assert filled.entity("skill:nope") is None
