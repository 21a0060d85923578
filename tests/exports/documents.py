"""A small kb-export document written for the export and web tests: every date precision, a range,
an undated event, a person, and one private post whose facts must never reach a public view."""
from __future__ import annotations

from typing import Any

from kb.exchange import build_export
from kb.models import Entity, Event, Mention, Post, Source

BASE = "https://kb.example.org"
PROFILE = {"name": "김하늘", "label": "ML Engineer", "email": "sky@example.org", "url": "https://sky.example.org",
           "summary": "분산 학습과 MLOps를 하는 엔지니어.", "location": {"city": "Seoul", "countryCode": "KR"},
           "profiles": [{"network": "GitHub", "username": "sky", "url": "https://github.com/sky"}], "lang": "ko"}


def _src(post: str, section: str, quote: str = "") -> Source:
    return Source(post_id=post, post=f"{post}.md", section=section, quote=quote)


def make_document() -> dict[str, Any]:
    posts = [
        Post(id="2021-review", path="2021-review.md", title="2021년 회고", date="2022-01-02",
             body="# 나의 2021년\n\n2021년은 한빛데이터에 입사한 해.\n\n## 입사 전: 2021-01 ~ 2021-03\n\n스터디.\n\n"
                  "### 캐글 대회 참가\n\nPyTorch로 동상.\n\n## 입사 후: 2021-04 ~ 2021-12\n\n입사.\n\n"
                  "### 분산실험 도입\n\nRay로 분산실험. <script>alert(1)</script>\n"),
        Post(id="new-team", path="new-team.md", title="Joining the platform team", date="2023-06-30",
             body="## A new team\n\nI joined the platform team, working with Jane Park on Go services.\n"),
        Post(id="secret", path="secret.md", title="비밀 프로젝트", date="2024-02-01", private=True,
             body="## 비밀 프로젝트\n\nRust로 검색엔진. Jane Park도 모른다.\n"),
    ]
    entities = [
        Entity(id="skill:ray", type="skill", name="Ray", category="infrastructure"),
        Entity(id="skill:pytorch", type="skill", name="PyTorch", aliases=("torch",), category="framework"),
        Entity(id="skill:go", type="skill", name="Go", category="language"),
        Entity(id="skill:rust", type="skill", name="Rust", category="language"),
        Entity(id="person:jane-park", type="person", name="Jane Park"),
        Entity(id="organization:hanbit-data", type="organization", name="한빛데이터", aliases=("Hanbit Data",),
               category="company"),
        Entity(id="organization:kaggle", type="organization", name="Kaggle", category="platform"),
        Entity(id="project:feature-store", type="project", name="Feature store"),
        Entity(id="project:search-engine", type="project", name="개인 검색엔진"),
    ]
    mentions = [
        Mention(entity_id="skill:ray", source=_src("2021-review", "분산실험 도입", "Ray로 분산실험")),
        Mention(entity_id="skill:pytorch", source=_src("2021-review", "캐글 대회 참가", "PyTorch")),
        Mention(entity_id="organization:kaggle", source=_src("2021-review", "캐글 대회 참가", "캐글")),
        Mention(entity_id="organization:hanbit-data", source=_src("2021-review", "나의 2021년", "한빛데이터")),
        Mention(entity_id="skill:go", source=_src("new-team", "A new team", "Go services")),
        Mention(entity_id="person:jane-park", source=_src("new-team", "A new team", "working with Jane Park")),
        Mention(entity_id="project:feature-store", source=_src("new-team", "A new team", "feature store")),
        Mention(entity_id="organization:hanbit-data", source=_src("new-team", "A new team", "Hanbit Data")),
        Mention(entity_id="skill:rust", source=_src("secret", "비밀 프로젝트", "Rust")),
        Mention(entity_id="person:jane-park", source=_src("secret", "비밀 프로젝트", "Jane Park")),
        Mention(entity_id="project:search-engine", source=_src("secret", "비밀 프로젝트", "검색엔진")),
    ]
    events = [
        Event(id="event:study", title="알고리즘 스터디 운영", kind="study", start="2021-01", end="2021-03",
              entities=("skill:pytorch",), sources=(_src("2021-review", "입사 전: 2021-01 ~ 2021-03"),)),
        Event(id="event:kaggle", title="Kaggle 대회 동상", kind="competition", start="2021",
              entities=("skill:pytorch", "organization:kaggle"), sources=(_src("2021-review", "캐글 대회 참가"),)),
        Event(id="event:joined", title="한빛데이터 입사 (데이터 엔지니어)", kind="join", start="2021-04",
              entities=("organization:hanbit-data",), sources=(_src("2021-review", "입사 후: 2021-04 ~ 2021-12"),)),
        Event(id="event:ray", title="Ray로 분산실험 도입", kind="adoption", start="2021-04", end="2021-12",
              entities=("skill:ray", "skill:pytorch", "organization:hanbit-data"),
              sources=(_src("2021-review", "분산실험 도입"),)),
        Event(id="event:team", title="Joined the platform team with Jane Park", kind="work", start="2023-06-30",
              entities=("organization:hanbit-data", "person:jane-park", "project:feature-store", "skill:go"),
              sources=(_src("new-team", "A new team", "working with Jane Park"),)),
        Event(id="event:someday", title="Learn more Go", kind="plan",
              entities=("skill:go",), sources=(_src("new-team", "A new team"),)),
        Event(id="event:secret", title="Rust 검색엔진 계획", kind="plan", start="2024-02",
              entities=("skill:rust", "project:search-engine", "person:jane-park"),
              sources=(_src("secret", "비밀 프로젝트"),)),
    ]
    return {**build_export(posts, entities, mentions, events, meta={"profile": PROFILE}), "base_url": BASE}
