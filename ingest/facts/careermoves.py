"""Joining and leaving an employer, as the events stage reads them.

Which organization a sentence of joining or leaving is about (its employer), a row of a jobs table
as a join, the résumé-style title of the move (worded by careertitles.py), the kind a move gives its
event, and the employer that the post's later work events involve.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ingest.language import lexicon as lx
from ingest.facts.careertitles import career_title, job_row, verb_argument
from ingest.facts.entities import Sighting, Unit
from ingest.facts.eventcandidates import Candidate
from ingest.facts.headline import untagged
from ingest.posts.parse import ParsedPost


def career_kind(masked: str, employer: str | None) -> str:
    """'join' / 'leave' when the author starts or stops working for a named organization, else by words."""
    if employer is not None:
        left, started = bool(lx.LEFT_JOB.search(masked)), bool(lx.STARTED_JOB.search(masked))
        if left and not started and not lx.KO_FUTURE.search(masked):
            return "leave"
        if started and not left:
            return "join"
    return lx.kind_of(masked)


def move_title(kind: str, sentence: str, masked: str, start: int, orgs: list[Sighting], korean: bool) -> str | None:
    """'Joined X as a ROLE' / 'X 입사 (ROLE)' / 'Left X' (kb/career reads the position back from it),
    when the sentence's verb of joining or leaving takes an organization X; else None.
    `sentence` is the body's text from offset `start`, `masked` its masked words, `orgs` the
    organizations sighted in it."""
    taken = verb_argument(masked, start, orgs, lx.LEFT_JOB if kind == "leave" else lx.STARTED_JOB)
    if taken is None:
        return None
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", untagged(sentence))
    name = taken.name if taken.name.casefold() == taken.surface.casefold() else taken.surface
    korean = korean or bool(re.search(r"[\uac00-\ud7a3]{2}", text))
    return career_title(kind, re.sub(r"[*_`]+", "", text), name, korean, taken.surface)


def jobs_table_join(unit: Unit, orgs: Callable[[], list[Sighting]], korean: bool) -> tuple[str, str] | None:
    """(employer, title) of a row of a table whose header has a company column; `orgs()` gives the
    organizations sighted in it, asked for only when the unit is such a row."""
    block = unit.block
    if block is None or block.kind != "row" or not block.header:
        return None
    for org in orgs():
        title = job_row(unit.text, block.header, org.surface, korean)
        if title is not None:
            return org.name, title
    return None


def employer_of(masked: str, start: int, orgs: list[Sighting]) -> str | None:
    """The organization a sentence of joining or leaving (at body offset `start`) is about, of the
    `orgs` sighted in it: the nearest before a Korean verb of joining, after an English one."""
    if not orgs:
        return None
    verb = lx.JOIN.search(masked)
    if verb is None:
        return orgs[0].id
    at = start + verb.start()
    if re.match(r"[\uac00-\ud7a3'\s]", masked[verb.start():verb.start() + 1] or " ") and re.search(r"[\uac00-\ud7a3]", verb.group(0)):
        before = [s for s in orgs if s.start < at]
        return (before[-1] if before else orgs[0]).id
    after = [s for s in orgs if s.start >= at]
    return (after[0] if after else orgs[-1]).id


def link_employers(post: ParsedPost, cands: list[Candidate]) -> None:
    """After 'joined X', later work events (not dated before the join) involve X too."""
    employer: str | None = None
    since: str | None = None
    for cand in sorted(cands, key=lambda c: c.quotes[0][0]):
        if cand.join and cand.employer:
            employer, since = cand.employer, cand.span.start if cand.span else None
            continue
        section = post.sections[cand.section]
        headings = [post.sections[i].heading for i in (*section.parents, cand.section)]
        if any(lx.PERSONAL_SECTION.search(h) for h in headings if h):
            continue
        if employer and employer not in cand.entities and cand.kind not in ("life", "plan"):
            start = cand.span.start if cand.span else None
            if since is None or start is None or start[: len(since)] >= since[: len(start)]:
                cand.entities.append(employer)
