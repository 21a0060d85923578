"""Post-independent ids for anchored events: the same event told in two posts is one event.

An event whose kind names what it is about (joined X, adopted Y, spoke at Z, won W) gets an id made of
(kind, anchor entity, start) alone, so two posts telling it contribute to one event and the store
unions their sources. Only when that is safe: the post is a story, the start is known to the month,
the event's own words name exactly one anchor (or the verb's argument is unambiguous), and no
other event of the same post has the same key. Anything less certain keeps the post-based id:
two copies of one event are better than one event made of two.
"""
from __future__ import annotations

import re
from collections import Counter

from ingest.language import lexicon as lx
from ingest.facts.entities import Sighting
from ingest.facts.headline import headline
from ingest.facts.narrative import is_narrative
from ingest.posts.parse import ParsedPost
from kb.ids import short_hash
from kb.models import Event, Source

# the entity types that define an event of each kind, in order of preference
ANCHOR_TYPES: dict[str, tuple[str, ...]] = {
    "join": ("organization",),
    "leave": ("organization",),
    "work": ("organization",),
    "education": ("organization", "project"),
    "competition": ("project", "organization"),
    "publication": ("organization", "project"),
    "talk": ("organization", "project"),
    "adoption": ("skill",),
}
_KIND_CUES = {**dict(lx.KINDS), "join": lx.STARTED_JOB, "leave": lx.LEFT_JOB}
# kinds that cover several different moments with one entity: joining and leaving a company are two events
_PHASES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "work": (("join", re.compile(r"입사|이직|이적|합류|취업|\bjoin(?:ed|ing)?\b|\bhired\b|\bstarted (?:at|a new job|working)", re.I)),
             ("leave", re.compile(r"퇴사|그만두|\bleft\b|\bleaving\b|\bquit\b|\bresigned\b", re.I)),
             ("promotion", re.compile(r"승진|\bpromot\w*", re.I))),
    "education": (("enter", re.compile(r"입학|진학|\benroll\w*|\badmitted\b", re.I)),
                  ("graduate", re.compile(r"졸업|수료|\bgraduat\w*|\bfinished\b|\bcompleted\b", re.I))),
}
_KO_GAP = re.compile(r"^[\s'\"‘’“”]*(?:을|를|이|가|은|는|에|에서|로|으로|의|와|과|도)?[\s'\"‘’“”]*$")
_EN_GAP = re.compile(r"^\s*(?:(?:at|to|in|for|with|on|the|a|an|our|my)\s+){0,3}[\"'“‘]?$", re.I)


def anchored_id(kind: str, anchor: str, start: str, phase: str = "") -> str:
    return f"event:{short_hash('anchored', kind, phase, anchor, start)}"


def _own_spans(post: ParsedPost, event: Event, source: Source) -> list[tuple[int, int]]:
    """The event's own words: its first quote, and its heading when the section is the event."""
    assert source.start is not None and source.end is not None
    spans = [(source.start, source.end)]
    for section in post.sections:
        if section.heading and section.heading == source.section and section.start <= source.start < section.end \
                and headline(section.heading, post.language == "ko") == event.title:
            line_end = post.body.find("\n", section.start)
            spans.append((section.start, line_end if line_end >= 0 else section.end))
            break
    return spans


def _phase(kind: str, text: str) -> str | None:
    """'join', 'leave'...: the one moment the words tell, '' for kinds with one moment, None when unclear."""
    phases = _PHASES.get(kind)
    if phases is None:
        return ""
    found = [name for name, pattern in phases if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def _argument(post: ParsedPost, kind: str, source: Source, candidates: list[Sighting]) -> str | None:
    """The one candidate the kind's verb takes: 'Ray를 도입', 'joined Kakao', 'spoke at PyCon'."""
    cue = _KIND_CUES.get(kind)
    if cue is None or source.start is None:
        return None
    text = post.body[source.start:source.end or source.start]
    found: set[str] = set()
    for m in cue.finditer(text):
        at, after = source.start + m.start(), source.start + m.end()
        for s in candidates:
            if s.end <= at and _KO_GAP.match(post.body[s.end:at]) and re.search(r"[\uac00-\ud7a3]", m.group(0)):
                found.add(s.id)
            elif s.start >= after and _EN_GAP.match(post.body[after:s.start]) and not re.search(r"[\uac00-\ud7a3]", m.group(0)):
                found.add(s.id)
    return found.pop() if len(found) == 1 else None


def anchor_of(post: ParsedPost, event: Event, sightings: list[Sighting]) -> tuple[str, str] | None:
    """(the entity that defines the event, the moment told), or None when either is not clear."""
    types = ANCHOR_TYPES.get(event.kind)
    if types is None or event.start is None or len(event.start) < 7:
        return None
    source = next((s for s in event.sources if s.start is not None and s.end is not None), None)
    if source is None:
        return None
    spans = _own_spans(post, event, source)
    phase = _phase(event.kind, " ".join(post.body[lo:hi] for lo, hi in spans))
    if phase is None:
        return None
    own = [s for s in sightings if any(lo <= s.start and s.end <= hi for lo, hi in spans)]
    for etype in types:
        candidates = [s for s in own if s.type == etype and s.id in event.entities and not s.scoped]
        ids = set(s.id for s in candidates)
        if len(ids) == 1:
            return ids.pop(), phase
        if len(ids) > 1:
            chosen = _argument(post, event.kind, source, candidates)
            return (chosen, phase) if chosen else None
    return None


def anchor_events(post: ParsedPost, events: list[Event], sightings: list[Sighting]) -> list[Event]:
    """Events with their anchored ids where safe; the rest unchanged."""
    if not is_narrative(post):
        return events  # a write-up is its own publication, never someone else's
    keys: list[str | None] = []
    for event in events:
        anchor = anchor_of(post, event, sightings)
        keys.append(anchored_id(event.kind, anchor[0], event.start, anchor[1]) if anchor and event.start else None)
    counts = Counter(k for k in keys if k)
    taken = {e.id for e in events}
    return [e.model_copy(update={"id": k}) if k and counts[k] == 1 and k not in taken else e
            for e, k in zip(events, keys)]
