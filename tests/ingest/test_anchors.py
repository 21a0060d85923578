"""The same event told in two posts is one event with two sources (issue 3)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.facts.anchors import anchor_events
from ingest.facts.entities import extract
from ingest.facts.events import extract_events
from ingest.runs.pipeline import run_ingest
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from kb.ids import entity_id
from kb.models import Event
from kb.store import Store
from tests.ingest.conftest import make_post, write

KO_JOIN = "---\ntitle: 이직 후기\ndate: 2021-05-01\n---\n\n2021년 4월에 한빛데이터에 머신러닝 엔지니어로 입사했다.\n"
EN_JOIN = ("---\ntitle: Joining Hanbit Data\ndate: 2021-06-01\n---\n\n"
           "I joined Hanbit Data in April 2021 as a machine learning engineer.\n")
CURATION = "entities:\n  - {name: Hanbit Data, type: organization, aliases: [한빛데이터]}\n"
HANBIT = entity_id("organization", "Hanbit Data")



def _joins(store: Store) -> list[dict]:
    return [e for e in store.export()["events"] if e["kind"] == "join" and HANBIT in e["entities"]]


def test_one_event_two_sources_and_each_post_can_go(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "kb.yaml", CURATION)
    write(root, "2021-05-01-이직-후기.md", KO_JOIN)
    write(root, "2021-06-01-joining.md", EN_JOIN)
    run_ingest([root], store)
    (event,) = _joins(store)
    assert event["start"] == "2021-04"
    assert sorted(s["post"] for s in event["sources"]) == ["2021-05-01-이직-후기.md", "2021-06-01-joining.md"]
    assert event["title"] == "한빛데이터 입사 (머신러닝 엔지니어)"  # the earliest post tells it, résumé-style

    write(root, "2021-05-01-이직-후기.md", KO_JOIN.replace("2021년 4월에 한빛데이터에 머신러닝 엔지니어로 입사했다.",
                                                         "회사 생활은 즐겁다."))
    run_ingest([root], store)
    (event,) = _joins(store)
    assert [s["post"] for s in event["sources"]] == ["2021-06-01-joining.md"]
    assert event["title"] == "Joined Hanbit Data as a machine learning engineer"

    write(root, "2021-05-01-이직-후기.md", KO_JOIN)
    run_ingest([root], store)
    assert len(_joins(store)[0]["sources"]) == 2
    (root / "2021-06-01-joining.md").unlink()
    run_ingest([root], store)
    (event,) = _joins(store)
    assert [s["post"] for s in event["sources"]] == ["2021-05-01-이직-후기.md"]


def _events(text: str, vocab: Vocabulary, path: str = "2021-05-01-story.md") -> list[Event]:
    post = make_post(text, path=path)
    sightings = tidy(extract(post, vocab))
    return anchor_events(post, extract_events(post, sightings), sightings)


def _anchored(text: str, vocab: Vocabulary, path: str = "2021-05-01-story.md") -> list[Event]:
    post = make_post(text, path=path)
    sightings = tidy(extract(post, vocab))
    plain = {e.sources[0].quote: e.id for e in extract_events(post, sightings)}  # two joins may share a title
    return [e for e in _events(text, vocab, path) if plain[e.sources[0].quote] != e.id]


STORY = "---\ntitle: 이직 후기\n---\n\n"


def test_two_posts_get_the_same_id_and_other_events_keep_theirs(vocab: Vocabulary) -> None:
    a = _anchored(STORY + "2021년 4월에 카카오에 입사했다.\n", vocab, "2021-05-01-a.md")
    b = _anchored("---\ntitle: My new job\n---\n\nI joined Kakao in April 2021.\n", vocab, "2021-12-01-b.md")
    assert len(a) == len(b) == 1 and a[0].id == b[0].id


@pytest.mark.parametrize("text", [
    STORY + "2021년에 카카오에 입사했다.\n",  # a year is not precise enough to say it is the same event
    STORY + "2021년 4월에 입사했다.\n",  # no anchor
    STORY + "2021년 4월에 카카오에 입사했다. 2021년 4월에 카카오에 합류했다.\n",  # the anchor repeats in the post
    STORY + "2021년 4월에 카카오를 퇴사하고 구글에 입사했다.\n",  # two moments: leaving and joining
    "---\ntitle: Ray 정리\n---\n\n2021년 4월에 카카오에서 Ray를 도입했다.\n",  # a write-up is its own publication
])
def test_unclear_anchors_keep_post_based_ids(text: str, vocab: Vocabulary) -> None:
    assert _anchored(text, vocab) == []


def test_the_verb_picks_the_anchor_among_several(vocab: Vocabulary) -> None:
    (event,) = _anchored(STORY + "2021년 4월, 파이썬 실험이 늘어서 ray를 도입했다.\n", vocab)
    assert event.kind == "adoption" and entity_id("skill", "Ray") in event.entities
    other = _anchored(STORY + "2021년 4월, ray를 도입했다.\n", vocab, "2022-01-01-other.md")
    assert [e.id for e in other] == [event.id]


def test_promotion_and_join_at_one_company_are_two_events(vocab: Vocabulary) -> None:
    join = _anchored(STORY + "2021년 4월에 카카오에 입사했다.\n", vocab)
    promoted = _anchored("---\ntitle: My year\ncategories: [career]\n---\n\n"
                         "In April 2021 I was promoted at Kakao.\n", vocab, "2021-12-31-year.md")
    assert len(join) == len(promoted) == 1 and join[0].id != promoted[0].id
