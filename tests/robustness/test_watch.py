"""`kb watch`: debounced re-ingest on save, editor scratch files ignored, a bad save reported while
the post keeps its last good state. The state machine is stepped with explicit times (no sleeps);
one test runs the real command in a subprocess."""
from __future__ import annotations

import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from ingest.runs.watch import Outcome, Watcher, is_editor_temp
from kb.store import Store
from kb.stores import open_store
from tests.robustness.corpus import GOOD_POSTS
from tests.kbproc import KB, kb_env

POST = "good/2021-03-01-ray-tuning"


@pytest.fixture
def watcher(store: Store, posts: Path) -> Watcher:
    w = Watcher([posts], store, debounce=0.5)
    first = w.ingest()
    assert first.report is not None and len(first.report.added) == len(GOOD_POSTS)
    return w


def _quiet(w: Watcher, start: float, end: float) -> list[Outcome]:
    """Step from `start` to `end` every 0.1 s; the outcomes of any ingest that ran."""
    outcomes, t = [], start
    while t <= end:
        if (outcome := w.step(t)) is not None:
            outcomes.append(outcome)
        t = round(t + 0.1, 3)
    return outcomes


@pytest.mark.parametrize("name", [".x.md.swp", ".x.md.swx", "x.md~", ".#x.md", "#x.md#", "4913", "x.md.tmp",
                                  "x.md___jb_tmp___", "x.md.kate-swp", ".~lock.x.md#"])
def test_editor_scratch_names_are_recognised(name: str) -> None:
    assert is_editor_temp(name)


@pytest.mark.parametrize("name", ["x.md", "2021-01-01-회고.md", "notes.markdown", "v2.md"])
def test_post_names_are_not_scratch(name: str) -> None:
    assert not is_editor_temp(name)


def test_editor_scratch_files_trigger_nothing(watcher: Watcher, store: Store, posts: Path) -> None:
    version = store.version()
    folder = posts / "good"
    (folder / "4913").write_bytes(b"")  # vim's probe, created and removed
    (folder / "4913").unlink()
    (folder / f".{Path(POST).name}.md.swp").write_bytes(b"b0VIM 9.0" + bytes(100))
    (folder / f"{Path(POST).name}.md~").write_text("# backup\n", encoding="utf-8")
    (folder / f".#{Path(POST).name}.md").symlink_to("root@host.1234:1700000000")  # emacs lock: dangling
    (folder / f"#{Path(POST).name}.md#").write_text("# autosave\n", encoding="utf-8")
    assert _quiet(watcher, 0.0, 2.0) == []
    assert store.version() == version


def test_a_burst_of_saves_is_ingested_once_after_the_quiet(watcher: Watcher, store: Store, posts: Path) -> None:
    file = posts / f"{POST}.md"
    outcomes: list[Outcome] = []
    for i, t in enumerate((0.0, 0.2, 0.4, 0.6)):  # saves every 0.2 s, closer than the 0.5 s debounce
        file.write_text(f"---\ntitle: Draft {i}\n---\n# Tuning\n\nRay in 2021.\n", encoding="utf-8")
        outcome = watcher.step(t)
        assert outcome is None
        outcomes += [o for o in [watcher.step(t + 0.1)] if o is not None]
    assert outcomes == []
    outcomes = _quiet(watcher, 0.8, 2.0)
    assert len(outcomes) == 1 and outcomes[0].report is not None and outcomes[0].report.updated == [POST]
    post = store.post(POST)
    assert post is not None and post.title == "Draft 3"


def test_a_bad_save_is_reported_and_the_last_good_state_kept(watcher: Watcher, store: Store, posts: Path) -> None:
    file = posts / f"{POST}.md"
    before = store.export()
    file.write_bytes(b"---\ntitle: [unclosed\n---\n# broken\n")
    outcomes = _quiet(watcher, 0.0, 1.0)
    assert len(outcomes) == 1 and outcomes[0].report is not None
    assert [(f.file, f.line) for f in outcomes[0].report.failed] == [(f"{POST}.md", 3)]
    assert store.export() == before, "a broken save must not change what the store holds"

    file.write_text("---\ntitle: Fixed\n---\n# Tuning\n\nRay in 2021.\n", encoding="utf-8")
    fixed = _quiet(watcher, 2.0, 3.0)
    assert len(fixed) == 1 and fixed[0].report is not None and fixed[0].report.updated == [POST]
    assert store.post(POST).title == "Fixed"  # type: ignore[union-attr]

    file.unlink()
    removed = _quiet(watcher, 4.0, 5.0)
    assert removed[0].report is not None and removed[0].report.removed == [POST]


def test_a_folder_that_vanishes_for_a_moment_removes_nothing(watcher: Watcher, store: Store, posts: Path) -> None:
    before = store.export()
    away = posts.with_name("away")
    posts.rename(away)  # e.g. a git checkout or an rsync swapping the folder
    outcomes = _quiet(watcher, 0.0, 1.0)
    assert len(outcomes) == 1 and outcomes[0].report is not None
    assert "no such directory" in outcomes[0].report.failed[0].reason
    assert store.export() == before
    away.rename(posts)
    after = _quiet(watcher, 2.0, 3.0)
    assert all(o.report is not None and not o.report.added and not o.report.removed for o in after)
    assert store.export() == before


def _reader(stream: object, lines: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)


def _wait_for(lines: queue.Queue[str], needle: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"{needle!r} not printed in {timeout} s; got {seen}")


def test_kb_watch_command_reingests_on_save_and_stops_on_ctrl_c(tmp_path: Path, posts: Path) -> None:
    db = f"sqlite:///{tmp_path}/watch.db"
    proc = subprocess.Popen(KB + ["watch", str(posts), "--db", db, "--interval", "0.1", "--debounce", "0.2"],
                            env=kb_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, f"added {len(GOOD_POSTS)}")
        (posts / "new-post.md").write_text("# New\n\nIn 2024 I used Rust.\n", encoding="utf-8")
        _wait_for(lines, "added 1")
        (posts / "new-post.md").write_bytes(b"---\ntitle: [x\n---\n")
        _wait_for(lines, "failed new-post.md:3: invalid YAML")
        store = open_store(db)
        try:
            post = store.post("new-post")
            assert post is not None and post.title == "New"
        finally:
            store.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        _wait_for(lines, "stopped", timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
