"""Regression: the project's sample posts (examples/posts) still yield the facts a reader sees in them."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ingest.runs.pipeline import run_ingest
from kb.models import TimelineQuery
from kb.store import Store
from kb.stores import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "posts"
RETRO = "2022-01-02-2021년-회고.md"
DRAFT = "2024-02-01-draft-side-project"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path_factory.mktemp('examples') / 'kb.db'}")
    report = run_ingest([EXAMPLES], s)
    assert not report.failed and len(report.added) == 9
    yield s
    s.close()


@pytest.fixture(scope="module")
def events(store: Store) -> list[dict[str, Any]]:
    return list(store.export()["events"])


def _from(events: list[dict[str, Any]], post: str) -> list[dict[str, Any]]:
    return [e for e in events if any(s["post"] == post for s in e["sources"])]


def test_joined_hanbit_data_in_april_2021(events: list[dict[str, Any]]) -> None:
    # examples/posts/kb.yaml makes 한빛데이터 and "Hanbit Data" one organization
    joins = [e for e in _from(events, RETRO) if e["kind"] in ("join", "work") and "organization:hanbit-data" in e["entities"]]
    assert joins and all(e["start"] == "2021-04" for e in joins)
    titles = {e["title"] for e in joins if e["kind"] == "join"}
    assert "한빛데이터 입사 (머신러닝 엔지니어)" in titles  # résumé-style, with the position the post states


def test_ray_adoption_in_2021_with_its_skill(events: list[dict[str, Any]]) -> None:
    (ray,) = [e for e in _from(events, RETRO) if e["kind"] == "adoption" and "skill:ray" in e["entities"]]
    assert ray["title"] == "분산실험 도입" and ray["start"].startswith("2021") and ray["end"] == "2021-12"
    assert "organization:hanbit-data" in ray["entities"]  # the employer since joining
    assert any(e.startswith("person:team-lead-") for e in ray["entities"])


def test_english_review_promotion_and_talk(events: list[dict[str, Any]]) -> None:
    review = _from(events, "2023-01-05-2022-year-in-review.md")
    kinds = {(e["kind"], e["start"]) for e in review}
    assert {("work", "2022-03"), ("talk", "2022-08")} <= kinds
    talk = next(e for e in review if e["kind"] == "talk")
    assert "organization:pycon-korea" in talk["entities"] and "skill:ray" in talk["entities"]


@pytest.mark.parametrize("post, topic", [
    ("2020-06-15-linear-algebra-svd.md", "skill:svd"),
    ("2021-05-20-vae-loss.md", "skill:vae"),
    ("2021-09-12-attention-정리글.md", "skill:transformer"),
    ("2022-07-10-ray-tune-notes.md", "skill:ray"),
    ("notes/2020-11-03-kubernetes-basics.markdown", "skill:kubernetes"),
])
def test_technical_posts_are_publications_about_their_topics(events: list[dict[str, Any]], post: str,
                                                            topic: str) -> None:
    (publication,) = _from(events, post)
    assert publication["kind"] == "publication" and topic in publication["entities"]
    assert publication["start"] == post.rsplit("/", 1)[-1][:10]  # published on the post's date, to the day


def test_the_draft_post_is_private(store: Store) -> None:
    assert store.post(DRAFT) is None
    draft = store.post(DRAFT, include_private=True)
    assert draft is not None and draft.private
    public = store.timeline(TimelineQuery(limit=500))
    assert not any(s.post_id == DRAFT for e in public.items for s in e.sources)
    private = store.timeline(TimelineQuery(limit=500, include_private=True))
    assert any(s.post_id == DRAFT for e in private.items for s in e.sources)


def test_no_dates_are_invented(events: list[dict[str, Any]]) -> None:
    for event in events:
        for value in (event["start"], event["end"]):
            assert value is None or not value.endswith("-01-01") or event["kind"] == "publication"


def test_re_ingest_changes_nothing(store: Store) -> None:
    before = store.export()
    report = run_ingest([EXAMPLES], store)
    assert len(report.unchanged) == 9 and not (report.added or report.updated or report.removed)
    assert store.export() == before


def test_the_curation_file_makes_both_spellings_one_organization(store: Store) -> None:
    detail = store.entity("organization:hanbit-data")
    assert detail is not None and "한빛데이터" in detail.summary.entity.aliases
    assert {s.post for s in detail.sources} >= {RETRO, "2023-01-05-2022-year-in-review.md"}
