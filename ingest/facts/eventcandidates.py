"""What the events stage works with before there is an Event: a `Piece` (a sentence the model
reads), a `Candidate` (a sentence, section or plan kept as an event), and the `Event` a candidate
becomes.

Apart from the walk that finds them (events.py) so that the steps around it (careermoves.py) share
these types without importing the walk.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.facts.entities import Unit
from ingest.facts.eventdates import dated_confidence
from ingest.language.dates import DateSpan
from ingest.language.text import LineIndex
from ingest.posts.parse import ParsedPost
from kb.ids import event_id
from kb.models import Event, Source


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


def to_event(post: ParsedPost, cand: Candidate, lines: LineIndex) -> Event:
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
