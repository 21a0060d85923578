"""The hand-written rule for an event sentence: the clause of it that reports something done, and
how sure the lexicon is.

The learned model (ingest/facts/learned) decides; this verdict is one of the features it reads, and
the quick first look of `read_as_story` counts it alone.
"""
from __future__ import annotations

import re

from ingest.language import lexicon as lx


def is_event(text: str, korean: bool, done_section: bool, goal: bool = False,
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
