"""The whole career at résumé grade, in one JSON-ready value: the JSON Resume export and the
portfolio site are two renderings of it."""
from __future__ import annotations

from collections import Counter
from typing import Any

from kb.career import sections
from kb.career.profile import profile_of
from kb.career.skills import skill_groups
from kb.career.work import work_entries
from kb.exports.common import DocumentView

DEFAULT_LANG = "en"


def site_language(profile: dict[str, Any], view: DocumentView) -> str:
    """The profile's `lang`, else the language most posts are written in (ko or en)."""
    if profile.get("lang") in ("ko", "en"):
        return profile["lang"]
    counts = Counter(p.get("language") for p in view.posts.values() if p.get("language") in ("ko", "en"))
    return counts.most_common(1)[0][0] if counts else DEFAULT_LANG


def career(view: DocumentView) -> dict[str, Any]:
    """Profile, language, and every section; each item keeps its first `source` {post_id, section}."""
    profile = profile_of({"meta": view.meta})
    lang = site_language(profile, view)
    basics = {k: v for k, v in profile.items() if k not in ("lang", "work")}
    return {
        "profile": basics,
        "lang": lang,
        "work": work_entries(view, profile.get("work", [])),
        "projects": sections.projects(view),
        "education": sections.education(view),
        "awards": sections.awards(view),
        "volunteer": sections.volunteer(view),
        "skills": skill_groups(view, lang),
        "writing": sections.writing(view),
    }
