"""The pipeline against a real SQLite store: incremental, robust, curated."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.runs import pipeline, writer
from ingest.runs.pipeline import run_ingest
from kb.errors import StoreError
from kb.ids import entity_id
from kb.store import Store
from tests.ingest.conftest import EN_REVIEW, KO_RETRO, write



def test_incremental_add_unchanged_update_remove(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-01-01-retro.md", KO_RETRO)
    write(root, "en/2021-year-in-review.md", EN_REVIEW)
    first = run_ingest([root], store)
    assert sorted(first.added) == ["2021-01-01-retro", "en/2021-year-in-review"] and not first.failed
    hashes = store.post_hashes()
    assert hashes["en/2021-year-in-review"][1] == "en/2021-year-in-review.md"

    again = run_ingest([root], store)
    assert sorted(again.unchanged) == sorted(first.added) and not again.added and not again.updated
    assert store.post_hashes() == hashes

    write(root, "2021-01-01-retro.md", KO_RETRO.replace("ray를", "쿠버네티스를"))
    (root / "en/2021-year-in-review.md").unlink()
    third = run_ingest([root], store)
    assert third.updated == ["2021-01-01-retro"] and third.removed == ["en/2021-year-in-review"]
    export = store.export()
    assert [p["id"] for p in export["posts"]] == ["2021-01-01-retro"]
    names = {e["name"] for e in export["entities"]}
    assert "Truss" not in names  # only the removed post supported it


def test_one_broken_post_never_stops_the_ingest(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "good.md", "# Good\n\nI joined Kakao in 2020.\n")
    write(root, "bad.md", b"# Bad\n\nline two\n\xff\xfe broken\n")
    write(root, "worse.md", "---\ntitle: [unclosed\n---\nx\n")
    report = run_ingest([root], store)
    assert report.added == ["good"]
    failures = {f.file: f for f in report.failed}
    assert failures["bad.md"].line == 4 and "UTF-8" in failures["bad.md"].reason
    assert failures["worse.md"].line in (2, 3)  # where YAML noticed the open bracket
    assert set(store.post_hashes()) == {"good"}


def test_two_files_with_one_post_id_fail_clearly(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "same.md", "one")
    write(root, "same.markdown", "two")
    report = run_ingest([root], store)
    assert report.added == ["same"]
    (failure,) = report.failed
    assert failure.file == "same.md" and "already used by" in failure.reason  # the second in sorted order


def test_removal_only_under_the_roots_given(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "a", "x.md", "x")
    write(tmp_path / "b", "y.md", "y")
    run_ingest([tmp_path / "a", tmp_path / "b"], store)
    report = run_ingest([tmp_path / "a"], store)
    assert report.unchanged == ["x"] and report.removed == []
    assert set(store.post_hashes()) == {"x", "y"}


def test_writes_go_in_batches(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = store.replace_posts

    def counting(graphs, remove=(), meta=None):  # type: ignore[no-untyped-def]
        calls.append(len(graphs))
        return original(graphs, remove, meta=meta)

    monkeypatch.setattr(writer, "BATCH_SIZE", 2)
    monkeypatch.setattr(store, "replace_posts", counting)
    for n in range(5):
        write(tmp_path / "p", f"{n}.md", f"post {n}")
    run_ingest([tmp_path / "p"], store)
    assert calls == [2, 2, 1]
    assert len(store.post_hashes()) == 5


def test_a_failed_write_is_raised_and_nothing_after_it_is_written(tmp_path: Path, store: Store,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    original = store.replace_posts
    calls: list[int] = []

    def second_fails(graphs, remove=(), meta=None):  # type: ignore[no-untyped-def]
        calls.append(len(graphs))
        if len(calls) == 2:
            raise StoreError("disk full")
        return original(graphs, remove, meta=meta)

    monkeypatch.setattr(writer, "BATCH_SIZE", 2)
    monkeypatch.setattr(store, "replace_posts", second_fails)
    for n in range(7):
        write(tmp_path / "p", f"{n}.md", f"post {n}")
    with pytest.raises(StoreError, match="disk full"):
        run_ingest([tmp_path / "p"], store)
    assert sorted(store.post_hashes()) == ["0", "1"]  # the first batch only: whole transactions
    assert calls == [2, 2]  # the batch queued behind the failed one was dropped


def test_curation_file_beats_extraction_and_its_changes_re_extract(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-01-01-retro.md", KO_RETRO)
    write(root, "kb.yaml", "merge: {ray: Ray Cluster}\nhide: [Team lead]\n"
                           "entities: [{name: Experimentation, type: skill, aliases: [실험]}, {name: Ray, aliases: [ray]}]\n"
                           "facts: [{post: 2021-01-01-retro, title: Gave a talk, start: 2020-11, kind: talk,"
                           " entities: [Kakao]}]\n")
    run_ingest([root], store)
    export = store.export()
    names = {e["name"] for e in export["entities"]}
    assert "Ray Cluster" in names and "Ray" not in names
    assert "Team lead" not in names and "Experimentation" in names
    talk = next(e for e in export["events"] if e["title"] == "Gave a talk")
    assert talk["start"] == "2020-11" and entity_id("organization", "Kakao") in talk["entities"]
    ray_events = [e for e in export["events"] if entity_id("skill", "Ray Cluster") in e["entities"]]
    assert ray_events

    write(root, "kb.yaml", "entities: [{name: Ray, aliases: [ray]}]\nrename: {Ray: Ray (framework)}\n")
    report = run_ingest([root], store)
    assert report.updated == ["2021-01-01-retro"]
    renamed = {e["id"]: e["name"] for e in store.export()["entities"]}
    assert renamed[entity_id("skill", "Ray")] == "Ray (framework)"  # a new name, the same identity


def test_progress_is_reported(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "p", "a.md", "a")
    write(tmp_path / "p", "b.md", "b")
    seen: list[tuple[int, int, str]] = []
    run_ingest([tmp_path / "p"], store, on_progress=lambda d, t, p: seen.append((d, t, p)))
    assert seen == [(1, 2, "a.md"), (2, 2, "b.md")]


def test_unchanged_files_are_not_even_read(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "posts"
    path = write(root, "a.md", "# A\n\nI joined Kakao.\n")
    run_ingest([root], store)
    reads: list[str] = []
    original = pipeline.read_post
    monkeypatch.setattr(pipeline, "read_post", lambda stat: reads.append(stat.path) or original(stat))
    assert run_ingest([root], store).unchanged == ["a"] and reads == []
    stamp = store.post_hashes()["a"][2]
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))  # touched, same bytes
    report = run_ingest([root], store)
    assert report.unchanged == ["a"] and reads == ["a.md"] and store.post_hashes()["a"][2] == stamp


def test_curation_aliases_extend_known_entities(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-12-01-retro.md", "---\ntitle: 2021 회고\n---\n\n큐브에 서비스를 배포했다. 카카오 엔터에 입사했다.\n")
    write(root, "kb.yaml", "aliases:\n  Kubernetes: [큐브]\n  Kakao: 카카오 엔터\nhidden: [nothing]\n")
    run_ingest([root], store)
    entities = {e["id"]: e for e in store.export()["entities"]}
    assert entities[entity_id("skill", "Kubernetes")]["name"] == "Kubernetes"
    assert "큐브" in entities[entity_id("skill", "Kubernetes")]["aliases"]
    assert entity_id("organization", "Kakao") in entities  # typed by the packaged gazetteer
