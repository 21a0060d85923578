"""People: named ones are one person across posts; people known only by a role are one per post,
and every name a user sees is readable (no id, no post slug)."""
from __future__ import annotations

from pathlib import Path


from ingest.runs.pipeline import run_ingest
from kb.store import Store
from tests.ingest.conftest import write

A = "---\ntitle: 2021 회고\n---\n\n팀장님과 함께 Ray를 도입했다. 김민수님이 리뷰를 해주셨다.\n"
B = "---\ntitle: 2022 회고\n---\n\n새 팀장님이 오셨다. 김민수님과 스터디를 진행했다.\n"
C = "---\ntitle: 2022 in review\n---\n\nMy manager and I shipped the billing API. I joined Kakao with Jane Doe.\n"



def test_roles_are_per_post_names_are_shared_and_all_are_readable(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-12-31-a.md", A)
    write(root, "2022-12-31-b.md", B)
    write(root, "2022-12-30-c.md", C)
    run_ingest([root], store)
    people = [e for e in store.export()["entities"] if e["type"] == "person"]
    leads = [p for p in people if p["name"] == "Team lead"]
    assert len(leads) == 2 and leads[0]["id"] != leads[1]["id"]  # two posts' 팀장 are not merged blindly
    assert {s["post"] for p in leads for s in p["sources"]} == {"2021-12-31-a.md", "2022-12-31-b.md"}
    assert all(len({s["post"] for s in p["sources"]}) == 1 for p in leads)
    named = [p for p in people if p["name"] == "김민수"]
    assert len(named) == 1 and len({s["post"] for s in named[0]["sources"]}) == 2  # a name is one person
    assert {"Manager", "Jane Doe"} <= {p["name"] for p in people}
    for person in people:  # what users see: no post slug, no id
        assert ":" not in person["name"] and "2021" not in person["name"] and "2022" not in person["name"]
        assert person["name"] == person["name"].strip() and len(person["name"]) <= 40


FAREWELL = """---
title: Moving on
description: What I told my colleagues on my last day there.
---

Today is my last day at Acme. I'm leaving a great team. My first week here was a blur.

I want to thank Marco, Federico and Raffaele for hiring me. Our team lead Fabrizio listened.

- Lollo for being a big brother.
- Pallino and Nicola for building that design system with me.

At lunch we met [Danie Roux](http://www.danieroux.com/), and [uwekamper](https://github.com/uwekamper) and I
rewrote the website. The book was written by Andy Weir.
"""


def test_thanks_lists_acknowledgements_and_personal_links_name_people(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-08-27-moving-on.md", FAREWELL)  # a farewell told in the first person is a story
    run_ingest([root], store)
    people = {e["name"] for e in store.export()["entities"] if e["type"] == "person"}
    assert {"Marco", "Federico", "Raffaele", "Fabrizio", "Lollo", "Pallino", "Nicola", "Danie Roux",
            "uwekamper"} <= people
    assert "Andy Weir" not in people  # an author cited is not someone the writer worked with
    orgs = {e["name"] for e in store.export()["entities"] if e["type"] == "organization"}
    assert "Danie Roux" not in orgs


def test_people_known_by_a_role_and_what_it_is_of_are_one_person_of_the_post() -> None:
    from ingest.facts.cues import people

    found = {(c.name, c.scoped) for c in people("I met a bootcamp friend. Our intern shipped it. A friend came.")}
    assert {("Bootcamp friend", True), ("Intern", True)} <= found
    assert not any(name == "Friend" for name, _ in found)  # a bare "a friend" is anyone
    korean = {c.name for c in people("부트캠프 친구와 대학 선배가 도와줬다. 주변 동료들도 왔다. 지원 동기를 썼다.")}
    assert {"부트캠프 친구", "대학 선배"} <= korean and not korean & {"주변 동료", "지원 동기"}


def _names(text: str, lower_case_words: str = "") -> set[str]:
    from ingest.facts.cues.names import named_people

    words = set(lower_case_words.split())
    return {c.name for c in named_people(text, lambda w: w.lower() in words)}


def test_a_given_name_and_a_surname_name_a_person_but_a_cited_author_does_not() -> None:
    assert _names("We shipped it with a big PR from Melanie Sumner and Matthew Gibbons.") >= \
        {"Melanie Sumner", "Matthew Gibbons"}
    assert _names("I read a post by Scott Hanselman and a novel by Andy Weir.") == set()
    assert _names("We met at Stanford University Hall.") == set()  # a Title Case run is a place, not a name


def test_a_given_name_alone_is_a_person_only_where_only_a_person_fits() -> None:
    assert _names("I'll mostly miss Davide, Michele and Gaetano.") == {"Davide", "Michele", "Gaetano"}
    assert _names("Jon의 친절한 설명 덕분에 API를 옮겼다.") == {"Jon"}
    assert _names("I paired with Priya on the parser.") == {"Priya"}
    assert _names("Python, Django and Flask were the stack.") == set()
    # "Will" is the verb in a post that also writes "will"
    assert _names("Will and I will ship it.", lower_case_words="will ship it") == set()


def test_korean_given_names_before_nim_are_people_but_titles_are_not() -> None:
    assert _names("선형님과 봉기님에게 많이 배웠다. '한정수'님이 만든 강좌를 들었다.") == {"선형", "봉기", "한정수"}
    assert _names("조성환 박사님이 도와주셨다.") == {"조성환"}
    assert _names("팀장님과 교수님, 부모님, 면접관님께 감사드린다.") == set()
    assert _names("김부장님과 이사장님이 오셨다.") == set()  # a surname and a title: a role, not a name


def test_a_group_known_by_its_role_is_not_a_person(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2022-12-31-review.md", "---\ntitle: 2022 회고\n---\n\n동료들과 함께 배포를 했다. "
          "My teammates shipped it. 팀장님과 함께 Ray를 도입했다.\n")
    run_ingest([root], store)
    people = {e["name"] for e in store.export()["entities"] if e["type"] == "person"}
    assert "Team lead" in people and not people & {"Colleagues", "Teammates"}


def test_a_role_keeps_the_words_that_single_the_person_out_as_an_alias(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2022-12-31-review.md", "---\ntitle: 2022 회고\n---\n\n내 사수에게 Spring을 배웠다. "
          "학교 교수님이 추천서를 써주셨다. 그리고 팀장님과 Ray를 도입했다.\n")
    run_ingest([root], store)
    aliases = {p["name"]: set(p["aliases"]) for p in store.export()["entities"] if p["type"] == "person"}
    assert "내 사수" in aliases["Senior colleagues"] and "학교 교수님" in aliases["Advisor"]
    assert not any(a.startswith("그리고") for a in aliases["Team lead"])  # a connective singles no one out


def test_the_author_is_never_a_person_of_their_own_graph(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2022-12-31-review.md", "---\ntitle: 2022 in review\nauthor: Melanie Sumner\n---\n\n"
          "Hi, I'm Melanie Sumner. I paired with Priya on the parser, and Melanie shipped it with Jon Snow.\n")
    run_ingest([root], store)
    people = {e["name"] for e in store.export()["entities"] if e["type"] == "person"}
    assert "Priya" in people and "Jon Snow" in people
    assert not people & {"Melanie Sumner", "Melanie"}
