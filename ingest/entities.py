"""Stage 4: find entities in a parsed post: vocabulary terms, context cues and link cues.

Every sighting keeps where it was read (section, sentence, offsets) so it becomes a Mention with
a verbatim quote. Code, math and HTML never yield entities: matching runs on masked text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ingest import cues as cue_finders
from ingest.links import link_cues
from ingest.markdown import Block, mask
from ingest.parse import ParsedPost
from ingest.text import sentences
from ingest.vocabulary import Matcher, Term, Vocabulary
from kb.ids import entity_id, normalize


@dataclass(frozen=True)
class Unit:
    """A piece of text to read: a section's heading or one of its blocks."""

    section: int
    text: str
    masked: str
    start: int  # offset in the body
    line: int  # 1-based line in the body
    block: Block | None  # None for a heading


@dataclass(frozen=True)
class Sighting:
    type: str
    id: str
    name: str
    surface: str
    section: int
    start: int  # body offsets of the surface
    end: int
    quote_start: int  # body offsets of the sentence around it
    quote_end: int
    line: int
    category: str | None = None
    aliases: tuple[str, ...] = ()
    scoped: bool = False


def units(post: ParsedPost) -> list[Unit]:
    out: list[Unit] = []
    for index, section in enumerate(post.sections):
        if section.heading:
            start = post.body.find(section.heading, section.start, section.end)
            if start >= 0:
                out.append(Unit(index, section.heading, mask(section.heading), start, section.line, None))
        for block in section.blocks:
            out.append(Unit(index, block.text, block.masked, block.start, block.line, block))
    return out


def scoped_id(entity_type: str, name: str, post_id: str) -> str:
    """Descriptive entities ('Team lead', '첫 회사') mean someone in one post only."""
    return entity_id(entity_type, f"{name} {post_id}")


class _Collector:
    def __init__(self, post: ParsedPost, unit: Unit) -> None:
        self.post, self.unit = post, unit
        self.spans = sentences(unit.masked)
        self.found: list[Sighting] = []
        self.taken: list[tuple[int, int]] = []

    def sentence_of(self, start: int) -> tuple[int, int]:
        for lo, hi in self.spans:
            if lo <= start < hi:
                return lo, hi
        return 0, len(self.unit.text)

    def sentence_text(self, start: int) -> str:
        lo, hi = self.sentence_of(start)
        return self.unit.masked[lo:hi]

    def add(self, etype: str, name: str, start: int, end: int, *, scoped: bool = False,
            category: str | None = None, aliases: tuple[str, ...] = (), overlap_ok: bool = False,
            surface_alias: bool = True) -> None:
        if not name.strip() or not normalize(name):
            return
        if not overlap_ok and any(start < hi and lo < end and (lo <= start and end <= hi) for lo, hi in self.taken):
            return
        lo, hi = self.sentence_of(start)
        ident = scoped_id(etype, name, self.post.post_id) if scoped else entity_id(etype, name)
        surface = self.unit.text[start:end]
        base = self.unit.start
        self.found.append(Sighting(etype, ident, name, surface, self.unit.section, base + start, base + end,
                                   base + lo, base + hi, self.post.body_line + self.unit.line, category,
                                   tuple(dict.fromkeys(a for a in (*aliases, surface if surface_alias else "")
                                                       if a.strip())), scoped))
        self.taken.append((start, end))


def _term_hits(col: _Collector, matcher: Matcher, scoped: bool = False) -> None:
    for hit in matcher.find(col.unit.masked):
        term: Term = hit.term
        col.add(term.type, term.name, hit.start, hit.end, scoped=scoped, category=term.category,
                aliases=term.aliases)


def extract(post: ParsedPost, vocab: Vocabulary, extra: Matcher | None = None) -> list[Sighting]:
    """All sightings in a post, in reading order; cue-found names are then looked for everywhere.

    `extra` holds the user's own vocabulary (kb.yaml), read before everything else.
    """
    from ingest.events import is_narrative  # the same test decides which cues a post deserves

    narrative = is_narrative(post)
    found: list[Sighting] = []
    for unit in units(post):
        col = _Collector(post, unit)
        if extra is not None:
            _term_hits(col, extra)
        _term_hits(col, vocab.skills)
        _term_hits(col, vocab.organizations)
        _term_hits(col, vocab.roles, scoped=True)
        for cue in cue_finders.all_cues(unit.masked, narrative):
            if normalize(cue.name) in vocab.skill_names:
                continue
            col.add(cue.type, cue.name, cue.start, cue.end, scoped=cue.scoped, category=cue.category,
                    overlap_ok=False)
        if unit.block is not None:
            for link in unit.block.links:
                rel = link.start - unit.start
                for lc in link_cues(link, col.sentence_text(rel), unit.masked, vocab):
                    text_start = rel + 1
                    col.add(lc.type, lc.name, text_start, text_start + len(link.text), category=lc.category,
                            aliases=lc.aliases, overlap_ok=not lc.guess, surface_alias=lc.named)
        found.extend(col.found)
    return found + _echoes(post, found, vocab)


def _echoes(post: ParsedPost, found: list[Sighting], vocab: Vocabulary) -> list[Sighting]:
    """Later plain mentions of names that only a cue recognised ('Truss does a lot of things right')."""
    terms: dict[str, Term] = {}
    for s in found:
        if s.id.startswith(("skill:",)) or s.type == "person" or len(s.name) < 3:
            continue
        terms.setdefault(s.id, Term(s.type, s.name, s.category, tuple(a for a in s.aliases if len(a) >= 3)))
    if not terms:
        return []
    matcher = Matcher(list(terms.values()))
    seen = {(s.start, s.end) for s in found}
    out: list[Sighting] = []
    ids = {s.name: s.id for s in found}
    for unit in units(post):
        col = _Collector(post, unit)
        col.taken = [(s.start - unit.start, s.end - unit.start) for s in found
                     if unit.start <= s.start < unit.start + len(unit.text)]
        for hit in matcher.find(unit.masked):
            if (unit.start + hit.start, unit.start + hit.end) in seen:
                continue
            before = len(col.found)
            col.add(hit.term.type, hit.term.name, hit.start, hit.end, category=hit.term.category,
                    aliases=hit.term.aliases)
            if len(col.found) > before and ids.get(hit.term.name) and col.found[-1].id != ids[hit.term.name]:
                col.found[-1] = Sighting(**{**col.found[-1].__dict__, "id": ids[hit.term.name]})
        out.extend(col.found)
    return out
