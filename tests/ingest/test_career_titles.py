"""Join and leave events get résumé-style titles ("Joined X as a ROLE", "X 입사 (ROLE)", "Left X",
"X 퇴사") that kb/career reads a work entry's position back from; the quote stays the sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.facts.careertitles import career_title, english_role, korean_role
from ingest.facts.entities import extract
from ingest.facts.events import extract_events
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from ingest.runs.pipeline import run_ingest
from kb.career.headline import headline
from kb.career.model import career
from kb.career.work import position_of
from kb.exports.common import DocumentView
from kb.models import Event
from kb.store import Store
from tests.ingest.conftest import make_post, write

EN = "---\ntitle: New job\ndate: 2022-04-01\n---\n\n"
KO = "---\ntitle: 이직 후기\ndate: 2022-04-01\n---\n\n"


def _career_events(text: str, vocab: Vocabulary) -> list[Event]:
    post = make_post(text, path="2022-04-01-news.md")
    return [e for e in extract_events(post, tidy(extract(post, vocab))) if e.kind in ("join", "leave")]


@pytest.mark.parametrize(("body", "kind", "title", "position"), [
    (EN + "In March I joined Kakao as a backend engineer.\n", "join", "Joined Kakao as a backend engineer",
     "backend engineer"),
    (EN + "So after a long search, I finally joined Kakao.\n", "join", "Joined Kakao", None),
    (EN + "In March I left Kakao, where I had been for four years.\n", "leave", "Left Kakao", None),
    (KO + "2022년 3월에 '카카오'에 머신러닝 엔지니어로 입사했다.\n", "join", "카카오 입사 (머신러닝 엔지니어)",
     "머신러닝 엔지니어"),
    (KO + "3월에 백엔드 개발자로 카카오에 합류했습니다.\n", "join", "카카오 입사 (백엔드 개발자)", "백엔드 개발자"),
    (KO + "그리고 3월에 카카오에 입사하게 되었습니다.\n", "join", "카카오 입사", None),
    (KO + "3년 동안 다닌 카카오를 3월에 퇴사했다.\n", "leave", "카카오 퇴사", None),
])
def test_join_and_leave_titles_state_employer_and_role(body: str, kind: str, title: str, position: str | None,
                                                       vocab: Vocabulary) -> None:
    (event,) = _career_events(body, vocab)
    assert (event.kind, event.title) == (kind, title)
    assert event.sources[0].quote == body.split("\n\n", 1)[1].strip()  # the scorer matches on it: unchanged
    assert position_of(event.title) == position
    assert headline(event.title) == event.title  # a résumé shows it as it is


def test_a_join_whose_verb_takes_no_organization_keeps_its_headline(vocab: Vocabulary) -> None:
    text = KO + "카카오에서 강의를 하기로 했지만 회사에 입사하면서 포기했다.\n"
    assert all(not e.title.startswith("카카오 입사") for e in _career_events(text, vocab))


@pytest.mark.parametrize(("sentence", "role"), [
    ("I started working at Acme as an intern.", "intern"),
    ("Acme hired me as Senior Software Engineer!", "Senior Software Engineer"),
    ("My new role as Developer Advocate at Acme starts Monday.", "Developer Advocate"),
    ("I joined Acme as their first engineer.", "engineer"),
    ("I joined Acme as the CTO in 2019.", "CTO"),
    ("I joined Acme as a lead engineer in the platform team.", "lead engineer"),
    ("I joined Acme as soon as I could.", None),
    ("I joined Acme as a senior distributed systems software engineer.", None),  # not a short noun phrase
])
def test_english_roles(sentence: str, role: str | None) -> None:
    assert english_role(sentence) == role


@pytest.mark.parametrize(("sentence", "org", "role"), [
    ("카카오 서버 개발 인턴으로 합류했다.", "카카오", "서버 개발 인턴"),
    ("네이버에서 백엔드 개발자로 일하게 되었다.", "네이버", "백엔드 개발자"),
    ("결국 카카오에 ML Engineer로 입사했다.", "카카오", "ML Engineer"),
    ("드디어 전문연구요원으로 마키나락스에 합류했다.", "마키나락스", "전문연구요원"),
    ("그래서 데이터 분석가 포지션으로 토스에 입사했다.", "토스", "데이터 분석가"),
    ("한국전자통신연구원으로 이직했다.", "한국전자통신연구원", None),  # the employer's name, not a role
    ("교수님의 추천으로 피엘지에 입사했다.", "피엘지", None),
])
def test_korean_roles(sentence: str, org: str, role: str | None) -> None:
    assert korean_role(sentence, org) == role


def test_titles_follow_the_convention_position_of_reads() -> None:
    assert career_title("join", "I joined Acme as an ML engineer.", "Acme", False) == "Joined Acme as ML engineer"
    assert career_title("join", "I joined Acme as an engineer.", "Acme", False) == "Joined Acme as an engineer"
    for title in ("Joined Acme as ML engineer", "Joined Acme as an engineer"):
        assert position_of(title) in ("ML engineer", "engineer")


def test_a_work_entry_gets_its_position_from_a_post(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "kb.yaml", "entities:\n  - {name: Hanbit Data, type: organization, aliases: [한빛데이터]}\n")
    write(root, "2021-05-01-이직-후기.md", KO.replace("2022-04-01", "2021-05-01")
          + "2021년 4월에 한빛데이터에 머신러닝 엔지니어로 입사했다.\n")
    write(root, "2023-02-01-moving-on.md", EN.replace("2022-04-01", "2023-02-01")
          + "In January 2023 I left Hanbit Data after almost two years.\n")
    run_ingest([root], store)
    (work,) = career(DocumentView.of(store.export()))["work"]
    assert (work["name"], work["position"], work["start"], work["end"]) == \
        ("Hanbit Data", "머신러닝 엔지니어", "2021-04", "2023-01")


def test_a_table_of_jobs_gives_work_entries_with_position_and_period(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-01-02-경력-회고.md", "---\ntitle: 나의 경력 회고\ndate: 2021-01-02\n---\n\n## 경력\n\n"
          "| 기간 | 회사 | 직무 |\n| --- | --- | --- |\n| 2019.03 ~ 2020.02 | 한빛데이터 | 백엔드 개발자 |\n"
          "| 2020.03 ~ 현재 | 누리소프트 | 서버 개발자 |\n")
    run_ingest([root], store)
    work = {w["name"]: (w["position"], w["start"], w["end"]) for w in career(DocumentView.of(store.export()))["work"]}
    assert work == {"한빛데이터": ("백엔드 개발자", "2019-03", "2020-02"), "누리소프트": ("서버 개발자", "2020-03", None)}
