from __future__ import annotations

import pytest

from ingest.facts.entities import extract
from ingest.facts.resolve import drop_unrealized, parse_curation, tidy
from ingest.facts.vocabulary import Vocabulary
from kb.errors import ConfigError
from tests.ingest.conftest import make_post

REVIEW = """---
title: 2021 in review
---

I built the dashboard in React and Python.

Their team uses Kubernetes everywhere.

I want to learn Go next year.

## 아쉬운 점

- 쿠버네티스 공부를 못했다.
"""


def test_skills_only_wished_for_or_someone_elses_are_dropped(vocab: Vocabulary) -> None:
    post = make_post(REVIEW, path="2021-12-20-review.md")
    names = {s.name for s in drop_unrealized(post, tidy(extract(post, vocab))) if s.type == "skill"}
    assert names == {"React", "Python"}


def test_technical_posts_keep_every_skill(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: Notes\n---\n\nI want to learn Go.\n", path="2021-01-01-notes.md")
    assert {s.name for s in drop_unrealized(post, extract(post, vocab))} == {"Go"}


def test_short_project_names_fold_into_longer_ones(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 회고\n---\n\n내부 연구용 라이브러리 개발. 이후 연구용 라이브러리를 공개했다. 스터디도 했다.\n")
    projects = {s.name for s in tidy(extract(post, vocab)) if s.type == "project"}
    assert projects == {"내부 연구용 라이브러리", "스터디"}


@pytest.mark.parametrize("data", [{"facts": [{"title": "x"}]}, {"facts": [{"post": "p", "title": "x", "kind": "party"}]},
                                  {"facts": [{"post": "p", "title": "x", "start": "May"}]}, {"merge": ["a"]},
                                  {"entities": [{"name": "X", "type": "planet"}]}])
def test_bad_curation_is_a_config_error(data: dict) -> None:
    with pytest.raises(ConfigError):
        parse_curation(data)
