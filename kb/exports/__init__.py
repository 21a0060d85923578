"""Export formats: each turns the kb-export document into another standard format.

Exporters are pure functions of the export document (kb.exchange), so the CLI and the API give
the same bytes and no format needs to know which store produced the data.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Exporter:
    render: Callable[[dict[str, Any]], str]
    media_type: str
    extension: str


def render_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _registry() -> dict[str, Exporter]:
    from kb.exports import graph, ics, jsonresume, timelinejs

    return {
        "json": Exporter(render_json, "application/json", "json"),
        "jsonresume": Exporter(jsonresume.render, "application/json", "resume.json"),
        "timelinejs": Exporter(timelinejs.render, "application/json", "timeline.json"),
        "ics": Exporter(ics.render, "text/calendar", "ics"),
        "graph": Exporter(graph.render_cytoscape, "application/json", "cyjs"),
        "graphml": Exporter(graph.render_graphml, "application/graphml+xml", "graphml"),
    }


class _Registry(Mapping[str, Exporter]):
    """The exporters, imported on first use: formats build on kb.career, which reads the document
    through kb.exports.common, so importing them with this package would be circular."""

    _formats: dict[str, Exporter] | None = None

    def _all(self) -> dict[str, Exporter]:
        if self._formats is None:
            self._formats = _registry()
        return self._formats

    def __getitem__(self, name: str) -> Exporter:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


EXPORTERS: Mapping[str, Exporter] = _Registry()
