"""The features of a candidate sentence: linguistic signals, not words of particular posts.

Each feature is a string; the model keeps only those seen in several training authors' posts, so
a word of one post never carries weight. Korean is read by its endings and verbal-noun bigrams
(입사, 개발, 참여), English by its predicates, subject and tense.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.language import lexicon as lx

_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_DIGIT = re.compile(r"\d")
_EN_PAST = re.compile(r"\b[a-z]{3,}ed\b")
_IRREGULAR_PAST = frozenset(
    "began became brought built bought came chose did drew drove felt found flew gave got grew had heard held "
    "kept knew led left lost made meant met paid put ran read said sat saw sent set shot sold spent spoke stood "
    "struck took taught thought told understood went won wrote".split())
_CONNECTIVES = frozenset("또한 특히 그리고 그래서 하지만 그런데 그러나 그리고는 so also but and then however".split())
# lower case: "In May" is a month, "may" a modal
_EN_MODAL = re.compile(r"\b(?:will|would|should|could|might|must|can|may|want to|hope to|plan to|going to)\b|"
                       r"\b(?:I|[Ww]e)['’](?:ll|d)\b|^(?:Will|Would|Should|Could|Might|Must|Can|May)\b")
_EN_GENERIC_YOU = re.compile(r"\b(?:you|your)\b", re.I)


# how a clause frames what happened: "할 수 있었다" (got to do), "하게 되었다" (came to), "하기로 했다" (decided)
_KO_ASPECTS = (("could", re.compile(r"수\s?있었")), ("became", re.compile(r"게\s?(?:되었|됐)")),
               ("decided", re.compile(r"기로\s?(?:했|하였|결정|마음)")), ("ongoing", re.compile(r"고\s?있(?:다|습니다|어요)")),
               ("tried", re.compile(r"(?:어|아|해)\s?(?:봤|보았)")), ("want", re.compile(r"싶(?:다|었|습니다)")))
_EN_ASPECTS = (("managed", re.compile(r"\b(?:managed|ended up|got|was able|had the (?:chance|opportunity)|decided)\s+to\b|"
                                      r"\bended up\b", re.I)),
               ("began", re.compile(r"\b(?:started|began|kicked off|launched|joined|left|moved|became)\b", re.I)),
               ("habit", re.compile(r"\b(?:usually|always|often|every (?:day|week|morning)|tend to)\b", re.I)),
               ("opinion", re.compile(r"\b(?:I (?:think|believe|feel|guess|hope|wish|love|like|hate)|in my opinion)\b", re.I)))


@dataclass(frozen=True)
class PieceContext:
    """What the events stage knows of a candidate besides its words."""

    korean: bool
    block_kind: str  # paragraph | item | quote | row | heading
    headings: tuple[str, ...]  # the enclosing headings, outermost first
    rule: float  # the hand-written lexicon's confidence that this is an event (0 when it says no)
    entity_types: tuple[str, ...]  # the types of entities sighted in the piece
    has_date: bool
    position: float  # where in the post, 0..1


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def features(text: str, ctx: PieceContext) -> list[str]:
    """The feature strings of one candidate (its masked text, code and URLs blanked)."""
    out = ["bias", f"lang:{'ko' if ctx.korean else 'en'}", f"block:{ctx.block_kind}",
           f"rule:{round(ctx.rule, 2)}", f"rule:{'yes' if ctx.rule else 'no'}"]
    heading = ctx.headings[-1] if ctx.headings else ""
    out.extend(_section(heading, ctx.headings))
    types = set(ctx.entity_types)
    out.extend(f"ent:{t}" for t in sorted(types))
    out.append(f"ents:{_bucket(len(ctx.entity_types), (0, 1, 2))}")
    if ctx.has_date:
        out.append("date")
    if _DIGIT.search(text):
        out.append("digit")
    out.append(f"pos:{min(int(ctx.position * 5), 4)}")
    stripped = text.strip()
    if stripped.endswith("?"):
        out.append("question")
    if stripped.startswith(("**", "__")):
        out.append("bold-lead")
    if stripped.endswith(":"):
        out.append("colon-end")
    words = (_HANGUL if ctx.korean else _EN_WORD).findall(text)
    out.append(f"len:{_bucket(len(words), (3, 6, 10, 16, 25, 40))}")
    if words and words[0].lower() in _CONNECTIVES:
        out.append("connective-lead")
    own = _korean(text, words) if ctx.korean else _english(text, words)
    out.extend(own)
    past = "ko:past" in own or "en:i-past" in own
    # conjunctions a linear model cannot form itself
    if past and types:
        out.append("past+entity")
    if past and ctx.has_date:
        out.append("past+date")
    if ctx.rule and ctx.block_kind == "item":
        out.append("rule+item")
    return out


def _section(heading: str, headings: tuple[str, ...]) -> list[str]:
    if not heading:
        return ["sec:none"]
    out = []
    if lx.SKIP_SECTION.match(heading):
        out.append("sec:skip")
    if lx.is_negative_heading(heading):
        out.append("sec:negative")
    if lx.is_goal_heading(heading):
        out.append("sec:goal")
    if lx.DONE_SECTION.search(heading):
        out.append("sec:done")
    if lx.KO_EVENT_HEAD.search(heading):
        out.append("sec:event-head")
    if any(lx.PERSONAL_SECTION.search(h) for h in headings):
        out.append("sec:personal")
    if re.search(r"\d{4}|\d{1,2}\s?월|january|february|march|april|may|june|july|august|september|october|"
                 r"november|december|spring|summer|autumn|fall|winter|봄|여름|가을|겨울|분기|quarter|week|monday",
                 heading, re.I):
        out.append("sec:dated")
    return out or ["sec:other"]


# the lexicon's Korean verdicts, each a feature, in the order the model's feature strings were made
_KO_LEXICON = (("past", lx.KO_PAST), ("strong", lx.KO_STRONG), ("weak", lx.KO_WEAK), ("future", lx.KO_FUTURE),
               ("negative", lx.KO_NEGATIVE), ("noun-end", lx.KO_NOUN_END), ("first-person", lx.KO_FIRST_PERSON))


def _korean(text: str, words: list[str]) -> list[str]:
    out = [f"ko:{name}" for name, pattern in (*_KO_LEXICON, *_KO_ASPECTS) if pattern.search(text)]
    if words:
        last = words[-1]
        for n in (1, 2, 3):
            if len(last) >= n:
                out.append(f"ko:end{n}:{last[-n:]}")
    return out


def _english(text: str, words: list[str]) -> list[str]:
    out = []
    lower = [w.lower() for w in words]
    if lx.EN_STRONG.search(text):
        out.append("en:strong")
    if lx.EN_WEAK.search(text):
        out.append("en:weak")
    if lx.EN_FUTURE.search(text) or _EN_MODAL.search(text):
        out.append("en:modal-future")
    if lx.EN_NEGATIVE.search(text):
        out.append("en:negative")
    if lx.EN_ITEM_VERB.match(text):
        out.append("en:item-verb")
    if lx.EN_SUBJECT.search(text) or lx.EN_FIRST_PERSON.search(text):
        out.append("en:first-person")
    if "i" in lower or "we" in lower:
        out.append("en:subject-i")
    for name, pattern in _EN_ASPECTS:
        if pattern.search(text):
            out.append(f"en:{name}")
    if _EN_GENERIC_YOU.search(text):
        out.append("en:you")
    past = sum(1 for w in lower if w in _IRREGULAR_PAST) + len(_EN_PAST.findall(text.lower()))
    out.append(f"en:past:{_bucket(past, (0, 1, 2))}")
    if lower:
        out.append(f"en:w0:{lower[0]}")
    for i, (a, b) in enumerate(zip(lower, lower[1:])):
        if a in ("i", "we"):
            out.append(f"en:after-i:{b}")
            if any(w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4) for w in lower[i + 1:i + 4]):
                out.append("en:i-past")
    return out
