"""The curation file (kb.yaml): aliases, merges, renames, hidden entities and extra facts beat
extraction, and are re-applied on every ingest."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ingest.runs.pipeline import run_ingest
from ingest.facts.resolve import parse_curation
from kb.ids import entity_id
from kb.store import Store
from tests.ingest.conftest import write

KO = ("---\ntitle: 이직 후기\n---\n\n2021년 4월에 한빛데이터에 입사했다. 팀장님과 큐브 클러스터를 도입했다.\n\n"
      "파이썬으로 배치 작업을 만들었다.\n")
EN = "---\ntitle: My new job\n---\n\nI joined Hanbit Data Inc in April 2021 and moved our services to Kubernetes.\n"
K8S, PYTHON = entity_id("skill", "Kubernetes"), entity_id("skill", "Python")
HANBIT = entity_id("organization", "Hanbit Data")



def _posts(tmp_path: Path, curation: str) -> Path:
    root = tmp_path / "posts"
    write(root, "2021-05-01-ko.md", KO)
    write(root, "2021-06-01-en.md", EN)
    write(root, "kb.yaml", curation)
    return root


def _graph(store: Store) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    export = store.export()
    return {e["id"]: e for e in export["entities"]}, export["events"]


def test_aliases_add_spellings_to_known_entities(tmp_path: Path, store: Store) -> None:
    run_ingest([_posts(tmp_path, "aliases: {Kubernetes: [큐브]}\n")], store)
    entities, _ = _graph(store)
    assert {s["post"] for s in entities[K8S]["sources"]} == {"2021-05-01-ko.md", "2021-06-01-en.md"}
    assert "큐브" in entities[K8S]["aliases"] and entities[K8S]["name"] == "Kubernetes"


def test_merges_make_two_spellings_one_entity_across_posts(tmp_path: Path, store: Store) -> None:
    run_ingest([_posts(tmp_path, "merge: {한빛데이터: Hanbit Data, Hanbit Data Inc: Hanbit Data}\n")], store)
    entities, events = _graph(store)
    assert {s["post"] for s in entities[HANBIT]["sources"]} == {"2021-05-01-ko.md", "2021-06-01-en.md"}
    others = [i for i, e in entities.items() if i != HANBIT and ("Hanbit" in e["name"] or "한빛" in e["name"])]
    assert others == []
    joins = [e for e in events if HANBIT in e["entities"] and e["kind"] == "join"]
    assert len(joins) == 1 and len(joins[0]["sources"]) == 2  # merged names anchor one event


def test_renames_change_the_name_not_the_identity(tmp_path: Path, store: Store) -> None:
    run_ingest([_posts(tmp_path, "rename: {Kubernetes: Kubernetes (k8s)}\n")], store)
    entities, _ = _graph(store)
    assert entities[K8S]["name"] == "Kubernetes (k8s)" and "Kubernetes" in entities[K8S]["aliases"]


def test_hidden_entities_are_gone_and_unlinked(tmp_path: Path, store: Store) -> None:
    run_ingest([_posts(tmp_path, "hide: [Python, Team lead]\n")], store)
    entities, events = _graph(store)
    assert PYTHON not in entities and not any(e["name"] == "Team lead" for e in entities.values())
    assert not any(PYTHON in e["entities"] for e in events)


def test_facts_add_events_the_posts_do_not_state(tmp_path: Path, store: Store) -> None:
    fact = ("facts:\n  - {post: 2021-06-01-en, title: Gave a Kubernetes talk, start: 2021-11, kind: talk,"
            " entities: [Kubernetes], quote: I spoke about our migration}\n")
    run_ingest([_posts(tmp_path, fact)], store)
    _, events = _graph(store)
    (talk,) = [e for e in events if e["title"] == "Gave a Kubernetes talk"]
    assert (talk["kind"], talk["start"], talk["entities"], talk["confidence"]) == ("talk", "2021-11", [K8S], 1.0)
    assert talk["sources"][0]["section"] == "kb.yaml" and talk["sources"][0]["post"] == "2021-06-01-en.md"


def test_curation_is_re_applied_on_every_ingest(tmp_path: Path, store: Store) -> None:
    root = _posts(tmp_path, "hide: [Python]\n")
    run_ingest([root], store)
    write(root, "2021-05-01-ko.md", KO + "\n파이썬 코드를 또 고쳤다.\n")  # an edited post
    write(root, "2021-07-01-new.md", "---\ntitle: 회고\n---\n\n파이썬 스터디를 진행했다.\n")  # a new post
    report = run_ingest([root], store)
    assert report.updated == ["2021-05-01-ko"] and report.added == ["2021-07-01-new"]
    assert PYTHON not in _graph(store)[0]
    write(root, "kb.yaml", "hide: []\n")  # a changed curation re-extracts every post
    report = run_ingest([root], store)
    assert sorted(report.updated) == ["2021-05-01-ko", "2021-06-01-en", "2021-07-01-new"]
    assert PYTHON in _graph(store)[0]


def test_the_readme_documents_a_valid_curation_file() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Curating your graph", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    curation = parse_curation(yaml.safe_load(block.group(1)))
    assert curation.merge and curation.rename and curation.hide and curation.facts and curation.entities
    assert {"entities", "aliases", "merge", "rename", "hide", "facts"} <= set(re.findall(r"^(\w+):", block.group(1), re.M))
