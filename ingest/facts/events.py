"""Stage 5: narrative sections and accomplishment sentences become events.

Every sentence (in English every clause) of a story is a candidate; a learned model
(ingest/facts/learned) reads its linguistic features, the hand-written lexicon's verdict among
them, and keeps those that tell something done. A heading that names an event ('분산실험 도입',
'CI도입') makes one event of its section, inside which only distinct achievements stand alone. A
technical post yields one `publication` event for itself.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ingest.language import lexicon as lx
from ingest.language.dates import DateSpan, date_from_path, title_year
from ingest.facts.careertitles import career_title, job_row, verb_argument
from ingest.facts.entities import Sighting, Unit, units
from ingest.facts.eventdates import DateContext, dated_confidence
from ingest.facts.headline import headline
from ingest.facts.learned.features import PieceContext, features
from ingest.facts.learned.model import LinearModel, load_model
from ingest.facts.narrative import is_narrative
from ingest.posts.parse import ParsedPost
from ingest.language.text import LineIndex, clauses, sentences
from kb.ids import event_id
from kb.models import Event, Source

MAX_EVENTS = 500  # per post: a diary of thousands of "I used X" lines is not a timeline of thousands

@dataclass(frozen=True)
class Piece:
    """A candidate event sentence: where it is, its masked words, and what the model reads of it."""

    unit: Unit
    start: int  # body offsets
    end: int
    masked: str
    rule: float  # the hand-written lexicon's confidence (0: not an event)
    features: list[str]
    ids: list[str]  # entities sighted in it


@dataclass
class Candidate:
    title: str
    kind: str
    section: int
    quotes: list[tuple[int, int]]  # body offsets
    entities: list[str] = field(default_factory=list)
    own: list[str] = field(default_factory=list)  # entities named in the quote itself
    span: DateSpan | None = None
    confidence: float = 0.5
    join: bool = False
    employer: str | None = None
    joined_as: str | None = None  # "Joined X as a ROLE": when the sentence's verb of joining takes X


def _is_event(text: str, korean: bool, done_section: bool, goal: bool = False,
              item: bool = False) -> tuple[str | None, float]:
    """The clause of a (masked) sentence that reports something done, and how sure we are."""
    if korean or re.search(r"[\uac00-\ud7a3]", text):
        for part in lx.KO_CLAUSES.split(text):
            if lx.KO_FUTURE.search(part) or lx.KO_NEGATIVE.search(part):
                continue
            past = bool(lx.KO_PAST.search(part))
            if goal and not past:
                continue
            if lx.KO_STRONG.search(part):
                return part, 0.7
            if lx.KO_WEAK.search(part) and (past or done_section or lx.KO_NOUN_END.search(part)):
                return part, (0.55 if past else 0.5)
        if done_section and not goal and not lx.KO_NEGATIVE.search(text) and not lx.KO_FUTURE.search(text) \
                and len(text.strip()) > 3:
            return text, 0.45
        return None, 0.0
    if lx.EN_ITEM_VERB.match(text) and (item or done_section):
        if not (lx.EN_FUTURE.search(text) or lx.EN_NEGATIVE.search(text)):
            return text, (0.6 if lx.EN_STRONG.search(text) or done_section else 0.5)
    if done_section and not (lx.EN_FUTURE.search(text) or lx.EN_NEGATIVE.search(text)):
        return text, 0.45
    for pattern, confidence in ((lx.EN_STRONG, 0.7), (lx.EN_WEAK, 0.5)):
        for verb in pattern.finditer(text):
            lo = text.rfind(",", 0, verb.start()) + 1
            hi = text.find(",", verb.end())
            clause = text[lo: hi if hi >= 0 else len(text)]
            if lx.EN_FUTURE.search(clause) or lx.EN_NEGATIVE.search(clause):
                continue
            head = text[:verb.start()]
            if lx.EN_SUBJECT.search(head) or re.match(r"(?i)my|our|.*I'?m on", verb.group(0)) \
                    or (confidence > 0.6 and lx.EN_FIRST_PERSON.search(text)):
                return clause, confidence
    return None, 0.0


def _career_kind(masked: str, employer: str | None) -> str:
    """'join' / 'leave' when the author starts or stops working for a named organization, else by words."""
    if employer is not None:
        left, started = bool(lx.LEFT_JOB.search(masked)), bool(lx.STARTED_JOB.search(masked))
        if left and not started and not lx.KO_FUTURE.search(masked):
            return "leave"
        if started and not left:
            return "join"
    return lx.kind_of(masked)


def _untagged(text: str) -> str:
    """Raw text without HTML tags and entities (pasted from another engine), inline code kept."""
    return re.sub(r"&(?:[A-Za-z]{2,8}|#\d{1,6});", " ", re.sub(r"<[^<>]{0,2000}>", " ", text))


class _Builder:
    def __init__(self, post: ParsedPost, sightings: list[Sighting], model: LinearModel | None = None) -> None:
        self.post = post
        self.model = model or load_model()
        self.sightings = sorted(sightings, key=lambda s: s.start)
        self.starts = [s.start for s in self.sightings]
        self.dates = DateContext(post)
        self.korean = post.language == "ko"
        self.containers = {i for s in post.sections for i in s.parents}

    def ids_in(self, lo: int, hi: int) -> list[str]:
        """Entities sighted between two body offsets, in reading order."""
        first, last = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return list(dict.fromkeys(s.id for s in self.sightings[first:last]))

    def _flags(self, index: int) -> tuple[bool, bool, bool]:
        """A section's label: skipped (intro, regrets), a list of things done, goals."""
        heading = self.post.sections[index].heading.strip()
        skipped = bool(lx.SKIP_SECTION.match(heading) or (heading and lx.is_negative_heading(heading)))
        goal = bool(heading and lx.is_goal_heading(heading))
        return skipped, bool(lx.DONE_SECTION.search(heading)) and not goal, goal

    def _blocks(self) -> dict[int, list[Unit]]:
        by_section: dict[int, list[Unit]] = {}
        for unit in units(self.post):
            by_section.setdefault(unit.section, []).append(unit)
        return by_section

    def all_pieces(self, scored: bool = True) -> Iterator[Piece]:
        """Every candidate of the post, as the events stage reads it (what the model is trained on);
        unscored, only the lexicon's verdict is worked out (a quick first look)."""
        by_section = self._blocks()
        for index in range(len(self.post.sections)):
            skipped, done, goal = self._flags(index)
            blocks = [u for u in by_section.get(index, []) if u.block is not None]
            yield from self.pieces(index, blocks, done and not skipped, goal and not skipped, scored)

    def section_events(self) -> list[Candidate]:
        out: list[Candidate] = []
        by_section = self._blocks()
        for index, section in enumerate(self.post.sections):
            heading = section.heading.strip()
            blocks = [u for u in by_section.get(index, []) if u.block is not None]
            skipped, done, goal = self._flags(index)
            if skipped:
                if lx.CLOSING_SECTION.match(heading):
                    out.extend(self._plans(index, blocks))
                out.extend(self._sentences(index, blocks, False, False))  # the model reads the heading too
                continue
            container = index in self.containers
            named = (bool(heading) and not done and not goal and not container and bool(blocks)
                     and bool(lx.KO_EVENT_HEAD.search(heading)))
            sentence_events = self._sentences(index, blocks, done, goal)
            prose = [b for b in blocks if b.block is not None and b.block.kind != "item" and re.search(r"\w", b.masked)]
            listed = {c.quotes[0][0] for c in sentence_events
                      if any(b.start <= c.quotes[0][0] < b.start + len(b.text) for b in blocks
                             if b.block is not None and b.block.kind == "item")}
            if named and not prose and len(listed) >= 2:
                named = False  # a topic heading over a list of things done: each item is its own event
            if named:
                out.append(self._section_event(index, blocks, sentence_events))
                # inside a named section, only distinct achievements stand on their own
                head_ids = set(self.ids_in(section.start, self._heading_end(index)))
                for cand in sentence_events:
                    text = self.post.body[cand.quotes[0][0]:cand.quotes[0][1]]
                    cue = lx.ACHIEVEMENT.search(text)
                    new = [e for e in cand.own if e not in head_ids]
                    new_skills = [e for e in new if e.startswith("skill:")]
                    strong = lx.KO_STRONG.search(text) or lx.EN_STRONG.search(text)
                    if (cue and cue.group(0) not in heading and new_skills) or \
                            (strong and strong.group(0)[:2] not in heading and any(not e.startswith("skill:") for e in new)):
                        out.append(cand)
            else:
                out.extend(sentence_events)
        return out

    def _section_event(self, index: int, blocks: list[Unit], inner: list[Candidate]) -> Candidate:
        section = self.post.sections[index]
        first = next((b for b in blocks if re.search(r"\w", b.masked)), blocks[0])
        quotes = [(first.start, first.start + len(first.text))] + [q for c in inner for q in c.quotes][:4]
        quotes = list(dict.fromkeys(quotes))
        ids = self.ids_in(section.start, section.end)
        joined = next((c for c in inner if c.join and c.employer), None)  # "## 이직": "…로 이직했습니다"
        kind = "join" if joined is not None else lx.kind_of(section.heading + " " + first.masked)
        title = joined.joined_as if joined is not None and joined.joined_as else headline(section.heading, self.korean)
        return Candidate(title, kind, index,
                         quotes, ids, ids, self.dates.section_span(index), confidence=0.75,
                         join=joined is not None, employer=joined.employer if joined else None)

    def _heading_end(self, index: int) -> int:
        section = self.post.sections[index]
        if not section.heading:
            return section.start
        end = self.post.body.find("\n", section.start)
        return end if end >= 0 else section.end

    def pieces(self, index: int, blocks: list[Unit], done: bool, goal: bool, scored: bool = True) -> Iterator[Piece]:
        """Every sentence (in English, every clause) of a section's blocks, with the lexicon's verdict."""
        headings = tuple(self.post.sections[i].heading for i in (*self.post.sections[index].parents, index)
                         if self.post.sections[i].heading)
        for unit in blocks:
            assert unit.block is not None
            kind = unit.block.kind
            done_here = done and kind in ("item", "row")
            for lo, hi in sentences(unit.masked, unit.text):
                spans = [(lo + a, lo + b) for a, b in clauses(unit.masked[lo:hi])] if not self.korean else [(lo, hi)]
                for a, b in spans:
                    masked = unit.masked[a:b]
                    if kind == "row":
                        masked = re.sub(r"\|", " ", masked).rstrip()
                    _, rule = _is_event(masked, self.korean, done_here, goal, kind in ("item", "row"))
                    start, end = unit.start + a, unit.start + b
                    if not scored:
                        yield Piece(unit, start, end, masked, rule, [], [])
                        continue
                    ids = self.ids_in(start, end)
                    context = PieceContext(self.korean, kind, headings, rule,
                                           tuple(i.split(":", 1)[0] for i in ids),
                                           self.dates.has_date(masked), start / max(1, len(self.post.body)))
                    yield Piece(unit, start, end, masked, rule, features(masked, context), ids)

    def _sentences(self, index: int, blocks: list[Unit], done: bool, goal: bool) -> list[Candidate]:
        out: list[Candidate] = []
        for piece in self.pieces(index, blocks, done, goal):
            confidence = self.model.probability(piece.features)
            unit, start, end, masked = piece.unit, piece.start, piece.end, piece.masked
            listed = self._job_row(unit, start, end)  # a row of a jobs table is a job, whatever its words
            if confidence < self.model.threshold and listed is None:
                continue
            context = self.ids_in(unit.start, unit.start + len(unit.text)) + \
                self.ids_in(self.post.sections[index].start, self._heading_end(index)) + \
                self._list_after(blocks, unit, end)
            join = bool(lx.JOIN.search(masked))
            dated = masked
            if self.korean:
                dated = " ".join(p for p in lx.KO_CLAUSES.split(masked) if not lx.KO_FUTURE.search(p)) or masked
            employer = self._employer(start, end, masked) if join or lx.LEFT_JOB.search(masked) else None
            kind = _career_kind(masked, employer)
            joined_as = self._career_title("join", start, end, masked) if employer is not None else None
            if employer is None and listed is not None:
                employer, joined_as, kind, join = *listed, "join", True
            title = joined_as if kind == "join" else \
                self._career_title(kind, start, end, masked) if kind == "leave" else None
            out.append(Candidate(title or headline(_untagged(self.post.body[start:end]), self.korean),
                                 kind, index, [(start, end)],
                                 list(dict.fromkeys(piece.ids + context)), piece.ids,
                                 self.dates.sentence_span(index, dated, join, self._told_before(index, blocks, start),
                                                          self._lead_in(blocks, unit), _linked_date(unit, start, end)),
                                 confidence, join, employer, joined_as))
        return out

    def _list_after(self, blocks: list[Unit], unit: Unit, end: int) -> list[str]:
        """What the list a paragraph's last sentence leads into names: "We set up my laptop:" + tools."""
        if unit.block is None or unit.block.kind != "paragraph" or unit.text[end - unit.start:].strip():
            return []
        at = next((i for i, u in enumerate(blocks) if u is unit), len(blocks))
        items = []
        for following in blocks[at + 1:]:
            if following.block is None or following.block.kind != "item":
                break
            items.extend(self.ids_in(following.start, following.start + len(following.text)))
        return items

    @staticmethod
    def _lead_in(blocks: list[Unit], unit: Unit) -> str:
        """The paragraph right before the list an item is part of."""
        if unit.block is None or unit.block.kind != "item":
            return ""
        at = next((i for i, u in enumerate(blocks) if u is unit), 0)
        for previous in reversed(blocks[:at]):
            if previous.block is not None and previous.block.kind != "item":
                return previous.masked if previous.block.kind == "paragraph" else ""
        return ""

    def _told_before(self, index: int, blocks: list[Unit], start: int) -> str:
        """The section's words before a sentence, when they are what dates it."""
        if not self.dates.undated_story(index):
            return ""
        return " ".join(u.masked[: max(0, start - u.start)] for u in blocks if u.start < start)

    def _plans(self, index: int, blocks: list[Unit]) -> list[Candidate]:
        out: list[Candidate] = []
        for unit in blocks:
            for lo, hi in sentences(unit.masked, unit.text):
                masked = unit.masked[lo:hi]
                start, end = unit.start + lo, unit.start + hi
                projects = [i for i in self.ids_in(start, end) if i.startswith("project:")]
                if lx.KO_PLAN.search(masked) or re.search(r"\bplan(?:ning)? to\b", masked, re.I):
                    if projects:
                        span = self.dates.plan_span(index, masked, unit.masked)
                        out.append(Candidate(headline(_untagged(self.post.body[start:end]), self.korean), "plan", index, [(start, end)],
                                             self.ids_in(unit.start, unit.start + len(unit.text)),
                                             self.ids_in(start, end), span, 0.5))
        return out

    def _career_title(self, kind: str, start: int, end: int, masked: str) -> str | None:
        """'Joined X as a ROLE' / 'X 입사 (ROLE)' / 'Left X' (kb/career reads the position back from it),
        when the sentence's verb of joining or leaving takes an organization X; else None."""
        orgs = [s for s in self.sightings[bisect_left(self.starts, start):bisect_left(self.starts, end)]
                if s.type == "organization"]
        taken = verb_argument(masked, start, orgs, lx.LEFT_JOB if kind == "leave" else lx.STARTED_JOB)
        if taken is None:
            return None
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", _untagged(self.post.body[start:end]))
        name = taken.name if taken.name.casefold() == taken.surface.casefold() else taken.surface
        korean = self.korean or bool(re.search(r"[\uac00-\ud7a3]{2}", text))
        return career_title(kind, re.sub(r"[*_`]+", "", text), name, korean, taken.surface)

    def _job_row(self, unit: Unit, start: int, end: int) -> tuple[str, str] | None:
        """(employer, title) of a row of a table whose header has a company column."""
        block = unit.block
        if block is None or block.kind != "row" or not block.header:
            return None
        orgs = [s for s in self.sightings[bisect_left(self.starts, start):bisect_left(self.starts, end)]
                if s.type == "organization"]
        for org in orgs:
            title = job_row(unit.text, block.header, org.surface, self.korean)
            if title is not None:
                return org.name, title
        return None

    def _employer(self, start: int, end: int, masked: str) -> str | None:
        orgs = [s for s in self.sightings[bisect_left(self.starts, start):bisect_left(self.starts, end)]
                if s.type == "organization"]
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


def _link_employers(post: ParsedPost, cands: list[Candidate]) -> None:
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


def _linked_date(unit: Unit, start: int, end: int) -> str | None:
    """The date in the address of a link in the sentence: '/2021/02/14/k9-funding/', '2023-01-03-burnout.md'."""
    for link in unit.block.links if unit.block is not None else ():
        if start <= link.start < end and (found := date_from_path(urlparse(link.url).path)):
            return found
    return None


def _to_event(post: ParsedPost, cand: Candidate, lines: LineIndex) -> Event:
    section = post.sections[cand.section].heading
    sources = []
    for lo, hi in cand.quotes:
        line = lines.line(lo)
        sources.append(Source(post_id=post.post_id, post=post.path, section=section, quote=post.body[lo:hi],
                              start=lo, end=hi, line=line))
    key = post.body[cand.quotes[0][0]:cand.quotes[0][1]]
    span = cand.span
    return Event(id=event_id(post.post_id, section, cand.title, key), title=cand.title or section or post.meta.title,
                 kind=cand.kind, start=span.start if span else None, end=span.end if span else None,  # type: ignore[arg-type]
                 confidence=dated_confidence(cand.confidence, span), entities=tuple(dict.fromkeys(cand.entities)),
                 sources=tuple(sources))



def publication_event(post: ParsedPost, sightings: list[Sighting]) -> Event:
    """A technical post is itself an event: published on its date, about the skills it covers."""
    counts: dict[str, int] = {}
    for s in sightings:
        if s.type == "skill":
            counts[s.id] = counts.get(s.id, 0) + 1
    topics = sorted(counts, key=lambda k: (-counts[k], k))[:12]
    # the quote: the first real sentence of prose (not a formula fragment or a one-word item)
    first: tuple[Unit, int, int] | None = None
    for unit in units(post):
        if unit.block is None:
            continue
        for lo, hi in sentences(unit.masked, unit.text):
            if len(re.findall(r"\w", unit.masked[lo:hi])) >= 15:
                first = (unit, lo, hi)
                break
        if first is not None:
            break
    if first is not None:
        unit, lo, hi = first
        start, end = unit.start + lo, unit.start + hi
        sources: tuple[Source, ...] = (Source(
            post_id=post.post_id, post=post.path, section=post.sections[unit.section].heading,
            quote=post.body[start:end], start=start, end=end, line=LineIndex(post.body, post.body_line + 1).line(start)),)
    else:
        sources = (Source(post_id=post.post_id, post=post.path, section="", quote=""),)
    return Event(id=event_id(post.post_id, "publication"), title=post.meta.title, kind="publication",
                 start=post.meta.date, confidence=dated_confidence(0.9, post.meta.date), entities=tuple(topics), sources=sources)


STORY_SHARE = 0.18  # of a post's sentences read as events, above which an unlabelled post is a story
STORY_SURE = 5  # … with at least this many the model is sure of


def candidates(post: ParsedPost, sightings: list[Sighting], model: LinearModel | None = None) -> Iterator[Piece]:
    """Every sentence the events stage reads, with its features: what the model is trained on."""
    return _Builder(post, sightings, model).all_pieces()


def read_as_story(post: ParsedPost, sightings: list[Sighting], model: LinearModel | None = None) -> bool:
    """A post no title or tag calls a retrospective, told as one: many first-person happenings."""
    if not (lx.EN_FIRST_PERSON.search(post.body) or lx.KO_FIRST_PERSON.search(post.body)):
        return False
    builder = _Builder(post, sightings, model)
    if sum(1 for p in builder.all_pieces(scored=False) if p.rule) < STORY_SURE:
        return False  # the lexicon sees too few happenings for the model to find enough
    scores = [builder.model.probability(p.features) for p in builder.all_pieces()]
    accepted = sum(1 for s in scores if s >= builder.model.threshold)
    return accepted >= STORY_SURE and accepted >= STORY_SHARE * len(scores) and \
        sum(1 for s in scores if s >= 0.5) >= STORY_SURE


def extract_events(post: ParsedPost, sightings: list[Sighting], model: LinearModel | None = None) -> list[Event]:
    """A story's events (read by `model`, the shipped one by default), or a note's publication event."""
    if not is_narrative(post):
        return [publication_event(post, sightings)]
    builder = _Builder(post, sightings, model)
    cands = builder.section_events()[:MAX_EVENTS]
    _link_employers(post, cands)
    lines = LineIndex(post.body, post.body_line + 1)
    events: dict[str, Event] = {}
    for cand in cands:
        event = _to_event(post, cand, lines)
        events.setdefault(event.id, event)
    return list(events.values())


__all__ = ["extract_events", "is_narrative", "publication_event", "title_year"]
