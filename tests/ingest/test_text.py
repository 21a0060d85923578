"""Sentence splitting: Korean lines end sentences, English hard-wrapped lines do not."""
from __future__ import annotations

from ingest.language.text import sentences


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_an_english_hard_wrap_continues_the_sentence() -> None:
    text = "In June I joined the platform team at Hanbit Data, working with\nJane Park on our store."
    assert pieces(text) == [text]


def test_a_korean_line_break_ends_a_sentence_without_punctuation() -> None:
    assert pieces("분산실험을 도입했다\n또한 CI를 만들었다") == ["분산실험을 도입했다", "또한 CI를 만들었다"]


def test_periods_end_sentences_but_not_decimals() -> None:
    assert pieces("I stayed 3.5 years. Then I left.") == ["I stayed 3.5 years.", "Then I left."]


def test_a_sentence_of_several_past_predicates_splits_into_clauses() -> None:
    from ingest.language.text import clauses

    text = "I started the program in November of 2019, got laid off in May of 2020, and finished it in July."
    assert [text[a:b] for a, b in clauses(text)] == [
        "I started the program in November of 2019", "got laid off in May of 2020", "finished it in July."]
    kept = "In 2020, I joined Kakao, which I loved."
    assert [kept[a:b] for a, b in clauses(kept)] == [kept]
