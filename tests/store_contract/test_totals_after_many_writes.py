"""Entity totals (events, mentions, first and last dates, aliases) stay what a rebuild from scratch
gives, through a long random run of writes: posts added, rewritten, removed and made private,
sharing entities and cross-post events. The stores update these totals by difference, so this
checks every step against the same posts written again into an emptied store."""
from __future__ import annotations

import random

import pytest

from kb.models import EntityQuery, EntitySummary, PostGraph
from kb.store import Store
from tests.conftest import EMPTY_EXPORT
from tests.factories import ent, ev, graph

ENTITIES = ["skill:ray", "skill:pytorch", "skill:go", "person:kim", "organization:acme", "project:kb"]
ALIASES = ["레이", "ray-core", "torch", "골랭", "ACME corp"]
DATES = [None, "2019", "2020-03", "2020-11-05", "2021", "2022-07"]


def random_graph(rng: random.Random, post_id: str) -> PostGraph:
    events = []
    for _ in range(rng.randint(0, 3)):
        start = rng.choice(DATES)
        end = rng.choice([None, "2023"]) if start else None
        events.append(ev(f"event:shared-{rng.randint(0, 5)}" if rng.random() < 0.4 else f"event:{post_id}-{rng.randint(0, 9)}",
                         f"title {rng.randint(0, 3)}", start, end, entities=rng.sample(ENTITIES, rng.randint(1, 3))))
    events = list({e.id: e for e in events}.values())
    named = {i for e in events for i in e.entities} | set(rng.sample(ENTITIES, rng.randint(0, 2)))
    entities = [ent(i, aliases=rng.sample(ALIASES, rng.randint(0, 2))) for i in sorted(named)]
    return graph(post_id, *events, entities=entities, date=rng.choice(DATES), private=rng.random() < 0.25)


def totals(store: Store, include_private: bool) -> dict[str, EntitySummary]:
    page = store.entities(EntityQuery(limit=200, include_private=include_private))
    return {s.entity.id: s for s in page.items}


@pytest.mark.parametrize("seed", [1, 2])
def test_totals_after_each_write_equal_a_rebuild(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    current: dict[str, PostGraph] = {}
    for step in range(30):
        posts = sorted({f"p{rng.randint(0, 7)}" for _ in range(rng.randint(1, 3))})
        if rng.random() < 0.2:
            store.replace_posts([], remove=posts)
            for post_id in posts:
                current.pop(post_id, None)
        else:
            graphs = [random_graph(rng, p) for p in posts]
            removed = [f"p{rng.randint(0, 7)}"] if rng.random() < 0.2 else []
            store.replace_posts(graphs, remove=removed)
            for post_id in removed:
                current.pop(post_id, None)
            current.update({g.post.id: g for g in graphs})
        written = {scope: totals(store, scope) for scope in (True, False)}
        store.import_(EMPTY_EXPORT)
        store.replace_posts(list(current.values()))
        rebuilt = {scope: totals(store, scope) for scope in (True, False)}
        assert written == rebuilt, f"step {step}"
