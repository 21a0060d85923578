"""The timelinejs export loaded into the real TimelineJS3 library (npm @knight-lab/timelinejs in
$KB_NPM_DIR) in headless Chromium: its dist js/css are served by this test from loopback, every
other request is refused, and the slides must render with our headlines and dates."""
from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kb.exports import EXPORTERS
from tests.exports.documents import make_document
from tests.web.browser import ARTIFACTS, chromium, need_chromium

pytestmark = pytest.mark.browser
NPM = Path(os.environ.get("KB_NPM_DIR", Path.home() / ".cache" / "kb" / "npm")) / "node_modules"
DIST = NPM / "@knight-lab" / "timelinejs" / "dist"

PAGE = """<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/dist/css/timeline.css"><script src="/dist/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1000px; height: 600px"></div><script>
fetch("/timeline.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline", data, {script_path: location.origin + "/dist/js/", font: null,
                                                       language: "en", hash_bookmark: false});
  window.timeline.on("loaded", () => { document.body.dataset.loaded = "true"; });
});
</script></body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    need_chromium()
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip(f"npm @knight-lab/timelinejs not installed in {NPM.parent} (scripts/test.sh installs it)")
    root = tmp_path_factory.mktemp("timelinejs")
    (root / "dist").symlink_to(DIST)
    exported = EXPORTERS["timelinejs"].render(make_document())
    (root / "timeline.json").write_text(exported, encoding="utf-8")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", json.loads(exported)
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Keep test output clean."""


def test_timelinejs_renders_every_slide_of_our_export(site: tuple[str, dict[str, Any]]) -> None:
    base, exported = site
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1000, "height": 600})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:"))
                   else route.abort())
        page.goto(base + "/index.html")
        page.wait_for_selector("body[data-loaded=true]", timeout=20000)
        slides = page.locator(".tl-slide").count()
        headlines = page.eval_on_selector_all(".tl-slide .tl-headline", "els => els.map(e => e.textContent.trim())")
        markers = page.locator(".tl-timemarker").count()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "timelinejs.png"))
    assert not errors, errors
    assert slides == len(exported["events"]) + 1  # plus the title slide
    assert markers == len(exported["events"])
    for event in exported["events"]:
        assert event["text"]["headline"] in headlines, event["text"]["headline"]
    assert "Kaggle 대회 동상" in headlines
