from __future__ import annotations

from ingest.posts.markdown import mask, parse_body
from tests.ingest.conftest import KO_RETRO, make_post


def test_heading_tree_ignores_headings_inside_code_fences() -> None:
    post = make_post(KO_RETRO)
    headings = [s.heading for s in post.sections]
    assert "코드 안의 제목은 제목이 아니다" not in " ".join(headings)
    assert headings[:4] == ["", "나의 2020년", "입사 전: 2020-01 ~ 2020-03", "알고리즘 스터디 진행"]
    study = post.sections[3]
    assert [post.sections[i].heading for i in study.parents] == ["나의 2020년", "입사 전: 2020-01 ~ 2020-03"]


def test_blocks_keep_verbatim_source_and_offsets() -> None:
    body = "# T\n\nA [link](http://x.io) and `code`.\n\n- item one\n  continued\n- item two\n"
    sections = parse_body(body)
    blocks = sections[1].blocks
    assert [b.kind for b in blocks] == ["paragraph", "item", "item"]
    for block in blocks:
        assert body[block.start:block.end] == block.text
    assert blocks[1].text == "item one\n  continued"
    assert blocks[0].links[0].url == "http://x.io" and blocks[0].links[0].text == "link"
    assert blocks[0].line == 3


def test_mask_blanks_code_math_html_and_urls_keeping_length() -> None:
    text = "use `python` and $x_1$ <b>bold</b> see [Go](https://go.dev) or https://a.b/c"
    masked = mask(text)
    assert len(masked) == len(text)
    assert "python" not in masked and "x_1" not in masked and "<b>" not in masked
    assert "go.dev" not in masked and "a.b/c" not in masked
    assert "Go" in masked and "bold" in masked


def test_code_blocks_and_math_blocks_produce_no_blocks_and_pasted_html_is_prose() -> None:
    sections = parse_body("para\n\n```\ncode\n```\n\n$$\nx^2\n$$\n\n<div>html</div>\n\n<p>&nbsp;<br></p>\n")
    blocks = sections[0].blocks
    assert [b.text for b in blocks] == ["para", "<div>html</div>"]  # a tag-only block is no prose
    assert blocks[1].masked.strip() == "html" and len(blocks[1].masked) == len(blocks[1].text)


def test_language_guess() -> None:
    assert make_post(KO_RETRO).language == "ko"
    assert make_post("I wrote about things in English today.\n").language == "en"


def test_inline_math_touching_hangul_or_ending_in_a_space_is_masked() -> None:
    text = "$\\sigma_j$는 output $y_i \\in R^m$의 편차, $f(C) \\cdot g $ 이다. 가격은 $5 또는 $10"
    masked = mask(text)
    assert len(masked) == len(text)
    assert "R" not in masked and "sigma" not in masked and "C" not in masked
    assert masked.endswith("가격은 $5 또는 $10")  # money is not math


def test_a_hugo_cross_reference_is_a_link_to_another_post() -> None:
    from ingest.posts.markdown import parse_body

    (section,) = parse_body('I continued my [GraphQL series]({{< ref "/posts/2020-07-13-graphql-part-1.md" >}}).\n')
    (link,) = section.blocks[0].links
    assert (link.text, link.url) == ("GraphQL series", "/posts/2020-07-13-graphql-part-1.md")
