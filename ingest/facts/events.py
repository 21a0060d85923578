"""Stage 5: narrative sections and accomplishment sentences become events.

Every sentence (in English every clause) of a story is a candidate; a learned model
(ingest/facts/learned) reads its linguistic features, the hand-written lexicon's verdict among
them, and keeps those that tell something done. A heading that names an event ('분산실험 도입',
'CI도입') makes one event of its section, inside which only distinct achievements stand alone. A
technical post yields one `publication` event for itself.

This module walks a post's sections and sentences and holds the entry points; the steps it takes
live beside it: eventrule (the lexicon's verdict), careermoves (joining and leaving an employer),
surroundings (what around a sentence dates it or names its objects), eventdates (when),
headline (titles), eventcandidates (the candidate types and the Event they become) and
publication (a write-up's one event).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ingest.language import lexicon as lx
from ingest.language.dates import title_year
from ingest.facts.careermoves import career_kind, employer_of, jobs_table_join, link_employers, move_title
from ingest.facts.entities import Sighting, Unit, units
from ingest.facts.eventcandidates import Candidate, Piece, to_event
from ingest.facts.eventdates import DateContext
from ingest.facts.eventrule import is_event
from ingest.facts.headline import headline, untagged
from ingest.facts.learned.features import PieceContext, features
from ingest.facts.learned.model import LinearModel, load_model
from ingest.facts.narrative import is_narrative
from ingest.facts.publication import publication_event
from ingest.facts.surroundings import lead_in, linked_date, list_after
from ingest.posts.parse import ParsedPost
from ingest.language.text import LineIndex, clauses, sentences
from kb.models import Event

MAX_EVENTS = 500  # per post: a diary of thousands of "I used X" lines is not a timeline of thousands


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

    def orgs_in(self, lo: int, hi: int) -> list[Sighting]:
        """Organizations sighted between two body offsets, in reading order."""
        return [s for s in self.sightings[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
                if s.type == "organization"]

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
                    _, rule = is_event(masked, self.korean, done_here, goal, kind in ("item", "row"))
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
        place = {id(unit): i for i, unit in enumerate(blocks)}
        for piece in self.pieces(index, blocks, done, goal):
            confidence = self.model.probability(piece.features)
            unit, start, end, masked = piece.unit, piece.start, piece.end, piece.masked
            at = place[id(unit)]
            # a row of a jobs table is a job, whatever its words
            listed = jobs_table_join(unit, lambda: self.orgs_in(start, end), self.korean)
            if confidence < self.model.threshold and listed is None:
                continue
            context = self.ids_in(unit.start, unit.start + len(unit.text)) + \
                self.ids_in(self.post.sections[index].start, self._heading_end(index)) + \
                list_after(blocks, at, end, self.ids_in)
            join = bool(lx.JOIN.search(masked))
            dated = masked
            if self.korean:
                dated = " ".join(p for p in lx.KO_CLAUSES.split(masked) if not lx.KO_FUTURE.search(p)) or masked
            employer = employer_of(masked, start, self.orgs_in(start, end)) if join or lx.LEFT_JOB.search(masked) else None
            kind = career_kind(masked, employer)
            joined_as = self._career_title("join", start, end, masked) if employer is not None else None
            if employer is None and listed is not None:
                employer, joined_as, kind, join = *listed, "join", True
            title = joined_as if kind == "join" else \
                self._career_title(kind, start, end, masked) if kind == "leave" else None
            out.append(Candidate(title or headline(untagged(self.post.body[start:end]), self.korean),
                                 kind, index, [(start, end)],
                                 list(dict.fromkeys(piece.ids + context)), piece.ids,
                                 self.dates.sentence_span(index, dated, join, start, lead_in(blocks, at),
                                                          linked_date(unit, start, end)),
                                 confidence, join, employer, joined_as))
        return out

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
                        out.append(Candidate(headline(untagged(self.post.body[start:end]), self.korean), "plan", index, [(start, end)],
                                             self.ids_in(unit.start, unit.start + len(unit.text)),
                                             self.ids_in(start, end), span, 0.5))
        return out

    def _career_title(self, kind: str, start: int, end: int, masked: str) -> str | None:
        """The title of the join or leave a sentence tells, when its verb takes an organization sighted in it."""
        return move_title(kind, self.post.body[start:end], masked, start, self.orgs_in(start, end), self.korean)


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
    link_employers(post, cands)
    lines = LineIndex(post.body, post.body_line + 1)
    events: dict[str, Event] = {}
    for cand in cands:
        event = to_event(post, cand, lines)
        events.setdefault(event.id, event)
    return list(events.values())


__all__ = ["extract_events", "is_narrative", "publication_event", "title_year"]
