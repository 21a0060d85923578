"""One page per skill, project and organization: what it is, when it was used, every event it is in
(career events first, then the study notes that mention it), related skills, and where it was read."""
from __future__ import annotations

from typing import Any

from kb.career.skills import category_label
from kb.career.work import is_career
from kb.site import paths
from kb.site.html import esc, items, link, tag
from kb.site.i18n import span_text
from kb.site.layout import SiteModel, event_item, page

RELATED = 12


def _facts(model: SiteModel, entity: dict[str, Any]) -> str:
    rows = []
    if entity["type"] == "skill" or entity.get("category"):
        rows.append((model.t("category"), category_label(entity.get("category") or "other", model.lang)))
    first, last = model.view.first(entity["id"]), model.view.last(entity["id"])
    if first:
        rows.append((model.t("used"), span_text(first, last, model.lang)))
    job = next((w for w in model.facts["work"] if w["id"] == entity["id"]), None)
    if job:
        text = ", ".join(x for x in (job.get("position"), span_text(job.get("start"), job.get("end"), model.lang,
                                                                     ongoing=bool(job.get("start")))) if x)
        rows.append((model.t("worked_here"), text))
    return tag("dl", "".join(tag("dt", esc(k)) + tag("dd", esc(v)) for k, v in rows), class_="facts") if rows else ""


def _related(model: SiteModel, path: str, entity_id: str, entity_type: str, key: str) -> str:
    found = model.view.co_occurring(entity_id, entity_type)[:RELATED]
    if not found:
        return ""
    rows = (link(model.entity_link(path, other), model.view.entities[other]["name"]) + tag("span", f" {n}", class_="meta")
            for other, n in found)
    return tag("section", tag("h2", esc(model.t(key))) + items(rows, class_="compact"))


def _mentions(model: SiteModel, path: str, entity: dict[str, Any]) -> str:
    """Where the blog names it, when no event does."""
    urls: dict[str, str] = {}
    for source in entity.get("sources") or []:
        url = paths.source_href(path, source)
        if url and url not in urls:
            title = model.view.posts.get(source["post_id"], {}).get("title", source["post_id"])
            urls[url] = link(url, title + (f" › {source['section']}" if source.get("section") else ""))
    return tag("section", tag("h2", esc(model.t("source"))) + items(urls.values(), class_="compact")) if urls else ""


def entity_page(model: SiteModel, entity_id: str) -> str:
    entity = model.view.entities[entity_id]
    path = model.pages[entity_id]
    events = model.view.events_of.get(entity_id, [])
    ordered = [e for e in reversed(events) if is_career(e)] + [e for e in reversed(events) if not is_career(e)]
    body = tag("h1", esc(entity["name"])) + _facts(model, entity)
    if ordered:
        body += tag("section", tag("h2", esc(model.t("events")))
                    + tag("ul", "".join(event_item(model, path, e) for e in ordered), class_="events"))
    body += _related(model, path, entity_id, "skill", "related" if entity["type"] == "skill" else "skills")
    if entity["type"] != "organization":
        body += _related(model, path, entity_id, "organization", "organizations")
    body += _mentions(model, path, entity)
    return page(model, path, entity["name"], body)
