"""People masking on any JSON shape, and the skill graph the page draws."""
from __future__ import annotations

import json
from typing import Any

from kb.exports import EXPORTERS
from kb.exports.common import DocumentView
from kb.exports.people import DROP, PeopleMask, Person, initials, people_of
from kb.exports.skills import HEIGHT, WIDTH, skill_graph

JANE = Person("person:jane-park", "Jane Park", ("제인",))


def test_initials_for_latin_and_korean_names() -> None:
    assert initials("Jane Park") == "J. P."
    assert initials("박지은") == "박○○"


def test_hide_drops_people_from_every_shape() -> None:
    mask = PeopleMask([JANE], "hide")
    event = {"id": "event:x", "title": "Met Jane Park and Jane", "entities": ["skill:go", "person:jane-park"]}
    assert mask.apply(event) == {"id": "event:x", "title": "Met [someone] and [someone]", "entities": ["skill:go"]}
    summary = {"entity": {"id": "person:jane-park", "type": "person", "name": "Jane Park"}, "event_count": 1}
    assert mask.apply({"items": [summary]}) == {"items": []}
    hood = {"center": "skill:go", "depth": 2,
            "nodes": [{"id": "skill:go", "kind": "skill", "label": "Go"}, {"id": "event:a", "kind": "event", "label": "a"},
                      {"id": "person:jane-park", "kind": "person", "label": "Jane Park"},
                      {"id": "event:b", "kind": "event", "label": "b"}],
            "edges": [{"source": "event:a", "target": "skill:go"}, {"source": "event:a", "target": "person:jane-park"},
                      {"source": "event:b", "target": "person:jane-park"}]}
    kept = mask.apply(hood)
    assert [n["id"] for n in kept["nodes"]] == ["skill:go", "event:a"]  # event:b was only reachable through Jane
    path = {"nodes": [{"id": "skill:go", "kind": "skill", "label": "Go"},
                      {"id": "person:jane-park", "kind": "person", "label": "Jane Park"}], "length": 1}
    assert mask.apply(path) is DROP
    assert mask.real_id("person:jane-park") is None


def test_initials_replace_names_and_ids_with_stable_masked_ones() -> None:
    mask = PeopleMask([JANE], "initials", key="k")
    out = mask.apply({"id": "person:jane-park", "type": "person", "name": "Jane Park", "aliases": ["제인"]})
    assert out["name"] == "J. P." and out["aliases"] == [] and out["id"].startswith("person:jp-")
    assert mask.real_id(out["id"]) == "person:jane-park"
    assert mask.real_id("person:jane-park") is None  # the real id cannot be probed
    assert PeopleMask([JANE], "initials", key="k").apply("person:jane-park") == out["id"]
    assert mask.text("제인과 함께") == "J. P.과 함께"
    assert "jane" not in mask.scrub_query("jane feature store").casefold()


def test_words_of_role_names_stay_readable() -> None:
    mask = PeopleMask([Person("person:team-lead", "Team lead", ("팀장님",))], "initials")
    assert mask.text("I joined the platform team; my Team lead and 팀장님 agreed") == \
        "I joined the platform team; my T. L. and T. L. agreed"
    assert mask.scrub_query("team") == "team"


def test_full_mode_changes_nothing() -> None:
    value = {"title": "Jane Park", "entities": ["person:jane-park"]}
    assert PeopleMask([JANE], "full").apply(value) == value


def test_masking_a_document_then_exporting_leaks_no_name(document: dict[str, Any]) -> None:
    for mode in ("hide", "initials"):
        masked = PeopleMask(people_of(document), mode).apply(document)
        for name, exporter in EXPORTERS.items():
            text = exporter.render(masked)
            assert "Jane" not in text and "jane-park" not in text, (mode, name)


def test_skill_graph_weights_co_occurrence_and_fits_the_canvas(document: dict[str, Any]) -> None:
    graph = skill_graph(DocumentView.of(document))
    assert {"source": "skill:pytorch", "target": "skill:ray", "weight": 1} in graph["edges"]
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["skill:pytorch"]["first"] == "2021" and nodes["skill:pytorch"]["last"] == "2021-12"
    assert nodes["skill:pytorch"]["r"] >= nodes["skill:ray"]["r"]
    assert all(0 <= n["x"] <= WIDTH and 0 <= n["y"] <= HEIGHT for n in graph["nodes"])
    assert json.dumps(skill_graph(DocumentView.of(document))) == json.dumps(graph)  # deterministic
    positions = {(n["x"], n["y"]) for n in graph["nodes"]}
    assert len(positions) == len(graph["nodes"])
