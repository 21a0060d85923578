"""Event dates end to end: relative words resolve against the post date or the enclosing period,
precision is kept as written, and an event with no inferable date has none and says so."""
from __future__ import annotations

from pathlib import Path


def keyed(events):  # type: ignore[no-untyped-def]
    """Events by their title and by their first quote: tests name an event by either."""
    out = {e.sources[0].quote: e for e in events}
    out.update({e.title: e for e in events})
    return out


from ingest.facts.entities import extract
from ingest.facts.eventdates import UNDATED_CONFIDENCE, DateContext
from ingest.facts.events import extract_events
from ingest.runs.pipeline import run_ingest
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from kb.models import Event, TimelineQuery
from kb.store import Store
from tests.ingest.conftest import make_post, write


def dates(text: str, vocab: Vocabulary, path: str) -> dict[str, tuple[str | None, str | None]]:
    post = make_post(text, path=path)
    return {k: (e.start, e.end) for k, e in keyed(extract_events(post, tidy(extract(post, vocab)))).items()}


KO_STORY = """---
title: 나의 개발 이야기
categories: [career]
---

## 2019년

연말에 카카오에 입사했다.

## 요즘

작년에 쿠버네티스를 도입했다. 올해는 React를 공부했다.

## 마치며

내년에는 Go 스터디를 기획하고 있다.
"""


def test_korean_relative_words_use_the_post_date_or_the_enclosing_period(vocab: Vocabulary) -> None:
    found = dates(KO_STORY, vocab, "2022-03-01-story.md")
    assert found["연말에 카카오에 입사했다."] == ("2019-12", None)  # the section's year, not the post's
    assert found["작년에 쿠버네티스를 도입했다."] == ("2021", None)
    assert found["올해는 React를 공부했다."] == ("2022", None)
    assert found["내년에는 Go 스터디를 기획하고 있다."] == ("2023", None)  # a plan


EN_STORY = """---
title: Notes from my career
tags: [career]
---

## 2019

In May I joined Kakao. This summer I learned Python. Earlier this year I adopted Kubernetes.

## Lately

Last year I adopted React. In May I learned Go. This summer I shipped the new API.
"""


def test_english_relative_words_use_the_post_date_or_the_enclosing_period(vocab: Vocabulary) -> None:
    found = dates(EN_STORY, vocab, "2021-09-01-career.md")
    assert found["In May I joined Kakao."] == ("2019-05", None)
    # the model may or may not take this one for an event; its date is the heading's summer either way
    context = DateContext(make_post(EN_STORY, path="2021-09-01-career.md"))
    summer = context.sentence_span(1, "This summer I learned Python.")
    assert summer is not None and (summer.start, summer.end) == ("2019-06", "2019-08")
    assert found["Earlier this year I adopted Kubernetes."] == ("2019", None)
    assert found["Last year I adopted React."] == ("2020", None)
    assert found["In May I learned Go."] == ("2021-05", None)
    assert found["This summer I shipped the new API."] == ("2021-06", "2021-08")


def test_a_review_posted_in_january_means_the_reviewed_year(vocab: Vocabulary) -> None:
    text = "---\ntitle: 2021 Year in Review\n---\n\nThis year I adopted Kubernetes. In March I joined Kakao.\n"
    found = dates(text, vocab, "2022-01-05-review.md")
    assert found["This year I adopted Kubernetes."] == ("2021", None)
    assert found["In March I joined Kakao."] == ("2021-03", None)



def test_a_story_dates_what_follows_by_the_last_date_it_stated(vocab: Vocabulary) -> None:
    text = ("---\ntitle: Leaving Acme\n---\n\nI was hired on January 7, 2020 and I wrote the first line of the app.\n\n"
            "The pandemic hit in March. I built a design system with React. I shipped the payments app.\n")
    found = dates(text, vocab, "2021-08-27-leaving.md")
    assert found["I built a design system with React."] == ("2020-03", None)  # not 2021, the year it was told
    assert found["I shipped the payments app."] == ("2020-03", None)
    # words that point from the day of writing keep pointing from it, whatever the story told before
    deictic = ("---\ntitle: SW마에스트로 합격 후기\n---\n\n2021년도부터 지원하기를 희망했습니다. 작년에는 복무 중이라 "
               "지원할 수 없었습니다. 올해는 꼭 해보자는 생각으로 지원하게 되었습니다.\n")
    found = dates(deictic, vocab, "2022-10-20-swm.md")
    assert found["올해는 꼭 해보자는 생각으로 지원하게 되었습니다."][0] == "2022"
    # a review's own year still rules: it is told from the year it reviews
    review = "---\ntitle: 2021 Year in Review\n---\n\nI started coding in 2015. I shipped the payments app.\n"
    assert dates(review, vocab, "2022-01-05-review.md")["I shipped the payments app."] == ("2021", None)


def test_a_bare_year_in_a_sentence_keeps_the_months_of_its_section(vocab: Vocabulary) -> None:
    text = "---\ntitle: 2018 회고\n---\n\n### 3월 :: 7월\n\n2018년에 열린 Python 밋업을 주최했다.\n"
    found = dates(text, vocab, "2018-12-31-retro.md")
    assert found["2018년에 열린 Python 밋업을 주최했다."] == ("2018-03", "2018-07")


def test_a_paragraph_leading_into_a_list_dates_its_items(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 퇴사 이야기\n---\n\n### 2019년에 떠나지 않은 이유\n\n그래서 2020년 동안은 졸업 조건을 채웠습니다.\n\n"
            "* AWS 클라우드 이전을 완료했다\n* 배치 성능을 개선했다\n")
    found = dates(text, vocab, "2021-04-19-exit.md")
    assert found["AWS 클라우드 이전을 완료했다"][0] == "2020" and found["배치 성능을 개선했다"][0] == "2020"


def test_a_post_the_sentence_links_and_says_was_put_out_is_dated_by_its_address(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 2021 in review\n---\n\nI published [a post about funding](https://example.org/2021/02/14/funding/) "
            "on Kubernetes. I read [a post](https://example.org/2019/01/02/other/) about React.\n")
    found = dates(text, vocab, "2022-01-22-review.md")
    assert found[next(k for k in found if k.startswith("I published"))] == ("2021-02-14", None)


def test_a_number_counting_something_is_no_year() -> None:
    from ingest.language.dates import find_dates

    assert find_dates("자기소개서는 **2000자** 정도를 썼다", "2022-03-20") == []
    assert find_dates("We reached 2,000 users and $2000 a month", "2022-03-20") == []
    assert [m.span.start for m in find_dates("2019 회고", "2022-03-20")] == ["2019"]


def _events(store: Store) -> dict[str, dict]:
    return {e["sources"][0]["quote"]: e for e in store.export()["events"]}


def test_precision_is_kept_through_the_store(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "p", "2022-03-01-story.md", "---\ntitle: 이직 이야기\n---\n\n"
          "2019년에 카카오에 입사했다.\n\n2020년 4월에 구글로 이직했다.\n\n2021년 6월 3일에 퇴사했다.\n")
    run_ingest([tmp_path / "p"], store)
    found = {t: (e["start"], e["end"]) for t, e in _events(store).items()}
    assert found["2019년에 카카오에 입사했다."] == ("2019", None)  # never 2019-01-01
    assert found["2020년 4월에 구글로 이직했다."] == ("2020-04", None)
    assert found["2021년 6월 3일에 퇴사했다."] == ("2021-06-03", None)
    timeline = store.timeline(TimelineQuery(date_from="2019", date_to="2019"))
    assert [e.start for e in timeline.items] == ["2019"]


def test_an_event_with_no_inferable_date_has_none_and_says_so(tmp_path: Path, store: Store) -> None:
    # no date in the sentence, the headings, the title, the frontmatter or the file name
    write(tmp_path / "p", "career-story.md", "---\ntitle: 이직 이야기\n---\n\n카카오에 입사했다.\n\n"
          "## 2020년\n\n구글로 이직했다.\n")
    run_ingest([tmp_path / "p"], store)
    found = _events(store)
    undated, dated = found["카카오에 입사했다."], found["구글로 이직했다."]
    assert undated["start"] is None and undated["end"] is None
    assert undated["confidence"] <= UNDATED_CONFIDENCE < dated["confidence"]
    assert dated["start"] == "2020"


def test_a_write_up_without_a_date_is_an_undated_publication(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: Notes on Go\n---\n\nGo channels are typed conduits between goroutines.\n",
                     path="notes-on-go.md")
    (event,) = extract_events(post, extract(post, vocab))
    assert isinstance(event, Event) and event.kind == "publication"
    assert event.start is None and event.confidence <= UNDATED_CONFIDENCE
