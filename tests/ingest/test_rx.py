"""The first-character lookahead must never change a match: same spans, groups and splits."""
from __future__ import annotations

import random
import re

import pytest

from ingest.language.rx import first_chars, lead


def test_first_chars_of_alternatives_groups_and_optional_parts() -> None:
    assert first_chars(r"abc|de") == "ad"
    assert first_chars(r"\b(?:x|y)z") == "xy"
    assert first_chars(r"(?<!\d)q?r") == "qr"  # an optional part adds the next one's characters
    assert first_chars(r"[a-c\d]+|_") == r"a-c\d_"


@pytest.mark.parametrize("pattern", [r"a*", r"\b", r"(?:x)?", r".x", r"[^a]b", r"(a)?\1b", r"(?i:a)b"])
def test_unknown_or_empty_starts_leave_the_pattern_alone(pattern: str) -> None:
    assert first_chars(pattern) is None
    compiled = re.compile(pattern)
    assert lead(compiled) is compiled


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:joined|left|got (?:a|an)\s+job)\b", re.IGNORECASE),
    (r"(?<=는데|지만)[,\s]+|(?<=[고며]),\s+", 0),
    (r"(?:했|하였)(?:다|고)|(?:함|됨)\s*[.!]?\s*$", 0),
    (r"\b(I|we|My)\b(?:'(?:ve|m))?(?:\s+[\w'-]+){0,3}?\s*$", 0),
    (r"stra(ß|ss)e|\bK\w+|ſ+", re.IGNORECASE),  # case folding: the lookahead folds the same way
])
def test_lead_finds_exactly_what_the_pattern_finds(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    fast = lead(plain)
    assert fast is not plain
    rng = random.Random(0)
    pieces = ["joined", "LEFT", "got a  job", "는데, ", "지만 ", "했다", "하였고", "함. ", "I've", "we",
              "My", "straße", "STRASSE", "Kelvin", "\u212aelvin", "ſ", "S", " ", "\n", ",", "고, ", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)], text
        assert fast.split(text) == plain.split(text)
