"""Dates at their precision, source links, and the public cut of a document."""
from __future__ import annotations

from datetime import date
from typing import Any

from kb.exports import EXPORTERS
from kb.exports.common import format_span, post_link, span_days
from kb.exports.public import public_document


def test_dates_are_shown_at_the_precision_they_were_written() -> None:
    assert format_span("2020", None) == "2020"
    assert format_span("2020-04", None) == "Apr 2020"
    assert format_span("2021-05-20", "2021-05-20") == "20 May 2021"
    assert format_span("2020-01", "2020-03") == "2020-01 – 2020-03"
    assert format_span(None, None) == "undated"


def test_spans_cover_whole_years_and_months_with_an_exclusive_end() -> None:
    assert span_days("2020", None) == (date(2020, 1, 1), date(2021, 1, 1))
    assert span_days("2020-02", None) == (date(2020, 2, 1), date(2020, 3, 1))
    assert span_days("2020-11", "2021-01") == (date(2020, 11, 1), date(2021, 2, 1))
    assert span_days("2021-05-20", None) == (date(2021, 5, 20), date(2021, 5, 21))


def test_links_name_the_post_and_the_section_anchor_percent_encoded() -> None:
    url = post_link("https://kb.example.org/", "2021-09-12-attention-정리글", "Multi-head attention")
    assert url == "https://kb.example.org/p/2021-09-12-attention-%EC%A0%95%EB%A6%AC%EA%B8%80#multi-head-attention"
    assert post_link("http://h", "p", "").endswith("/p/p")


def test_public_document_drops_private_posts_and_what_only_they_support(document: dict[str, Any]) -> None:
    public = public_document(document)
    assert [p["id"] for p in public["posts"]] == ["2021-review", "new-team"]
    ids = {e["id"] for e in public["entities"]}
    assert "skill:rust" not in ids and "project:search-engine" not in ids
    assert "event:secret" not in {e["id"] for e in public["events"]}
    jane = next(e for e in public["entities"] if e["id"] == "person:jane-park")
    assert {s["post_id"] for s in jane["sources"]} == {"new-team"}  # shared entity keeps public evidence only


def test_every_public_export_is_free_of_private_facts(document: dict[str, Any]) -> None:
    public = public_document(document)
    for name, exporter in EXPORTERS.items():
        text = exporter.render(public)
        for secret in ("secret", "Rust", "검색엔진", "비밀"):
            assert secret not in text, (name, secret)
        full = exporter.render(document)
        assert "검색엔진" in full, name  # the owner's export has them: the check above can fail


def test_every_exporter_is_a_pure_function_of_the_document(document: dict[str, Any]) -> None:
    for name, exporter in EXPORTERS.items():
        assert exporter.render(document) == exporter.render(document), name
