from __future__ import annotations

import pytest

from ingest.posts.frontmatter import read_meta, split_frontmatter
from kb.errors import PostError
from tests.ingest.conftest import make_post


def test_yaml_frontmatter_title_tags_typo_categories_and_filename_date() -> None:
    post = make_post("---\ntitle: Hello\ntags: [a, b]\ncatetories: ['x', 'y']\n---\n\nBody text.\n",
                     path="2020-04-02-hello.md")
    assert post.meta.title == "Hello"
    assert post.meta.tags == ("a", "b") and post.meta.categories == ("x", "y")
    assert post.meta.date == "2020-04-02"
    assert post.body.strip() == "Body text."
    assert post.body_line == 5


def test_toml_frontmatter_with_hugo_style_keys_and_draft() -> None:
    post = make_post('+++\ntitle = "T"\ndate = "2022-01-05T10:31:38-08:00"\nblogtags = ["Go"]\n'
                     'blogcategories = ["Review"]\ndraft = true\n+++\nText\n', path="t.md")
    assert (post.meta.title, post.meta.date, post.meta.tags, post.meta.categories) == ("T", "2022-01-05", ("Go",), ("Review",))
    assert post.meta.private


def test_json_frontmatter() -> None:
    post = make_post('{\n  "title": "J", "date": "2021-07", "published": false\n}\nHi\n', path="j.md")
    assert post.meta.title == "J" and post.meta.date == "2021-07" and post.meta.private


@pytest.mark.parametrize("value, expected", [("2021-11-25 22:24:34 +0900", "2021-11-25"), ("2021", "2021"),
                                             ("2021-03", "2021-03")])
def test_date_keeps_its_written_precision(value: str, expected: str) -> None:
    post = make_post(f"---\ntitle: x\ndate: {value}\n---\nx\n", path="no-date.md")
    assert post.meta.date == expected


def test_title_falls_back_to_first_heading_then_file_name_and_date_to_none() -> None:
    assert make_post("# First heading\n\ntext\n", path="a.md").meta.title == "First heading"
    post = make_post("no heading\n", path="my-great_post.md")
    assert post.meta.title == "my great post" and post.meta.date is None


def test_private_flag() -> None:
    assert make_post("---\ntitle: p\nprivate: true\n---\nx\n").meta.private
    assert not make_post("---\ntitle: p\n---\nx\n").meta.private


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(PostError) as info:
        split_frontmatter("---\ntitle: ok\ntags: [a, b\nmore: x\n---\nbody\n", "bad.md")
    assert info.value.path == "bad.md" and info.value.line is not None and info.value.line >= 3


def test_unclosed_and_non_mapping_frontmatter_fail() -> None:
    with pytest.raises(PostError):
        split_frontmatter("---\ntitle: x\n", "open.md")
    with pytest.raises(PostError):
        split_frontmatter("---\n- a\n- b\n---\nbody\n", "list.md")


def test_broken_toml_names_the_line() -> None:
    with pytest.raises(PostError) as info:
        split_frontmatter('+++\ntitle = "x"\ndate = \n+++\nbody\n', "bad.md")
    assert info.value.line == 3


def test_leading_blank_line_before_frontmatter() -> None:
    split = split_frontmatter("\n---\ntitle: x\n---\nbody\n", "p.md")
    assert split.metadata == {"title": "x"} and split.body.strip() == "body"


def test_read_meta_ignores_non_string_title() -> None:
    assert read_meta({"title": 3}, "2020-01-01-a-b.md", None).title == "a b"


@pytest.mark.parametrize("value", ["2020-13-45", "0000-01-01"])
def test_impossible_yaml_dates_name_their_line(value: str) -> None:
    with pytest.raises(PostError) as info:
        split_frontmatter(f"---\ntitle: x\ndate: {value}\n---\nbody\n", "d.md")
    assert info.value.line == 3 and "invalid frontmatter value" in info.value.reason


def test_yaml_alias_bomb_tags_are_not_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefghi", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\ntags: *i\ntitle: *i\ncategories: *i\ndate: *i\n---\n# bomb\n\nbody\n"
    post = make_post(text, path="bomb.md")
    assert (post.meta.title, post.meta.tags, post.meta.categories, post.meta.date) == ("bomb", (), (), None)


def test_an_impossible_time_keeps_the_post_and_its_date_part(caplog: pytest.LogCaptureFixture) -> None:
    split = split_frontmatter("---\ntitle: x\ndate: 2021-03-04 25:61:00\n---\nbody\n", "late.md")
    assert read_meta(split.metadata, "late.md", None).date == "2021-03-04"
    assert "late.md:3" in caplog.text and "impossible time" in caplog.text


def test_created_and_published_keys_of_other_engines_give_the_date() -> None:
    for key in ("pubDate", "createdDate", "publishDate", "published"):
        split = split_frontmatter(f"---\ntitle: x\n{key}: \"2021-01-20\"\n---\nbody\n", "p.md")
        assert read_meta(split.metadata, "p.md", None).date == "2021-01-20", key


def test_a_byte_order_mark_before_the_frontmatter_is_read_past() -> None:
    split = split_frontmatter("\ufeff---\ntitle: x\ndate: 2021-03-05\n---\nbody\n", "bom.md")
    assert read_meta(split.metadata, "bom.md", None).date == "2021-03-05"
