"""Readers during writes: API requests from several threads against a live `kb serve` while ingests
flip the store between two versions of the corpus. No request fails, and no response ever shows a
half-ingested post: every post in every export is whole in one version or the other."""
from __future__ import annotations

import os
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from ingest.runs.pipeline import run_ingest
from kb.store import Store
from tests.robustness.crash import write_version
from tests.kbproc import served
from tests.robustness.helpers import all_post_facts, post_facts

FLIPS = 6
READERS = 4


def _url_and_env(store: Store) -> tuple[str, dict[str, str]]:
    file = getattr(store, "file", None)
    if file is not None:
        return f"sqlite:///{Path(file).resolve()}", {}
    return os.environ["KB_TEST_NEO4J_URI"], {"NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
                                             "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}


def test_readers_never_see_a_half_ingested_post(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    states: list[dict[str, tuple]] = []
    for version in (1, 2):
        write_version(folder, version)
        assert not run_ingest([folder], store).failed
        states.append(all_post_facts(store.export()))
    old, new = states
    titles = {pid: {facts[0] for facts in (old.get(pid), new.get(pid)) if facts} for pid in set(old) | set(new)}
    sometimes_absent = {pid for pid in titles if pid not in old or pid not in new}
    url, env = _url_and_env(store)

    errors: list[str] = []
    seen: Counter[str] = Counter()
    lock = threading.Lock()
    done = threading.Event()

    def count(what: str) -> None:
        with lock:
            seen[what] += 1

    def check_export(body: dict) -> None:
        present = {p["id"] for p in body["posts"]}
        assert present in ({*old}, {*new}), "an export mixes the post sets of two versions"
        side = "old" if present == set(old) else "new"
        for pid in present:
            facts = post_facts(body, pid)
            assert facts in (old.get(pid), new.get(pid)), f"post {pid} is half ingested"
        count(side)

    def reader(n: int, base: str) -> None:
        paths = ["/export/json", "/timeline?limit=200", "/stats", "/entities?limit=200", "/search?q=Python",
                 "/posts/post-003", "/posts/post-022", "/posts/post-061", "/entities/skill:python", "/page/data"]
        with httpx.Client(base_url=base, timeout=30, headers={"Authorization": "Bearer reader-token"}) as http:
            i = n
            while not done.is_set():
                path = paths[i % len(paths)]
                i += 1
                try:
                    response = http.get(path)
                    pid = path.removeprefix("/posts/")
                    if response.status_code == 404 and pid in sometimes_absent:
                        continue
                    assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:200]}"
                    if path == "/export/json":
                        check_export(response.json())
                    elif path.startswith("/posts/"):
                        assert response.json()["title"] in titles[pid], f"{path}: a title of neither version"
                    elif path == "/stats":
                        assert response.json()["posts"] in (len(old), len(new))
                    count("requests")
                except Exception as exc:  # collected, so one failure does not hide the others
                    errors.append(f"{path}: {type(exc).__name__}: {exc}")
                    done.set()

    with served(url, KB_API_TOKEN="reader-token", **env) as base:
        threads = [threading.Thread(target=reader, args=(n, base)) for n in range(READERS)]
        for thread in threads:
            thread.start()
        try:
            for flip in range(FLIPS):
                if errors:
                    break
                write_version(folder, 1 if flip % 2 == 0 else 2)
                report = run_ingest([folder], store)
                assert not report.failed and (report.updated or report.added)
                time.sleep(0.2)
        finally:
            done.set()
            for thread in threads:
                thread.join(timeout=60)
    assert not errors, errors[:5]
    print(f"readers during {FLIPS} ingests: {dict(seen)}")
    assert seen["requests"] > 50 and seen["old"] + seen["new"] > 5
