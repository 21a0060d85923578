"""The whole site as files: `Site.get(path)` renders one page on demand (what `kb serve` answers),
`Site.write(folder)` writes them all (what `kb site build` publishes). The document given is
already cut to what its viewer may see: the public cut with people masked, for a static site."""
from __future__ import annotations

import json
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from kb.exports import jsonresume
from kb.site import paths
from kb.site.entities import entity_page
from kb.site.home import home
from kb.site.layout import SiteModel
from kb.site.posts import RenderMarkdown, post_page
from kb.site.search import search_index

ASSETS = {paths.CSS: ("site.css", "text/css; charset=utf-8"), paths.JS: ("site.js", "text/javascript; charset=utf-8"),
          paths.FAVICON: ("favicon.svg", "image/svg+xml")}
HTML = "text/html; charset=utf-8"
MANIFEST = ".kb-site"  # the files the last build wrote, so the next one removes only its own
JSON = "application/json"


def asset(name: str) -> bytes:
    return resources.files("kb.site").joinpath("assets", name).read_bytes()


class Site:
    """Every page of one document's portfolio, rendered once each when first asked for."""

    def __init__(self, document: dict[str, Any], render_markdown: RenderMarkdown, base_url: str | None = None) -> None:
        self.document = document
        self.model = SiteModel.of(document)
        self.render_markdown = render_markdown
        self.base_url = base_url.rstrip("/") if base_url else None
        self._posts = {paths.post_path(p["id"]): p for p in self.model.view.posts.values()}
        self._entities = {path: entity_id for entity_id, path in self.model.pages.items()}
        self._cache: dict[str, tuple[bytes, str]] = {}

    def paths(self) -> list[str]:
        return [paths.INDEX, *ASSETS, paths.DATA, paths.SEARCH, paths.RESUME, *sorted(self._entities),
                *sorted(self._posts)]

    def get(self, path: str) -> tuple[bytes, str] | None:
        """(bytes, media type) of a site path, or None when the site has no such file."""
        found = self._cache.get(path)
        if found is None:
            found = self._render(path)
            if found is not None:
                self._cache[path] = found
        return found

    def _render(self, path: str) -> tuple[bytes, str] | None:
        if path == paths.INDEX:
            return home(self.model).encode(), HTML
        if path in ASSETS:
            name, media = ASSETS[path]
            return asset(name), media
        if path == paths.DATA:
            return json.dumps(self.data, ensure_ascii=False, indent=1).encode() + b"\n", JSON
        if path == paths.SEARCH:  # read by a script only: compact
            return json.dumps(search_index(self.model), ensure_ascii=False, separators=(",", ":")).encode(), JSON
        if path == paths.RESUME:
            links = {"base_url": self.base_url or ".", "post_suffix": ".html"}
            return jsonresume.render({**self.document, **links}).encode(), JSON
        if path in self._entities:
            return entity_page(self.model, self._entities[path]).encode(), HTML
        if path in self._posts:
            return post_page(self.model, self._posts[path], self.render_markdown).encode(), HTML
        return None

    @cached_property
    def data(self) -> dict[str, Any]:
        """data.json: the career and the timeline as the pages show them, for scripts and other sites."""
        view = self.model.view
        return {"format": "kb-site", "version": 1, "lang": self.model.lang, **self.model.facts,
                "timeline": [{k: e.get(k) for k in ("id", "title", "kind", "start", "end", "entities", "sources")}
                             for e in self.model.career_events()],
                "entities": [{k: e.get(k) for k in ("id", "type", "name", "category")}
                             | {"page": self.model.pages.get(e["id"])} for e in view.entities.values()]}

    def write(self, folder: Path) -> int:
        """Write every file under `folder`; returns the count. Files a previous build wrote there
        and this one does not are removed (listed in MANIFEST); anything else (a CNAME, a README)
        is left alone."""
        folder = folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        manifest = folder / MANIFEST
        before = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
        written = self.paths()
        for path in written:
            target = (folder / path).resolve()
            if not target.is_relative_to(folder):
                raise ValueError(f"refusing to write outside {folder}: {path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            content, _ = self.get(path)  # type: ignore[misc]
            target.write_bytes(content)
        for stale in sorted(before - set(written)):
            target = (folder / stale).resolve()
            if target.is_relative_to(folder) and target.is_file():
                target.unlink()
        (folder / ".nojekyll").write_bytes(b"")  # GitHub Pages: serve every file as it is
        manifest.write_text("\n".join(written) + "\n", encoding="utf-8")
        return len(written)
