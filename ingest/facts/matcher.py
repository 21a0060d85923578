"""Vocabulary forms found in text: one Aho-Corasick automaton, boundaries that suit both scripts.

Latin forms match whole words (a following Hangul syllable is a boundary: "CI도입"), never inside a
dotted name ("user.github.io"); Korean forms may be followed only by particles, a copula or a
verb ending ("레이를", "분산처리가", "가상화되어"), never by more of a word ("레이저"). One- and
two-letter forms must not touch math or initials ("R^n", "Fact C.1", "Pascanu, R."), and a
one-letter language ("R", "C") needs programming words or another language nearby.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import ahocorasick

from ingest.language.rx import lead

PARTICLES: frozenset[str] = frozenset(
    "를 을 이 가 은 는 로 으로 와 과 의 에 에서 도 만 까지 부터 랑 이랑 하고 처럼 보다 께 에게 한테 "
    "에는 에서는 으로는 로는 과는 와는 이나 나 이나마 라는 이라는 란 이란 라고 이라고 같은 과의 와의 "
    "으로도 로도 에도 에서도 만큼 밖에 마저 조차 뿐 들 들을 들이 들은 들과 들의 들도 들에게 "
    "를통해 을통해 였다 이다 였고 이고 이며 였는데 인데 다 쪽".split())
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[0-9A-Za-z]")
# what may follow a Korean form: a chain of particles, or a copula ("팀장이였는데", "스터디였다")
_TAIL = re.compile(r"^(?:(?:님|분|들|이|가|은|는|을|를|의|에|에서|에게|께|께서|한테|로|으로|와|과|도|만|까지|부터|랑|이랑|"
                   r"하고|처럼|보다|만큼|조차|마저)+|(?:이)?(?:었|였|다|고|며|라|야|에요|예요|지|죠|인|입|이었|이였).*|"
                   # a verb made of the term: "가상화되어", "도입했다", "자동화하는", "분석해서", "최적화시켰다"
                   r"(?:하|해|했|한|할|함|되|돼|됐|된|될|됨|시키|시켜|시켰|시킨|시킬).*)$")
# a one-letter name ("R", "C") is a language only where the text talks about programming
_ONE_LETTER_CONTEXT = lead(re.compile(
    r"언어|프로그래밍|코드|코딩|스크립트|패키지|라이브러리|컴파일|포인터|문법|"
    r"\b(?:languages?|programming|code|coding|scripts?|packages?|librar(?:y|ies)|compil\w+|pointers?|syntax|"
    r"RStudio|CRAN|tidyverse|ggplot2?|dplyr|Shiny|Rcpp|Rmarkdown|malloc|printf|gcc|clang|header files?)\b", re.I))
_MATH_NEIGHBOURS = frozenset("^_\\$=+<>|{}[]~")


@dataclass(frozen=True)
class Term:
    """One vocabulary entry."""

    type: str  # skill | organization | person
    name: str
    category: str | None
    aliases: tuple[str, ...]  # every form, for export
    domains: tuple[str, ...] = ()
    strict: tuple[str, ...] = ()  # forms matched only exactly as written
    content_host: bool = False  # deep links into this site are content, not a cue for the organization
    match_name: bool = True  # roles are matched by their aliases only ("Manager" is a label, not a cue)

    @property
    def loose(self) -> tuple[str, ...]:
        forms = (self.name, *self.aliases) if self.match_name else self.aliases
        return tuple(f for f in forms if f not in self.strict)


@dataclass(frozen=True)
class Hit:
    term: Term
    start: int
    end: int
    surface: str


def lower_keep_length(text: str) -> str:
    """Lower-case without changing length, so offsets stay true."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_latin(form: str) -> bool:
    return not _HANGUL.search(form)


_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # what _WORD matches
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]*")


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _edges(form: str) -> tuple[bool, bool, bool, bool]:
    """Whether a form starts/ends with a Latin word character, starts/ends with Hangul: fixed per form."""
    if not form:
        return False, False, False, False
    return form[0] in _WORD_CHARS, form[-1] in _WORD_CHARS, _is_hangul(form[0]), _is_hangul(form[-1])


def _boundary_ok(text: str, start: int, end: int, form: str,
                 edges: tuple[bool, bool, bool, bool] | None = None) -> bool:
    word_first, word_last, hangul_first, hangul_last = edges or _edges(form)
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if word_first and before in _WORD_CHARS:
        return False
    if word_last and (after in _WORD_CHARS or after in "+#"):
        return False
    if hangul_first and _is_hangul(before):
        return False
    if hangul_last:
        tail = _HANGUL_RUN.match(text, end).group(0)  # type: ignore[union-attr]  # `*` always matches
        if tail and tail not in PARTICLES and not _TAIL.match(tail):
            return False
    return True


def _short_form_ok(text: str, start: int, end: int) -> bool:
    """A one- or two-letter Latin hit that is not a variable, an index or an initial:
    'R^n', 'x_C', 'Fact C.1', 'Pascanu, R.,', 'ls -R', 'N,H,W,C'."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before in _MATH_NEIGHBOURS or after in _MATH_NEIGHBOURS or before in "-.,":
        return False
    return not (after in ".," and not after2.isspace() and after2 not in ")\"'’”") and not (after == "." and after2 == ",")


def _dotted(text: str, start: int, end: int) -> bool:
    """Part of a dotted name ('user.github.io', 'torch.nn', 'config.yaml'), not a mention."""
    return (start >= 2 and text[start - 1] == "." and bool(_WORD.match(text[start - 2]))) or \
        (end + 1 < len(text) and text[end] == "." and text[end + 1].isascii() and text[end + 1].isalpha())


def _near(positions: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _with_context(text: str, kept: list[Hit]) -> list[Hit]:
    """One-letter hits only where programming words, or another language, are on the same line nearby."""
    cues = [m.start() for m in _ONE_LETTER_CONTEXT.finditer(text)] + \
        [h.start for h in kept if h.term.category == "language" and len(h.surface) > 1]
    cues.sort()
    out: list[Hit] = []
    for h in kept:
        if len(h.surface) == 1 and _is_latin(h.surface):
            lo = text.rfind("\n", max(0, h.start - 120), h.start) + 1 or max(0, h.start - 120)
            hi = text.find("\n", h.end, h.end + 120)
            if not _near(cues, lo, hi if hi >= 0 else min(len(text), h.end + 120)):
                continue
        out.append(h)
    return out


def _particle_follows(text: str, end: int) -> bool:
    """'ray를', 'go로': a Latin word with a Korean particle is a term, whatever its case
    (the ambiguity that makes 'ray' or 'go' strict is an English-prose one)."""
    run = _HANGUL_RUN.match(text, end)
    if run is None or not run.group(0):
        return False
    return run.group(0) in PARTICLES or bool(_TAIL.match(run.group(0)))


# one vocabulary entry as the matcher reads it: form, term, strict, Latin, length, edges (see _edges)
_Entry = tuple[str, Term, bool, bool, int, tuple[bool, bool, bool, bool]]


class Matcher:
    """All vocabulary forms in one automaton; `find` returns the longest non-overlapping hits.

    One-letter Latin forms ("R", "C") match only as written, so they are found by their exact
    character instead: in the automaton every lower-case r and c in a text was a hit to reject.
    """

    def __init__(self, terms: list[Term]) -> None:
        self._auto = ahocorasick.Automaton()
        # what each entry needs per hit (Latin? length, edges) is worked out once here
        table: dict[str, list[_Entry]] = {}
        for term in terms:
            for form in term.loose:
                if form.strip():
                    table.setdefault(lower_keep_length(form), []).append(
                        (form, term, False, _is_latin(form), len(form), _edges(form)))
            for form in term.strict:
                table.setdefault(lower_keep_length(form), []).append(
                    (form, term, True, _is_latin(form), len(form), _edges(form)))
        self._single: dict[str, list[_Entry]] = {}
        self._table: dict[str, list[_Entry]] = {}  # every other key, as the automaton holds it
        for key, entries in table.items():
            if len(key) == 1 and all(latin for _, _, _, latin, _, _ in entries):
                self._single[key] = entries
            else:
                self._table[key] = entries
                self._auto.add_word(key, entries)
        self.empty = not table
        self._has_auto = len(self._auto) > 0
        if self._has_auto:
            self._auto.make_automaton()
        forms = sorted({form for entries in self._single.values() for form, *_ in entries})
        self._single_at = re.compile("|".join(map(re.escape, forms))) if forms else None

    def find(self, text: str, low: str | None = None) -> list[Hit]:
        """Hits in `text`; pass `low` (its lower-cased form) when several matchers read one text."""
        if self.empty:
            return []
        low = low if low is not None else lower_keep_length(text)
        hits: list[Hit] = []
        if self._has_auto:
            for end_index, entries in self._auto.iter(low):
                hit = _first_hit(text, end_index, entries)
                if hit is not None:
                    hits.append(hit)
        return self._kept(text, low, hits)

    def _kept(self, text: str, low: str, hits: list[Hit]) -> list[Hit]:
        """The automaton's hits plus the one-letter ones, longest first where they overlap."""
        if self._single_at is not None:
            # where the automaton would have matched a one-letter key (low[i] is the key) and the
            # letter is written as some form: no other position can pass the as-written check
            for m in self._single_at.finditer(text):
                entries = self._single.get(low[m.start()])
                if entries is not None and (hit := _first_hit(text, m.start(), entries)) is not None:
                    hits.append(hit)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        if any(len(h.surface) == 1 for h in kept):
            kept = _with_context(text, kept)
        return kept


class Matchers:
    """Several matchers read in one pass of one automaton, each finding exactly what its own `find` would.

    A unit of text is read by the skill, organization and role matchers in turn; one scan instead of
    three is most of their cost.
    """

    def __init__(self, matchers: tuple[Matcher, ...]) -> None:
        self.matchers = matchers
        merged: dict[str, list[tuple[int, list[_Entry]]]] = {}
        for i, matcher in enumerate(matchers):
            for key, entries in matcher._table.items():
                merged.setdefault(key, []).append((i, entries))
        self._auto = ahocorasick.Automaton()
        for key, per_matcher in merged.items():
            self._auto.add_word(key, tuple(per_matcher))
        self._has_auto = len(self._auto) > 0
        if self._has_auto:
            self._auto.make_automaton()

    def find(self, text: str, low: str) -> list[list[Hit]]:
        """Each matcher's hits in `text` (`low` is its lower-cased form), in the matchers' order."""
        hits: list[list[Hit]] = [[] for _ in self.matchers]
        if self._has_auto:
            for end_index, per_matcher in self._auto.iter(low):
                for i, entries in per_matcher:
                    hit = _first_hit(text, end_index, entries)
                    if hit is not None:
                        hits[i].append(hit)
        return [[] if matcher.empty else matcher._kept(text, low, found)
                for matcher, found in zip(self.matchers, hits)]


def _first_hit(text: str, end_index: int, entries: list[_Entry]) -> Hit | None:
    """The first entry of a key found ending at `end_index` that passes every check, if any."""
    for form, term, strict, latin, size, edges in entries:
        start, end = end_index - size + 1, end_index + 1
        surface = text[start:end]
        # strict forms, and short Latin forms ("R", "Go"), only as written (or before a Korean particle)
        if (strict or (latin and size <= 2)) and surface != form \
                and not (latin and size >= 2 and _particle_follows(text, end)):
            continue
        if latin and (_dotted(text, start, end) or (size <= 2 and not _short_form_ok(text, start, end))):
            continue
        if _boundary_ok(text, start, end, form, edges):
            return Hit(term, start, end, surface)
    return None
