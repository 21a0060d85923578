"""Which posts tell a story (retrospectives, career posts) and which are technical write-ups.

A story's sentences become events; a write-up is one publication event about its topics.
"""
from __future__ import annotations

import re

from ingest.language import lexicon as lx
from ingest.language.dates import is_retrospective
from ingest.posts.parse import ParsedPost, derived
from ingest.language.rx import lead

_NARRATIVE_TAGS = lead(re.compile(r"회고|retro|review|career|커리어|이직|일기|diary|journal|life|일상|에세이|essay|"
                                  r"personal|year|회사|취업|job", re.I))
_NARRATIVE_TITLE = lead(re.compile(r"이직|퇴사|입사|취업|합격|근황|커리어|여정|성장기|일기|후기|\d+년차|\d+년\s?간|"
                                   r"\bcareer\b|\bjourney\b|new job|\bjoin(?:ed|ing)\b|\bleaving\b|\bi quit\b|"
                                   r"\bi left\b|lessons learned|year at|years at|my first year|\bstory\b", re.I))


def is_narrative(post: ParsedPost) -> bool:
    """A retrospective or career post, as opposed to a technical write-up (four stages ask)."""
    return derived(post, "narrative", _is_narrative)


def mark_as_story(post: ParsedPost) -> None:
    """What a reading of the whole post found: it is a story, whatever its title and tags say."""
    post.memo["narrative"] = True


def _is_narrative(post: ParsedPost) -> bool:
    meta = post.meta
    if is_retrospective(meta.title) or _NARRATIVE_TITLE.search(meta.title):
        return True
    if any(_NARRATIVE_TAGS.search(t) for t in (*meta.tags, *meta.categories)):
        return True
    # no label: a post telling of several career moves in the first person is a story
    summary = " ".join(str(meta.extra.get(k) or "") for k in ("description", "summary", "excerpt", "subtitle"))
    moves = len(lx.EN_CAREER.findall(summary)) + len(lx.KO_CAREER.findall(summary))
    for section in post.sections:
        for block in section.blocks:
            moves += len(lx.KO_CAREER.findall(block.masked))
            if lx.EN_FIRST_PERSON.search(block.masked):
                moves += len(lx.EN_CAREER.findall(block.masked))
            if moves >= 3:
                return True
    return False
