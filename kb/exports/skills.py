"""The skill graph: skills as nodes sized by evidence, co-occurrence in events as edges, and a
deterministic force-directed layout computed here so the page only has to draw SVG."""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from kb.exports.common import DocumentView, format_date

MAX_GRAPH_NODES = 60
WIDTH, HEIGHT = 800.0, 560.0


def skill_rows(view: DocumentView) -> list[dict[str, Any]]:
    """Every skill with its evidence, events and first/last use, most evidence first."""
    rows = [
        {"id": s["id"], "name": s["name"], "category": s.get("category"),
         "evidence": view.evidence(s["id"]), "events": len(view.events_of.get(s["id"], [])),
         "first": view.first(s["id"]), "last": view.last(s["id"]), "url": view.link(s)}
        for s in view.of_type("skill")
    ]
    for row in rows:
        row["used"] = " – ".join(dict.fromkeys(format_date(d) for d in (row["first"], row["last"]) if d))
    return sorted(rows, key=lambda r: (-r["evidence"], -r["events"], r["name"].casefold(), r["id"]))


def co_occurrence(view: DocumentView, skill_ids: set[str],
                  events: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Pairs of skills used in the same events (all, or those given), weighted by the events shared."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for event in view.events if events is None else events:
        present = sorted({i for i in event.get("entities", []) if i in skill_ids})
        for a, b in combinations(present, 2):
            weights[(a, b)] += 1
    return [{"source": a, "target": b, "weight": w} for (a, b), w in sorted(weights.items())]


def layout(ids: list[str], edges: list[dict[str, Any]], iterations: int = 150,
           size: tuple[float, float] = (WIDTH, HEIGHT)) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from a fixed circle: the same graph always gets the same picture."""
    width, height = size
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (width / 2, height / 2)}
    pos = {i: [width / 2 + width / 3 * math.cos(2 * math.pi * k / n),
               height / 2 + height / 3 * math.sin(2 * math.pi * k / n)] for k, i in enumerate(ids)}
    k = math.sqrt(width * height / n) * 0.75
    temperature = width / 8
    links = [(e["source"], e["target"], e["weight"]) for e in edges if e["source"] in pos and e["target"] in pos]
    for _ in range(iterations):
        disp = {i: [0.0, 0.0] for i in ids}
        for a, b in combinations(ids, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 0.01
            force = k * k / dist
            disp[a][0] += dx / dist * force
            disp[a][1] += dy / dist * force
            disp[b][0] -= dx / dist * force
            disp[b][1] -= dy / dist * force
        for a, b, weight in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 0.01
            force = dist * dist / k * (1 + math.log(weight))
            disp[a][0] -= dx / dist * force
            disp[a][1] -= dy / dist * force
            disp[b][0] += dx / dist * force
            disp[b][1] += dy / dist * force
        for i in ids:
            # a weak pull to the centre keeps unconnected skills on the canvas
            disp[i][0] += (width / 2 - pos[i][0]) * 0.05 * k / 10
            disp[i][1] += (height / 2 - pos[i][1]) * 0.05 * k / 10
            length = math.hypot(*disp[i]) or 0.01
            step = min(length, temperature)
            pos[i][0] += disp[i][0] / length * step
            pos[i][1] += disp[i][1] / length * step
        temperature = max(temperature * 0.95, 1.0)
    return _fit({i: (p[0], p[1]) for i, p in pos.items()}, size=size)


def _fit(pos: dict[str, tuple[float, float]], margin: float = 60.0,
         size: tuple[float, float] = (WIDTH, HEIGHT)) -> dict[str, tuple[float, float]]:
    """Scale the layout into the canvas, leaving room for labels."""
    width, height = size
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {i: (round(width / 2 + (x - cx) * scale, 1), round(height / 2 + (y - cy) * scale, 1))
            for i, (x, y) in pos.items()}


def separate(pos: dict[str, tuple[float, float]], radii: dict[str, float], gap: float = 22.0,
             rounds: int = 120, margin: float = 40.0,
             size: tuple[float, float] = (WIDTH, HEIGHT)) -> dict[str, tuple[float, float]]:
    """Push overlapping circles apart (room for their labels), keeping them on the canvas."""
    width, height = size
    ids = sorted(pos)
    xy = {i: list(pos[i]) for i in ids}
    for _ in range(rounds):
        moved = False
        for n, a in enumerate(ids):
            for b in ids[n + 1:]:
                dx, dy = xy[b][0] - xy[a][0], xy[b][1] - xy[a][1]
                dist = math.hypot(dx, dy)
                need = radii[a] + radii[b] + gap
                if dist >= need:
                    continue
                if dist < 1e-6:  # coincident: a fixed direction keeps the result deterministic
                    dx, dy, dist = math.cos(n), math.sin(n), 1.0
                push = (need - dist) / 2
                xy[a][0] -= dx / dist * push
                xy[a][1] -= dy / dist * push
                xy[b][0] += dx / dist * push
                xy[b][1] += dy / dist * push
                moved = True
        for i in ids:
            xy[i][0] = min(max(xy[i][0], margin), width - margin)
            xy[i][1] = min(max(xy[i][1], margin / 2), height - margin)
        if not moved:
            break
    return {i: (round(xy[i][0], 1), round(xy[i][1], 1)) for i in ids}


def skill_graph(view: DocumentView, max_nodes: int = MAX_GRAPH_NODES) -> dict[str, Any]:
    """The skills view: every skill's row, and the graph of the best-supported ones with positions."""
    rows = skill_rows(view)
    shown = rows[:max_nodes]
    ids = [r["id"] for r in shown]
    edges = co_occurrence(view, set(ids))
    top = max((r["evidence"] for r in shown), default=1)
    radii = {r["id"]: round(6 + 14 * math.sqrt(r["evidence"] / top), 1) for r in shown}
    positions = separate(layout(ids, edges), radii)
    nodes = [{**r, "x": positions[r["id"]][0], "y": positions[r["id"]][1], "r": radii[r["id"]]} for r in shown]
    return {"width": WIDTH, "height": HEIGHT, "nodes": nodes, "edges": edges, "skills": rows}
