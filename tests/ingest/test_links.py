from __future__ import annotations

from ingest.facts.links import link_cues
from ingest.posts.markdown import Link
from ingest.facts.vocabulary import Vocabulary


def cues(vocab: Vocabulary, text: str, url: str, sentence: str, paragraph: str = "") -> list[tuple[str, str]]:
    link = Link(text, url, 0, len(text) + len(url) + 4)
    return [(c.type, c.name) for c in link_cues(link, sentence, paragraph or sentence, vocab)]


def test_repository_links_are_projects(vocab: Vocabulary) -> None:
    assert cues(vocab, "gitkr", "https://github.com/me/gitkr", "I made gitkr") == [("project", "gitkr")]
    # a generic link text gives way to the repository name, or to the sentence's subject
    assert cues(vocab, "open-source project", "https://github.com/org/mymove",
                "Milmove is also an open-source project") == [("project", "Milmove")]
    assert cues(vocab, "this Pull Request", "https://github.com/org/repo", "see this Pull Request") == \
        [("project", "repo")]
    assert cues(vocab, "file", "https://github.com/org/repo/blob/main/a.py", "this file") == []


def test_company_domains_and_content_hosts(vocab: Vocabulary) -> None:
    assert cues(vocab, "사내 해커톤", "https://www.kakaocorp.com/page/1", "사내 해커톤에 참여했다") == \
        [("organization", "Kakao")]
    assert cues(vocab, "rapp", "https://www.google.com/search?q=rapp", "rapp를 구현했다") == []


def test_a_products_own_site_in_work_or_tool_context(vocab: Vocabulary) -> None:
    assert cues(vocab, "Truss", "https://truss.works/", "I got a position at Truss") == [("organization", "Truss")]
    assert cues(vocab, "Obsidian", "https://obsidian.md/", "I started using Obsidian") == [("skill", "Obsidian")]
    assert cues(vocab, "Amy", "https://amy.example.dev/post", "Inspired by my friend Amy") == []


def test_books_are_projects_only_when_studied(vocab: Vocabulary) -> None:
    url = "http://www.yes24.com/Product/Goods/1"
    assert cues(vocab, "밑바닥부터 만드는 컴퓨팅 시스템", url, "기획하고 있는 스터디는 밑바닥부터 만드는 컴퓨팅 시스템이다") == \
        [("project", "밑바닥부터 만드는 컴퓨팅 시스템")]
    assert cues(vocab, "읽기좋은 코드", url, "읽기좋은 코드라는 책을 읽었다") == []


def test_personal_sites(vocab: Vocabulary) -> None:
    assert cues(vocab, "personal blog", "https://www.myown.example/", "I also started a personal blog") == \
        [("project", "personal blog")]
    assert cues(vocab, "이미 존재한다.", "https://maple.example.com/", "사실 이미 존재한다.",
                "메이플 사이트도 만들어 봐야겠다. 사실 이미 존재한다.") == [("project", "maple.example.com")]
