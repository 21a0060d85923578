"""Helpers for the browser tests: Debian's Chromium driven by Playwright (never `playwright install`),
a page that records console errors and requests to other hosts, axe-core, and a plain file server
for built sites. The `kb serve` under test comes from tests.kbproc."""
from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
NPM = Path(os.environ.get("KB_NPM_DIR", Path.home() / ".cache" / "kb" / "npm")) / "node_modules"
AXE = NPM / "axe-core" / "axe.min.js"


def need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium "
                    "(scripts/test.sh installs chromium and fonts-nanum when run as root)")
    pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package (pip install -e .[test])")


def samples_db(tmp_path_factory: pytest.TempPathFactory, name: str) -> str:
    """A SQLite store of the sample posts (examples/posts), ingested by the `kb` command a user runs."""
    from tests.kbproc import SAMPLES, kb

    db = f"sqlite:///{tmp_path_factory.mktemp(name)}/kb.db"
    ingested = kb("ingest", str(SAMPLES), "--db", db, "--quiet")
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    return db


def need_axe() -> None:
    if not AXE.exists():
        pytest.skip(f"npm axe-core not installed in {NPM.parent} (scripts/test.sh installs it)")


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(page: Any) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now, with their first nodes."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
    return list(found)


class Watched:
    """A page that records console errors, page errors and any request leaving `base_url`."""

    def __init__(self, browser: Any, base_url: str, path: str = "/", **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else self.foreign.append(r.url))
        self.page.goto(base_url + path)

    def events(self) -> list[dict[str, str]]:
        """The timeline's events as shown (hidden ones left out), top to bottom."""
        return self.page.eval_on_selector_all(
            "#timeline li.event", "els => els.filter(e => e.checkVisibility()).map(e => ({id: e.id, "
                                  "start: e.querySelector('.when')?.textContent || '', text: e.innerText}))")

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.foreign, self.foreign
        self.context.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Keep test output clean."""


@contextmanager
def file_server(folder: Path) -> Iterator[str]:
    """A plain file server over `folder` (no kb in it), as a static host; yields http://127.0.0.1:PORT/."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
