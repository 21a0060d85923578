"""Private posts: their facts are invisible on every read unless a query includes them."""
from __future__ import annotations

import pytest

from kb.errors import NotFound
from kb.models import EntityQuery, PostQuery, TimelineQuery
from kb.store import Store
from tests.factories import ent, ev, graph


@pytest.fixture
def mixed(store: Store) -> Store:
    store.replace_posts([
        graph("pub", ev("event:shared", "Public title", "2021", entities=["skill:python", "skill:ray"]),
              ev("event:pub", "Only public", "2020", entities=["skill:python"]),
              date="2021-05-01", title="Public post", body="공개 글입니다"),
        graph("secret",
              ev("event:shared", "Secret title", "2019", entities=["skill:python", "skill:rust"],
                 quotes=["비밀 인용문"]),
              ev("event:secret", "Secret side project", "2024", entities=["skill:rust", "skill:ray"],
                 quotes=["검색엔진 만들기"]),
              date="2020-01-01", private=True, title="Secret draft", body="검색엔진 비밀 프로젝트",
              entities=[ent("skill:ray", "Ray (secret name)", aliases=["비밀별칭"])]),
    ])
    return store


def test_timeline_and_event_hide_private_facts(mixed: Store) -> None:
    public = {e.id: e for e in mixed.timeline(TimelineQuery(limit=100)).items}
    assert set(public) == {"event:pub", "event:shared"}
    shared = public["event:shared"]
    assert shared.title == "Public title" and shared.start == "2021"  # the private post is earlier
    assert [s.post_id for s in shared.sources] == ["pub"]
    assert shared.entities == ("skill:python", "skill:ray")  # rust only through the private post
    assert mixed.event("event:secret") is None
    assert mixed.event("event:shared") == shared
    full = {e.id: e for e in mixed.timeline(TimelineQuery(limit=100, include_private=True)).items}
    assert set(full) == {"event:pub", "event:shared", "event:secret"}
    assert full["event:shared"].title == "Secret title"
    assert full["event:shared"].entities == ("skill:python", "skill:ray", "skill:rust")
    assert sorted(s.post_id for s in full["event:shared"].sources) == ["pub", "secret"]
    assert mixed.timeline(TimelineQuery(entity="skill:rust")).items == ()
    assert mixed.timeline(TimelineQuery(text="검색엔진")).items == ()
    assert [e.id for e in mixed.timeline(TimelineQuery(text="검색엔진", include_private=True)).items] == ["event:secret"]
    assert mixed.timeline(TimelineQuery(text="비밀")).items == ()


def test_entities_and_entity_hide_private_facts(mixed: Store) -> None:
    public = {s.entity.id: s for s in mixed.entities(EntityQuery(limit=100)).items}
    assert set(public) == {"skill:python", "skill:ray"}
    assert public["skill:ray"].entity.name == "Ray" and public["skill:ray"].entity.aliases == ()
    assert public["skill:python"].event_count == 2 and public["skill:python"].mention_count == 1
    assert (public["skill:python"].first, public["skill:python"].last) == ("2020", "2021")
    assert mixed.entities(EntityQuery(text="비밀")).items == ()
    assert mixed.entity("skill:rust") is None
    ray = mixed.entity("skill:ray")
    assert ray is not None and [e.id for e in ray.events] == ["event:shared"]
    assert [s.post_id for s in ray.sources] == ["pub"]
    full = mixed.entity("skill:ray", include_private=True)
    assert full is not None and full.summary.entity.name == "Ray (secret name)"
    assert full.summary.event_count == 2 and full.summary.mention_count == 2
    assert {s.entity.id for s in mixed.entities(EntityQuery(include_private=True)).items} == {
        "skill:python", "skill:ray", "skill:rust"}


def test_graph_reads_do_not_cross_private_facts(mixed: Store) -> None:
    nodes = {n.id for n in mixed.neighbors("skill:python", depth=3).nodes}
    assert nodes == {"skill:python", "skill:ray", "event:shared", "event:pub"}
    assert "skill:rust" in {n.id for n in mixed.neighbors("skill:python", include_private=True).nodes}
    with pytest.raises(NotFound):
        mixed.neighbors("skill:rust")
    assert mixed.path("skill:python", "skill:ray") is not None
    with pytest.raises(NotFound):
        mixed.path("skill:python", "skill:rust")
    secret_path = mixed.path("skill:python", "skill:rust", include_private=True)
    assert secret_path is not None and secret_path.length == 1
    assert [r.entity.id for r in mixed.related("skill:ray")] == ["skill:python"]
    assert {r.entity.id for r in mixed.related("skill:ray", include_private=True)} == {"skill:python", "skill:rust"}


def test_posts_search_and_stats_hide_private_posts(mixed: Store) -> None:
    assert [p.id for p in mixed.posts(PostQuery()).items] == ["pub"]
    assert [p.id for p in mixed.posts(PostQuery(include_private=True)).items] == ["secret", "pub"]
    assert mixed.post("secret") is None and mixed.post("secret", include_private=True) is not None
    assert mixed.search("검색엔진") == [] and mixed.search("비밀") == []
    assert {h.id for h in mixed.search("검색엔진", include_private=True)} == {"secret", "event:secret"}
    assert ("entity", "skill:ray") in {(h.kind, h.id) for h in mixed.search("비밀별칭", include_private=True)}
    public = mixed.stats()
    assert (public.posts, public.private_posts, public.events, public.mentions) == (1, 0, 2, 2)
    assert public.entities["skill"] == 2 and (public.first, public.last) == ("2020", "2021")
    full = mixed.stats(include_private=True)
    assert (full.posts, full.private_posts, full.events, full.entities["skill"]) == (2, 1, 3, 3)
    assert (full.first, full.last) == ("2019", "2024")


def test_export_includes_private_by_default_and_hides_it_on_request(mixed: Store) -> None:
    full = mixed.export()
    assert {p["id"] for p in full["posts"]} == {"pub", "secret"}
    public = mixed.export(include_private=False)
    assert [p["id"] for p in public["posts"]] == ["pub"]
    assert {e["id"] for e in public["entities"]} == {"skill:python", "skill:ray"}
    assert {e["id"] for e in public["events"]} == {"event:pub", "event:shared"}
    text = str(public)
    assert "secret" not in text and "Secret" not in text and "검색엔진" not in text and "비밀" not in text


def test_a_post_turning_private_hides_what_only_it_supports(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:go"]))])
    assert store.event("event:a") is not None
    store.replace_posts([graph("p1", ev("event:a", "A", "2021", entities=["skill:go"]), private=True)])
    assert store.event("event:a") is None and store.entity("skill:go") is None
    assert store.search("A") == [] and store.stats().events == 0
    assert store.event("event:a", include_private=True) is not None
