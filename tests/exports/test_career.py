"""Résumé-grade facts (kb/career) from small graphs built for each rule: employers only from
join/leave events, positions by extraction's title convention, profile overrides winning, the
author's own projects only, awards/education/communities apart from work, short headlines, skills
grouped by category and ordered by career evidence."""
from __future__ import annotations

import json
from typing import Any

from kb.career.headline import MAX_CHARS, headline
from kb.career.model import career
from kb.career.work import position_of
from kb.exports import EXPORTERS
from kb.exports.common import DocumentView
from tests.exports.career_blog import blog, document


def facts(profile: dict[str, Any] | None = None) -> dict[str, Any]:
    return career(DocumentView.of(document(*blog(), profile=profile)))


def test_work_is_the_employers_of_join_and_leave_events_with_positions_and_dates() -> None:
    work = facts()["work"]
    assert [(w["name"], w["position"], w["start"], w["end"]) for w in work] == [
        ("Beta Labs", "ML 엔지니어", "2022-02", None),  # the current job first
        ("Acme", "Data Engineer", "2020-04", "2022-01"),
    ]
    acme = work[1]
    assert [h["title"] for h in acme["highlights"]] == ["Ray로 분산실험을 도입했다"]
    assert acme["source"]["post_id"] == "retro"


def test_platforms_schools_and_communities_are_never_work() -> None:
    found = facts()
    names = {w["name"] for w in found["work"]}
    assert not names & {"Dacon", "Seoul Univ", "PyCon Korea"}
    assert [(a["name"], a["awarder"]) for a in found["awards"]] == [("Dacon 위성영상 대회 입상", "Dacon")]
    assert [e["name"] for e in found["education"]] == ["Seoul Univ"]
    assert [v["name"] for v in found["volunteer"]] == ["PyCon Korea"]


def test_profile_work_overrides_win_and_may_add_an_employer() -> None:
    profile = {"name": "Kim", "work": [{"name": "acme", "position": "Senior Data Engineer", "start": "2020-03"},
                                       {"name": "Freelance", "position": "Consultant", "start": "2023-01",
                                        "highlights": ["Built a pricing model"]}]}
    work = {w["name"]: w for w in facts(profile)["work"]}
    assert (work["Acme"]["position"], work["Acme"]["start"], work["Acme"]["end"]) == \
        ("Senior Data Engineer", "2020-03", "2022-01")
    assert work["Freelance"]["position"] == "Consultant" and work["Freelance"]["id"] is None
    assert [h["title"] for h in work["Freelance"]["highlights"]] == ["Built a pricing model"]
    assert [h["title"] for h in work["Acme"]["highlights"]] == ["Ray로 분산실험을 도입했다"]  # within the new dates
    assert list(work) == ["Freelance", "Beta Labs", "Acme"]


def test_projects_are_the_authors_not_repositories_named_in_notes() -> None:
    projects = facts()["projects"]
    assert [p["name"] for p in projects] == ["Trainer"]
    assert projects[0]["skills"] == ["Ray"] and projects[0]["organizations"] == ["Acme"]


def test_skills_are_grouped_by_category_and_ordered_by_career_evidence() -> None:
    groups = facts({"name": "Kim", "lang": "en"})["skills"]
    assert [g["name"] for g in groups] == ["Infrastructure", "Mathematics"]  # five notes weigh less than two events
    assert [s["name"] for s in groups[0]["skills"]] == ["Kubernetes", "Ray"]  # as much done, used more recently
    korean = facts({"name": "Kim", "lang": "ko"})["skills"]
    assert [g["name"] for g in korean] == ["인프라", "수학"]


def test_writing_is_every_post_newest_first_with_notes_marked() -> None:
    writing = facts()["writing"]
    assert [w["id"] for w in writing][:2] == ["retro", "note-5"]
    assert [w["notes"] for w in writing] == [False] + [True] * 5


def test_positions_follow_extractions_title_convention() -> None:
    assert position_of("Joined MakinaRocks as ML Engineer") == "ML Engineer"
    assert position_of("joined Acme as an intern.") == "intern"
    assert position_of("마키나락스 입사 (머신러닝 엔지니어)") == "머신러닝 엔지니어"
    assert position_of("Joined MakinaRocks") is None and position_of("마키나락스 입사") is None


def test_headlines_drop_connectives_keep_one_sentence_and_stay_short() -> None:
    assert headline("또한 내부 라이브러리에 기여했다. 그 다음은") == "내부 라이브러리에 기여했다"
    assert headline("특히, 그리고 분산실험 도입") == "분산실험 도입"
    assert headline("so we moved everything to Kubernetes.") == "We moved everything to Kubernetes"
    assert headline("Also: but it works") == "It works"
    long = headline("We rewrote the ingestion service " * 6)
    assert len(long) <= MAX_CHARS and long.endswith("…")
    assert headline("또한") == "또한"  # nothing left to keep: the word stays


def test_the_json_resume_has_the_person_employers_and_no_third_party_repository() -> None:
    profile = {"name": "Kim", "label": "ML Engineer", "location": {"city": "Seoul", "countryCode": "KR"},
               "profiles": [{"network": "GitHub", "username": "kim"}], "lang": "en"}
    resume = json.loads(EXPORTERS["jsonresume"].render(document(*blog(), profile=profile)))
    assert resume["basics"]["name"] == "Kim" and resume["basics"]["location"]["city"] == "Seoul"
    assert [(w["name"], w.get("position"), w["startDate"], w.get("endDate")) for w in resume["work"]] == [
        ("Beta Labs", "ML 엔지니어", "2022-02", None), ("Acme", "Data Engineer", "2020-04", "2022-01")]
    assert [p["name"] for p in resume["projects"]] == ["Trainer"]
    assert resume["skills"][0] == {"name": "Infrastructure", "keywords": ["Kubernetes", "Ray"]}
    texts = [h for w in resume["work"] for h in w.get("highlights", [])] + [p["description"] for p in resume["projects"]]
    assert not [t for t in texts if t.split()[0] in ("또한", "특히", "So", "Also")]
    assert sum(len(t) > MAX_CHARS for t in texts) <= len(texts) // 10


def test_without_a_profile_the_resume_says_so_instead_of_inventing_a_person() -> None:
    resume = json.loads(EXPORTERS["jsonresume"].render(document(*blog())))
    assert "name" not in resume["basics"] and "profile" in resume["basics"]["summary"]
