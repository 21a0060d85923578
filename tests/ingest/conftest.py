"""Small Korean and English posts written for these tests, and a tiny vocabulary."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.posts.parse import ParsedPost, parse_post
from ingest.posts.read import RawPost
from ingest.facts.vocabulary import Vocabulary, build_vocabulary
from kb.store import Store
from kb.stores import open_store

SKILLS = [
    {"name": "Ray", "category": "infrastructure", "aliases": ["레이"], "strict": ["Ray"]},
    {"name": "Continuous integration", "category": "practice", "aliases": ["CI", "지속적 통합"]},
    {"name": "Python", "category": "language", "aliases": ["python", "파이썬"]},
    {"name": "Go", "category": "language", "aliases": ["golang"], "strict": ["Go"]},
    {"name": "Kubernetes", "category": "infrastructure", "aliases": ["kubernetes", "쿠버네티스"]},
    {"name": "React", "category": "framework", "aliases": ["react", "리액트"]},
    {"name": "VAE", "category": "ml-method", "aliases": ["variational autoencoder"]},
]
ORGS = [
    {"name": "Kakao", "kind": "company", "aliases": ["카카오"], "domains": ["kakaocorp.com"]},
    {"name": "Google", "kind": "company", "aliases": ["구글"], "domains": ["google.com"], "content_host": True},
]
ROLES = [
    {"name": "Team lead", "aliases": ["팀장", "팀장님", "my team lead"]},
    {"name": "Manager", "aliases": ["my manager", "매니저님"]},
]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return build_vocabulary(SKILLS, ORGS, ROLES)


def make_post(text: str, path: str = "2021-03-04-post.md", root: str = "/posts") -> ParsedPost:
    return parse_post(RawPost(root=root, path=path, text=text, content_hash="h"))


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


KO_RETRO = """---
title: "2020년 회고"
categories: [회고]
---

# 나의 2020년

2020년을 돌이켜보면, '카카오'에 입사한 전/후로 나눌 수 있다.

## 입사 전: 2020-01 ~ 2020-03

### 알고리즘 스터디 진행

좋은 스터디를 만나서 꾸준히 문제를 풀었다. 결과적으로 2020년 12월까지 스터디를 지속하게 되었다.

## 입사 후: 2020-04 ~ 2020-12

### 분산실험 도입

ray를 도입하여 실험을 병렬적으로 진행할 수 있도록 세팅했다. 팀장님과 많은 이야기를 했다.

```python
# 코드 안의 제목은 제목이 아니다
import kubernetes
```

### 건강

운동을 해야겠다.

## 끝으로

내년에는 더 열심히 하고 싶다.
"""

EN_REVIEW = """+++
title = "2021 Year in Review"
date = "2022-01-05T10:31:38-08:00"
blogtags = ["Go", "Career"]
+++

Inspired by my friend [Amy](https://amy.example.dev/review), I decided to write this.

## New Job

I got a new job after three great years at [Acme Labs](https://acmelabs.io/). I got a software engineer
position at [Truss](https://truss.works/), a remote consultancy.

## Tools

I joined the Go guild in May - though for 2 of those months I was out for parental leave.
I started using [Obsidian](https://obsidian.md/) for my notes this year.
I never learned Kubernetes, and I will not.

## 2022 Goals

I want to learn more about React.
"""


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store: ingest tests check the pipeline; tests/store_contract checks the backends."""
    opened = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    yield opened
    opened.close()
