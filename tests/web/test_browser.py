"""The portfolio at `/` in a real browser: headless Chromium against a real `kb serve` over the
ingested sample posts (examples/posts, with its kb.yaml profile). The résumé first, the timeline
newest first, source links landing on their section, a skill's page, privacy with and without the
token, phone width, axe-core, no console errors, nothing fetched from elsewhere; screenshots go to
test-artifacts/."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kb.models import date_sort_key
from tests.kbproc import served
from tests.web.browser import ARTIFACTS, Watched, axe_violations, chromium, need_axe, need_chromium, samples_db

pytestmark = pytest.mark.browser
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_chromium()
    with served(samples_db(tmp_path_factory, "browser"), KB_API_TOKEN=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Watched]:
    watched = Watched(browser, base_url, viewport={"width": 1200, "height": 900})
    yield watched
    watched.close()


def test_the_page_opens_with_the_person_and_the_experience(page: Watched) -> None:
    header = page.page.inner_text("header")
    assert "김하늘" in header and "Machine Learning Engineer" in header
    job = page.page.locator("#experience .job").first
    assert job.locator("h3").inner_text() == "Hanbit Data"
    assert job.locator(".position").inner_text() == "Machine Learning Engineer"  # the kb.yaml override
    assert job.locator(".dates .when").inner_text() == "2021년 4월 – 현재"
    sections = page.page.eval_on_selector_all("main > section", "els => els.map(e => e.id)")
    assert sections[0] == "experience" and sections[-2:] == ["writing", "timeline"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "portfolio.png"), full_page=True)


def test_the_timeline_shows_career_events_newest_first_grouped_by_year(page: Watched) -> None:
    years = page.page.eval_on_selector_all("#timeline section.year", "els => els.map(e => e.dataset.year)")
    assert years == sorted(years, key=date_sort_key, reverse=True) and {"2021", "2022", "2023"} <= set(years)
    texts = [e["text"] for e in page.events()]
    assert texts and all("출처" in t for t in texts)
    assert not [t for t in texts if "노트" in t.split("\n")[0]]  # study notes are under Writing, not here
    landmarks = ("platform team", "PyCon", "분산실험")
    positions = [next((n for n, t in enumerate(texts) if mark in t), -1) for mark in landmarks]
    assert -1 not in positions and positions == sorted(positions), dict(zip(landmarks, positions))


def test_a_skill_opens_its_page_with_events_and_related_skills(page: Watched, base_url: str) -> None:
    page.page.click("#skills a:text-is('Ray')")
    assert page.page.url == base_url + "/skill/ray.html"
    main = page.page.inner_text("main")
    assert "분산실험" in main and "함께 쓴 기술" in main
    assert all(page.page.locator("main .events .event .when").all_inner_texts())


def test_source_links_open_the_post_at_its_section(page: Watched, base_url: str) -> None:
    link = page.page.locator("#timeline .sources a").first
    href = link.get_attribute("href") or ""
    assert href.startswith("p/") and ".html#" in href
    link.click()
    page.page.wait_for_load_state()
    assert page.page.url.startswith(base_url + "/p/")
    anchor = page.page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert page.page.locator(f"[id='{anchor}']").count() == 1, anchor


def test_private_posts_show_only_with_the_token(browser: Any, base_url: str) -> None:
    draft = "사이드 프로젝트 구상"  # the draft post's title: listed under Writing for its owner only
    public = Watched(browser, base_url)
    try:
        assert draft not in (public.page.text_content("body") or "")
    finally:
        public.close()
    owner = Watched(browser, base_url, extra_http_headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        assert draft in (owner.page.text_content("body") or "")
    finally:
        owner.close()


def test_no_serious_accessibility_violation(browser: Any, base_url: str) -> None:
    need_axe()
    found = {}
    for path in ("/", "/skill/ray.html", "/org/hanbit-data.html", "/p/2022-01-02-2021년-회고"):
        watched = Watched(browser, base_url, path)
        try:
            found[path] = axe_violations(watched.page)
        finally:
            watched.close()
    assert not any(found.values()), found


def test_readable_at_phone_width(browser: Any, base_url: str) -> None:
    phone = Watched(browser, base_url, viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    try:
        overflow = phone.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than a phone"
        ARTIFACTS.mkdir(exist_ok=True)
        phone.page.screenshot(path=str(ARTIFACTS / "portfolio-phone.png"), full_page=False)
    finally:
        phone.close()

