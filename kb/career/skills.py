"""Skills by category, ordered by career evidence: how many things the author did with a skill
(events other than study notes and plans) and how recently, before how often notes name it. So a
résumé leads with what was used at work, not with the math a hundred study notes define."""
from __future__ import annotations

from typing import Any

from kb.career.work import is_career
from kb.exports.common import DocumentView, format_date
from kb.models import date_sort_key

MAX_GROUPS = 30
RESUME_KEYWORDS = 12  # per group in the JSON Resume; the site lists every skill
OTHER = "other"
# (English, Korean) labels of the vocabulary's categories (ingest/data/skills.yaml), in résumé order
CATEGORIES: dict[str, tuple[str, str]] = {
    "language": ("Languages", "언어"),
    "framework": ("Frameworks", "프레임워크"),
    "library": ("Libraries", "라이브러리"),
    "infrastructure": ("Infrastructure", "인프라"),
    "cloud": ("Cloud", "클라우드"),
    "database": ("Databases", "데이터베이스"),
    "data": ("Data", "데이터"),
    "tool": ("Tools", "도구"),
    "practice": ("Practices", "개발 방법"),
    "ml-method": ("Machine learning", "머신러닝"),
    "ml-concept": ("ML concepts", "머신러닝 개념"),
    "math": ("Mathematics", "수학"),
    "domain": ("Domains", "도메인"),
    "soft-skill": ("Soft skills", "소프트 스킬"),
    OTHER: ("Other", "기타"),
}


def category_label(category: str, lang: str) -> str:
    words = category.replace("-", " ").replace("_", " ")
    english, korean = CATEGORIES.get(category, ((words.upper() if len(words) <= 3 else words.capitalize()),) * 2)
    return korean if lang == "ko" else english


def skill_row(view: DocumentView, skill: dict[str, Any]) -> dict[str, Any]:
    """One skill with the evidence the ordering uses and its first and last use."""
    events = view.events_of.get(skill["id"], [])
    first, last = view.first(skill["id"]), view.last(skill["id"])
    return {"id": skill["id"], "name": skill["name"], "category": skill.get("category") or OTHER,
            "career": sum(1 for e in events if is_career(e)), "events": len(events),
            "evidence": view.evidence(skill["id"]), "first": first, "last": last,
            "used": " – ".join(dict.fromkeys(format_date(d) for d in (first, last) if d)),
            "source": (skill.get("sources") or [None])[0]}


def rank(row: dict[str, Any]) -> tuple:
    """The order of skills: career events, then recency, then mentions."""
    return (-row["career"], _newest(row["last"]), -row["evidence"], row["name"].casefold())


def _newest(value: str | None) -> str:
    """Sorts later dates first when used as an ascending key."""
    key = date_sort_key(value) if value else "0000-00-00"
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in key)


def skill_groups(view: DocumentView, lang: str) -> list[dict[str, Any]]:
    """At most MAX_GROUPS groups, the best-evidenced first, each with its skills ranked."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for skill in view.of_type("skill"):
        row = skill_row(view, skill)
        groups.setdefault(row["category"], []).append(row)
    ordered = sorted(groups.items(), key=lambda kv: (-sum(r["career"] for r in kv[1]),
                                                     min(_newest(r["last"]) for r in kv[1]),
                                                     -sum(r["evidence"] for r in kv[1]), kv[0]))
    if len(ordered) > MAX_GROUPS:
        head = [(c, rows) for c, rows in ordered if c != OTHER][: MAX_GROUPS - 1]
        kept = {c for c, _ in head}
        ordered = [*head, (OTHER, [row for c, rows in ordered if c not in kept for row in rows])]
    return [{"category": category, "name": category_label(category, lang), "skills": sorted(rows, key=rank)}
            for category, rows in ordered]
