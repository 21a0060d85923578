"""Faster scans for the lexicon's regexes, with the same matches.

Python's regex engine tries every alternative of a pattern at every position of the text unless it
can tell which characters a match starts with; for case-insensitive patterns, or ones that open
with a `\\b` or a group of alternatives, it cannot. `lead` works that set out from the parsed
pattern and puts it in front as a lookahead, so positions no match can start at are skipped at
once. A lookahead that consumes nothing and captures nothing changes no match, group or offset.
"""
from __future__ import annotations

import re
from typing import Any

try:  # the regex parser is internal to CPython (3.11+); without it patterns are left as they are
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    _CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
                   sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
    _REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    sre = sre_parse = None


class _Unknown(Exception):
    """A construct whose first character is not worked out here: the pattern is left as it is."""


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start with,
    or None when that is not known (or a match may be empty, so no character is needed)."""
    if flags & re.VERBOSE or sre_parse is None:
        return None
    try:
        chars, nullable = _sequence(sre_parse.parse(pattern, flags).data)
    except _Unknown:
        return None
    return "".join(dict.fromkeys(chars)) if chars and not nullable else None


def lead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a lookahead for its first characters in front, when they are known."""
    chars = first_chars(pattern.pattern, pattern.flags)
    if chars is None:
        return pattern
    try:
        return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. global inline flags, which must open the pattern
        return pattern


def _sequence(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """(class items for the first character, whether the sequence can match nothing at all)."""
    out: list[str] = []
    for op, av in items:
        chars, nullable = _item(op, av)
        out += chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [re.escape(chr(av))], False
    if op is sre.IN:
        return [_class_item(o, a) for o, a in av], False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # zero-width: the next item consumes the first character
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown("scoped flags")
        return _sequence(sub.data)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is sre.BRANCH:
        out: list[str] = []
        any_nullable = False
        for alternative in av[1]:
            chars, nullable = _sequence(alternative.data)
            out += chars
            any_nullable = any_nullable or nullable
        return out, any_nullable
    if op in _REPEATS:
        low, _, sub = av
        chars, nullable = _sequence(sub.data)
        return chars, nullable or low == 0
    raise _Unknown(str(op))


def _class_item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(str(op))  # NEGATE and the rest
