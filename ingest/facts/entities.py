"""Stage 4: find entities in a parsed post: vocabulary terms, context cues and link cues.

Every sighting keeps where it was read (section, sentence, offsets) so it becomes a Mention with
a verbatim quote. Code, math and HTML never yield entities: matching runs on masked text.
"""
from __future__ import annotations

import re

from bisect import bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from ingest.facts import cues as cue_finders
from ingest.facts.links import LinkCue, link_cues
from ingest.facts.cues.names import author_names, named_people
from ingest.posts.markdown import Block, mask
from ingest.facts.narrative import is_narrative
from ingest.posts.parse import ParsedPost, derived
from ingest.language.text import LineIndex, normal, sentences
from ingest.facts.vocabulary import Hit, Matcher, Term, Vocabulary
from ingest.facts.vocabulary import lower_keep_length as lowered
from kb.ids import entity_id


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
    """The post's headings and blocks, in reading order (extraction, echoes and events each read them)."""
    return list(derived(post, "units", lambda p: tuple(_units(p))))


def _units(post: ParsedPost) -> list[Unit]:
    out: list[Unit] = []
    for index, section in enumerate(post.sections):
        if section.heading:
            start = post.body.find(section.heading, section.start, section.end)
            if start >= 0:
                out.append(Unit(index, section.heading, mask(section.heading), start, section.line, None))
        for block in section.blocks:
            out.append(Unit(index, block.text, block.masked, block.start, block.line, block))
    return out


@lru_cache(maxsize=65536)
def scoped_id(entity_type: str, name: str, post_id: str) -> str:
    """Descriptive entities ('Team lead', '첫 회사') mean someone in one post only."""
    return entity_id(entity_type, f"{name} {post_id}")


@lru_cache(maxsize=65536)
def _entity_id(entity_type: str, name: str) -> str:
    return entity_id(entity_type, name)


MAX_SIGHTINGS = 200  # per entity and post: enough evidence, and a 20 MB post stays tractable


class _Collector:
    def __init__(self, post: ParsedPost, unit: Unit, lines: LineIndex, counts: dict[str, int]) -> None:
        self.post, self.unit, self.lines, self.counts = post, unit, lines, counts
        self._spans: list[tuple[int, int]] | None = None  # split on first use: most units yield nothing
        self.span_starts: list[int] = []
        self.found: list[Sighting] = []
        self.taken: list[tuple[int, int]] = []  # kept sorted
        self._technical: dict[tuple[tuple[int, int], str], bool] = {}

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = sentences(self.unit.masked)
            self.span_starts = [lo for lo, _ in self._spans]
        return self._spans

    def sentence_of(self, start: int) -> tuple[int, int]:
        spans = self.spans
        i = bisect_right(self.span_starts, start) - 1
        if i >= 0 and start < spans[i][1]:
            return spans[i]
        return 0, len(self.unit.text)

    def _inside_taken(self, start: int, end: int) -> bool:
        i = bisect_right(self.taken, (start, len(self.unit.text) + 1))
        return any(lo <= start and end <= hi for lo, hi in self.taken[max(0, i - 4):i])

    def technical(self, start: int, surface: str) -> bool:
        """Whether the sentence at `start` is about technical work, worked out once per sentence."""
        span = self.sentence_of(start)
        key = (span, surface)
        if key not in self._technical:
            self._technical[key] = _technical(self.unit.masked[span[0]:span[1]], surface)
        return self._technical[key]

    def sentence_text(self, start: int) -> str:
        lo, hi = self.sentence_of(start)
        return self.unit.masked[lo:hi]

    def add(self, etype: str, name: str, start: int, end: int, *, scoped: bool = False,
            category: str | None = None, aliases: tuple[str, ...] = (), overlap_ok: bool = False,
            surface_alias: bool = True) -> None:
        if not name.strip() or not normal(name):
            return
        if not overlap_ok and self._inside_taken(start, end):
            return
        lo, hi = self.sentence_of(start)
        ident = scoped_id(etype, name, self.post.post_id) if scoped else _entity_id(etype, name)
        if self.counts.get(ident, 0) >= MAX_SIGHTINGS:
            return
        self.counts[ident] = self.counts.get(ident, 0) + 1
        surface = self.unit.text[start:end]
        base = self.unit.start
        self.found.append(Sighting(etype, ident, name, surface, self.unit.section, base + start, base + end,
                                   base + lo, base + hi, self.lines.line(base + lo), category,
                                   tuple(dict.fromkeys(a for a in (*aliases, surface if surface_alias else "")
                                                       if a.strip())), scoped))
        insort(self.taken, (start, end))


def _term_hits(col: _Collector, matcher: Matcher, low: str, scoped: bool = False) -> None:
    _add_hits(col, matcher.find(col.unit.masked, low), scoped)


def _add_hits(col: _Collector, hits: list[Hit], scoped: bool = False) -> None:
    for hit in hits:
        term: Term = hit.term
        if term.type == "skill" and _is_word(hit, term) and not col.technical(hit.start, hit.surface):
            continue  # "the Spark mascot", "joined Ray at a party": the word, not the tool
        col.add(term.type, term.name, hit.start, hit.end, scoped=scoped, category=term.category,
                aliases=term.aliases)


# what makes "Spark" or "Ray" in a sentence the tool: another tool beside it, or words of the trade
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_TECH_WORDS = re.compile(
    r"\b(?:code|coding|library|libraries|framework|cluster|api|sdk|server|deploy\w*|data|model|training|train|"
    r"pipelines?|jobs?|query|queries|scripts?|language|programming|distributed|backend|frontend|app|apps|repo|"
    r"version|install\w*|migrat\w*|adopt\w*|benchmark\w*|compil\w*|runtime|package|module|engine|tool|tools|"
    r"stack|workloads?|tasks?|scal\w*|parallel|compute|gpu|cpu|inference|serving|experiments?|developer|dev)\b|"
    r"코드|분산|서버|배포|학습|모델|데이터|라이브러리|프레임워크|클러스터|도입|사용|구현|개발|실험|언어|설치|버전", re.I)


# an organization given as an example of a kind is a passing mention: "42 Seoul과 같은 프로그램",
# "네이버, 카카오 등의 대기업", "companies such as Google or Meta", "big tech like Amazon"
_EXAMPLE_AFTER = re.compile(r"(?:(?:,\s*[^\s,]{1,15}){0,4}\s*(?:과|와|이나|나)?\s*(?:같은|같이|처럼|등의|등을|등이|등과|등\b|등에서))")
_EXAMPLE_BEFORE = re.compile(r"(?:such as|like|e\.g\.,?|including|예를 들어|예컨대)\s+(?:[^\s,]{1,20},?\s+(?:or\s+|and\s+)?){0,4}$",
                             re.I)


def _named_as_example(text: str, start: int, end: int) -> bool:
    return bool(_EXAMPLE_AFTER.match(text, end)) or bool(_EXAMPLE_BEFORE.search(text, max(0, start - 80), start))


_ORG_KIND_AFTER = re.compile(r"\s?(?:전문대|대학교|대학원|대학|고등학교|고교|연구소|연구원|재단|그룹|코리아|주식회사)"
                             r"(?=(?:을|를|이|가|은|는|의|에|에서|로|으로|와|과|도)?(?![\uac00-\ud7a3]))")
# "my teammates", "동료들", "팀원분들": a group, not someone one could name
_GROUP = re.compile(r"(?:들|(?<!bos)(?<!parent)s)$")


_KO_MODIFIER = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{1,6})\s$")


def _with_modifier(text: str, start: int, surface: str) -> tuple[str, ...]:
    """How the post singles the person out: '내 사수', '학교 교수님', '새로운 대표님' (an alias, as written)."""
    m = _KO_MODIFIER.search(text, max(0, start - 8), start)
    if m is None or not _HANGUL.match(surface) or _NOT_MODIFIER.search(m.group(1)) or m.group(1) in _CONNECTIVES:
        return ()
    return (f"{m.group(1)} {surface}",)


# a word that ends its own phrase (a case particle, a pronoun's topic) or joins clauses modifies nothing
_NOT_MODIFIER = re.compile(r"[은이가을를에와과도서로만께랑]$|^(?:저|나|우리|저희|너)는$")
_CONNECTIVES = frozenset("그리고 그래서 그런데 하지만 그러나 또 또한 특히 결국 다시 바로 계속 항상 정말 너무 매우 아주 많이 같이 "
                         "함께 이후 이제 요즘 당시 그때 처음 무렵 즈음 쯤 때 동안 이상 해당".split())


def _is_word(hit: Hit, term: Term) -> bool:
    """A strict form that is also an English word written with a capital: Spark, Ray, Go, Swift."""
    surface = hit.surface
    return surface in term.strict and surface.isalpha() and surface[:1].isupper() and not surface.isupper()


_CAPITALIZED = re.compile(r"\b[A-Z][\w.+#-]*")


def _technical(sentence: str, surface: str) -> bool:
    if _HANGUL.search(sentence) or _TECH_WORDS.search(sentence):
        return True  # a Latin word in Korean prose is a name ("Rust로 만들어 보려고"), not an English word
    others = (m for m in _CAPITALIZED.finditer(sentence) if m.group(0) != surface)
    return next(others, None) is not None and next(others, None) is not None  # "Ray and PyTorch"


# inline code that only names tools ("`Vue.js`", "`NodeJS + Vue.js`"), not code ("`ray.init()`", "`import x`")
_NAME = r"[A-Za-z][\w.+#-]{0,30}"
# a lower-case noun right after a name makes the name its modifier ("the Go guild"), prepositions aside
_NOUN_AFTER = re.compile(r"\s+(?!(?:as|in|on|at|for|and|with|since|from|to|back|last|this|that|until|after|"
                         r"before|when|where|because|but|or|so|full|part)\b)[a-z]")
_SHORT_CODE = re.compile(rf"(`{{1,2}})({_NAME}(?:\s*[+/,&]\s*{_NAME}){{0,4}})\1")
_BADGE = re.compile(r"!\[([^\]\n]{1,40})\]\(https?://img\.shields\.io/")


def _named_in_markup(text: str) -> str:
    """Only what names a tool in markup the masked text blanks, in place: short inline code
    ('`NodeJS + Vue.js`로') and README badges ('![SQLite](https://img.shields.io/...)')."""
    out = [" "] * len(text)
    for pattern in (_SHORT_CODE, _BADGE):
        for m in pattern.finditer(text):
            group = m.lastindex or 1
            out[m.start(group):m.end(group)] = text[m.start(group):m.end(group)]
    return "".join(out)


def extract(post: ParsedPost, vocab: Vocabulary, extra: Matcher | None = None) -> list[Sighting]:
    """All sightings in a post, in reading order; cue-found names are then looked for everywhere.

    `extra` holds the user's own vocabulary (kb.yaml), read before everything else.
    """
    narrative = is_narrative(post)
    lines = LineIndex(post.body, post.body_line + 1)
    counts: dict[str, int] = {}
    found: list[Sighting] = []
    lower_words = _LowerWords(post.body)
    for unit in units(post):
        col = _Collector(post, unit, lines, counts)
        low = lowered(unit.masked)
        if extra is not None:
            _term_hits(col, extra, low)
        skills, organizations, roles = vocab.packaged.find(unit.masked, low)
        _add_hits(col, skills)
        if "`" in unit.text or "shields.io" in unit.text:
            named = _named_in_markup(unit.text)
            _add_hits(col, vocab.packaged.find(named, lowered(named))[0])  # skills only
        for hit in organizations:  # "폴리텍 전문대": the kind of place it is stays in how the post names it
            if _named_as_example(unit.masked, hit.start, hit.end):
                continue
            head = _ORG_KIND_AFTER.match(unit.masked, hit.end)
            col.add(hit.term.type, hit.term.name, hit.start, hit.end, category=hit.term.category,
                    aliases=(*hit.term.aliases, *((hit.surface + head.group(0),) if head else ())))
        for hit in roles:
            if not _GROUP.search(hit.surface):
                col.add(hit.term.type, hit.term.name, hit.start, hit.end, scoped=True, category=hit.term.category,
                        aliases=(*hit.term.aliases, *_with_modifier(unit.masked, hit.start, hit.surface)))
        if unit.block is None and narrative:
            _heading_link(col, post.body, vocab)
        linked = _unit_link_cues(col, vocab, narrative)
        for text_start, text_end, lc in linked:  # a profile link names someone before a cue reads it as a title
            if lc.type == "person":
                col.add(lc.type, lc.name, text_start, text_end, aliases=lc.aliases, surface_alias=lc.named)
        item = unit.block is not None and unit.block.kind == "item"
        names = named_people(unit.masked, lower_words) if narrative and unit.block is not None else []
        table = cue_finders.table_cells(unit.masked, unit.block.header) if unit.block and unit.block.header else []
        for cue in names + table + cue_finders.all_cues(unit.masked, narrative, item):
            # a cue's name the vocabulary knows as a skill is that skill, unless it is where the author
            # works ("Ray에 입사했다", "I joined Sentry"): then it is a company, over the skill's span
            skill_named = normal(cue.name) in vocab.skill_names
            # ("joined the Go guild", "join the JavaScript train": the skill names a group, no employer)
            employer = cue.category == cue_finders.EMPLOYER and not _NOUN_AFTER.match(unit.masked, cue.end)
            if skill_named and not employer:
                continue
            col.add(cue.type, cue.name, cue.start, cue.end, scoped=cue.scoped,
                    category=cue.category if skill_named else None, overlap_ok=skill_named, aliases=cue.aliases)
        for text_start, text_end, lc in linked:
            if lc.type != "person":
                col.add(lc.type, lc.name, text_start, text_end, category=lc.category, aliases=lc.aliases,
                        overlap_ok=not lc.guess, surface_alias=lc.named)
        found.extend(col.found)
    found += _echoes(post, found, lines, counts)
    if any(s.type == "person" for s in found):
        author = author_names(post.meta.extra, post.body[:2000])
        found = [s for s in found if s.type != "person" or s.name.casefold() not in author]
    return found


# "### [Is It Keto](https://isitketo.org)": a section given to one linked thing, in a story its author's
_HEADING_LINK = re.compile(r"#{2,6}\s+(?:\d+[.)]\s*)?\[([^\]\n]{2,40})\]\(https?://[^)\s]+\)\s*#*\s*$")


def _heading_link(col: _Collector, body: str, vocab: Vocabulary) -> None:
    line_start = body.rfind("\n", 0, col.unit.start) + 1
    line_end = body.find("\n", col.unit.start)
    m = _HEADING_LINK.match(body, line_start, line_end if line_end >= 0 else len(body))
    if m is None or normal(m.group(1)) in vocab.skill_names or normal(m.group(1)) in vocab.org_names:
        return
    at = col.unit.text.find(m.group(1))
    if at >= 0 and not m.group(1).lower().startswith(("http", "www.")):
        col.add("project", m.group(1), at, at + len(m.group(1)))


def _unit_link_cues(col: _Collector, vocab: Vocabulary, narrative: bool) -> list[tuple[int, int, LinkCue]]:
    """Each link's cues with the span of its text in the unit."""
    block = col.unit.block
    out: list[tuple[int, int, LinkCue]] = []
    for link in block.links if block is not None else ():
        rel = link.start - col.unit.start
        for cue in link_cues(link, col.sentence_text(rel), col.unit.masked, vocab, narrative):
            out.append((rel + 1, rel + 1 + len(link.text), cue))
    return out


class _LowerWords:
    """Whether the post writes a word in lower case too: 'Will' is then the verb, not a name."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._words: frozenset[str] | None = None

    def __call__(self, word: str) -> bool:
        if self._words is None:
            self._words = frozenset(re.findall(r"(?<![\w-])[a-zà-öø-ÿ]+(?![\w-])", self.body))
        return word.lower() in self._words


def _echoes(post: ParsedPost, found: list[Sighting], lines: LineIndex, counts: dict[str, int]) -> list[Sighting]:
    """Later plain mentions of names that only a cue recognised ('Truss does a lot of things right')."""
    terms: dict[str, Term] = {}
    for s in found:
        if s.type in ("skill", "person") or len(s.name) < 3:
            continue
        terms.setdefault(s.id, Term(s.type, s.name, s.category, tuple(a for a in s.aliases if len(a) >= 3)))
    if not terms:
        return []
    matcher = Matcher(list(terms.values()))
    ids = {t.name: i for i, t in terms.items()}
    spans = sorted((s.start, s.end) for s in found)
    starts = [lo for lo, _ in spans]
    out: list[Sighting] = []
    for unit in units(post):
        lo_i = bisect_right(starts, unit.start - 1)
        hi_i = bisect_right(starts, unit.start + len(unit.text))
        col = _Collector(post, unit, lines, counts)
        col.taken = [(a - unit.start, b - unit.start) for a, b in spans[lo_i:hi_i]]
        seen = set(spans[lo_i:hi_i])
        for hit in matcher.find(unit.masked):
            if (unit.start + hit.start, unit.start + hit.end) in seen or \
                    hit.term.type == "organization" and _named_as_example(unit.masked, hit.start, hit.end):
                continue
            before = len(col.found)
            col.add(hit.term.type, hit.term.name, hit.start, hit.end, category=hit.term.category,
                    aliases=hit.term.aliases)
            if len(col.found) > before and col.found[-1].id != ids[hit.term.name]:
                col.found[-1] = Sighting(**{**col.found[-1].__dict__, "id": ids[hit.term.name]})
        out.extend(col.found)
    return out
