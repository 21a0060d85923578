from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from ingest.posts.read import decode, discover, read_post
from kb.errors import PostError
from tests.ingest.conftest import write


def test_discover_finds_markdown_recursively_sorted_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "b")
    write(tmp_path, "a/c.markdown", "c")
    write(tmp_path, ".git/x.md", "hidden")
    write(tmp_path, "a/.draft.md", "hidden file")
    write(tmp_path, "notes.txt", "not a post")
    found = discover([str(tmp_path)])
    assert [s.path for s in found] == ["a/c.markdown", "b.md"]
    assert all(s.root == str(tmp_path.resolve()) for s in found)
    assert found[1].size == 1 and found[1].mtime_ns > 0


def test_discover_survives_a_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path, "d/post.md", "x")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert [s.path for s in discover([str(tmp_path)])] == ["d/post.md"]


def test_discover_rejects_a_missing_root(tmp_path: Path) -> None:
    with pytest.raises(PostError):
        discover([str(tmp_path / "nope")])


def test_decode_utf8_with_and_without_bom_and_utf16() -> None:
    assert decode("한글".encode()) == "한글"
    assert decode(codecs.BOM_UTF8 + "한글".encode()) == "한글"
    assert decode(codecs.BOM_UTF16_LE + "hi 한글".encode("utf-16-le")) == "hi 한글"
    assert decode(codecs.BOM_UTF16_BE + "hi".encode("utf-16-be")) == "hi"


def test_invalid_utf8_names_file_and_line() -> None:
    with pytest.raises(PostError) as info:
        decode(b"ok\nfine\nbad \xff here", "x.md")
    assert info.value.path == "x.md" and info.value.line == 3


def test_read_post_hashes_bytes(tmp_path: Path) -> None:
    write(tmp_path, "p.md", "same")
    write(tmp_path, "q.md", "same")
    a, b = (read_post(s) for s in discover([str(tmp_path)]))
    assert a.content_hash == b.content_hash and len(a.content_hash) == 64
    assert a.text == "same"


def test_line_endings_become_newlines() -> None:
    assert decode(b"a\r\nb\rc\n") == "a\nb\nc\n"
