"""The write API: token only, a strict post id that never leaves the posts folder, parse before
write, atomic file and store updates, and the re-scan of POST /ingest."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.runs.pipeline import run_ingest
from ingest.runs.posts_folder import PostsFolder
from kb.config import Settings
from kb.store import Store
from tests.robustness.corpus import write_good
from tests.kbproc import kb, served

TOKEN = "write-token-42"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NEW_POST = "---\ntitle: Learning Rust\ndate: 2024-02-02\n---\n# Rust\n\nIn 2024 I learned Rust and Go.\n"


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    folder = tmp_path / "blog" / "posts"
    folder.mkdir(parents=True)
    write_good(folder)
    return folder


@pytest.fixture
def written(store: Store, posts: Path) -> Store:
    assert not run_ingest([posts], store).failed
    return store


def _client(store: Store, **settings: object) -> TestClient:
    """An app wired like `kb serve`: the posts folder service only when a folder is set."""
    config = Settings(**settings)  # type: ignore[arg-type]
    folder = PostsFolder(config.posts_dirs, store) if config.posts_dirs else None
    return TestClient(create_app(store=store, settings=config, posts_folder=folder))


@pytest.fixture
def client(written: Store, posts: Path) -> Iterator[TestClient]:
    with _client(written, api_token=TOKEN, posts_dirs=(str(posts),)) as http:
        yield http


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() and not p.is_symlink() else b"<link>")
            for p in sorted(folder.rglob("*"))}


def test_writes_do_not_exist_without_a_token(written: Store, posts: Path) -> None:
    before = _tree(posts)
    with _client(written, posts_dirs=(str(posts),)) as http:
        assert http.put("/posts/new", content=NEW_POST, headers=AUTH).status_code == 404
        assert http.delete("/posts/good/2019-09-09-json", headers=AUTH).status_code == 404
        assert http.post("/ingest", headers=AUTH).status_code == 404
    assert _tree(posts) == before


def test_writes_need_the_right_token_and_a_posts_folder(written: Store, posts: Path) -> None:
    version = written.version()
    with _client(written, api_token=TOKEN, posts_dirs=(str(posts),)) as http:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                        {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": TOKEN}):
            response = http.put("/posts/new", content=NEW_POST, headers=headers)
            assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
            assert http.delete("/posts/good/2019-09-09-json", headers=headers).status_code == 401
            assert http.post("/ingest", headers=headers).status_code == 401
    with _client(written, api_token=TOKEN) as http:
        assert http.put("/posts/new", content=NEW_POST, headers=AUTH).status_code == 409
    assert written.version() == version and not (posts / "new.md").exists()


def test_put_creates_updates_and_skips_unchanged(client: TestClient, written: Store, posts: Path) -> None:
    created = client.put("/posts/notes/rust", content=NEW_POST, headers=AUTH)
    assert created.status_code == 200 and created.json() == {"id": "notes/rust", "status": "added", "path": "notes/rust.md"}
    assert (posts / "notes" / "rust.md").read_text(encoding="utf-8") == NEW_POST
    assert client.get("/posts/notes/rust").json()["title"] == "Learning Rust"
    detail = written.entity("skill:rust")
    assert detail is not None and "notes/rust" in {s.post_id for s in detail.sources}

    version = written.version()
    assert "notes/rust" in run_ingest([posts], written).unchanged, "a PUT is stamped like an ingest"
    same = client.put("/posts/notes/rust", content=NEW_POST, headers=AUTH)
    assert same.json()["status"] == "unchanged" and written.version() == version

    edited = "---\ntitle: Learning Go\n---\n# Go\n\nIn 2024 I learned Go.\n"
    assert client.put("/posts/notes/rust", content=edited, headers=AUTH).json()["status"] == "updated"
    assert client.get("/posts/notes/rust").json()["title"] == "Learning Go"
    detail = written.entity("skill:rust")
    assert detail is None or "notes/rust" not in {s.post_id for s in detail.sources}
    assert not list(posts.rglob(".*.tmp")), "a temp file was left behind"


def test_put_of_a_broken_post_changes_nothing(client: TestClient, written: Store, posts: Path) -> None:
    target = "good/2021-03-01-ray-tuning"
    before, files = written.export(), _tree(posts)
    for body, where in ((b"---\ntitle: [broken\n---\nbody\n", ":3"), (b"# ok\n\n\xc3\x28 bad\n", ":3"),
                        (b"---\n- a list\n---\n", ":1")):
        response = client.put(f"/posts/{target}", content=body, headers=AUTH)
        assert response.status_code == 422, response.text
        assert f"{target}.md{where}" in response.json()["error"]["message"]
    assert written.export() == before and _tree(posts) == files


def test_put_accepts_utf16_and_a_bom(client: TestClient, written: Store) -> None:
    body = "# UTF-16 제목\n\nPython 본문 in 2020.\n".encode("utf-16")
    assert client.put("/posts/utf16", content=body, headers=AUTH).status_code == 200
    post = written.post("utf16")
    assert post is not None and post.title == "UTF-16 제목"


def test_delete_removes_file_and_facts(client: TestClient, written: Store, posts: Path) -> None:
    target = "good/2022-07-15-kubernetes"
    response = client.delete(f"/posts/{target}", headers=AUTH)
    assert response.status_code == 200 and response.json()["status"] == "removed"
    assert not (posts / f"{target}.md").exists()
    assert written.post(target, include_private=True) is None and written.entity("skill:kubernetes") is None
    assert client.delete(f"/posts/{target}", headers=AUTH).status_code == 404


def test_post_ingest_rescans_the_folder(client: TestClient, written: Store, posts: Path) -> None:
    (posts / "dropped-in.md").write_text(NEW_POST, encoding="utf-8")
    (posts / "good" / "2019-09-09-json.md").unlink()
    (posts / "broken.md").write_bytes(b"---\ntitle: [x\n---\n")
    report = client.post("/ingest", headers=AUTH).json()
    assert report["added"] == ["dropped-in"] and report["removed"] == ["good/2019-09-09-json"]
    assert [(f["file"], f["line"]) for f in report["failed"]] == [("broken.md", 3)]
    assert written.post("dropped-in") is not None and written.post("good/2019-09-09-json") is None


ESCAPES = ["..", "../x", "../../etc/passwd", "a/../../x", "good/../../x", "/etc/passwd", "./x", "a//b",
           "a\\..\\x", "..\\x", "x\x00y", ".hidden", "a/.hidden", "x\ny", "x\ty", "C:/x", "~/x", "x/", " x",
           "%2e%2e/x", "x" * 201, "/".join("d" * 9), "\u202e", "x:y", "x*", "x?y"]


@pytest.mark.parametrize("post_id", ESCAPES, ids=[repr(e)[:30] for e in ESCAPES])
def test_no_id_reaches_outside_the_posts_folder(client: TestClient, written: Store, posts: Path, post_id: str) -> None:
    outside = posts.parent
    before, files, version = _tree(outside), _tree(posts), written.version()
    path = "/posts/" + "".join(c if c.isalnum() or c in "-_" else f"%{ord(c):02X}" if ord(c) < 128 else c
                               for c in post_id)
    for method in ("PUT", "DELETE"):
        response = client.request(method, path, content=NEW_POST, headers=AUTH)
        assert response.status_code in (403, 404, 405, 422), (method, post_id, response.status_code, response.text)
    assert _tree(outside) == before and _tree(posts) == files and written.version() == version
    assert not Path("/etc/passwd.md").exists() and not (outside / "x.md").exists()


def test_symlinks_never_lead_outside(client: TestClient, written: Store, posts: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (posts / "evil.md").symlink_to(secret)
    (posts / "linked").symlink_to(elsewhere, target_is_directory=True)
    version = written.version()
    assert client.put("/posts/evil", content=NEW_POST, headers=AUTH).status_code == 403
    assert client.delete("/posts/evil", headers=AUTH).status_code == 403
    assert client.put("/posts/linked/new", content=NEW_POST, headers=AUTH).status_code == 403
    assert client.put("/posts/linked/deeper/new", content=NEW_POST, headers=AUTH).status_code == 403
    assert secret.read_text(encoding="utf-8") == "# secret\n" and (posts / "evil.md").is_symlink()
    assert list(elsewhere.iterdir()) == [] and written.version() == version
    os.unlink(posts / "evil.md")


def test_kb_serve_posts_option_turns_the_write_api_on(tmp_path: Path, posts: Path) -> None:
    db = f"sqlite:///{tmp_path}/served.db"
    assert kb("ingest", str(posts), "--db", db, "-q").returncode == 0
    with served(db, "--posts", str(posts), KB_API_TOKEN=TOKEN) as base:
        response = httpx.put(f"{base}/posts/served", content=NEW_POST, headers=AUTH)
        assert response.status_code == 200, response.text
        assert (posts / "served.md").read_text(encoding="utf-8") == NEW_POST
        assert httpx.get(f"{base}/posts/served").json()["title"] == "Learning Rust"
    with served(db, KB_API_TOKEN=TOKEN) as base:  # no --posts and no KB_POSTS_DIRS
        assert httpx.delete(f"{base}/posts/served", headers=AUTH).status_code == 409
    with served(db, KB_API_TOKEN=TOKEN, KB_POSTS_DIRS=str(posts)) as base:
        assert httpx.delete(f"{base}/posts/served", headers=AUTH).status_code == 200
    assert not (posts / "served.md").exists()
