"""The portfolio's skill graph: the skills used in the most career events (not the math a hundred
study notes define), each a circle sized by that evidence, two joined when used in the same career
event. Laid out here, deterministically, so a page only has to draw it as SVG."""
from __future__ import annotations

import math
import unicodedata
from typing import Any

from kb.career.skills import rank, skill_row
from kb.career.work import is_career
from kb.exports.common import DocumentView
from kb.exports.skills import co_occurrence, layout, separate

MAX_NODES = 36  # more and the labels no longer fit: the complaint was "a hairball of math concepts"
EDGES_PER_NODE = 3  # each skill keeps its strongest links; weaker ones only add ink
WIDTH = 800.0
FONT = 13.0  # label size in canvas units, for estimating label widths
MAX_LABEL = 30  # characters; a longer name is cut (the full one is in the tooltip and on the page)


def short_label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"


def label_width(text: str) -> float:
    """About how wide a label is drawn: a Hangul or CJK character takes a full em, others ~0.6."""
    return sum(FONT * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6) for c in text)


def strongest(edges: list[dict[str, Any]], per_node: int = EDGES_PER_NODE) -> list[dict[str, Any]]:
    """The edges that are among the `per_node` heaviest of either end, in their original order."""
    kept: set[int] = set()
    ends: dict[str, list[int]] = {}
    for n, edge in enumerate(edges):
        ends.setdefault(edge["source"], []).append(n)
        ends.setdefault(edge["target"], []).append(n)
    for ids in ends.values():
        kept.update(sorted(ids, key=lambda n: -edges[n]["weight"])[:per_node])
    return [edge for n, edge in enumerate(edges) if n in kept]


def career_graph(view: DocumentView, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """{width, height, nodes: [{id, name, label, category, career, first, last, x, y, r}], edges:
    [{source, target, weight}]}: the `max_nodes` skills ranked first (as Skills lists them) among
    those with a career event; no nodes when fewer than two skills qualify."""
    rows = sorted((r for r in (skill_row(view, s) for s in view.of_type("skill")) if r["career"]), key=rank)
    shown = rows[:max_nodes] if len(rows) > 1 else []
    height = float(round(min(560, max(280, 90 * math.sqrt(len(shown))))))
    if not shown:
        return {"width": WIDTH, "height": height, "nodes": [], "edges": []}
    ids = [r["id"] for r in shown]
    edges = strongest(co_occurrence(view, set(ids), [e for e in view.events if is_career(e)]))
    top = max(r["career"] for r in shown)
    radii = {r["id"]: round(5 + 13 * math.sqrt(r["career"] / top), 1) for r in shown}
    labels = {r["id"]: short_label(r["name"]) for r in shown}
    room = {i: max(radii[i], label_width(labels[i]) / 2) for i in ids}  # the label sits under its circle
    margin = min(max(room.values()), 120.0)
    size = (WIDTH, height)
    positions = separate(layout(ids, edges, size=size), room, gap=14.0, margin=margin, size=size)
    nodes = [{"id": r["id"], "name": r["name"], "label": labels[r["id"]], "category": r["category"],
              "career": r["career"], "first": r["first"], "last": r["last"],
              "x": positions[r["id"]][0], "y": positions[r["id"]][1], "r": radii[r["id"]]} for r in shown]
    return {"width": WIDTH, "height": height, "nodes": nodes, "edges": edges}
