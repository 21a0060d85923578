"""Hostile and broken input: every bad file gets a clear per-file error or a sensible reading,
every good file beside them is ingested, the exit code tells, and nothing ingested before is lost."""
from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

import pytest

from ingest.posts.parse import post_id_for
from ingest.runs.pipeline import IngestReport, run_ingest
from kb.store import Store
from tests.kbproc import KB, kb, kb_env
from tests.robustness.corpus import EXPECTED, GOOD_POSTS, SPECIAL_ENTRIES, write_good, write_hostile

GOOD_ENTITY = {
    "good/2021-03-01-ray-tuning": "skill:ray",
    "good/2022-07-15-kubernetes": "skill:kubernetes",
    "good/2020-01-10-회고": "skill:python",
    "good/2023-05-05-notes": "skill:rust",
    "good/2019-09-09-json": "skill:postgresql",
}
# Files that held a good post before they were broken: their old state must survive.
WAS_GOOD = ("h/yaml-broken.md", "h/invalid-utf8.md", "h/binary.md", "h/fm-list.md", "h/bad-date.md")


def _was_good_text(rel: str) -> str:
    return f"---\ntitle: Before {rel}\n---\n# Earlier\n\nIn 2018 I used Python.\n"


@pytest.fixture
def hostile_root(tmp_path: Path) -> Path:
    root = tmp_path / "posts"
    root.mkdir()
    return root


def _ingest_before(root: Path, store: Store) -> None:
    write_good(root)
    for rel in WAS_GOOD:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(_was_good_text(rel), encoding="utf-8")
    report = run_ingest([root], store)
    assert not report.failed and len(report.added) == len(GOOD_POSTS) + len(WAS_GOOD)


def _check_report(report: IngestReport, files: list[str]) -> dict[str, tuple[int | None, str]]:
    failed = {f.file: (f.line, f.reason) for f in report.failed}
    for file, (line, reason) in failed.items():
        assert file in files, f"a failure names a file that is not in the corpus: {file!r}"
        assert reason.strip() and "Traceback" not in reason, (file, reason)
        assert line is None or line >= 1, (file, line)
    for expected in EXPECTED:
        if expected.must_fail:
            assert expected.path in failed, f"{expected.path} should have been refused"
            if expected.needs_line:
                assert failed[expected.path][0] is not None, f"{expected.path}: no line in {failed[expected.path]}"
    return failed


def test_hostile_corpus_is_reported_per_file_and_good_posts_still_land(store: Store, hostile_root: Path) -> None:
    _ingest_before(hostile_root, store)
    before = store.export()
    files = write_hostile(hostile_root)
    assert len(files) + len(SPECIAL_ENTRIES) >= 30

    started = time.perf_counter()
    report = run_ingest([hostile_root], store)
    elapsed = time.perf_counter() - started
    assert elapsed < 120, f"hostile ingest took {elapsed:.0f} s"
    failed = _check_report(report, files + list(SPECIAL_ENTRIES))

    for rel in files:  # every regular file is either refused or readable in the store
        post = store.post(post_id_for(rel), include_private=True)
        assert rel in failed or post is not None, f"{rel} neither failed nor was ingested"
    for expected in EXPECTED:
        if expected.ingestible:
            assert store.post(post_id_for(expected.path), include_private=True) is not None, expected.path
    for special, why in zip(SPECIAL_ENTRIES, ("not a regular file", "No such file", "symbolic links",
                                              "symbolic links")):  # a FIFO, a dangling link, a link loop
        assert special in failed and why in failed[special][1], (special, failed.get(special))
        assert store.post(post_id_for(special), include_private=True) is None
    assert ("h/dup/same.md" in failed) != ("h/dup/same.markdown" in failed)
    assert "already used" in failed.get("h/dup/same.md", failed.get("h/dup/same.markdown", (None, "")))[1]

    for post_id, entity_id in GOOD_ENTITY.items():
        detail = store.entity(entity_id, include_private=True)
        assert detail is not None and post_id in {s.post_id for s in detail.sources}, (post_id, entity_id)
    for rel in WAS_GOOD:  # refused now, so their last good state stays
        assert rel in failed
        post = store.post(post_id_for(rel), include_private=True)
        assert post is not None and post.title == f"Before {rel}"
    long_title = store.post("h/title-100k", include_private=True)
    assert long_title is not None and long_title.title == "T" * 100_000

    after = store.export()
    assert {p["id"] for p in before["posts"]} <= {p["id"] for p in after["posts"]}

    version = store.version()
    again = run_ingest([hostile_root], store)
    assert sorted(again.failed) == sorted(report.failed) and not again.added and not again.updated
    assert store.version() == version, "re-ingesting the same hostile corpus changed the graph"


def test_cli_exit_code_and_messages_name_file_line_and_reason(tmp_path: Path) -> None:
    root = tmp_path / "posts"
    root.mkdir()
    write_good(root)
    db = f"sqlite:///{tmp_path}/kb.db"
    good = kb("ingest", str(root), "--db", db, "-q")
    assert good.returncode == 0, good.stderr
    write_hostile(root)

    started = time.perf_counter()
    proc = subprocess.Popen(KB + ["ingest", str(root), "--db", db, "-q"], env=kb_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=180)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert proc.returncode == 1, (out, err)
    assert "failed h/yaml-broken.md:3: invalid YAML frontmatter" in err, err
    assert "failed h/invalid-utf8.md:4: invalid UTF-8" in err, err
    assert "failed h/huge-20mb.md: larger than" in err, err
    assert wall < 120 and peak_mb < 1024, f"hostile CLI ingest: {wall:.1f} s, peak RSS {peak_mb:.0f} MB"
    print(f"hostile CLI ingest: {wall:.1f} s, peak RSS of children {peak_mb:.0f} MB")

    stats = kb("stats", "--db", db)
    assert stats.returncode == 0 and "posts" in stats.stdout
