"""The portfolio's skill graph data (kb/career/graph): only skills with career events, the top ones
as Skills ranks them, circles sized by career events, edges from career events only (each skill
keeping its strongest), laid out on the canvas without overlaps, the same every time."""
from __future__ import annotations

import json
import math

from kb.career.graph import MAX_NODES, career_graph, strongest
from kb.exports.common import DocumentView
from tests.exports.career_blog import document
from tests.factories import ent, ev, graph

SKILLS = 45


def many_skills() -> DocumentView:
    """Skill s00 in 45 work events, s01 in 44 ... s44 in 1; a math topic in 60 study notes (more
    evidence than any) and a skill only planned."""
    work = [ev(f"event:w{j}", f"Work {j}", f"2020-{j % 12 + 1:02d}", kind="work",
               entities=[f"skill:s{i:02d}" for i in range(SKILLS - j)]) for j in range(SKILLS)]
    notes = [ev(f"event:n{j}", f"Note {j}", "2019", kind="publication", entities=["skill:eigen", "skill:s00"])
             for j in range(60)]
    plan = ev("event:plan", "Learn Rust", "2024", kind="plan", entities=["skill:rust"])
    names = [ent(f"skill:s{i:02d}", f"Skill {i:02d}") for i in range(SKILLS)]
    return DocumentView.of(document(graph("work", *work, entities=names), graph("notes", *notes),
                                    graph("plans", plan)))


def test_the_top_skills_by_career_events_are_shown_and_notes_only_skills_are_not() -> None:
    found = career_graph(many_skills())
    ids = [n["id"] for n in found["nodes"]]
    assert ids == [f"skill:s{i:02d}" for i in range(MAX_NODES)]  # cut at the top N; eigen and rust never
    careers = [n["career"] for n in found["nodes"]]
    assert careers == list(range(SKILLS, SKILLS - MAX_NODES, -1))
    radii = [n["r"] for n in found["nodes"]]
    assert radii == sorted(radii, reverse=True) and radii[0] > radii[-1] + 5  # sized by career events
    assert found["edges"] and all(e["source"] in ids and e["target"] in ids for e in found["edges"])
    assert len(career_graph(many_skills(), max_nodes=10)["nodes"]) == 10


def test_nodes_sit_on_the_canvas_without_overlapping_and_the_layout_is_stable() -> None:
    view = many_skills()
    found = career_graph(view)
    width, height = found["width"], found["height"]
    nodes = found["nodes"]
    assert all(n["r"] <= n["x"] <= width - n["r"] and n["r"] <= n["y"] <= height - n["r"] for n in nodes)
    for n, a in enumerate(nodes):
        for b in nodes[n + 1:]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"], (a["id"], b["id"])
    assert json.dumps(career_graph(view)) == json.dumps(found)


def test_edges_are_career_events_shared_weighted_by_how_many() -> None:
    view = DocumentView.of(document(graph(
        "retro",
        ev("event:a", "Trained with Ray and PyTorch on Kubernetes", "2021-01", kind="work",
           entities=["skill:ray", "skill:pytorch", "skill:kubernetes"]),
        ev("event:b", "Ray and PyTorch again", "2021-06", kind="project", entities=["skill:ray", "skill:pytorch"]),
        ev("event:n", "Notes on Ray and eigenvalues", "2021-07", kind="publication",
           entities=["skill:ray", "skill:eigen"]))))
    found = career_graph(view)
    assert {n["id"] for n in found["nodes"]} == {"skill:ray", "skill:pytorch", "skill:kubernetes"}
    assert {(e["source"], e["target"], e["weight"]) for e in found["edges"]} == {
        ("skill:pytorch", "skill:ray", 2), ("skill:kubernetes", "skill:pytorch", 1), ("skill:kubernetes", "skill:ray", 1)}
    by_id = {n["id"]: n for n in found["nodes"]}
    assert by_id["skill:ray"]["r"] > by_id["skill:kubernetes"]["r"]
    assert by_id["skill:ray"]["first"] == "2021-01" and by_id["skill:ray"]["last"] == "2021-07"


def test_one_skill_is_no_graph() -> None:
    view = DocumentView.of(document(graph("p", ev("event:a", "Ray", "2021", kind="work", entities=["skill:ray"]))))
    assert career_graph(view)["nodes"] == []


def test_each_skill_keeps_its_strongest_edges() -> None:
    edges = [{"source": a, "target": b, "weight": w}
             for a, b, w in (("a", "b", 3), ("a", "c", 2), ("a", "d", 1), ("b", "c", 1), ("c", "d", 1))]
    kept = strongest(edges, per_node=1)
    assert [(e["source"], e["target"]) for e in kept] == [("a", "b"), ("a", "c"), ("a", "d")]
    assert strongest(edges, per_node=3) == edges
