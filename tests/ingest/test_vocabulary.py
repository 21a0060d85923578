from __future__ import annotations

from ingest.vocabulary import Vocabulary, load_vocabulary


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
