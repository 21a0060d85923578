"""Text preparation for the FTS5 index: why not just a trigram tokenizer?

SQLite 3.40's trigram tokenizer matches nothing for 1-2 character queries, and Korean words are
often two syllables (`분산`, `실험`). So Hangul/CJK runs are indexed as overlapping character
bigrams (plus each single character, appended after them so bigram phrases stay adjacent) in a
plain unicode61 table, Latin words stay words, and queries are prepared the same way. Every query
token is double-quoted, so FTS5 syntax typed by a user can never raise or inject.
"""
from __future__ import annotations

import re
import unicodedata

_CJK = (
    "\u1100-\u11ff"  # Hangul jamo
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3130-\u318f"  # Hangul compatibility jamo
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7a3"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
)
_TOKEN = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16
SNIPPET_CHARS = 160


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _tokens(text: str) -> list[tuple[bool, str]]:
    """(is_cjk, token) pairs in reading order."""
    return [(bool(m.group(1)), m.group(0)) for m in _TOKEN.finditer(normalize_text(text))]


def _bigrams(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]


def prepare_text(text: str) -> str:
    """The indexed form of a text: words, CJK bigrams, then the single CJK characters.

    Runs for every indexed document, so it avoids per-match objects (findall, not finditer).
    """
    sequence: list[str] = []
    singles: list[str] = []
    for cjk, word in _TOKEN.findall(normalize_text(text)):
        if word:
            sequence.append(word)
        elif len(cjk) > 1:
            sequence.extend(map(str.__add__, cjk, cjk[1:]))  # the bigrams of the run
            singles.extend(cjk)
        else:
            sequence.append(cjk)
    return " ".join(sequence + singles)


def prepare_query(text: str) -> str | None:
    """An FTS5 MATCH expression (all terms required), or None when nothing is searchable."""
    terms: list[str] = []
    for is_cjk, token in _tokens(text[:MAX_QUERY_CHARS]):
        phrase = " ".join(_bigrams(token)) if is_cjk else token
        term = '"' + phrase.replace('"', "") + '"'
        if term not in terms:
            terms.append(term)
    if not terms:
        return None
    return " ".join(terms[:MAX_QUERY_TERMS])


def query_words(text: str) -> list[str]:
    """The raw words of a query, used to place a snippet in the original text."""
    return [token for _, token in _tokens(text[:MAX_QUERY_CHARS])][:MAX_QUERY_TERMS]


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """A short window of `text` around the first query word it contains, whitespace collapsed."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    positions = [m.start() for w in words if w
                 for m in [re.search(re.escape(w), flat, re.IGNORECASE)] if m]
    at = min(positions) if positions else 0
    begin = max(0, at - width // 3)
    end = min(len(flat), begin + width)
    begin = max(0, min(begin, end - width))
    out = flat[begin:end]
    return ("…" if begin > 0 else "") + out + ("…" if end < len(flat) else "")
