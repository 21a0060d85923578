"""Short titles for a résumé: a post's sentence made a headline, in its own language.

Extraction is learning to write headlines; until every title is one, whatever reaches a résumé
goes through `headline`: a leading connective ("또한", "특히", "so", "also"...) is dropped, only the
first sentence is kept, and anything longer than the cap is cut at a word boundary with "…".
"""
from __future__ import annotations

import re

MAX_CHARS = 90
# Words that tie a sentence to the one before it: a headline stands alone.
KO_CONNECTIVES = ("또한", "특히", "그리고", "그래서", "그러나", "하지만", "그런데", "게다가", "또", "즉", "결국",
                  "따라서", "그러므로", "이에", "한편", "더불어", "아울러", "덧붙여", "물론", "사실", "다만", "이후",
                  "그후", "그 후", "그 다음", "그다음", "우선", "먼저", "마지막으로", "그리하여", "이처럼", "이렇게")
# (not "first", "well", "still": "First prize", "Well-known" open real headlines)
EN_CONNECTIVES = ("so", "also", "but", "and", "then", "however", "moreover", "furthermore", "besides",
                  "additionally", "in addition", "anyway", "finally", "thus", "therefore", "meanwhile",
                  "afterwards", "after that", "firstly", "secondly", "lastly", "in fact", "actually", "of course")
_KO = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, KO_CONNECTIVES), key=len, reverse=True)) + r")(?:[,:;\s]+|$)")
_EN = re.compile(r"^(?:" + "|".join(sorted(map(re.escape, EN_CONNECTIVES), key=len, reverse=True)) + r")\b[,:;\s]*",
                 re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[다요음함됨임])\.\s*|(?<=니다)\s+")
_TRAILING = " \t,;:·-–—"


def strip_connectives(text: str) -> str:
    """The text without the connectives it opens with (several in a row too: "그리고 또한 ...")."""
    text = text.strip()
    while True:
        shorter = _KO.sub("", text, count=1)
        shorter = _EN.sub("", shorter, count=1).lstrip()
        if shorter == text or not shorter:
            return text
        text = shorter


def first_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return parts[0].strip() if parts and parts[0].strip() else text.strip()


def cap(text: str, limit: int = MAX_CHARS) -> str:
    """At most `limit` characters, cut at a word boundary when one is near, ending with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(_TRAILING + ".") + "…"


def headline(text: str, limit: int = MAX_CHARS) -> str:
    """One line a résumé can show: no opening connective, one sentence, at most `limit` characters."""
    text = " ".join(text.split())
    text = first_sentence(strip_connectives(text))
    text = text.strip(_TRAILING)
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if text[:1].isalpha() and text[:1].islower() and text.isascii():
        text = text[0].upper() + text[1:]
    return cap(text, limit)
