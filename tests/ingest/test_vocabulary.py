from __future__ import annotations

import pytest

from ingest.facts.vocabulary import Vocabulary, build_vocabulary, load_vocabulary


def names(vocab: Vocabulary, text: str) -> list[str]:
    return [h.term.name for h in vocab.skills.find(text)]


def test_korean_forms_take_particles_but_not_longer_words(vocab: Vocabulary) -> None:
    assert names(vocab, "레이를 썼다") == ["Ray"]
    assert names(vocab, "쿠버네티스에서 돌렸다") == ["Kubernetes"]
    assert names(vocab, "레이저를 샀다") == []


def test_latin_forms_are_whole_words_and_hangul_is_a_boundary(vocab: Vocabulary) -> None:
    assert names(vocab, "CI도입: ray로 실험") == ["Continuous integration", "Ray"]
    assert names(vocab, "CIA and pythonic") == []
    assert names(vocab, "Python, python3? PYTHON") == ["Python", "Python"]


def test_strict_and_short_forms_match_only_as_written(vocab: Vocabulary) -> None:
    assert names(vocab, "I wrote Go code") == ["Go"]
    assert names(vocab, "let's go home") == []
    assert names(vocab, "ci pipeline") == []


def test_longest_match_wins(vocab: Vocabulary) -> None:
    assert names(vocab, "a variational autoencoder (VAE)") == ["VAE", "VAE"]


def test_packaged_vocabularies_load() -> None:
    vocab = load_vocabulary()
    assert [h.term.name for h in vocab.organizations.find("카카오에 입사")] == ["Kakao"]
    assert "kakaocorp.com" in vocab.domains


SMALL = build_vocabulary([
    {"name": "R", "category": "language", "aliases": ["R언어"], "strict": ["R"]},
    {"name": "C", "category": "language", "aliases": ["C언어"], "strict": ["C"]},
    {"name": "Python", "category": "language", "aliases": ["python"]},
    {"name": "GitHub", "category": "tool", "aliases": ["github", "깃허브"]},
    {"name": "Virtualization", "category": "infrastructure", "aliases": ["가상화"]},
    {"name": "Ray", "category": "infrastructure", "aliases": [], "strict": ["Ray"]},
    {"name": "Continuous integration", "category": "practice", "aliases": ["지속적 통합"], "strict": ["CI"]},
], [], [])


@pytest.mark.parametrize("text", [
    "$x$ 대신 x in R^n 을 쓴다", "Fact C.1을 이용하여 전개한다", "Pascanu, R., Mikolov, T.", "ls -R 로 본다",
    "shape은 N,H,W,C 순서다", "A, C는 closure 조건을 충족하지 못한다", "C: affine set", "f(C) where C = g",
])
def test_one_letter_languages_are_not_variables_initials_or_indices(text: str) -> None:
    assert names(SMALL, text) == []


@pytest.mark.parametrize("text, expected", [
    ("R로 통계 분석 코드를 짰다", ["R"]),
    ("Python, R 둘 다 쓴다", ["Python", "R"]),
    ("I wrote the parser in C and then in Python.", ["C", "Python"]),
    ("C언어와 다르게", ["C"]),
])
def test_one_letter_languages_in_programming_context(text: str, expected: list[str]) -> None:
    assert names(SMALL, text) == expected


def test_no_terms_inside_dotted_names() -> None:
    assert names(SMALL, "blog는 user.github.io 에 있고 github.event 를 읽는다") == []
    assert names(SMALL, "GitHub에 올렸다. 코드는 github에 있다.") == ["GitHub", "GitHub"]


def test_korean_forms_take_verb_endings_and_latin_strict_forms_take_particles() -> None:
    assert names(SMALL, "모든 자원이 가상화되어 있다") == ["Virtualization"]
    assert names(SMALL, "서버를 가상화했고 가상화하는 중") == ["Virtualization", "Virtualization"]
    assert names(SMALL, "가상화폐를 샀다") == []
    assert names(SMALL, "ray를 도입했다") == ["Ray"]
    assert names(SMALL, "a ray of light") == []
    assert names(SMALL, "**CI** 도입") == ["Continuous integration"]
