"""The home page: the profile, then Experience, Projects, awards/education/communities, Skills (the
skill graph, then by category), Writing (study notes folded away) and the career Timeline, in that
order: a résumé first, the evidence after it. With script, a search box and a timeline filter."""
from __future__ import annotations

from typing import Any

from kb.site import paths
from kb.site.controls import filter_bar, search_box
from kb.site.graph import skill_graph
from kb.site.html import esc, items, link, tag
from kb.site.i18n import month
from kb.site.layout import SiteModel, event_item, page, when

HOME = paths.INDEX
NOTES_SHOWN = 0  # study notes are all folded: the career leads


def _section(model: SiteModel, key: str, content: str, note: str = "") -> str:
    intro = tag("p", esc(note), class_="meta") if note else ""
    return tag("section", tag("h2", esc(model.t(key)), id=f"{key}-title") + intro
               + (content or tag("p", esc(model.t("none")), class_="meta")),
               id=key, aria_labelledby=f"{key}-title")


def _highlights(model: SiteModel, rows: list[dict[str, Any]]) -> str:
    return items((esc(h["title"]) + (" " + link(paths.source_href(HOME, h["source"]), "↗",
                                                aria_label=f"{model.t('source')}: {h['title']}", class_="src")
                                     if h.get("source") else "")
                  for h in rows), class_="highlights")


def experience(model: SiteModel) -> str:
    entries = []
    for job in model.facts["work"]:
        title = link(model.entity_link(HOME, job["id"]) if job["id"] else job.get("url"), job["name"])
        head = tag("h3", title) + (tag("p", esc(job["position"]), class_="position") if job.get("position") else "")
        dates = when(model, job.get("start"), job.get("end"), ongoing=bool(job.get("start")))
        source = paths.source_href(HOME, job.get("source"))
        extra = tag("p", esc(job["summary"])) if job.get("summary") else ""
        entries.append(tag("article", head + tag("p", dates + (" " + link(source, model.t("source"), class_="src")
                                                              if source else ""), class_="dates")
                           + extra + _highlights(model, job["highlights"]), class_="entry job"))
    return _section(model, "experience", "".join(entries))


def projects(model: SiteModel) -> str:
    entries = []
    for project in model.facts["projects"]:
        skills = ", ".join(project["skills"])
        body = (tag("h3", link(model.entity_link(HOME, project["id"]), project["name"]))
                + tag("p", when(model, project["start"], project["end"]), class_="dates")
                + tag("p", esc(project["description"]))
                + items(esc(h) for h in project["highlights"])
                + (tag("p", esc(skills), class_="meta") if skills else ""))
        entries.append(tag("article", body, class_="entry project"))
    return _section(model, "projects", "".join(entries)) if entries else ""


def _others(model: SiteModel) -> str:
    """Awards, education and communities: shown only when there are some."""
    out = ""
    for key, rows in (("awards", model.facts["awards"]), ("education", model.facts["education"]),
                      ("volunteer", model.facts["volunteer"])):
        if not rows:
            continue
        lines = []
        for row in rows:
            target = model.entity_link(HOME, row["id"]) if row.get("id") else None
            name = link(target or paths.source_href(HOME, row.get("source")), row["name"])
            detail = row.get("awarder") or row.get("area") or row.get("summary") or ""
            dates = when(model, row.get("date") or row.get("start"), row.get("end"))
            lines.append(name + (f" · {esc(detail)}" if detail and detail != row["name"] else "") + " " + dates)
        out += _section(model, key, items(lines, class_="compact"))
    return out


def skills(model: SiteModel) -> str:
    groups = []
    for group in model.facts["skills"]:
        rows = (link(model.entity_link(HOME, s["id"]), s["name"]) + " " + when(model, month(s["first"]), month(s["last"]))
                for s in group["skills"])
        groups.append(tag("div", tag("h3", esc(group["name"])) + items(rows, class_="skill-list"),
                          class_="skill-group", data_category=group["category"]))
    return _section(model, "skills", skill_graph(model, HOME) + "".join(groups), model.t("skills_note"))


def _post_row(model: SiteModel, post: dict[str, Any]) -> str:
    date = when(model, post.get("date"), None)
    summary = tag("p", esc(post["summary"]), class_="meta") if post.get("summary") else ""
    return date + " " + link(paths.href(HOME, paths.post_path(post["id"])), post["name"]) + summary


def writing(model: SiteModel) -> str:
    posts = model.facts["writing"]
    stories = [p for p in posts if not p["notes"]]
    notes = [p for p in posts if p["notes"]]
    content = items((_post_row(model, p) for p in stories), class_="posts")
    if notes:
        content += tag("details", tag("summary", esc(f"{model.t('notes')} ({len(notes)})"))
                       + items((_post_row(model, p) for p in notes), class_="posts"), class_="notes")
    return _section(model, "writing", content)


def timeline(model: SiteModel) -> str:
    years: list[tuple[str, list[str]]] = []
    for event in model.career_events():
        year = event["start"][:4] if event.get("start") else model.t("undated")
        if not years or years[-1][0] != year:
            years.append((year, []))
        years[-1][1].append(event_item(model, HOME, event))
    content = "".join(tag("section", tag("h3", esc(year)) + tag("ul", "".join(events), class_="events"),
                          class_="year", data_year=year) for year, events in years)
    return _section(model, "timeline", filter_bar(model) + content if content else "", model.t("career_only"))


def nav(model: SiteModel) -> str:
    keys = ["experience", *[k for k in ("projects", "awards", "education", "volunteer") if model.facts[k]],
            "skills", "writing", "timeline"]
    return tag("nav", items(link(f"#{k}", model.t(k)) for k in keys), class_="sections", aria_label=model.t("sections"))


def home(model: SiteModel) -> str:
    body = (nav(model) + search_box(model, HOME) + experience(model) + projects(model) + _others(model) + skills(model)
            + writing(model) + timeline(model))
    return page(model, HOME, model.name, body, model.profile.get("summary", ""), script=True)
