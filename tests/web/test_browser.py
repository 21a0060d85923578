"""The portfolio page in a real browser: headless Chromium against a real `kb serve` over the
ingested sample posts. Timeline order, filtering by a skill, Korean search, privacy, phone width,
no console errors, nothing fetched from elsewhere; screenshots go to test-artifacts/."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

from kb.models import date_sort_key
from tests.kbproc import kb, served
from tests.web.browser import ARTIFACTS, ROOT, chromium, need_chromium

pytestmark = pytest.mark.browser
SAMPLES = ROOT / "examples" / "posts"
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_chromium()
    if importlib.util.find_spec("ingest.runs.pipeline") is None:
        pytest.skip("the ingest pipeline (ingest/pipeline.py) is not there yet")
    db = f"sqlite:///{tmp_path_factory.mktemp('browser')}/kb.db"
    ingested = kb("ingest", str(SAMPLES), "--db", db, "--quiet")
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    with served(db, KB_API_TOKEN=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


class Watched:
    """A page that records console errors, page errors and any request leaving the server."""

    def __init__(self, browser: Any, base_url: str, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else self.foreign.append(r.url))
        self.page.goto(base_url + "/")
        self.page.wait_for_selector("body[data-ready=true]", timeout=15000)

    def events(self) -> list[dict[str, str]]:
        return self.page.eval_on_selector_all(
            "#timeline li.event", "els => els.map(e => ({id: e.dataset.event, start: e.dataset.start, text: e.innerText}))")

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.foreign, self.foreign
        self.context.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Watched]:
    watched = Watched(browser, base_url, viewport={"width": 1200, "height": 900})
    yield watched
    watched.close()


def test_the_timeline_shows_the_career_newest_first_grouped_by_year(page: Watched) -> None:
    years = page.page.eval_on_selector_all("#timeline section.year", "els => els.map(e => e.dataset.year)")
    dated = [y for y in years if y != "undated"]
    assert dated == sorted(dated, reverse=True) and {"2021", "2022", "2023"} <= set(dated)
    events = page.events()
    starts = [e["start"] for e in events if e["start"]]
    assert starts == sorted(starts, key=date_sort_key, reverse=True)
    texts = [e["text"] for e in events]
    # one landmark event per year of the sample posts, newest first
    landmarks = ("platform team", "PyCon", "분산실험", "Kubernetes basics")
    positions = [next((n for n, t in enumerate(texts) if mark in t), -1) for mark in landmarks]
    assert -1 not in positions and positions == sorted(positions), dict(zip(landmarks, positions))
    assert all("Source:" in t for t in texts)
    assert page.page.locator("#timeline .event .when").first.inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "portfolio.png"), full_page=True)


def test_clicking_a_skill_filters_the_timeline(page: Watched) -> None:
    everything = page.events()
    page.page.click("#graph g.node[data-skill='skill:ray']")
    filtered = page.events()
    assert 0 < len(filtered) < len(everything)
    assert all("Ray" in e["text"] for e in filtered)
    joined = "\n".join(e["text"] for e in filtered)
    assert "분산실험" in joined and "PyCon" in joined
    assert page.page.is_visible("#filter") and "Ray" in page.page.inner_text("#filter-name")
    page.page.click("#clear-filter")
    assert len(page.events()) == len(everything)


def test_search_finds_a_two_syllable_korean_word(page: Watched) -> None:
    page.page.fill("#q", "분산")
    page.page.press("#q", "Enter")
    page.page.wait_for_selector("#results:not([hidden]) #hits li[data-hit]", timeout=10000)
    hits = page.page.inner_text("#hits")
    assert "분산" in hits or "Ray" in hits, hits
    # NanumGothic is really used for Hangul: text measures differently than in a fallback font
    widths = page.page.evaluate("""() => {
        const ctx = document.createElement('canvas').getContext('2d');
        return ['16px NanumGothic, monospace', '16px monospace'].map(f => { ctx.font = f; return ctx.measureText('분산실험 도입').width; });
    }""")
    assert widths[0] != widths[1], "NanumGothic is not installed (apt-get install fonts-nanum)"


def test_private_posts_show_only_with_the_token(page: Watched) -> None:
    public = page.page.inner_text("main")
    assert "검색엔진" not in public and "Rust" not in public
    page.page.click("#owner summary")
    page.page.fill("#token", TOKEN)
    page.page.click("#token-form button[type=submit]")
    page.page.wait_for_function("document.querySelector('#stats').textContent.includes('owner view')")
    page.page.wait_for_function("document.querySelector('#timeline').innerText.includes('Rust')")


def test_source_links_open_the_post_at_its_section(page: Watched, base_url: str) -> None:
    link = page.page.locator("#timeline .sources a").first
    href = link.get_attribute("href")
    assert href and href.startswith("/p/")
    link.click()
    page.page.wait_for_load_state()
    assert page.page.url.startswith(base_url + "/p/")
    if "#" in href:
        anchor = page.page.evaluate("decodeURIComponent(location.hash.slice(1))")
        assert page.page.locator(f"[id='{anchor}']").count() == 1, anchor


def test_readable_at_phone_width(browser: Any, base_url: str) -> None:
    phone = Watched(browser, base_url, viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    try:
        overflow = phone.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than a phone"
        ARTIFACTS.mkdir(exist_ok=True)
        phone.page.screenshot(path=str(ARTIFACTS / "portfolio-phone.png"), full_page=False)
    finally:
        phone.close()
