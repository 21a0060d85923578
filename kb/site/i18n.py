"""The site's words in Korean and English, and dates the way each language writes them."""
from __future__ import annotations

from kb.exports.common import format_date

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "portfolio": "Portfolio", "skip": "Skip to content", "sections": "Sections",
        "experience": "Experience", "projects": "Projects", "skills": "Skills", "writing": "Writing",
        "timeline": "Timeline", "awards": "Awards", "education": "Education", "volunteer": "Communities",
        "present": "present", "notes": "Study notes", "source": "Source", "events": "Events",
        "related": "Related skills", "used": "Used",
        "no_profile": "No profile yet: add profile: to kb.yaml (see the README) and ingest again.",
        "back": "Back to the portfolio", "home": "Home", "undated": "Undated", "built": "Built with kb from",
        "posts": "posts", "data": "Data", "resume": "JSON Resume", "none": "Nothing yet.",
        "organizations": "Organizations", "worked_here": "Worked here",
        "skills_note": "Ordered by what was done with them; open one for its events and related skills.",
        "career_only": "Career events; study notes are under Writing.", "category": "Category",
        "search": "Search", "search_hint": "Skills, projects, events, posts", "search_found": "{n} found",
        "search_none": "Nothing found for “{q}”.", "search_failed": "Search is not available here.",
        "graph_note": "The {n} skills used in the most career events: the bigger the circle, the more events; "
                      "a line joins skills used together. Open a skill to see its events.",
        "filter_showing": "Showing only the events with", "filter_page": "its page", "filter_clear": "Show all",
        "kind_skill": "Skill", "kind_project": "Project", "kind_organization": "Organization",
        "kind_event": "Event", "kind_post": "Post",
    },
    "ko": {
        "portfolio": "포트폴리오", "skip": "본문으로 건너뛰기", "sections": "목차",
        "experience": "경력", "projects": "프로젝트", "skills": "기술", "writing": "글",
        "timeline": "타임라인", "awards": "수상", "education": "학력", "volunteer": "커뮤니티 활동",
        "present": "현재", "notes": "공부 노트", "source": "출처", "events": "활동",
        "related": "함께 쓴 기술", "used": "사용",
        "no_profile": "아직 프로필이 없습니다: kb.yaml에 profile:을 추가하고(README 참고) 다시 ingest 하세요.",
        "back": "포트폴리오로 돌아가기", "home": "처음", "undated": "날짜 없음", "built": "kb로 만든 페이지 · 글",
        "posts": "편", "data": "데이터", "resume": "JSON Resume", "none": "아직 없습니다.",
        "organizations": "조직", "worked_here": "근무",
        "skills_note": "실제로 한 일이 많은 순서입니다. 기술을 누르면 활동과 함께 쓴 기술이 보입니다.",
        "career_only": "경력 활동만 보입니다. 공부 노트는 '글'에 있습니다.", "category": "분류",
        "search": "검색", "search_hint": "기술, 프로젝트, 활동, 글", "search_found": "{n}건",
        "search_none": "“{q}”에 대한 결과가 없습니다.", "search_failed": "여기서는 검색할 수 없습니다.",
        "graph_note": "경력 활동에 가장 많이 쓴 기술 {n}개: 원이 클수록 활동이 많고, 함께 쓴 기술은 선으로 "
                      "이어집니다. 기술을 누르면 그 활동이 보입니다.",
        "filter_showing": "이 기술의 활동만 보는 중:", "filter_page": "기술 페이지", "filter_clear": "모두 보기",
        "kind_skill": "기술", "kind_project": "프로젝트", "kind_organization": "조직",
        "kind_event": "활동", "kind_post": "글",
    },
}
KINDS: dict[str, dict[str, str]] = {
    "en": {"join": "joined", "leave": "left", "work": "work", "study": "study", "competition": "competition",
           "adoption": "adoption", "publication": "note", "plan": "plan", "project": "project",
           "education": "education", "achievement": "achievement", "talk": "talk", "life": "life", "other": "other"},
    "ko": {"join": "입사", "leave": "퇴사", "work": "업무", "study": "스터디", "competition": "대회",
           "adoption": "도입", "publication": "노트", "plan": "계획", "project": "프로젝트",
           "education": "교육", "achievement": "성과", "talk": "발표", "life": "생활", "other": "기타"},
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


def kind_label(lang: str, kind: str) -> str:
    return KINDS.get(lang, KINDS["en"]).get(kind, kind)


def date_text(value: str, lang: str) -> str:
    """"2020", "Apr 2020" / "2020년 4월", "20 Apr 2020" / "2020년 4월 20일"."""
    if lang != "ko":
        return format_date(value)
    parts = value.split("-")
    units = ("년", "월", "일")
    return " ".join(f"{int(p) if n else p}{units[n]}" for n, p in enumerate(parts))


def month(value: str | None) -> str | None:
    """A date to the month: a day adds nothing to when a skill was used."""
    return value[:7] if value else None


def span_text(start: str | None, end: str | None, lang: str, ongoing: bool = False) -> str:
    """A span as people read it; `ongoing`: an open end means "until now" rather than a point."""
    first = date_text(start, lang) if start else ""
    last = date_text(end, lang) if end else (label(lang, "present") if ongoing else "")
    if not first:
        return last
    return first if not last or last == first else f"{first} – {last}"
