"""The home page's script in a real browser, on the ingested sample posts (examples/posts), both as
`kb serve` answers it and as `kb site build` writes it for a plain file server under a sub-path:
the search box finds a Korean two-syllable word (분산 → 분산실험) and links to where it is shown; a
click on a skill, on the timeline or in the skill graph, filters the timeline until "show all";
axe-core finds nothing serious with results and a filter on screen; print hides all three; nothing
comes from another host and nothing is logged as an error. Without script the same links open the
skill's page. Screenshots go to test-artifacts/."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.kbproc import kb, served
from tests.web.browser import (ARTIFACTS, Watched, axe_violations, chromium, file_server, need_axe,
                               need_chromium, samples_db)

pytestmark = pytest.mark.browser
RAY = "skill:ray"
WITH_RAY = "li.event:has([data-entity='skill:ray'])"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    need_chromium()
    return samples_db(tmp_path_factory, "script")


@pytest.fixture(scope="module")
def serve(db: str) -> Iterator[str]:
    with served(db) as url:
        yield url + "/"


@pytest.fixture(scope="module")
def static(db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("static")
    built = kb("site", "build", "--out", str(root / "blog"), "--db", db)
    assert built.returncode == 0, built.stdout + built.stderr
    with file_server(root) as url:
        yield url + "blog/"


@pytest.fixture(scope="module")
def browser(db: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


@pytest.fixture(params=["serve", "static"])
def site(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(request.param)


@pytest.fixture
def home(browser: Any, site: str) -> Iterator[Watched]:
    """The home page; any request outside the site (another host, or above the sub-path) fails the test."""
    watched = Watched(browser, site, "", viewport={"width": 1100, "height": 900})
    yield watched
    watched.close()


def _shot(home: Watched, site: str, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    where = "static" if "/blog/" in site else "serve"
    home.page.screenshot(path=str(ARTIFACTS / f"portfolio-{where}-{name}.png"))


def test_a_skill_click_filters_the_timeline_until_show_all(home: Watched, site: str) -> None:
    page = home.page
    everything = [e["id"] for e in home.events()]
    with_ray = page.eval_on_selector_all(f"#timeline {WITH_RAY}", "els => els.map(e => e.id)")
    assert 0 < len(with_ray) < len(everything)
    bar = page.locator("#timeline-filter")
    assert not bar.is_visible()

    page.locator(f"#timeline a.chip[data-entity='{RAY}']").first.click()
    assert page.url == site  # filtered in place, not sent to the skill's page
    assert bar.is_visible() and "Ray" in bar.inner_text()
    assert [e["id"] for e in home.events()] == with_ray  # the same events in the same (newest first) order
    assert bar.locator("a").get_attribute("href") == "skill/ray.html"
    _shot(home, site, "filter")

    bar.locator("button").click()
    assert not bar.is_visible() and [e["id"] for e in home.events()] == everything

    page.click(f"#skill-graph a[data-entity='{RAY}'] circle")
    assert page.url == site and bar.is_visible()
    assert [e["id"] for e in home.events()] == with_ray
    assert page.locator(f"#skill-graph a.active[data-entity='{RAY}']").count() == 1


def test_search_finds_a_korean_two_syllable_word_and_links_to_it(home: Watched, site: str) -> None:
    page = home.page
    page.locator("#timeline a.chip[data-entity='skill:kubernetes']").first.click()
    assert not page.locator("#timeline li.event", has_text="분산실험").first.is_visible()
    page.fill("#q", "분산")
    hit = page.locator("#search-results a", has_text="분산실험").first
    hit.wait_for()
    assert "건" in page.inner_text("#search-status")
    hrefs = page.eval_on_selector_all("#search-results a", "els => els.map(a => a.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if h.startswith(("/", "http:", "https:", "//"))], hrefs
    _shot(home, site, "search")
    target = hit.get_attribute("href") or ""
    assert target.startswith("#ev-")
    hit.click()
    assert page.url == site + target
    assert page.locator(f"[id='{target[1:]}']").is_visible()  # the filter that hid it is cleared
    assert not page.locator("#timeline-filter").is_visible()

    page.fill("#q", "ray")
    skill = page.locator("#search-results a[href='skill/ray.html']")
    skill.wait_for()
    skill.click()
    assert page.url == site + "skill/ray.html"


def test_nothing_found_says_so(home: Watched) -> None:
    home.page.fill("#q", "없는단어xyz")
    home.page.wait_for_function("document.getElementById('search-status').textContent.includes('없는단어xyz')")
    assert home.page.locator("#search-results li").count() == 0


def test_no_serious_accessibility_violation_with_results_and_a_filter_shown(home: Watched) -> None:
    need_axe()
    home.page.fill("#q", "분산")
    home.page.locator("#search-results li").first.wait_for()
    home.page.locator(f"#timeline a.chip[data-entity='{RAY}']").first.click()
    assert axe_violations(home.page) == []


def test_print_leaves_out_the_search_box_the_graph_and_the_filter(home: Watched) -> None:
    home.page.locator(f"#timeline a.chip[data-entity='{RAY}']").first.click()
    home.page.emulate_media(media="print")
    for part in ("#search", "#skill-graph", "#timeline-filter"):
        assert not home.page.is_visible(part), part
    assert home.page.is_visible("#experience") and home.page.is_visible("#skills .skill-group")


def test_without_script_skills_are_links_to_their_pages(browser: Any, static: str) -> None:
    plain = Watched(browser, static, "", java_script_enabled=False)
    try:
        page = plain.page
        assert not page.is_visible("#search") and not page.is_visible("#timeline-filter")
        page.click(f"#skill-graph a[data-entity='{RAY}'] circle")
        assert page.url == static + "skill/ray.html"
        page.go_back()
        page.locator(f"#timeline a.chip[data-entity='{RAY}']").first.click()
        assert page.url == static + "skill/ray.html"
    finally:
        plain.close()
