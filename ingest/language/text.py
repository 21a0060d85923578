"""Small text helpers shared by the extraction stages: sentences and clauses with their offsets."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ingest.language.rx import lead
from kb.ids import normalize

# a sentence ends at . ! ? (not inside numbers like 3.5) or at a line break, except an English
# hard wrap (a line ending in a word or comma, the next starting with a Latin word)
# (`lead` puts a lookahead for the characters a match starts with in front: the engine then skips
# every other position at once instead of trying each alternative there)
# not after an abbreviation that a number or a name follows: "Jan. 31, 2020", "Dr. Kim", "e.g. Ray"
_ABBREVIATIONS = "".join(f"(?<!\\b{a})" for a in (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr",
    "vs", "e.g", "i.e", "approx", "No"))
_SENTENCE_END = lead(re.compile(_ABBREVIATIONS + r"(?<!\d)[.!?。…]+(?=[\s\"'”’)\]]|$)[\"'”’)\]]*|(?<=\d)\.(?=\s)"
                                r"|(?<![A-Za-z0-9,;:])\n|\n(?![ \t]*[A-Za-z(\[])"))
_OPENER = re.compile(r"[\[`*\"'“‘]")
# a dash, a semicolon, or a comma before a new past-tense predicate with the same subject:
# "I started the program in 2019, got laid off in May, and finished it in July"
_PAST = (r"(?:[a-z]{2,}ed|began|became|bought|built|chose|did|found|gave|got|grew|had|held|joined|kept|led|left|"
         r"lost|made|met|moved|paid|ran|sold|spent|spoke|started|taught|took|went|won|wrote)\b")
_CLAUSE_BREAK = lead(re.compile(rf"\s+[-–—]+\s+|;\s+|,\s+(?:and\s+|then\s+|and\s+then\s+)?(?={_PAST})"))


def spans(text: str, pattern: re.Pattern[str] = _SENTENCE_END, raw: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-empty piece, trimmed of surrounding blanks (in `raw`, if given)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in pattern.finditer(text):
        end = m.end() if pattern is _SENTENCE_END else m.start()
        _add(text, start, end, out, raw)
        start = m.end()
    _add(text, start, len(text), out, raw)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]], raw: str | None = None) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    if raw is not None and lead:
        # a sentence may open with inline code or a link, blanked in the masked text
        opener = _OPENER.search(raw, start, start + lead)
        if opener and not raw[start:opener.start()].strip():  # not a quote mark inside a blanked HTML tag
            lead = opener.start() - start
    if piece.strip(" \t\n-*>#"):
        out.append((start + lead, start + trail))


def sentences(masked: str, raw: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans of a block, found on its masked text so URLs and code never split one."""
    return spans(masked, raw=raw)


def clauses(masked: str) -> list[tuple[int, int]]:
    """A sentence's clauses (split at a spaced dash, a semicolon, 'though')."""
    return spans(masked, _CLAUSE_BREAK)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class LineIndex:
    """1-based line numbers of body offsets, in O(log n) each (posts may be megabytes long)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.first = first_line

    def line(self, offset: int) -> int:
        return self.first + bisect_right(self.starts, offset) - 1


@lru_cache(maxsize=1 << 16)
def normal(text: str) -> str:
    """kb.ids.normalize, remembered: a post's stages normalize the same few names thousands of times."""
    return normalize(text)
