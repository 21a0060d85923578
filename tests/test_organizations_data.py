"""The organization gazetteer is hand-written data: these checks keep it loadable and unambiguous.

The same rules as the skill vocabulary (tests/test_vocabulary_data.py): a form two entries claim, or
a short or common word matched case-insensitively, turns into a wrong organization in every post.
An organization also must not claim a form the skill vocabulary owns ("Docker" the company would
take every mention of the tool), except the few sites listed below that are deliberately both.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.ids import normalize
from tests import gazetteer_rules as rules

DATA = Path(__file__).resolve().parents[1] / "ingest" / "data"
KINDS = frozenset({"company", "community", "conference", "school", "research", "media"})
REQUIRED = frozenset({"name", "kind"})
ALLOWED = REQUIRED | {"aliases", "domains", "strict", "content_host"}
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+$")
# a company and the tool or site of the same name, kept as both on purpose
BOTH_SKILL_AND_ORGANIZATION = frozenset({
    "Amazon Web Services", "GitHub", "GitLab", "Slack", "Hugging Face", "Snowflake", "Cloudflare", "DigitalOcean",
    "Heroku", "Stack Overflow", "Velog",
})
# everyday words that are also names (다음 = Daum, 당근 = Danggeun, 구름 = goorm, 요즘 IT = Yozm IT): strict or left out
PROSE_WORDS = frozenset({
    "line", "toss", "ray", "go", "meta", "apple", "amazon", "medium", "brunch", "wanted", "glitch", "slack",
    "programmers", "unite", "canonical", "the verge", "black hat", "best of the best", "general assembly",
    "reinvent", "next step", "다음", "당근", "구름", "토스트", "블라인드", "요즘 it", "여기어때",
    "제로베이스", "잔디", "리멤버", "나사",
})


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list), "organizations.yaml must be a YAML list"
    return data


@pytest.fixture(scope="module")
def skill_forms() -> dict[str, str]:
    skills = yaml.safe_load((DATA / "skills.yaml").read_text(encoding="utf-8"))
    return {normalize(f): s["name"] for s in skills for f in [s["name"], *s["aliases"], *(s.get("strict") or [])]}




def test_enough_entries(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 400


def test_entry_shape_and_kinds(entries: list[dict[str, Any]]) -> None:
    bad: list[str] = []
    for entry in entries:
        if not isinstance(entry, dict) or not REQUIRED <= entry.keys() or not entry.keys() <= ALLOWED:
            bad.append(f"keys: {entry!r}")
            continue
        if entry["kind"] not in KINDS:
            bad.append(f"kind: {entry['name']} -> {entry['kind']!r}")
        for key in ("aliases", "domains", "strict"):
            forms = entry.get(key, [])
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                bad.append(f"{key} must be a list of non-empty strings: {entry['name']} -> {forms!r}")
        if "content_host" in entry and not isinstance(entry["content_host"], bool):
            bad.append(f"content_host must be true or false: {entry['name']}")
    assert not bad, "\n".join(bad)


def test_no_prose_words_matched_loosely(entries: list[dict[str, Any]]) -> None:
    """Compared as the matcher reads them (case-folded, spacing kept): "NEXTSTEP" is not "next step"."""
    found = [f"{e['name']}: {f!r}" for e in entries for f in rules.loose_forms(e) if f.casefold() in PROSE_WORDS]
    assert not found, "\n".join(found)


def test_domains_are_hosts_owned_once(entries: list[dict[str, Any]]) -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    bad: list[str] = []
    for entry in entries:
        for domain in entry.get("domains") or []:
            owners[domain.lower()].append(entry["name"])
            if not HOST.match(domain.lower()):
                bad.append(f"not a bare host name: {entry['name']}: {domain!r}")
    bad += [f"{d}: {names}" for d, names in owners.items() if len(names) > 1]
    assert not bad, "\n".join(bad)


def test_organizations_do_not_take_skill_forms(entries: list[dict[str, Any]], skill_forms: dict[str, str]) -> None:
    taken = [f"{e['name']}: {f!r} is the skill {skill_forms[normalize(f)]!r}"
             for e in entries if e["name"] not in BOTH_SKILL_AND_ORGANIZATION
             for f in [*rules.loose_forms(e), *rules.strict_forms(e)] if normalize(f) in skill_forms]
    assert not taken, "\n".join(taken)


@pytest.mark.parametrize(("name", "forms"), [
    ("Kakao Pay", ["카카오페이"]),
    ("Samsung SDS", ["삼성SDS"]),
    ("LG CNS", ["LG CNS"]),
    ("NHN", ["엔에이치엔"]),
    ("Software Maestro", ["SW마에스트로", "소프트웨어 마에스트로"]),
    ("Woowa Tech Course", ["우아한테크코스", "우테코"]),
    ("42 Seoul", ["42서울"]),
    ("LIKELION", ["멋쟁이사자처럼"]),
    ("Hanghae99", ["항해99"]),
    ("Nomad Coders", ["노마드코더"]),
    ("Pseudo Lab", ["가짜연구소"]),
    ("MODULABS", ["모두의연구소"]),
    ("Sogang University", ["서강대", "서강대학교"]),
    ("Georgia Tech", ["Georgia Institute of Technology"]),
    ("AWS re:Invent", ["re:Invent"]),
    ("Coursera", ["코세라"]),
])
def test_well_known_names_and_their_korean_forms_are_known(entries: list[dict[str, Any]], name: str,
                                                          forms: list[str]) -> None:
    assert not rules.uncovered(entries, name, forms)


@pytest.mark.parametrize(("name", "form"), [
    ("LINE", "LINE"), ("Viva Republica", "Toss"), ("KT", "KT"), ("SOPT", "SOPT"), ("ICCV", "ICCV"),
    ("Microsoft", "MS"), ("Best of the Best", "BoB"),
])
def test_ambiguous_forms_are_strict(entries: list[dict[str, Any]], name: str, form: str) -> None:
    assert rules.strict_only(entries, name, form)