"""What every page shares: the document head, the profile header, the footer, and the bits of
markup several pages draw (dates, entity chips, source links)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.career.headline import headline
from kb.career.model import career
from kb.career.work import is_career
from kb.exports.common import DocumentView
from kb.models import date_sort_key
from kb.site import paths
from kb.site.html import esc, items, link, tag
from kb.site.i18n import kind_label, label, span_text

CHIP_ORDER = {"skill": 0, "project": 1, "organization": 2, "person": 3}


@dataclass
class SiteModel:
    """The document read once for every page: the career, the language, who has a page."""

    view: DocumentView
    facts: dict[str, Any]
    lang: str
    pages: dict[str, str] = field(default_factory=dict)  # entity id -> its page path

    @classmethod
    def of(cls, document: dict[str, Any]) -> "SiteModel":
        view = DocumentView.of(document)
        facts = career(view)
        pages = {e["id"]: p for e in view.entities.values() if (p := paths.entity_path(e["id"]))}
        return cls(view, facts, facts["lang"], pages)

    @property
    def profile(self) -> dict[str, Any]:
        return self.facts["profile"]

    @property
    def name(self) -> str:
        return self.profile.get("name") or label(self.lang, "portfolio")

    def t(self, key: str) -> str:
        return label(self.lang, key)

    def career_events(self) -> list[dict[str, Any]]:
        """Career events, newest first, undated last."""
        dated = sorted((e for e in self.view.events if is_career(e) and e.get("start")),
                       key=lambda e: (date_sort_key(e["start"]), e["id"]), reverse=True)
        return dated + [e for e in self.view.events if is_career(e) and not e.get("start")]

    def entity_link(self, page: str, entity_id: str) -> str | None:
        target = self.pages.get(entity_id)
        return paths.href(page, target) if target else None


def when(model: SiteModel, start: str | None, end: str | None, ongoing: bool = False) -> str:
    text = span_text(start, end, model.lang, ongoing)
    return tag("span", esc(text), class_="when") if text else ""


def chips(model: SiteModel, page: str, event: dict[str, Any]) -> str:
    refs = [model.view.entities[i] for i in event.get("entities", []) if i in model.view.entities]
    refs.sort(key=lambda e: (CHIP_ORDER.get(e["type"], 9), e["name"].casefold()))
    return items((link(model.entity_link(page, e["id"]), e["name"], class_=f"chip {e['type']}", data_entity=e["id"])
                  for e in refs),
                 class_="chips")


def sources(model: SiteModel, page: str, item: dict[str, Any]) -> str:
    """"Source: post › section" links of an event, each once."""
    seen: dict[str, str] = {}
    for source in item.get("sources") or []:
        url = paths.source_href(page, source)
        if url and url not in seen:
            post = model.view.posts.get(source["post_id"], {})
            text = post.get("title", source["post_id"]) + (f" › {source['section']}" if source.get("section") else "")
            seen[url] = link(url, text)
    if not seen:
        return ""
    return tag("p", esc(model.t("source")) + ": " + " · ".join(seen.values()), class_="sources")


def event_item(model: SiteModel, page: str, event: dict[str, Any]) -> str:
    short = headline(event["title"])
    return tag("li", when(model, event.get("start"), event.get("end"))
               + tag("span", esc(kind_label(model.lang, event.get("kind", "other"))), class_="kind")
               + tag("span", esc(short), class_="title", title=event["title"] if short != event["title"] else None)
               + chips(model, page, event)
               + sources(model, page, event), class_="event", id=event_dom_id(event["id"]),
               data_kind=event.get("kind", "other"))


def event_dom_id(event_id: str) -> str:
    return "ev-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in event_id)


def profile_links(model: SiteModel) -> str:
    profile = model.profile
    rows = []
    if profile.get("email"):
        rows.append(link(f"mailto:{profile['email']}", profile["email"]))
    if profile.get("url"):
        rows.append(link(profile["url"], profile["url"].split("://", 1)[-1].rstrip("/")))
    for account in profile.get("profiles", []):
        text = account.get("network", "") + (f" · {account['username']}" if account.get("username") else "")
        rows.append(link(account.get("url"), text or account.get("url", "")))
    if profile.get("phone"):
        rows.append(link(f"tel:{profile['phone'].replace(' ', '')}", profile["phone"]))
    place = profile.get("location") or {}
    where = ", ".join(place[k] for k in ("city", "region", "countryCode") if place.get(k))
    if where:
        rows.append(tag("span", esc(where)))
    return items(rows, class_="links")


def header(model: SiteModel, page: str) -> str:
    """The profile on the home page; a link home with the name on every other page."""
    if page != paths.INDEX:
        return tag("header", tag("p", link(paths.href(page, paths.INDEX), model.name, rel="home"), class_="home")
                   + tag("nav", link(paths.href(page, paths.INDEX), "← " + model.t("back")), aria_label=model.t("home")),
                   class_="top wrap")
    profile = model.profile
    intro = tag("h1", esc(model.name))
    if profile.get("label"):
        intro += tag("p", esc(profile["label"]), class_="label")
    if profile.get("summary"):
        intro += tag("p", esc(profile["summary"]), class_="summary")
    if not profile.get("name"):
        intro += tag("p", esc(model.t("no_profile")), class_="notice")
    return tag("header", intro + profile_links(model), class_="top wrap profile")


def page(model: SiteModel, path: str, title: str, body: str, description: str = "", lang: str | None = None,
         script: bool = False) -> str:
    """A whole HTML document; `path` is the page's own site path (links are relative to it).
    `script`: load the site's script (search and the timeline filter), which only enhances."""
    css, icon = paths.href(path, paths.CSS), paths.href(path, paths.FAVICON)
    full_title = title if title == model.name else f"{title} · {model.name}"
    meta = (f'<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="description" content="{esc(description or model.profile.get("label") or model.name)}">'
            f'<meta name="generator" content="kb">'
            f'<link rel="icon" href="{esc(icon)}" type="image/svg+xml"><link rel="stylesheet" href="{esc(css)}">')
    if script:
        meta += f'<script src="{esc(paths.href(path, paths.JS))}" defer></script>'
    footer = tag("footer", tag("p", esc(f"{model.t('built')} {len(model.view.posts)} {model.t('posts')} · ")
                               + link(paths.href(path, paths.DATA), model.t("data")) + " · "
                               + link(paths.href(path, paths.RESUME), model.t("resume"))), class_="wrap foot")
    return (f'<!doctype html>\n<html lang="{esc(lang or model.lang)}"><head>{meta}<title>{esc(full_title)}</title></head>'
            f'<body><a class="skip" href="#main">{esc(model.t("skip"))}</a>{header(model, path)}'
            f'<main id="main" class="wrap">{body}</main>{footer}</body></html>\n')
