"""The graph for graph tools: Cytoscape.js elements JSON and GraphML (Gephi, yEd, networkx).

Nodes are entities and events, edges are INVOLVES (event -> entity); every node carries the
link to its first source post section."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from kb.exports.common import DocumentView

NODE_KEYS = (("label", "string"), ("type", "string"), ("kind", "string"), ("category", "string"),
             ("start", "string"), ("end", "string"), ("evidence", "int"), ("url", "string"))
EDGE_KEYS = (("type", "string"),)


def _nodes(view: DocumentView) -> list[dict[str, Any]]:
    nodes = [{"id": e["id"], "label": e["name"], "type": e["type"], "category": e.get("category"),
              "evidence": view.evidence(e["id"]), "start": view.first(e["id"]), "end": view.last(e["id"]),
              "url": view.link(e)}
             for e in sorted(view.entities.values(), key=lambda e: e["id"])]
    nodes += [{"id": ev["id"], "label": ev["title"], "type": "event", "kind": ev.get("kind"),
               "start": ev.get("start"), "end": ev.get("end"), "evidence": len(ev.get("sources") or []),
               "url": view.link(ev), "sources": view.links(ev)} for ev in view.events]
    return [{k: v for k, v in n.items() if v is not None} for n in nodes]


def _edges(view: DocumentView) -> list[dict[str, Any]]:
    return [{"id": f"{ev['id']}->{target}", "source": ev["id"], "target": target, "type": "INVOLVES"}
            for ev in view.events for target in ev.get("entities", []) if target in view.entities]


def render_cytoscape(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    graph = {"format": "cytoscape", "directed": True,
             "elements": {"nodes": [{"data": n} for n in _nodes(view)],
                          "edges": [{"data": e} for e in _edges(view)]}}
    return json.dumps(graph, ensure_ascii=False, indent=2) + "\n"


def render_graphml(document: dict[str, Any]) -> str:
    view = DocumentView.of(document)
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{ns}}}key", {"id": f"{scope[0]}_{name}", "for": scope,
                                                  "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"id": "kb", "edgedefault": "directed"})
    for node in _nodes(view):
        element = ET.SubElement(graph, f"{{{ns}}}node", {"id": node["id"]})
        for name, _ in NODE_KEYS:
            if name in node:
                ET.SubElement(element, f"{{{ns}}}data", {"key": f"n_{name}"}).text = str(node[name])
    for edge in _edges(view):
        element = ET.SubElement(graph, f"{{{ns}}}edge", {"id": edge["id"], "source": edge["source"],
                                                         "target": edge["target"]})
        ET.SubElement(element, f"{{{ns}}}data", {"key": "e_type"}).text = edge["type"]
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
