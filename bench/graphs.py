"""Synthetic PostGraphs at issue scale, and per-use-case store latencies: `python -m bench.graphs [--events N] [--url URL]`.

Builds a synthetic blog (posts of ~100 events, Zipf-popular entities, Korean and English text,
10% private posts) through the Store port, then times each read use case. Works on any store URL,
so both backends can be measured the same way. Synthetic data only: nothing is downloaded.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from kb.models import Entity, EntityQuery, Event, Mention, Post, PostGraph, Source, TimelineQuery
from kb.stores import open_store

SYLLABLES = "가나다라마바사아자차카타파하분산실험모델학습배포클러스터데이검색엔진추천회고논문발표대회연구최적화"
LATIN = "abcdefghijklmnoprstuvwy"
TYPES = ("skill", "person", "project", "organization")
KINDS = ("work", "study", "competition", "project", "talk", "publication", "other")


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Made-up Korean and Latin words; drawn with Zipf weights, so a few are very common."""
    words = ["분산실험", "실험", "kubernetes", "ray"]
    while len(words) < size:
        if rng.random() < 0.5:
            words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        else:
            words.append("".join(rng.choice(LATIN) for _ in range(rng.randint(3, 9))))
    return words


def _date(rng: random.Random) -> str:
    year = rng.randint(2010, 2025)
    return rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}",
                       f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])


def synthetic(events: int, per_post: int = 100, seed: int = 1) -> list[PostGraph]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    vocab_weights = [1 / (i + 1) for i in range(len(vocab))]
    pool = [Entity(id=f"{t}:e{i}", type=t, name=f"{t.title()} {i} {rng.choice(vocab)}")  # type: ignore[arg-type]
            for i in range(max(50, events // 20)) for t in [TYPES[i % 4]]]
    weights = [1 / (i + 1) for i in range(len(pool))]
    graphs = []
    words = lambda n: " ".join(rng.choices(vocab, vocab_weights, k=n))  # noqa: E731
    for p in range(max(1, events // per_post)):
        pid = f"post-{p:05d}"
        evs, used = [], {}
        for k in range(per_post):
            members = {e.id: e for e in rng.choices(pool, weights, k=rng.randint(2, 5))}
            used.update(members)
            start = _date(rng) if rng.random() > 0.05 else None
            evs.append(Event(id=f"event:{pid}-{k}", title=words(5), kind=rng.choice(KINDS), start=start,  # type: ignore[arg-type]
                             confidence=rng.random(), entities=tuple(members),
                             sources=(Source(post_id=pid, post=f"{pid}.md", quote=words(12)),)))
        mentions = tuple(Mention(entity_id=e, source=Source(post_id=pid, post=f"{pid}.md", quote=e))
                         for e in used)
        post = Post(id=pid, path=f"{pid}.md", title=words(4), date=_date(rng), private=rng.random() < 0.1,
                    body=words(300), content_hash=pid)
        graphs.append(PostGraph(post=post, entities=tuple(used.values()), events=tuple(evs), mentions=mentions))
    return graphs


def timed(label: str, runs: int, make: Callable[[random.Random], Callable[[], Any]]) -> dict[str, float]:
    rng = random.Random(label)
    samples = []
    for _ in range(runs):
        call = make(rng)
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    out = {"p50": statistics.median(samples), "p99": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
           "max": samples[-1]}
    print(f"{label:34s} p50 {out['p50']:7.2f} ms   p99 {out['p99']:7.2f} ms   max {out['max']:7.2f} ms", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--url", default=None, help="store URL (default: a new SQLite file in a temp dir)")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    store = open_store(url)
    graphs = synthetic(args.events)
    began = time.perf_counter()
    for i in range(0, len(graphs), 50):
        store.replace_posts(graphs[i:i + 50])
    print(f"ingest {args.events} events in {len(graphs)} posts: {time.perf_counter() - began:.1f} s")
    stats = store.stats(include_private=True)
    print(f"stats: {stats.events} events, {sum(stats.entities.values())} entities, {stats.mentions} mentions")
    everyone: list[str] = []
    cursor: str | None = None
    while True:
        page = store.entities(EntityQuery(limit=500, cursor=cursor))
        everyone += [s.entity.id for s in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    hubs = everyone[:20]
    vocab = vocabulary(random.Random(1))
    common, typical = vocab[:10], vocab[50:]
    pick = lambda r: r.choice(everyone)  # noqa: E731
    runs = args.runs
    deep = store.timeline(TimelineQuery(limit=50))
    for _ in range(200):
        deep = store.timeline(TimelineQuery(limit=50, cursor=deep.next_cursor)) if deep.next_cursor else deep
    print(f"entities: {len(everyone)} visible; 'random' = uniform over them, 'hub' = the 20 with most events")
    timed("timeline first page", runs, lambda r: lambda: store.timeline(TimelineQuery()))
    timed("timeline page 200 (cursor)", runs, lambda r: lambda: store.timeline(TimelineQuery(cursor=deep.next_cursor)))
    timed("timeline year-month filter", runs, lambda r: (lambda d=f"{r.randint(2010, 2025)}-{r.randint(1, 12):02d}":
                                                          store.timeline(TimelineQuery(date_from=d, date_to=d))))
    timed("timeline date_from 2025-06", runs, lambda r: lambda: store.timeline(TimelineQuery(date_from="2025-06")))
    timed("timeline year + kind", runs, lambda r: (lambda d=str(r.randint(2010, 2025)), k=r.choice(KINDS):
                                                    store.timeline(TimelineQuery(date_from=d, date_to=d, kind=k))))
    timed("timeline kind filter", runs, lambda r: (lambda k=r.choice(KINDS): store.timeline(TimelineQuery(kind=k))))
    timed("timeline entity (random)", runs, lambda r: (lambda e=pick(r): store.timeline(TimelineQuery(entity=e))))
    timed("timeline entity (hub)", runs, lambda r: (lambda e=r.choice(hubs): store.timeline(TimelineQuery(entity=e))))
    timed("timeline text (typical word)", runs, lambda r: (lambda w=r.choice(typical): store.timeline(
        TimelineQuery(text=w))))
    timed("timeline text (top-10 word)", runs, lambda r: (lambda w=r.choice(common): store.timeline(
        TimelineQuery(text=w))))
    timed("timeline text + entity (hub)", runs, lambda r: (lambda w=r.choice(typical), e=r.choice(hubs):
                                                            store.timeline(TimelineQuery(text=w, entity=e))))
    timed("search (typical word)", runs, lambda r: (lambda w=r.choice(typical): store.search(w)))
    timed("search (top-10 word)", runs, lambda r: (lambda w=r.choice(common): store.search(w)))
    timed("search 분산 (inside 분산실험)", runs, lambda r: lambda: store.search("분산"))
    timed("search two typical words", runs, lambda r: (lambda w=f"{r.choice(typical)} {r.choice(typical)}":
                                                        store.search(w)))
    timed("entities first page", runs, lambda r: lambda: store.entities(EntityQuery()))
    timed("entities text filter", runs, lambda r: (lambda w=r.choice(typical)[:2]: store.entities(EntityQuery(text=w))))
    timed("entity detail (random)", runs, lambda r: (lambda e=pick(r): store.entity(e)))
    timed("neighbors depth 1 (random)", runs, lambda r: (lambda e=pick(r): store.neighbors(e, 1)))
    timed("neighbors depth 2 (random)", 50, lambda r: (lambda e=pick(r): store.neighbors(e, 2)))
    timed("neighbors depth 1 (hub)", 20, lambda r: (lambda e=r.choice(hubs): store.neighbors(e, 1)))
    timed("path (random pair)", runs, lambda r: (lambda a=pick(r), b=pick(r): store.path(a, b)))
    timed("related (random)", runs, lambda r: (lambda e=pick(r): store.related(e)))
    timed("related (hub)", 20, lambda r: (lambda e=r.choice(hubs): store.related(e)))
    timed("stats", 50, lambda r: lambda: store.stats())
    timed("replace one post (100 events)", 20, lambda r: (lambda g=r.choice(graphs): store.replace_posts(
        [g.model_copy(update={"post": g.post.model_copy(update={"title": g.post.title + "!"})})])))
    store.close()


if __name__ == "__main__":
    main()
