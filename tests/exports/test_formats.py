"""Each standard format, checked with its own tooling: the JSON Resume schema, icalendar's
parser, an XML parser for GraphML; TimelineJS3's own library is exercised in tests/web."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from kb.exports import EXPORTERS
from kb.exports.public import public_document

NPM = Path(os.environ.get("KB_NPM_DIR", Path.home() / ".cache" / "kb" / "npm")) / "node_modules"


def test_jsonresume_is_valid_against_the_published_schema(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = NPM / "@jsonresume" / "schema" / "schema.json"
    if not schema_file.exists():
        pytest.skip(f"npm @jsonresume/schema not installed in {NPM.parent} (scripts/test.sh installs it)")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    resume = json.loads(EXPORTERS["jsonresume"].render(public_document(document)))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(resume)]
    assert not errors, errors
    # and the schema is strict enough to notice a broken resume
    assert list(validator.iter_errors({**resume, "work": [{"startDate": "May 2021"}]}))


def test_jsonresume_sections_come_from_the_graph_and_link_back(document: dict[str, Any]) -> None:
    resume = json.loads(EXPORTERS["jsonresume"].render(public_document(document)))
    assert resume["basics"]["name"] == "김하늘" and resume["basics"]["label"] == "ML Engineer"
    assert [w["name"] for w in resume["work"]] == ["한빛데이터"]  # Kaggle, a platform, is no employer
    work = resume["work"][0]
    assert work["startDate"] == "2021-04" and work["position"] == "데이터 엔지니어"
    assert "endDate" not in work  # joined and never left: the current job
    assert "Ray로 분산실험 도입" in work["highlights"]
    ml = next(s for s in resume["skills"] if "PyTorch" in s["keywords"])
    assert ml["name"] == "프레임워크" and "Ray" not in ml["keywords"]  # grouped by category, in the profile's language
    assert [p["name"] for p in resume["publications"]] == ["Joining the platform team", "2021년 회고"]
    assert resume["projects"][0]["name"] == "Feature store" and "Go" in resume["projects"][0]["keywords"]
    assert resume["awards"][0] == {"title": "Kaggle 대회 동상", "date": "2021", "awarder": "Kaggle",
                                   "url": resume["awards"][0]["url"]}
    for section in ("work", "publications", "projects", "awards"):
        for item in resume[section]:
            assert item["url"].startswith("https://kb.example.org/p/"), (section, item)


def test_timelinejs_dates_carry_only_the_parts_written(document: dict[str, Any]) -> None:
    slides = {s["unique_id"]: s for s in json.loads(EXPORTERS["timelinejs"].render(document))["events"]}
    assert slides["event-kaggle"]["start_date"] == {"year": 2021}
    assert "end_date" not in slides["event-kaggle"]
    assert slides["event-study"]["start_date"] == {"year": 2021, "month": 1}
    assert slides["event-study"]["end_date"] == {"year": 2021, "month": 3}
    assert slides["event-team"]["start_date"] == {"year": 2023, "month": 6, "day": 30}
    assert "event-someday" not in slides  # TimelineJS cannot place an undated event
    assert 'href="https://kb.example.org/p/2021-review#' in slides["event-ray"]["text"]["text"]


def test_ics_uses_all_day_dates_spanning_months_and_years(document: dict[str, Any]) -> None:
    calendar = Calendar.from_ical(EXPORTERS["ics"].render(document))
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    def span(uid: str) -> tuple[date, date]:
        return events[uid].decoded("dtstart"), events[uid].decoded("dtend")
    assert span("event:kaggle@kb") == (date(2021, 1, 1), date(2022, 1, 1))
    assert span("event:study@kb") == (date(2021, 1, 1), date(2021, 4, 1))
    assert span("event:ray@kb") == (date(2021, 4, 1), date(2022, 1, 1))
    assert span("event:team@kb") == (date(2023, 6, 30), date(2023, 7, 1))
    assert all(type(e.decoded("dtstart")) is date for e in events.values())
    assert "event:someday@kb" not in events
    assert str(events["event:ray@kb"]["url"]).startswith("https://kb.example.org/p/2021-review#")


def test_cytoscape_and_graphml_describe_the_same_graph(document: dict[str, Any]) -> None:
    cy = json.loads(EXPORTERS["graph"].render(document))["elements"]
    node_ids = {n["data"]["id"] for n in cy["nodes"]}
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids for e in cy["edges"])
    assert all(n["data"]["url"].startswith("https://kb.example.org/") for n in cy["nodes"])
    root = ET.fromstring(EXPORTERS["graphml"].render(document))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert {n.get("id") for n in root.findall(".//g:node", ns)} == node_ids
    assert len(root.findall(".//g:edge", ns)) == len(cy["edges"])
    labels = [d.text for d in root.findall(".//g:node/g:data[@key='n_label']", ns)]
    assert "한빛데이터" in labels
