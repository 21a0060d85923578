"""The skill graph on the home page as inline SVG: the layout is kb/career/graph's, each skill a link
to its page (the site's script turns a click into a timeline filter), edges drawn under the nodes."""
from __future__ import annotations

import math
from typing import Any

from kb.career.graph import career_graph
from kb.site import paths
from kb.site.html import esc, tag
from kb.site.i18n import month, span_text
from kb.site.layout import SiteModel


def _edge(nodes: dict[str, dict[str, Any]], edge: dict[str, Any]) -> str:
    a, b = nodes[edge["source"]], nodes[edge["target"]]
    width = round(1 + min(math.log(edge["weight"]) * 1.5, 5), 1)
    return f'<line x1="{a["x"]}" y1="{a["y"]}" x2="{b["x"]}" y2="{b["y"]}" stroke-width="{width}"/>'


def _node(model: SiteModel, page: str, node: dict[str, Any]) -> str:
    tip = " · ".join(x for x in (node["name"], f"{model.t('events')} {node['career']}",
                                 span_text(month(node["first"]), month(node["last"]), model.lang)) if x)
    target = model.entity_link(page, node["id"])
    return tag("a", tag("title", esc(tip))
               + f'<circle cx="{node["x"]}" cy="{node["y"]}" r="{node["r"]}"/>'
               + tag("text", esc(node["label"]), x=node["x"], y=round(node["y"] + node["r"] + 13, 1)),
               href=target, class_="node", data_entity=node["id"])


def skill_graph(model: SiteModel, page: str = paths.INDEX) -> str:
    """A figure with the graph and what it shows, or nothing when fewer than two skills qualify."""
    graph = career_graph(model.view)
    if not graph["nodes"]:
        return ""
    nodes = {n["id"]: n for n in graph["nodes"]}
    width, height = int(graph["width"]), int(graph["height"])
    svg = (f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="graph-svg">'
           + tag("g", "".join(_edge(nodes, e) for e in graph["edges"]), class_="edges", aria_hidden="true")
           + tag("g", "".join(_node(model, page, n) for n in graph["nodes"]), class_="nodes")
           + "</svg>")
    caption = tag("figcaption", esc(model.t("graph_note").format(n=len(nodes))), class_="meta")
    return tag("figure", tag("div", svg, class_="graph-box") + caption, class_="graph", id="skill-graph")
