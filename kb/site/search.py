"""search.json: what the home page's search box looks through, written with the site so search works
on a static host with no server. One row per event, skill, project, organization and post: its
title, a date, the other words it can be found by (a full event title, names, aliases, tags, a
post's summary) and the site-relative link to where it is shown. No quotes nor post bodies, so the
index stays a fraction of data.json. The document is already the viewer's cut (public, people
masked), so the index holds nothing the pages do not."""
from __future__ import annotations

from typing import Any

from kb.career.headline import headline
from kb.career.skills import category_label
from kb.site import paths
from kb.site.i18n import date_text, month, span_text
from kb.site.layout import SiteModel, event_dom_id

TYPES = ("skill", "project", "organization", "event", "post")  # the order results are listed in


def _event_rows(model: SiteModel) -> list[dict[str, Any]]:
    """Career events link to the timeline; study notes and plans to their source section."""
    on_timeline = {e["id"] for e in model.career_events()}
    rows = []
    for event in reversed(model.view.events):  # newest first
        first = (event.get("sources") or [None])[0]
        href = "#" + event_dom_id(event["id"]) if event["id"] in on_timeline else paths.source_href(paths.INDEX, first)
        if not href:
            continue
        title = headline(event["title"])
        words = ([event["title"]] if title != event["title"] else []) + model.view.names(event.get("entities", []))
        rows.append({"type": "event", "title": title, "href": href,
                     "date": span_text(event.get("start"), event.get("end"), model.lang), "text": " ".join(words)})
    return rows


def _entity_rows(model: SiteModel) -> list[dict[str, Any]]:
    rows = []
    for entity_id, page in model.pages.items():
        entity = model.view.entities[entity_id]
        category = category_label(entity["category"], model.lang) if entity.get("category") else ""
        rows.append({"type": entity["type"], "title": entity["name"], "href": page,
                     "date": span_text(month(model.view.first(entity_id)), month(model.view.last(entity_id)),
                                       model.lang),
                     "text": " ".join([*entity.get("aliases", []), category])})
    return sorted(rows, key=lambda r: (TYPES.index(r["type"]), r["title"].casefold()))


def _post_rows(model: SiteModel) -> list[dict[str, Any]]:
    rows = []
    for post in model.facts["writing"]:
        tags = model.view.posts.get(post["id"], {}).get("tags") or []
        rows.append({"type": "post", "title": post["name"], "href": paths.post_path(post["id"]),
                     "date": date_text(post["date"], model.lang) if post.get("date") else "",
                     "text": " ".join([post.get("summary") or "", *tags])})
    return rows


def search_index(model: SiteModel) -> dict[str, Any]:
    """{format, version, labels: {type: label}, items: [{type, title, date, text, href}]}."""
    labels = {t: model.t(f"kind_{t}") for t in TYPES}
    return {"format": "kb-search", "version": 1, "labels": labels,
            "items": _entity_rows(model) + _event_rows(model) + _post_rows(model)}
