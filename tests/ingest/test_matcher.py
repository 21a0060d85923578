"""The one-pass reading of several matchers finds exactly what each matcher finds on its own."""
from __future__ import annotations

import random

from ingest.facts.vocabulary import (
    Vocabulary,
    build_vocabulary,
    load_vocabulary,
    lower_keep_length,
)

SENTENCES = [
    "카카오에 입사해서 쿠버네티스와 레이를 도입했다. Team lead 역할을 맡았다.",
    "I joined Kakao as a Tech Lead and used R, C and Go with PyTorch; CI도입: ray로 실험",
    "R^n, x_C, Fact C.1, ls -R, Pascanu, R., N,H,W,C and a variational autoencoder (VAE)",
    "user.github.io torch.nn config.yaml PYTHON python3 pythonic 레이저 CIA",
]


def _texts() -> list[str]:
    rng = random.Random(1)
    words = " ".join(SENTENCES).split()
    return SENTENCES + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 20))) for _ in range(400)]


def _check(vocab: Vocabulary) -> None:
    matchers = (vocab.skills, vocab.organizations, vocab.roles)
    for text in _texts():
        low = lower_keep_length(text)
        assert vocab.packaged.find(text, low) == [m.find(text, low) for m in matchers], text


def test_one_pass_equals_three_with_the_packaged_vocabularies() -> None:
    found = load_vocabulary().packaged.find(SENTENCES[1], lower_keep_length(SENTENCES[1]))
    assert [h.term.name for h in found[1]] == ["Kakao"]
    _check(load_vocabulary())


def test_one_pass_equals_three_when_a_form_is_in_several_vocabularies(vocab: Vocabulary) -> None:
    _check(vocab)
    shared = build_vocabulary([{"name": "Ray", "aliases": ["레이"]}], [{"name": "Ray", "aliases": ["레이"]}],
                              [{"name": "Lead", "aliases": ["Ray"]}])
    low = lower_keep_length("Ray와 레이를 썼다")
    assert [len(hits) for hits in shared.packaged.find("Ray와 레이를 썼다", low)] == [2, 2, 1]
    _check(shared)
