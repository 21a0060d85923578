from __future__ import annotations

from ingest.facts.entities import extract
from ingest.facts.resolve import tidy
from ingest.facts.vocabulary import Vocabulary
from tests.ingest.conftest import EN_REVIEW, KO_RETRO, make_post


def by_type(sightings: list, etype: str) -> set[str]:
    return {s.name for s in sightings if s.type == etype}


def test_code_blocks_math_and_markup_never_yield_entities(vocab: Vocabulary) -> None:
    post = make_post("I use Python.\n\n```\nimport kubernetes\nReact\n```\n\nAnd `import docker` inline, "
                     "`kafka.send(x)`, $Go$ math, <span title='React'>x</span>.\n")
    assert by_type(extract(post, vocab), "skill") == {"Python"}


def test_inline_code_that_only_names_tools_and_badges_name_skills(vocab: Vocabulary) -> None:
    post = make_post("We rewrote it on `Kubernetes + React`.\n\n![Python](https://img.shields.io/badge/Python-3776AB)\n")
    assert by_type(extract(post, vocab), "skill") == {"Kubernetes", "React", "Python"}


def test_korean_post_entities_with_particles_roles_and_orgs(vocab: Vocabulary) -> None:
    found = tidy(extract(make_post(KO_RETRO), vocab))
    assert "Ray" in by_type(found, "skill")
    assert "Kubernetes" not in by_type(found, "skill")  # only inside a code fence
    assert "Kakao" in by_type(found, "organization")
    assert "Team lead" in by_type(found, "person")
    assert {"알고리즘 스터디", "스터디"} <= by_type(found, "project")


def test_roles_are_scoped_to_their_post(vocab: Vocabulary) -> None:
    a = extract(make_post("팀장님과 이야기했다.\n", path="a.md"), vocab)
    b = extract(make_post("팀장님과 이야기했다.\n", path="b.md"), vocab)
    assert a[0].name == b[0].name == "Team lead" and a[0].id != b[0].id


def test_english_post_link_and_context_cues(vocab: Vocabulary) -> None:
    found = tidy(extract(make_post(EN_REVIEW, path="2021-year-in-review.md"), vocab))
    assert {"Acme Labs", "Truss"} <= by_type(found, "organization")
    assert "Amy" in by_type(found, "person")
    assert "Friend" not in by_type(found, "person")  # "my friend Amy" is Amy
    assert "Obsidian" in by_type(found, "skill")  # a product's own site, used as a tool
    assert "Go" in by_type(found, "skill")


def test_github_link_is_a_project_and_company_domain_an_organization(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 2018 회고\n---\n\n대회 결과는 [ndc ai 대결 top 16](https://github.com/someone/neco2018) 이었다.\n\n"
                     "[사내 해커톤](https://www.kakaocorp.com/page/1)에 참여했다.\n\n"
                     "[검색](https://www.google.com/search?q=x)해 보았다.\n")
    found = extract(post, vocab)
    project = next(s for s in found if s.type == "project" and "neco2018" in s.aliases)
    assert project.name == "ndc ai 대결"
    assert "Kakao" in by_type(found, "organization")
    assert "Google" not in by_type(found, "organization")


def test_a_repository_linked_from_a_technical_note_is_a_tool_mentioned_not_the_authors_project(
        vocab: Vocabulary) -> None:
    note = make_post("---\ntitle: CI with GitHub Actions\n---\n\nUse [actions/checkout](https://github.com/actions/checkout)"
                     " first. I built [kbtool](https://github.com/me/kbtool) for this.\n")
    projects = by_type(extract(note, vocab), "project")
    assert "actions/checkout" not in projects and "checkout" not in projects
    assert "kbtool" in projects  # "I built": the author's own


def test_mentions_carry_sentence_quotes_and_offsets(vocab: Vocabulary) -> None:
    post = make_post("첫 문장이다. 나는 파이썬을 배웠다.\n")
    found = extract(post, vocab)
    python = next(s for s in found if s.name == "Python")
    assert post.body[python.quote_start:python.quote_end] == "나는 파이썬을 배웠다."
    assert post.body[python.start:python.end] == "파이썬"


def test_latin_strict_term_with_a_korean_particle(vocab: Vocabulary) -> None:
    found = extract(make_post("ray를 도입했다. a ray of light.\n"), vocab)
    assert [s.surface for s in found if s.name == "Ray"] == ["ray"]


def test_technical_posts_take_no_story_cues(vocab: Vocabulary) -> None:
    text = "---\ntitle: Depth estimation\n---\n\nWe work with Left-Right Consistency at the team level.\n"
    assert by_type(extract(make_post(text, path="2019-11-04-depth.md"), vocab), "organization") == set()


def test_a_role_naming_a_person_is_that_person(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 2021 in review\n---\n\nMy manager, Jane Park, helped me a lot.\n", path="r.md")
    people = by_type(tidy(extract(post, vocab)), "person")
    assert people == {"Jane Park"}


def test_work_context_organizations_are_not_people_or_places(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 2021 in review\n---\n\nI worked with Sarah on my team, did freelance work with Track1099, "
            "worked remotely from Berlin for Acme, and 부사장님과 김민수님을 만났다.\n")
    found = tidy(extract(make_post(text, path="r.md"), vocab))
    assert by_type(found, "organization") == {"Track1099", "Acme"}
    assert by_type(found, "person") == {"Sarah", "김민수"}  # "worked with Sarah": a given name, a person


def test_named_projects_in_english(vocab: Vocabulary) -> None:
    text = "---\ntitle: 2021 in review\n---\n\nI led project Phoenix. The client project I'm on now is Milmove.\n"
    assert by_type(extract(make_post(text, path="r.md"), vocab), "project") == {"Phoenix", "Milmove"}


def test_full_names_in_people_contexts(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 2021 in review\n---\n\nI built a dashboard with Jane Doe, thanks to John Kim. "
            "Sarah and I shipped it with React and Google Cloud.\n")
    assert by_type(extract(make_post(text, path="r.md"), vocab), "person") == {"Jane Doe", "John Kim", "Sarah"}


def test_a_time_before_a_join_verb_is_not_an_organization(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 이직 후기\n---\n\n2021년 4월에 입사했다. 작년에 이직했다. 3년만에 이직. 카카오에 입사했다.\n")
    assert by_type(extract(post, vocab), "organization") == {"Kakao"}


def test_korean_employers_by_their_verbs_and_words_that_are_no_names() -> None:
    from ingest.facts.cues import organizations

    names = {c.name for c in organizations("현대오토에버에 합격했고 줌인터넷에서 일했다. 단국대학교를 졸업하고 이화여대 강의를 들었다.")}
    assert {"현대오토에버", "줌인터넷", "단국대학교", "이화여대"} <= names
    noise = {c.name for c in organizations("팀으로 합류했다. 안정적으로 입사했다. 엔지니어로 입사했고 5기로 합격했다.")}
    assert not noise & {"팀으", "안정적", "엔지니어", "5기"}, noise


def test_conference_and_media_names_are_organizations() -> None:
    from ingest.facts.cues import organizations

    names = {c.name for c in organizations("I spoke at RailsConf and the Svelte Summit, then on Svelte Radio.")}
    assert {"RailsConf", "Svelte Summit", "Svelte Radio"} <= names


def test_project_names_stop_at_words_that_are_no_nouns_and_asides_are_no_projects() -> None:
    from ingest.facts.cues import enumerations, projects

    names = {c.name for c in projects("위해 만든 프로젝트와 머신러닝 스터디, 요즘 부트캠프를 했다.")}
    assert "머신러닝 스터디" in names and not names & {"위해 만든 프로젝트", "요즘 부트캠프"}, names
    asides = {c.name for c in enumerations("Foster participation in projects (around me, yes, outside, maybe?)")}
    assert not asides, asides


def test_a_list_item_that_names_a_thing_and_says_what_it_is_names_a_project() -> None:
    from ingest.facts.cues import titled_item
    from ingest.posts.markdown import mask

    assert [c.name for c in titled_item(mask("[Sass Director](http://sassdirector.com/): A file generator"))] == \
        ["Sass Director"]
    assert [c.name for c in titled_item("**Zestful** - an ingredient parser")] == ["Zestful"]
    assert titled_item("Update: we moved") == [] and titled_item("I did this: nothing") == []


def test_venues_of_talks_and_writing_and_korean_internships_and_cohorts_are_organizations() -> None:
    from ingest.facts.cues import organizations

    def names(text: str) -> set[str]:
        return {c.name for c in organizations(text)}

    assert {"NDC Melbourne", "DDD Perth"} <= names("I gave a talk at NDC Melbourne and spoke at DDD Perth.")
    assert "Upstash" in names("I wrote an article for Upstash.")
    assert "ENERZAi" in names("ENERZAi 인턴십에 합격하여 일했다")
    assert {"YAPP", "AWSKRUG"} <= names("YAPP 17기에 합격했고 AWSKRUG 소속으로 활동했다")
    assert not names("여름 인턴십에 지원했다. 뉴로클에서 인턴을 했다. Pro 2기 리뷰어가 되었다.") & {"여름", "뉴로클에서", "Pro"}


def test_a_tool_named_by_a_common_word_needs_a_technical_sentence(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 2021 in review\n---\n\nI drew the Ray mascot for a friend.\n\n"
                     "I moved our training jobs to Ray.\n")
    rays = [s for s in extract(post, vocab) if s.name == "Ray"]
    assert [post.body[s.quote_start:s.quote_end] for s in rays] == ["I moved our training jobs to Ray."]


def test_a_latin_tool_name_in_korean_prose_is_the_tool(vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 2022 회고\n---\n\nRay로 개인 프로젝트를 만들어 보려고 한다.\n")
    assert "Ray" in by_type(extract(post, vocab), "skill")


def test_a_company_named_like_a_tool_is_an_organization_where_the_post_says_the_author_works_there(
        vocab: Vocabulary) -> None:
    post = make_post("---\ntitle: 2021 in review\n---\n\nIn March I joined Ray as a backend engineer.\n\n"
                     "I also joined the Python guild.\n")
    found = tidy(extract(post, vocab))
    assert "Ray" in by_type(found, "organization") and "Ray" not in by_type(found, "skill")
    assert "Python" not in by_type(found, "organization")  # "the Python guild": a group, not an employer


def test_a_section_headed_by_a_link_is_the_authors_project(vocab: Vocabulary) -> None:
    text = ("---\ntitle: My first year as a solo developer\n---\n\nI quit my job and worked on my own products.\n\n"
            "### [Is It Keto](https://isitketo.org)\n\nRevenue grew every month.\n\n"
            "### [Python](https://python.org)\n\nI used it everywhere.\n")
    found = extract(make_post(text, path="r.md"), vocab)
    assert "Is It Keto" in by_type(found, "project") and "Python" not in by_type(found, "project")


def test_apposition_names_a_thing_by_what_it_is() -> None:
    from ingest.facts.cues import named_by_apposition

    found = {(c.type, c.name) for c in named_by_apposition(
        "**2018 컨트리뷰톤**이라는 3개월 동안의 장기 해커톤에 참여했다. YAPP이라는 동아리에 들어갔고, 면접 스터디 "
        "플랫폼인 위더뷰를 만들었다. I started a podcast called Toolsday. 그런 스터디라는 모임은 처음이었다.")}
    assert found == {("project", "2018 컨트리뷰톤"), ("organization", "YAPP"), ("project", "위더뷰"),
                     ("project", "Toolsday")}


def test_schools_publications_and_employers_named_without_a_particle() -> None:
    from ingest.facts.cues import named_by_apposition, organizations

    def names(text: str) -> set[str]:
        return {c.name for c in organizations(text)}

    assert names("This fall was the hardest semester I've had at Northeastern.") == {"Northeastern"}
    assert names("I wrote for Upstash on combining SvelteKit and Redis.") == {"Upstash"}
    assert names("10개월의 PeopleFund 재직 후기. 카카오 입사 후 달라진 점") == {"PeopleFund", "카카오"}
    assert names("결과는 합격이었다. 그렇지만 입사는 미뤘다.") == set()
    # a quoted saying before 라는 is no name: "**…올라타라**라는 말은 스타트업에서 유명한 문구"
    assert named_by_apposition("**자리가 어디든 올라타라**라는 말은 스타트업에서 유명하다.") == []


def test_a_kind_of_project_is_not_a_project_but_a_named_one_keeps_its_name() -> None:
    from ingest.facts.cues import projects, titled_item

    found = {c.name: c.aliases for c in projects("개인 프로젝트와 웹 개발 프로젝트를 했고, 단쿠키 프로젝트와 머신러닝 스터디를 했다.")}
    assert found == {"단쿠키 프로젝트": ("단쿠키",), "머신러닝 스터디": ()}
    assert titled_item("1주차: 지하철 노선도 미션") == []  # a week, not a project


def test_the_company_column_of_a_table_names_organizations() -> None:
    from ingest.facts.cues import table_cells

    header = "| 기간 | 회사 | 직무 |"
    assert [c.name for c in table_cells("| 2019.03 ~ 2020.02 | 한빛데이터 | 백엔드 개발자 |", header)] == ["한빛데이터"]
    assert table_cells("| 2019.03 ~ 2020.02 | 한빛데이터 | 백엔드 개발자 |", "| 기간 | 내용 | 비고 |") == []


def test_what_the_author_says_they_built_is_a_project() -> None:
    from ingest.facts.cues import projects

    found = {c.name for c in projects("I built a UI design system for the app. I wrote our network layer. "
                                      "I made a lot of friends. I wrote about Upstash. I built it with React.")}
    assert found == {"UI design system", "network layer"}
    korean = {c.name for c in projects("정산시스템을 구축했다. 결제 기능을 개발했다. 코드를 작성했다.")}
    assert korean == {"정산시스템"}


def test_an_organization_keeps_the_kind_of_place_written_after_it_as_an_alias(vocab: Vocabulary) -> None:
    text = "---\ntitle: 2021 회고\n---\n\n지인이 카카오 그룹을 추천해주셨다.\n"
    kakao = [s for s in extract(make_post(text, path="r.md"), vocab) if s.type == "organization"]
    assert kakao and all(s.name == "Kakao" for s in kakao) and "카카오 그룹" in kakao[0].aliases


def test_an_organization_given_as_an_example_is_a_passing_mention(vocab: Vocabulary) -> None:
    text = ("---\ntitle: 2021 회고\n---\n\n카카오 같은 대기업도 좋지만 스타트업을 골랐다. "
            "I never applied to companies such as Google. 올해 카카오에 입사했다.\n")
    orgs = [s for s in extract(make_post(text, path="r.md"), vocab) if s.type == "organization"]
    assert len(orgs) == 1 and orgs[0].surface == "카카오"  # only where the author joins it
