"""The skill vocabulary is hand-written data: these checks keep it loadable and unambiguous.

A vocabulary form that two entries claim, or a short/common word matched case-insensitively,
turns into wrong graph edges in every post, so the rules are enforced here, not remembered.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.ids import normalize
from tests import gazetteer_rules as rules

SKILLS = Path(__file__).resolve().parents[1] / "ingest" / "data" / "skills.yaml"
CATEGORIES = frozenset({
    "language", "framework", "library", "ml-method", "ml-concept", "math", "infrastructure",
    "database", "cloud", "tool", "practice", "soft-skill", "domain", "data",
})
REQUIRED = frozenset({"name", "category", "aliases"})
ALLOWED = REQUIRED | {"strict"}

# Words of ordinary prose (and URL parts) that must never be matched case-insensitively.
PROSE_WORDS = frozenset({
    "go", "ray", "spring", "make", "test", "tests", "model", "models", "data", "code", "learning",
    "training", "research", "attention", "basis", "kernel", "rank", "norm", "react", "express",
    "angular", "rust", "swift", "spark", "notion", "slack", "excel", "unity", "medium", "black",
    "windows", "zoom", "hive", "helm", "julia", "ruby", "dart", "eclipse", "airflow", "optimization",
    "regression", "classification", "integration", "sampling", "projection", "vector", "matrix",
    "gradient", "probability", "expectation", "variance", "http", "https", "github.io", "github.com",
    "networking", "writing", "ownership", "containers", "timescale", "unreal", "node", "apache",
    "likelihood", "documentation", "momentum", "trees", "norms", "generalization", "html",
    "공부", "학습", "분산", "회고", "보안", "내적", "정규화", "최적화", "확률", "통계", "소통", "발표",
    "인증", "스칼라", "클로저", "지킬", "레이", "노름", "기저", "일반화", "개발", "연구", "모델", "데이터",
    "테스트", "코드", "달리", "우도", "경우의 수", "넥스트", "접근성", "불확실성",
})


def _load() -> list[dict[str, Any]]:
    with SKILLS.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, list), "skills.yaml must be a YAML list"
    return data


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    return _load()





def test_enough_entries(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 500


def test_entry_shape_and_categories(entries: list[dict[str, Any]]) -> None:
    bad: list[str] = []
    for entry in entries:
        if not isinstance(entry, dict) or not REQUIRED <= entry.keys() or not entry.keys() <= ALLOWED:
            bad.append(f"keys: {entry!r}")
            continue
        if not isinstance(entry["name"], str) or not entry["name"].strip():
            bad.append(f"name: {entry!r}")
        if entry["category"] not in CATEGORIES:
            bad.append(f"category: {entry['name']} -> {entry['category']!r}")
        for key in ("aliases", "strict"):
            forms = entry.get(key, [])
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                bad.append(f"{key} must be a list of non-empty strings: {entry['name']} -> {forms!r}")
        if "strict" in entry and not entry["strict"]:
            bad.append(f"empty strict list: {entry['name']}")
    assert not bad, "\n".join(bad)


def test_no_prose_words_matched_loosely(entries: list[dict[str, Any]]) -> None:
    words = {normalize(w) for w in PROSE_WORDS}
    found = [f"{e['name']}: {f!r}" for e in entries for f in rules.loose_forms(e) if normalize(f) in words]
    assert not found, "\n".join(found)


def test_enough_korean_coverage(entries: list[dict[str, Any]]) -> None:
    with_hangul = [e for e in entries if any(rules.HANGUL.search(a) for a in e["aliases"])]
    assert len(with_hangul) >= 150


@pytest.mark.parametrize(("name", "forms"), [
    ("Kubernetes", ["쿠버네티스", "k8s"]),
    ("Docker", ["도커"]),
    ("Python", ["파이썬"]),
    ("NLP", ["자연어처리", "natural language processing"]),
    ("Distributed computing", ["분산처리", "분산실험"]),
    ("Unit testing", ["단위 테스트", "unittest", "unit tests"]),
    ("Continuous integration", ["지속적 통합", "CI/CD"]),
    ("Code review", ["코드 리뷰"]),
    ("Communication", ["커뮤니케이션"]),
    ("Leadership", ["리더십"]),
    ("Reinforcement learning", ["강화학습"]),
    ("Anomaly detection", ["이상탐지"]),
    ("Linear algebra", ["선형대수"]),
    ("Eigendecomposition", ["고유값 분해"]),
    ("SVD", ["특이값 분해"]),
    ("Batch normalization", ["배치 정규화"]),
    ("Virtualization", ["가상화"]),
    ("Collaboration", ["협업"]),
    ("Data collection", ["데이터 수집"]),
    ("Data analysis", ["데이터 분석"]),
    ("Web scraping", ["크롤링", "웹 크롤링"]),
    ("Databases", ["데이터베이스"]),
    ("Data migration", ["데이터 마이그레이션"]),
    ("Kubernetes", ["컨테이너 오케스트레이션"]),
])
def test_well_known_names_and_their_korean_forms_are_known(entries: list[dict[str, Any]], name: str,
                                                          forms: list[str]) -> None:
    assert not rules.uncovered(entries, name, forms)


@pytest.mark.parametrize(("name", "form"), [
    ("Go", "Go"), ("R", "R"), ("C", "C"), ("Ray", "Ray"), ("Apache Spark", "Spark"),
    ("Continuous integration", "CI"), ("Swift", "Swift"), ("Dart", "Dart"), ("Julia", "Julia"),
])
def test_ambiguous_forms_are_strict(entries: list[dict[str, Any]], name: str, form: str) -> None:
    assert rules.strict_only(entries, name, form)