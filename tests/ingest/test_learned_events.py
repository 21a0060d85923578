"""The shipped event-sentence model and headline titles, on small posts written here.

Nothing is trained and nothing is read from outside the repository: these pin what the weights in
ingest/data/event_model.json decide, so a retrain that loses the basics fails here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.facts.entities import extract
from ingest.facts.events import extract_events
from ingest.facts.headline import MAX_CHARS, headline
from ingest.facts.learned.model import MODEL_FILE, LinearModel, load_model
from ingest.facts.learned.train import best_threshold, fit
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from tests.ingest.conftest import make_post

STORY = """---
title: My first year at Kakao
date: 2021-05-03
---

It was a busy spring. I joined Kakao as a backend engineer in March. I think testing matters a lot.
You should always write tests. I gave a talk at PyCon Korea in August.
"""

KO_STORY = """---
title: 2022 회고
date: 2022-12-31
---

## 회사

또한 3월에 카카오에 입사했습니다. 개발자라면 테스트를 작성해야 한다고 생각한다.

## 발표

8월에 파이콘에서 Ray 발표를 했다.
"""


def test_the_shipped_model_loads_with_a_threshold_and_generic_features() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = load_model()
    assert 0.05 <= model.threshold <= 0.95 and len(model.weights) > 50
    assert data["authors"] >= 20 and "leave_one_author_out" in data  # trained on many writers, scored held out
    assert not any(k.startswith(("en:w:", "ko:bi:")) for k in model.weights)  # no topic words of training posts


def test_first_person_happenings_are_events_and_opinions_and_advice_are_not(vocab: Vocabulary) -> None:
    post = make_post(STORY, path="2021-05-03-news.md")
    quotes = {e.sources[0].quote for e in extract_events(post, tidy(extract(post, vocab)))}
    assert "I joined Kakao as a backend engineer in March." in quotes
    assert "I gave a talk at PyCon Korea in August." in quotes
    assert "I think testing matters a lot." not in quotes
    assert "You should always write tests." not in quotes


def test_a_join_is_a_join_event_with_a_headline_title(vocab: Vocabulary) -> None:
    post = make_post(KO_STORY, path="2022-12-31-retro.md")
    events = extract_events(post, tidy(extract(post, vocab)))
    join = next(e for e in events if "입사" in e.sources[0].quote)
    assert join.kind == "join" and join.start == "2022-03"
    assert join.title == "카카오 입사"  # résumé-style: the employer, no date, no sentence ending
    assert not any("생각한다" in e.sources[0].quote for e in events)


@pytest.mark.parametrize(("sentence", "korean", "title"), [
    ("또한 2020년 4월에 마키나락스에 입사하게 되었습니다.", True, "2020년 4월에 마키나락스 입사"),
    ("특히 사내 배포 파이프라인을 구축했다.", True, "사내 배포 파이프라인 구축"),
    ("대회에서 우수상을 받았습니다.", True, "대회에서 우수상을 받았음"),
    ("So after a long search, I finally joined Stripe as a backend engineer.", False,
     "Joined Stripe as a backend engineer"),
    ("Also, I've attended our incident management training twice.", False,
     "Attended our incident management training twice"),
    ("| 2018.03 ~ 2021.02 | 카카오 | 파이썬 개발 |", True, "2018.03 ~ 2021.02 · 카카오 · 파이썬 개발"),
])
def test_headlines_drop_connectives_subjects_and_endings(sentence: str, korean: bool, title: str) -> None:
    assert headline(sentence, korean) == title


def test_a_long_sentence_gives_a_title_within_the_limit() -> None:
    long_en = ("I rewrote the billing service in Go, which took most of the spring because the old one had no "
               "tests and nobody remembered why it worked")
    long_ko = ("상반기 6개월간 인턴십을 통해 웹 개발 실무를 다뤄볼 수 있었고 하반기에는 졸업과 취업을 위해 포트폴리오를 "
               "정리하면서 사이드 프로젝트를 배포했다")
    for text, korean in ((long_en, False), (long_ko, True)):
        title = headline(text, korean)
        assert 0 < len(title) <= MAX_CHARS + 1, title
    assert headline(long_ko, True).endswith("배포")


def test_training_learns_from_labelled_rows_and_picks_a_cut_on_held_out_events() -> None:
    """The training code itself on a toy set (the shipped weights are not touched)."""
    rows = []
    for author in "abcd":
        rows.append((["bias", "en:i-past", "date"], 1, author, frozenset({f"{author}#0"})))
        rows.append((["bias", "en:after-i:think"], 0, author, frozenset()))
    model = LinearModel(fit(rows, epochs=20), 0.5)
    assert model.probability(["bias", "en:i-past", "date"]) > 0.5 > model.probability(["bias", "en:after-i:think"])
    cut, precision, recall, f1 = best_threshold([(0.9, frozenset({"a#0"})), (0.1, frozenset())], events=1)
    assert (precision, recall, f1) == (1.0, 1.0, 1.0) and 0.1 < cut <= 0.9


def test_a_retrained_model_changes_the_fingerprint_so_every_post_is_read_again(tmp_path: Path) -> None:
    from ingest.facts.extractor import DATA_FILES, StandardExtractor
    from ingest.facts.vocabulary import DATA_DIR

    assert MODEL_FILE.name in DATA_FILES
    for name in DATA_FILES:
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    before = StandardExtractor(data_dir=tmp_path).fingerprint
    (tmp_path / MODEL_FILE.name).write_text('{"threshold": 0.5, "weights": {}}', encoding="utf-8")
    assert StandardExtractor(data_dir=tmp_path).fingerprint != before
