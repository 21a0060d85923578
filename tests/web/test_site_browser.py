"""`kb site build` as a person publishes it: the blog in tests/web/site_blog ingested, the site
built and served by a plain file server under a sub-path (/blog/, as on GitHub Pages), then every
internal link crawled in Chromium: each page loads, each anchor exists, nothing is fetched from
another host, no console error, and axe-core (npm, injected) finds no serious or critical
accessibility violation. Then what the pages say: the profile, the job with its dates, a skill."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from tests.kbproc import kb
from tests.web.browser import ARTIFACTS, axe_violations, chromium, file_server, need_axe, need_chromium

pytestmark = pytest.mark.browser
BLOG = Path(__file__).resolve().parent / "site_blog"
PRIVATE = ("Secret side project", "Rust", "Zed Quimby")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site's URL: http://127.0.0.1:PORT/blog/."""
    need_chromium()
    root = tmp_path_factory.mktemp("site")
    db = f"sqlite:///{root}/kb.db"
    ingested = kb("ingest", str(BLOG), "--db", db, "--quiet")
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    with file_server(root / "www") as url:
        base = url + "blog/"
        built = kb("site", "build", "--out", str(root / "www" / "blog"), "--db", db, "--base-url", base)
        assert built.returncode == 0, built.stdout + built.stderr
        yield base


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def test_every_page_loads_links_resolve_and_nothing_comes_from_elsewhere(browser: Any, site: str) -> None:
    need_axe()
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    loaded: dict[str, int] = {}
    page.on("response", lambda r: loaded.__setitem__(r.url, r.status))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
               else (foreign.append(route.request.url), route.abort()))
    todo, seen, anchors, violations = [site + "index.html"], set(), [], {}
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        if found := axe_violations(page):
            violations[url] = found
        # the skill graph's links are SVG <a> elements, whose .href is no string: resolve the attribute
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => new URL(a.getAttribute('href'), "
                                                         "document.baseURI).href)"):
            target, fragment = urldefrag(href)
            if target.startswith(site):
                todo.append(target)
                if fragment:
                    anchors.append((target, unquote(fragment)))
            else:
                assert urlsplit(href).scheme in ("https", "mailto", "tel"), href  # the profile's own links
    for target, fragment in set(anchors):
        page.goto(target)
        assert page.locator(f"[id='{fragment}']").count() == 1, (target, fragment)
    icon = page.goto(site + "favicon.svg")
    assert icon is not None and icon.status == 200 and icon.headers["content-type"].startswith("image/svg")
    context.close()
    assert all(status == 200 for status in loaded.values()), {u: s for u, s in loaded.items() if s != 200}
    assert site + "assets/site.css" in loaded
    assert not violations, violations
    assert not errors, errors
    assert not foreign, foreign
    pages = {u.removeprefix(site) for u in seen}
    assert {"index.html", "data.json", "resume.json"} <= pages
    assert any(p.startswith("skill/") for p in pages) and any(p.startswith("org/") for p in pages)
    assert any(p.startswith("p/") for p in pages) and len(anchors) >= 3


def test_the_home_page_is_a_resume_with_the_profile_on_top(browser: Any, site: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(site)
    header = page.inner_text("header")
    assert "Jane Doe" in header and "Data Engineer" in header and "I build data pipelines" in header
    assert page.locator("header a[href='mailto:jane@example.org']").count() == 1
    assert page.title().startswith("Jane Doe")
    job = page.locator("#experience .job").first
    assert job.locator("h3").inner_text() == "Acme Analytics"
    assert job.locator(".position").inner_text() == "Data Engineer"
    assert job.locator(".dates .when").inner_text() == "Apr 2020 – present"
    assert [h.strip() for h in page.eval_on_selector_all("main h2", "els => els.map(e => e.textContent)")] == \
        ["Experience", "Awards", "Skills", "Writing", "Timeline"]
    text = page.inner_text("body")
    assert not [word for word in PRIVATE if word in text]
    assert "actions/checkout" not in page.inner_text("#experience")
    notes = page.locator("#writing details.notes")
    assert notes.count() == 1 and "Notes on eigenvalues" in (notes.text_content() or "")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.is_visible("#timeline") and page.is_visible("#experience")
    page.pdf(path=str(ARTIFACTS / "site-print.pdf"))
    page.close()


def test_a_skill_page_shows_its_events_and_related_skills(browser: Any, site: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(site)
    page.click("#skills a:text-is('Ray')")
    assert page.url == site + "skill/ray.html"
    assert page.inner_text("h1") == "Ray"
    events = page.inner_text("main .events")
    assert "Ray" in events and "2020" in events
    related = page.inner_text("main")
    assert "Kubernetes" in related and "Acme Analytics" in related
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1  # fits a phone
    page.click("header a[rel=home]")
    assert page.url == site + "index.html"
    page.close()
