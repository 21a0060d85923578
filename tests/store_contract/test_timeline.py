"""Timeline: chronological order that respects date precision, every filter, keyset pages."""
from __future__ import annotations

import base64

import pytest

from kb.errors import InvalidQuery
from kb.models import EntityQuery, TimelineQuery, date_sort_key
from kb.store import Store
from tests.factories import ev, graph


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_posts([
        graph("p1",
              ev("event:year", "A whole year", "2020", entities=["skill:python"], kind="study"),
              ev("event:month", "A month", "2020-01", entities=["skill:python", "skill:ray"], kind="work"),
              ev("event:day", "A day", "2020-01-15", entities=["skill:ray"], kind="work"),
              ev("event:feb", "February", "2020-02", kind="talk"),
              ev("event:undated", "Someday", kind="plan", entities=["skill:ray"]),
              date="2020-03-01"),
        graph("p2",
              ev("event:span", "2019 to 2021 project", "2019-06", end="2021-02", entities=["project:kb"],
                 kind="project"),
              ev("event:old", "Long ago", "2015-03-02", kind="education"),
              ev("event:b-same-day", "Same day b", "2022-05-05", quotes=["분산실험을 설계했다"]),
              ev("event:a-same-day", "Same day a", "2022-05-05", entities=["skill:ray"]),
              date="2022-06-01"),
    ])
    return store


def timeline_ids(store: Store, **filters: object) -> list[str]:
    return [e.id for e in store.timeline(TimelineQuery(limit=500, **filters)).items]  # type: ignore[arg-type]


def test_order_is_chronological_with_a_year_before_its_months_and_undated_last(filled: Store) -> None:
    assert timeline_ids(filled) == [
        "event:old", "event:span", "event:year", "event:month", "event:day", "event:feb",
        "event:a-same-day", "event:b-same-day", "event:undated",
    ]
    items = filled.timeline(TimelineQuery(limit=500)).items
    keys = [(date_sort_key(e.start), e.id) for e in items]
    assert keys == sorted(keys)
    assert {e.id: e.start for e in items}["event:year"] == "2020"  # precision kept as written


def test_date_filters_keep_events_whose_interval_overlaps(filled: Store) -> None:
    assert timeline_ids(filled, date_from="2020-01", date_to="2020-01") == [
        "event:span", "event:year", "event:month", "event:day"]
    assert timeline_ids(filled, date_from="2020-01-16", date_to="2020-01-31") == [
        "event:span", "event:year", "event:month"]
    assert timeline_ids(filled, date_from="2021-03") == ["event:a-same-day", "event:b-same-day"]
    assert timeline_ids(filled, date_to="2019") == ["event:old", "event:span"]
    assert timeline_ids(filled, date_from="2016", date_to="2019-05-31") == []
    assert timeline_ids(filled, date_from="2021-02-28", date_to="2021-02-28") == ["event:span"]


def test_kind_entity_and_text_filters(filled: Store) -> None:
    assert timeline_ids(filled, kind="work") == ["event:month", "event:day"]
    assert timeline_ids(filled, entity="skill:ray") == [
        "event:month", "event:day", "event:a-same-day", "event:undated"]
    assert timeline_ids(filled, entity="skill:nope") == []
    assert timeline_ids(filled, text="February") == ["event:feb"]
    assert timeline_ids(filled, text="분산") == ["event:b-same-day"]  # quotes are searched too
    assert timeline_ids(filled, text="same day") == ["event:a-same-day", "event:b-same-day"]
    assert timeline_ids(filled, text="same day", entity="skill:ray") == ["event:a-same-day"]
    assert timeline_ids(filled, entity="skill:ray", kind="work", date_to="2020-01-10") == ["event:month"]
    assert timeline_ids(filled, text="\"a\" NEAR(") == []


@pytest.mark.parametrize("filters", [{}, {"entity": "skill:ray"}, {"text": "a"}, {"date_from": "2020"},
                                     {"kind": "work"}, {"entity": "skill:ray", "text": "day"}])
def test_pages_follow_each_other_without_gaps_or_repeats(filled: Store, filters: dict) -> None:
    expected = timeline_ids(filled, **filters)
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        page = filled.timeline(TimelineQuery(limit=2, cursor=cursor, **filters))
        assert len(page.items) <= 2
        seen += [e.id for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected


def test_the_last_full_page_has_no_next_cursor(filled: Store) -> None:
    page = filled.timeline(TimelineQuery(limit=9))
    assert len(page.items) == 9 and page.next_cursor is None


@pytest.mark.parametrize("cursor", [
    "garbage", "!!!", "", "🙂", base64.urlsafe_b64encode(b'{"not": "a list"}').decode(),
    base64.urlsafe_b64encode(b"[1, 2, 3]").decode(), base64.urlsafe_b64encode(b"\xff\xfe").decode(),
])
def test_a_malformed_cursor_is_an_invalid_query(filled: Store, cursor: str) -> None:
    if cursor == "":
        assert filled.timeline(TimelineQuery(cursor=cursor)).items  # empty means "from the start"
        return
    with pytest.raises(InvalidQuery):
        filled.timeline(TimelineQuery(cursor=cursor))


def test_a_cursor_from_another_list_is_refused(filled: Store) -> None:
    other = filled.entities(EntityQuery(limit=1)).next_cursor
    assert other is not None
    with pytest.raises(InvalidQuery):
        filled.timeline(TimelineQuery(cursor=other))


def test_a_malformed_date_filter_is_an_invalid_query(filled: Store) -> None:
    with pytest.raises(InvalidQuery):
        filled.timeline(TimelineQuery(date_from="20x"))
    with pytest.raises(InvalidQuery):
        filled.timeline(TimelineQuery(date_to="2020-1"))
