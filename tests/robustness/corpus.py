"""Generated corpora for the robustness tests: hostile files beside good ones, never committed.

`write_hostile(folder)` writes at least 30 broken, odd or malicious files and returns what each
is expected to do; `write_good(folder)` writes small valid posts whose facts are easy to check.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GOOD_POSTS: dict[str, str] = {
    "good/2021-03-01-ray-tuning": "---\ntitle: Tuning with Ray\ndate: 2021-03-01\ntags: [ray]\n---\n"
                                  "# Tuning\n\nIn March 2021 I used Ray Tune and PyTorch for hyperparameter search.\n",
    "good/2022-07-15-kubernetes": "---\ntitle: Kubernetes at work\n---\n# Cluster\n\n"
                                  "In 2022 I deployed services on Kubernetes with Docker.\n",
    "good/2020-01-10-회고": "---\ntitle: 2019년 회고\n---\n# 회고\n\n2019년에는 Python 과 PyTorch 로 연구를 했다.\n",
    "good/2023-05-05-notes": "+++\ntitle = \"TOML notes\"\ndate = 2023-05-05\n+++\n# Notes\n\nI wrote Go and Rust in 2023.\n",
    "good/2019-09-09-json": "{\n\"title\": \"JSON frontmatter\",\n\"tags\": [\"sql\"]\n}\n# JSON\n\nPostgreSQL in 2019.\n",
}


@dataclass(frozen=True)
class Hostile:
    """A hostile file: relative path, and whether it must be refused with a line number."""

    path: str
    must_fail: bool = False
    needs_line: bool = False
    ingestible: bool = False  # a valid post in an odd form: it must come through


def write_good(folder: Path, posts: dict[str, str] = GOOD_POSTS) -> None:
    for post_id, text in posts.items():
        file = folder / f"{post_id}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")


def _nested_yaml_bomb() -> str:
    """Billion laughs: nine levels of nine references each; a naive str() of it never ends."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghi"
    for prev, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("tags: *i\ntitle: *i\ncategories: *i\ndate: *i")
    return "---\n" + "\n".join(lines) + "\n---\n# bomb\n\nbody\n"


def hostile_texts() -> dict[str, bytes]:
    """Relative path -> bytes of every hostile regular file."""
    big_para = ("In 2020 I used Python and Ray for a project. " * 20 + "\n\n")
    return {
        "h/yaml-unterminated.md": b"---\ntitle: never closed\ndate: 2020-01-01\n# body\n",
        "h/yaml-broken.md": b"---\ntitle: [a, b\ndate: 2020\n---\n# body\n",
        "h/yaml-tab-indent.md": b"---\ntitle: x\n\tdate: 2020\n---\nbody\n",
        "h/yaml-python-tag.md": b"---\ntitle: !!python/object/apply:os.system [\"echo pwned\"]\n---\nbody\n",
        "h/yaml-deep.md": b"---\ntitle: " + b"[" * 50_000 + b"]" * 50_000 + b"\n---\nbody\n",
        "h/yaml-bomb.md": _nested_yaml_bomb().encode(),
        "h/toml-unterminated.md": b"+++\ntitle = \"x\"\n# body\n",
        "h/toml-broken.md": b"+++\ntitle = \ndate = 2020\n+++\nbody\n",
        "h/json-broken.md": b"{\n\"title\": ,\n}\nbody\n",
        "h/json-unterminated.md": b"{\n\"title\": \"x\"\n\nbody\n",
        "h/fm-list.md": b"---\n- a\n- b\n---\nbody\n",
        "h/fm-scalar.md": b"---\njust a string\n---\nbody\n",
        "h/fm-wrong-types.md": b"---\ntitle: {a: 1}\ndate: [1, 2]\ntags: 5\ndraft: maybe\ncategories: {x: y}\n---\n# T\n\nbody\n",
        "h/fm-empty.md": b"---\n---\n",
        "h/invalid-utf8.md": b"# title\n\nline two\n\xc3\x28 broken on line three\n",
        "h/latin1.md": "# Caf\u00e9\n\nna\u00efve r\u00e9sum\u00e9\n".encode("latin-1"),
        "h/utf16-le-bom.md": "# UTF-16 \uc81c\ubaa9\n\nPython \ubcf8\ubb38 in 2020.\n".encode("utf-16"),
        "h/utf16-be-bom.md": b"\xfe\xff" + "# UTF-16 BE\n\nRust in 2021.\n".encode("utf-16-be"),
        "h/utf8-bom.md": b"\xef\xbb\xbf---\ntitle: BOM\n---\nbody\n",
        "h/lone-bom.md": b"\xef\xbb\xbf",
        "h/binary.md": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
        "h/empty.md": b"",
        "h/whitespace.md": b" \n\t\n\r\n",
        "h/nul-bytes.md": b"# nul\x00title\n\nbody \x00\x00 with NULs in 2020\n",
        "h/control-chars.md": b"---\ntitle: \"a\\x07b\\x1bc\"\n---\n# \x1b[31mred\x1b[0m\n\n\x08\x0c body\n",
        "h/crlf.md": b"---\r\ntitle: CRLF\r\n---\r\n# h\r\n\r\nPython in 2020.\r\n",
        "h/cr-only.md": b"---\rtitle: CR\r---\r# h\r\rbody\r",
        "h/huge-20mb.md": ("# huge\n\n" + big_para * (20_000_000 // len(big_para))).encode(),
        "h/headings-10k.md": "".join(f"## heading {i}\n\ntext {i}\n\n" for i in range(10_000)).encode(),
        "h/nested-lists.md": "".join("  " * i + "- item\n" for i in range(3_000)).encode(),
        "h/nested-quotes.md": (b">" * 20_000 + b" deep\n") * 3,
        "h/nested-brackets.md": b"[" * 100_000 + b"x" + b"](" * 10_000 + b"\n",
        "h/one-line-1mb.md": b"# one line\n\n" + b"Python Ray " * 100_000,
        "h/bad-date.md": b"---\ntitle: bad date\ndate: 2020-13-45\n---\nbody\n",
        "h/year-zero.md": b"---\ntitle: year zero\ndate: 0000-01-01\n---\nIn year 0 nothing.\n",
        "h/year-9999.md": b"---\ntitle: far future\ndate: 9999-12-31\n---\nFrom 9999-01 to 9999-12 I used Python.\n",
        "h/2020-13-45-bad-name-date.md": b"# bad date in the name\n\nbody\n",
        "h/title-100k.md": b"---\ntitle: " + b"T" * 100_000 + b"\n---\nbody\n",
        "h/heading-100k.md": b"# " + b"H" * 100_000 + b"\n\nbody\n",
        "h/sql-and-cypher.md": b"---\ntitle: \"') OR 1=1 --\"\ntags: [\"'}) MATCH (n) DETACH DELETE n //\"]\n---\n"
                               b"# \"a\" NEAR(\n\n'; DROP TABLE posts; -- used Python\n",
        "h/script.md": b"# <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))\n",
        "h/weird name 'q\".md": b"# quotes in the file name\n\nbody\n",
        "h/\uc774\ub984-\ud55c\uae00.md": "# \ud55c\uae00 \ud30c\uc77c \uc774\ub984\n\n\ubcf8\ubb38\n".encode(),
        "h/" + "n" * 240 + ".md": b"# a very long file name\n\nbody\n",
        "h/dup/same.md": b"# same slug, .md\n\nbody\n",
        "h/dup/same.markdown": b"# same slug, .markdown\n\nbody\n",
        "h/unreadable.md": b"# chmod 000\n\nbody\n",
    }


EXPECTED: tuple[Hostile, ...] = (
    Hostile("h/yaml-unterminated.md", must_fail=True, needs_line=True),
    Hostile("h/yaml-broken.md", must_fail=True, needs_line=True),
    Hostile("h/yaml-tab-indent.md", must_fail=True, needs_line=True),
    Hostile("h/yaml-python-tag.md", must_fail=True, needs_line=True),
    Hostile("h/toml-unterminated.md", must_fail=True, needs_line=True),
    Hostile("h/toml-broken.md", must_fail=True, needs_line=True),
    Hostile("h/json-broken.md", must_fail=True, needs_line=True),
    Hostile("h/fm-list.md", must_fail=True, needs_line=True),
    Hostile("h/fm-scalar.md", must_fail=True, needs_line=True),
    Hostile("h/invalid-utf8.md", must_fail=True, needs_line=True),
    Hostile("h/latin1.md", must_fail=True, needs_line=True),
    Hostile("h/binary.md", must_fail=True),
    Hostile("h/utf16-le-bom.md", ingestible=True),
    Hostile("h/utf16-be-bom.md", ingestible=True),
    Hostile("h/utf8-bom.md", ingestible=True),
    Hostile("h/crlf.md", ingestible=True),
    Hostile("h/headings-10k.md", ingestible=True),
    Hostile("h/year-9999.md", ingestible=True),
    Hostile("h/sql-and-cypher.md", ingestible=True),
    Hostile("h/script.md", ingestible=True),
    Hostile("h/\uc774\ub984-\ud55c\uae00.md", ingestible=True),
)


def write_hostile(folder: Path) -> list[str]:
    """Write every hostile entry under `folder`; returns the relative paths of the regular files.

    Besides the regular files: a FIFO, a dangling symlink, a pair of symlinks pointing at each
    other and a directory symlink loop, none of which may hang or break the run.
    """
    texts = hostile_texts()
    for rel, data in texts.items():
        file = folder / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
    (folder / "h/unreadable.md").chmod(0)
    os.mkfifo(folder / "h/fifo.md")
    (folder / "h/dangling.md").symlink_to(folder / "h/no-such-target.md")
    (folder / "h/ping.md").symlink_to(folder / "h/pong.md")
    (folder / "h/pong.md").symlink_to(folder / "h/ping.md")
    loop = folder / "h/loop"
    loop.mkdir()
    (loop / "inside.md").write_bytes(b"# inside the loop\n\nbody\n")
    (loop / "again").symlink_to(loop, target_is_directory=True)
    (loop / "up").symlink_to(folder / "h", target_is_directory=True)
    return sorted(texts) + ["h/loop/inside.md"]


SPECIAL_ENTRIES = ("h/fifo.md", "h/dangling.md", "h/ping.md", "h/pong.md")
