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


def test_a_link_to_someones_profile_page_names_a_person(vocab: Vocabulary) -> None:
    assert cues(vocab, "Slavi Pantaleev", "https://liberapay.com/s.pantaleev/", "- Slavi Pantaleev - creator") == \
        [("person", "Slavi Pantaleev")]
    assert cues(vocab, "Mariatta", "https://github.com/Mariatta", "Mariatta and I paired") == [("person", "Mariatta")]
    assert cues(vocab, "sveltejs", "https://github.com/sveltejs", "see sveltejs") == []  # a handle alone: no one
    assert cues(vocab, "@ErikHellman", "https://twitter.com/ErikHellman", "Inspired by @ErikHellman") == \
        [("person", "ErikHellman")]
    assert cues(vocab, "chrisrhymes", "https://github.com/chrisrhymes", "- chrisrhymes - creator of a theme") == \
        [("person", "chrisrhymes")]


def test_a_change_sent_to_a_repository_makes_it_a_project_of_the_author(vocab: Vocabulary) -> None:
    assert cues(vocab, "ErikHellman/base45-kotlin", "https://github.com/ErikHellman/base45-kotlin/pull/1",
                "- small improvements") == [("project", "base45-kotlin")]
    assert cues(vocab, "signald", "https://gitlab.com/signald/signald/-/merge_requests?scope=all", "- signald") == \
        [("project", "signald")]
    assert cues(vocab, "this fix", "https://github.com/org/tool/pull/9", "I read this fix") == []


def test_a_linked_name_the_author_made_is_a_project(vocab: Vocabulary) -> None:
    assert cues(vocab, "위더뷰", "https://witherview.com/", "면접 스터디 플랫폼 위더뷰를 제작해나갔다.") == \
        [("project", "위더뷰")]
    assert cues(vocab, "Last year", "https://example.com/2021", "Last year I launched it") == []
    assert cues(vocab, "Zestful", "https://zestfuldata.com", "I read about Zestful") == []


def test_a_linked_list_title_followed_by_what_it_is_is_a_project(vocab: Vocabulary) -> None:
    assert cues(vocab, "Toolsday", "http://toolsday.io/", "Toolsday: A 20-minute podcast about developer tools") == \
        [("project", "Toolsday")]
    assert cues(vocab, "Python", "https://python.org", "Python: a language I use for tools") == []


def test_a_link_within_the_blog_told_as_the_authors_writing_is_a_project(vocab: Vocabulary) -> None:
    assert cues(vocab, "GraphQL on Azure series", "/posts/2020-07-13-graphql-on-azure-part-1-getting-started.md",
                "I wrote a continuation of my GraphQL on Azure series") == [("project", "GraphQL on Azure series")]
    link = Link("my smart home journey", "/posts/2022-07-18-building-a-smart-home---part-1-design.md", 0, 10)
    (cue,) = link_cues(link, "I also kicked off a new series about my smart home journey", "", vocab)
    assert (cue.name, cue.aliases) == ("smart home journey", ("smart home journey", "building-a-smart-home"))
    assert cues(vocab, "was not yet ready", "/posts/x", "I wrote that it was not yet ready") == []
    assert cues(vocab, "this post", "/posts/x", "I liked this post") == []  # not the author's writing
