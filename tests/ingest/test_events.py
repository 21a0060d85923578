from __future__ import annotations

from ingest.facts.entities import extract
from ingest.facts.events import extract_events, is_narrative
from ingest.facts.headline import headline
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from kb.ids import entity_id
from tests.ingest.conftest import EN_REVIEW, KO_RETRO, make_post


def keyed(events):  # type: ignore[no-untyped-def]
    """Events by their title and by their first quote: tests name an event by either."""
    out = {e.sources[0].quote: e for e in events}
    out.update({e.title: e for e in events})
    return out


def events_of(text: str, vocab: Vocabulary, path: str = "2021-01-01-retro.md") -> list:
    post = make_post(text, path=path)
    return extract_events(post, tidy(extract(post, vocab)))


def test_korean_retrospective_sections_periods_and_skips(vocab: Vocabulary) -> None:
    events = keyed(events_of(KO_RETRO, vocab))
    join = next(e for t, e in events.items() if "입사" in t)
    assert join.start == "2020-04" and entity_id("organization", "Kakao") in join.entities
    study = events["알고리즘 스터디 진행"]
    assert (study.start, study.end) == ("2020-01", "2020-12")  # the period, extended by "…까지"
    ray = events["분산실험 도입"]
    assert (ray.start, ray.end, ray.kind) == ("2020-04", "2020-12", "adoption")
    assert entity_id("skill", "Ray") in ray.entities
    assert entity_id("organization", "Kakao") in ray.entities  # the employer since joining
    assert not any("건강" in t or "끝으로" in t or "내년" in t for t in events)
    assert all(e.sources and e.sources[0].post == "2021-01-01-retro.md" for e in events.values())


def test_english_review_sentences_clauses_relative_dates(vocab: Vocabulary) -> None:
    events = events_of(EN_REVIEW, vocab, path="2021-year-in-review.md")
    titles = [e.sources[0].quote for e in events]
    job = next(e for e in events if e.sources[0].quote.startswith("I got a new job"))
    assert job.start == "2021" and job.kind == "work"
    guild = next(e for e in events if e.sources[0].quote.startswith("I joined the Go guild"))
    assert guild.start == "2021-05"
    assert any(t.startswith("though for 2 of those months") for t in titles)
    obsidian = next(e for e in events if "Obsidian" in e.sources[0].quote)
    assert obsidian.start == "2021"  # "this year" in a review of 2021 posted in 2022
    assert not any("never" in t or "want to" in t or "Inspired" in t for t in titles)


def test_quotes_are_verbatim_with_offsets(vocab: Vocabulary) -> None:
    post = make_post(EN_REVIEW, path="2021-year-in-review.md")
    for event in extract_events(post, tidy(extract(post, vocab))):
        for source in event.sources:
            assert post.body[source.start:source.end] == source.quote


def test_technical_post_is_one_publication_event(vocab: Vocabulary) -> None:
    text = "---\ntitle: Ray로 분산 학습하기\ncategories: [ml]\n---\n\n# 소개\n\nray와 python으로 실험을 나눈다.\n"
    post = make_post(text, path="2021-02-03-ray.md")
    assert not is_narrative(post)
    (event,) = extract_events(post, tidy(extract(post, vocab)))
    assert (event.kind, event.title, event.start) == ("publication", "Ray로 분산 학습하기", "2021-02-03")
    assert entity_id("skill", "Ray") in event.entities


def test_event_ids_are_stable(vocab: Vocabulary) -> None:
    first = sorted(e.id for e in events_of(KO_RETRO, vocab))
    assert first == sorted(e.id for e in events_of(KO_RETRO, vocab))
    assert len(set(first)) == len(first)


EN_LIST = """---
title: Looking back at 2020
date: 2020-12-30
---

## Work

- Joined Kakao as a backend engineer in February
- Shipped the new invoicing API with my team
- Promoted to senior engineer in November
- Not everything went well

## Life

My daughter was born in October!
"""


def test_english_list_items_without_a_subject(vocab: Vocabulary) -> None:
    events = keyed(events_of(EN_LIST, vocab, path="2020-12-30-review.md"))
    joined = events["Joined Kakao as a backend engineer in February"]
    assert (joined.start, joined.kind) == ("2020-02", "join")
    shipped = events["Shipped the new invoicing API with my team"]
    assert entity_id("organization", "Kakao") in shipped.entities  # the employer since February
    assert events["Promoted to senior engineer in November"].start == "2020-11"
    born = events["My daughter was born in October!"]
    assert (born.kind, born.start) == ("life", "2020-10")
    assert entity_id("organization", "Kakao") not in born.entities
    assert not any(t.startswith("Not everything") for t in events)


def test_named_section_keeps_distinct_strong_events(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 2022 회고\n---\n\n## 사이드 프로젝트\n\n[gitkr](https://github.com/me/gitkr)라는 도구를 만들어 "
            "공개했다.\n\n'카카오'에서 주최한 행사에서 발표를 했다.\n")
    titles = [e.title for e in events_of(text, vocab, path="2022-12-31-retro.md")]
    assert titles[0] == "사이드 프로젝트"
    assert any("발표" in t for t in titles)


KO_TABLE = """---
title: 올해를 돌아보며
date: 2021-12-31
---

# 회사

| 기간 | 회사 | 역할 |
|---|---|---|
| 2018.03 ~ 2021.02 | 카카오 | 파이썬 개발 |

카카오에서는 Kotlin으로 결제 서버를 개발하고 있다.

# 개인

## Summer

운동을 시작했다.
"""


def test_table_rows_and_ongoing_work_are_events(vocab: Vocabulary) -> None:
    events = keyed(events_of(KO_TABLE, vocab, path="2021-12-31-retro.md"))
    row = events["| 2018.03 ~ 2021.02 | 카카오 | 파이썬 개발 |"]  # a row of a jobs table is a job
    assert (row.kind, row.title, row.start, row.end) == ("join", "카카오 입사 (파이썬 개발)", "2018-03", "2021-02")
    assert entity_id("organization", "Kakao") in row.entities
    assert not any(t.startswith("기간") for t in events)  # the header row is a label


def test_a_bare_season_heading_is_a_period() -> None:
    from ingest.language.dates import period_of

    assert period_of("Summer", "2021-12") is not None and period_of("Summer", "2021-12").start == "2021-06"


def test_career_story_without_a_label_is_narrative_and_dated_by_its_post(vocab: Vocabulary) -> None:
    text = ("---\ntitle: Some news\ndate: 2021-05-03\n---\n\nI joined Kakao today. I left my old team last month.\n"
            "I graduated in 2015. I built a small app with Python.\n")
    post = make_post(text, path="2021-05-03-news.md")
    assert is_narrative(post)
    events = keyed(extract_events(post, tidy(extract(post, vocab))))
    assert events["I joined Kakao today."].start == "2021-05-03"
    assert events["I graduated in 2015."].start == "2015"
    # an undated sentence is read from the last date the story stated (not from the day it was told)
    assert events["I built a small app with Python."].start == "2015"


def test_a_dated_story_title_is_the_default_date(vocab: Vocabulary) -> None:
    text = "---\ntitle: 2021년 3월 이직 후기\ndate: 2021-06-01\n---\n\n카카오로 이직했다.\n"
    (event,) = events_of(text, vocab, path="2021-06-01-move.md")
    assert event.start == "2021-03"


KO_POLITE = """---
title: "🎉 2023년 회고"
date: 2024-01-01
---

## 🚀 이직

2월에 '카카오'로 이직했습니다. 3년 동안 다녔던 스타트업을 떠나는 게 쉽지 않았습니다.

## 💼 회사에서 한 일

1. **Kubernetes** 기반 배포 파이프라인 구축
2. 신입 개발자 온보딩 담당

## 📚 공부

- Python 스터디를 진행했습니다.
- 정보처리기사 자격증 취득
"""


def test_topic_headings_over_lists_and_done_labels(vocab: Vocabulary) -> None:
    events = keyed(events_of(KO_POLITE, vocab, path="2024-01-01-retro.md"))
    move = events["카카오 입사"]  # a section about joining is titled by the join, résumé-style
    assert headline("## 🚀 이직", True) == "이직"  # an emoji is not part of a heading's title
    assert move.start == "2023-02" and entity_id("organization", "Kakao") in move.entities
    pipeline = events["Kubernetes 기반 배포 파이프라인 구축"]
    assert entity_id("organization", "Kakao") in pipeline.entities  # the employer since February
    assert "신입 개발자 온보딩 담당" in events  # every item under a 'what I did' label
    assert {"Python 스터디를 진행했습니다.", "정보처리기사 자격증 취득"} <= set(events)
    assert "공부" not in events  # a topic heading over a list is not one event


def test_a_sentence_leading_into_a_list_links_what_the_list_names(vocab: Vocabulary) -> None:
    text = ("---\ntitle: My first week at Acme\ndate: 2018-07-06\ncategories: [career]\n---\n\n"
            "On Monday we started setting up my laptop.\n\n"
            "- Python\n- Kubernetes\n\nLater I joined the standup.\n")
    post = make_post(text, path="2018-07-06-first-week.md")
    events = keyed(extract_events(post, tidy(extract(post, vocab))))
    linked = set(events["On Monday we started setting up my laptop"].entities)
    assert {entity_id("skill", "Python"), entity_id("skill", "Kubernetes")} <= linked
