"""Stage 3: a small date grammar of our own for the forms bloggers write, Korean and English.

Results are partial ISO strings at the written precision ("2019" never becomes "2019-01-01").
Relative expressions (작년, last year, 5월, in May) resolve against a base date; without one
they are dropped rather than guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ingest.language.rx import lead
from kb.models import date_sort_key

MONTHS = {name: i for i, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))) for name in names}
_MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
       r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
_Y4 = r"(?:19[5-9]\d|20\d\d)"
# a number counting something is no year: "2000자", "2000원", "1999 words", "2000 users"
_COUNTER = (r"\s?(?:자|원|명|개|건|번|회|점|시간|분|초|만|억|천|달러|줄|장|권|쪽|페이지|배|글자)"
            r"(?:을|를|이|가|은|는|의|으로|로|에|도|만|씩)?(?![\uac00-\ud7a3])|%|"
            r"\s(?:words?|characters?|users?|people|lines?|stars?|downloads?|views?|visitors?|subscribers?|"
            r"commits?|dollars?|km|miles?|points?|pages?|times?)\b")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 12),
            "봄": (3, 5), "여름": (6, 8), "가을": (9, 11), "겨울": (12, 12)}

# Each alternative is one atomic date expression; named groups say which fields it carries.
# Where an _ATOM match can start: the start of the text (en_mh), a digit, a dash or tilde, one of the
# Hangul syllables its Korean words begin with, or a word start at one of the letters its English words
# begin with (every English alternative opens with \b). Checked first, it spares most positions the
# thirteen alternatives; it can only skip positions where none of them could match.
_ATOM_START = r"(?:^|(?=[\d\-–~재작지올금이내다오상하연봄여가겨])|\b(?=[abdefijlmnoqstuw]))"
_ATOM = re.compile(_ATOM_START + "(?:" + "|".join((
    rf"(?P<en_mdy>\b(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_Y4})\b)",
    rf"(?P<en_dmy>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON})\.?,?\s+(?P<y2>{_Y4})\b)",
    rf"(?P<en_my>\b(?P<m3>{_MON})\.?,?\s+(?:of\s+)?(?P<y3>{_Y4})\b)",
    rf"(?P<num>(?<![\d.$€£¥₩,])(?P<y4>{_Y4})(?:(?P<sep>[-./])(?P<mo4>0?[1-9]|1[0-2])(?:(?P=sep)(?P<d4>\d{{1,2}}))?)?(?![\d년]|\.\d|,\d|{_COUNTER}))",
    rf"(?P<ko>(?<![\d.])(?P<y5>{_Y4}(?=년(?!\s*(?:째|차)))|\d{{2}}(?=년(?!\s*(?:간|동안|된|째|차|만에|가까이|넘게|이상|\s*인생))))년"
    r"(?:\s*(?P<mo5>1[0-2]|0?[1-9])월(?:\s*(?P<d5>[1-3]?\d)일)?)?)",
    r"(?P<ko_md>(?<![\d.])(?P<mo6>1[0-2]|0?[1-9])월(?:\s*(?P<d6>[1-3]?\d)일)?)",
    r"(?P<ko_mr>(?<![\d.])(?P<mo8>1[0-2]|0?[1-9])\s*[~∼-]\s*(?P<mo9>1[0-2]|0?[1-9])월)",
    rf"(?P<en_m>(?:\b(?:in|since|from|until|till|through|by|to|of|early|late|mid|end of)\s+|[-–~]\s*)(?P<m7>{_MON})\b(?!\s+(?:of\s+)?\d))",
    rf"(?P<en_mh>^\W*(?P<m10>{_MON})\b(?=\W*$|\s*[-–~:]|\s+(?:to|until|through)\s))",
    r"(?P<ko_rel>재작년|작년|지난\s?해|올해|금년|이번\s?해|내년|다음\s?해|올(?=\s)|(?P<ago>\d{1,2})\s*년\s*전)",
    r"(?P<today>\b(?:today|this week)\b|오늘|이번\s?주)|"
    r"(?P<en_rel>\b(?:last|this|next|the past|earlier this|later this)\s+year\b|\b(?P<ago2>\d{1,2}|a|one|two|three)\s+years?\s+ago\b)",
    r"(?P<quarter>\bQ(?P<q1>[1-4])\b|(?<!\d)(?P<q2>[1-4])\s?분기)|"
    r"(?P<part>상반기|하반기|연말|연초|이쯤|이쯔음|이맘때|\b(?:this|last|next|that)\s+(?:spring|summer|fall|autumn|winter)\b|\b(?:spring|summer|fall|autumn|winter)\b(?=\W*$|,?\s+(?:of\s+)?(?:19|20)\d\d)|(?<![가-힣])(?:봄|여름|가을|겨울)(?=[에이은는을\s]|$))",
)) + ")", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:~|∼|–|—|-|::|→|->|to|until|till|through|부터|에서)\s*(?:~\s*)?$", re.IGNORECASE)
_ONGOING = re.compile(r"^\s*(?:~|∼|–|—|-|to|until|부터)\s*(?:~\s*)?(?:present|now|today|current(?:ly)?|현재|지금|재직\s?중)\b",
                      re.IGNORECASE)
_JOIN = re.compile(r"^\s*(?:의|은|는|에|에는|도|of|,)?\s*$")
_UNTIL_AFTER = re.compile(r"^\s*(?:까지|동안까지)")
_UNTIL_BEFORE = re.compile(r"(?:until|till|through|by)\s*$", re.IGNORECASE)
_SINCE_AFTER = re.compile(r"^\s*(?:부터|이후)")
_SINCE_BEFORE = re.compile(r"(?:since|from)\s*$", re.IGNORECASE)
_WORD_NUM = {"a": 1, "one": 1, "two": 2, "three": 3}


@dataclass(frozen=True)
class DateSpan:
    """A point (end None) or an interval, each side a partial ISO date."""

    start: str
    end: str | None = None


@dataclass(frozen=True)
class DateMatch:
    span: DateSpan
    start: int  # character offsets in the text searched
    end: int
    relative: bool = False
    until: bool = False  # "...까지", "until ...": the span is an end point
    since: bool = False  # "...부터", "since ...": the span is a start point


@dataclass
class _Atom:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: tuple[int, int] | None = None  # a month range inside the year (halves, seasons, 연말)
    relative: bool = False
    near: bool = False  # "1년전 이쯤": keep the base month
    season: bool = False


def _base_parts(base: str | None) -> tuple[int | None, int | None]:
    if not base:
        return None, None
    parts = base.split("-")
    return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)


def _atom(m: re.Match[str], base_year: int | None) -> _Atom | None:
    g = m.groupdict()
    a = _Atom(m.start(), m.end())
    if g["en_mdy"] or g["en_dmy"] or g["en_my"]:
        a.year = int(g["y1"] or g["y2"] or g["y3"])
        a.month = MONTHS[(g["m1"] or g["m2"] or g["m3"]).casefold()]
        day = g["d1"] or g["d2"]
        a.day = int(day) if day else None
    elif g["num"]:
        a.year = int(g["y4"])
        a.month = int(g["mo4"]) if g["mo4"] else None
        a.day = int(g["d4"]) if g["d4"] else None
    elif g["ko"]:
        year = int(g["y5"])
        if year < 100:  # '14년 12월': near the post's year, or, with no post date, when a month follows
            if base_year is None and not g["mo5"]:
                return None
            if base_year is not None and not (base_year - 15 <= 2000 + year <= base_year + 2):
                return None
            year += 2000
        a.year = year
        a.month = int(g["mo5"]) if g["mo5"] else None
        a.day = int(g["d5"]) if g["d5"] else None
    elif g["ko_mr"]:
        a.part, a.relative = (int(g["mo8"]), int(g["mo9"])), True
    elif g["ko_md"]:
        a.month, a.relative = int(g["mo6"]), True
        a.day = int(g["d6"]) if g["d6"] else None
    elif g["en_m"] or g["en_mh"]:
        group = "m7" if g["en_m"] else "m10"
        a.month, a.relative = MONTHS[g[group].casefold()], True
        a.start = m.start(group)
    elif g["today"]:
        return None  # resolved in find_dates, which knows the whole base date
    elif g["ko_rel"] or g["en_rel"]:
        if base_year is None:
            return None
        text = (g["ko_rel"] or g["en_rel"]).lower().replace(" ", "")
        ago = g["ago"] or g["ago2"]
        if ago:
            a.year = base_year - int(_WORD_NUM.get(ago.lower(), ago) if not ago.isdigit() else ago)
        else:
            shift = {"재작년": -2, "작년": -1, "지난해": -1, "lastyear": -1, "thepastyear": 0,
                     "내년": 1, "다음해": 1, "nextyear": 1}.get(text, 0)
            a.year = base_year + shift
        a.relative = True
    elif g["quarter"]:
        q = int(g["q1"] or g["q2"])
        a.part, a.relative = (3 * q - 2, 3 * q), True
    elif g["part"]:
        text = g["part"].lower()
        word = text.split()[-1]
        if text in ("이쯤", "이쯔음", "이맘때"):
            a.near, a.relative = True, True
        else:
            a.part = {"상반기": (1, 6), "하반기": (7, 12), "연말": (12, 12), "연초": (1, 1)}.get(word)
            if a.part is None:
                a.part, a.season = _SEASONS[word], True
            a.relative = True
            if text.startswith(("this", "last", "next", "that")) and base_year is not None:
                # "that summer": the one of the year being told about (the section's, else the post's)
                a.year = base_year + {"this": 0, "that": 0, "last": -1, "next": 1}[text.split()[0]]
    return a


def _merge(first: _Atom, second: _Atom) -> _Atom | None:
    """'2020년' + '하반기', '내년' + '6월', '1년전' + '이쯤': one expression written in two pieces."""
    if first.year is not None and first.month is None and second.year is None:
        if second.month is not None or second.part is not None or second.near:
            return _Atom(first.start, second.end, first.year, second.month, second.day, second.part,
                         first.relative or second.relative, second.near, second.season)
    if first.part is not None and first.year is None and second.year is not None and second.month is None \
            and second.part is None:  # "Q3 2021", "summer 2020"
        return _Atom(first.start, second.end, second.year, None, None, first.part, second.relative,
                     season=first.season)
    return None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _span(a: _Atom, base_year: int | None, base_month: int | None) -> DateSpan | None:
    year = a.year if a.year is not None else base_year
    if year is None:
        return None
    if a.near:
        if base_month is None:
            return DateSpan(_iso(year) or "")
        return DateSpan(_iso(year, base_month) or "")
    if a.part is not None:
        lo, hi = a.part
        start, end = _iso(year, lo), _iso(year, hi)
        if start is None:
            return None
        return DateSpan(start, None if lo == hi else end)
    value = _iso(year, a.month, a.day)
    return DateSpan(value) if value else None


def find_dates(text: str, base: str | None = None, heading: bool = False) -> list[DateMatch]:
    """Every date expression in the text, ranges joined, relative ones resolved against `base`.

    In a heading a bare season ("## Summer") names a period; in prose it is usually a habit.
    """
    base_year, base_month = _base_parts(base)
    atoms: list[_Atom] = []
    for m in _ATOM.finditer(text):
        if m.group("today"):
            if base:  # "today", "오늘": the day the post was written (as precise as that is known)
                parts = [int(x) for x in base.split("-")]
                atoms.append(_Atom(m.start(), m.end(), parts[0], parts[1] if len(parts) > 1 else None,
                                   parts[2] if len(parts) > 2 else None, relative=True))
        elif (a := _atom(m, base_year)) is not None:
            atoms.append(a)
    merged: list[_Atom] = []
    for a in atoms:
        if merged and _JOIN.match(text[merged[-1].end:a.start]) and (joined := _merge(merged[-1], a)):
            merged[-1] = joined
        else:
            merged.append(a)
    # a bare season ("겨울에는") is a habit, not a date; "this summer", "2020년 여름" are dates
    merged = [a for a in merged if heading or not (a.season and a.year is None)]
    out: list[DateMatch] = []
    i = 0
    while i < len(merged):
        a = merged[i]
        nxt = merged[i + 1] if i + 1 < len(merged) else None
        if nxt is not None and _RANGE_SEP.match(text[a.end:nxt.start]):
            # "2020년 1월~3월" borrows the year forward; "from January to March 2020" backward
            left = replace(a, year=a.year if a.year is not None else nxt.year)
            right = replace(nxt, year=nxt.year if nxt.year is not None else left.year)
            lo, hi = _span(left, base_year, base_month), _span(right, base_year, base_month)
            if lo and hi:
                start = text.rfind("from", 0, a.start)
                begin = start if start != -1 and text[start:a.start].strip().lower() == "from" else a.start
                out.append(DateMatch(DateSpan(lo.start, hi.end or hi.start), begin, nxt.end,
                                     a.relative and nxt.relative))
                i += 2
                continue
        span = _span(a, base_year, base_month)
        ongoing = _ONGOING.match(text[a.end:a.end + 16])
        if span and ongoing:  # "2022.07 ~ 현재", "March 2020 - present": started then, still going
            out.append(DateMatch(DateSpan(span.start), a.start, a.end + ongoing.end(), a.relative, since=True))
            i += 1
            continue
        if span:
            before, after = text[max(0, a.start - 8):a.start], text[a.end:a.end + 6]
            out.append(DateMatch(span, a.start, a.end, a.relative,
                                 until=bool(_UNTIL_AFTER.match(after) or _UNTIL_BEFORE.search(before)),
                                 since=bool(_SINCE_AFTER.match(after) or _SINCE_BEFORE.search(before))))
        i += 1
    return out


def parse_date(value: object) -> str | None:
    """A frontmatter date (string, date or datetime) at its written precision, as written."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1900 <= value <= 2100:
        return f"{value:04d}"
    if not isinstance(value, str):
        return None
    m = re.match(rf"\s*({_Y4})(?:[-./](\d{{1,2}})(?:[-./](\d{{1,2}}))?)?(?:[T\s]|$)", value)
    if not m:
        found = find_dates(value)
        return found[0].span.start if found and not found[0].relative else None
    return _iso(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                int(m.group(3)) if m.group(3) else None)


def latest_date(texts: list[str]) -> str | None:
    """The latest date a text states outright (a month at least): what a post with no date of its own
    implies it was written after ('제가 2021년 4월 19일(월) 퇴사를 합니다')."""
    found = [m.span.end or m.span.start for text in texts for m in find_dates(text) if not m.relative]
    found = [d for d in found if len(d) >= 7]
    return max(found, key=date_sort_key) if found else None


def date_from_filename(name: str) -> str | None:
    """Jekyll's `YYYY-MM-DD-slug.md` convention."""
    m = re.match(rf"({_Y4})-(\d{{2}})-(\d{{2}})-", name)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_PATH_DATE = re.compile(rf"(?:^|/)({_Y4})[-/](0[1-9]|1[0-2])(?:[-/](0[1-9]|[12]\d|3[01]))?(?=[-/])")


def date_from_path(path: str) -> str | None:
    """The file name's date, else one in its folders: `2021/03/15/retro/index.md`, `2021-03-15-retro/index.md`."""
    name = path.rsplit("/", 1)[-1]
    if found := date_from_filename(name):
        return found
    m = _PATH_DATE.search(path.rsplit("/", 1)[0] + "/") if "/" in path else None
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None) if m else None


_NTH_YEAR = r"(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|one|two|three|\d+)[\s-]+years?\b(?!\s+(?:ago|old))"
_REVIEW = lead(re.compile(rf"회고|돌아보|결산|retro|review|recap|look(?:ing)? back|wrapped|reflection|{_NTH_YEAR}",
                          re.IGNORECASE))
_BARE_YEAR = re.compile(rf"(?<!\d)({_Y4})(?!\d)")


def is_retrospective(title: str) -> bool:
    return bool(_REVIEW.search(title))


def title_year(title: str, post_date: str | None) -> str | None:
    """The year a retrospective is about: '2020년 회고' posted 2021-01-01 is about 2020; so is a
    log of a year ('dididy.2020.log') posted early the next year."""
    if not is_retrospective(title):
        year, month = _base_parts(post_date)
        bare = _BARE_YEAR.search(title)
        early_next = bare and year is not None and month is not None and int(bare.group(1)) == year - 1 and month <= 3
        return bare.group(1) if early_next else None
    for match in find_dates(title, post_date):
        if not match.relative:
            return match.span.start[:4]
    if bare := _BARE_YEAR.search(title):  # "dididy.2020.log"
        return bare.group(1)
    year, month = _base_parts(post_date)
    if year is None:
        return None
    # a retrospective whose title names no year looks back on the months before it: early in a
    # year, on the year before
    return f"{year - 1:04d}" if month is not None and month <= 2 else f"{year:04d}"


_WEEKDAYS = {name: i for i, names in enumerate((
    ("monday", "월요일"), ("tuesday", "화요일"), ("wednesday", "수요일"), ("thursday", "목요일"),
    ("friday", "금요일"), ("saturday", "토요일"), ("sunday", "일요일"))) for name in names}
_WEEKDAY_HEADING = re.compile(r"^\W*(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def _weekday_before(text: str, base: str | None) -> str | None:
    """'## Monday' in a week's diary posted on Friday 2018-07-06 is 2018-07-02: the latest such day."""
    m = _WEEKDAY_HEADING.match(text)
    if m is None or base is None or len(base) != 10:
        return None
    day = dt.date.fromisoformat(base)
    return (day - dt.timedelta(days=(day.weekday() - _WEEKDAYS[m.group(1).casefold()]) % 7)).isoformat()


def period_of(text: str, base: str | None) -> DateSpan | None:
    """The period a heading announces ('입사 후: 2020-04 ~ 2020-12', '2019년', 'Monday'), if any."""
    if weekday := _weekday_before(text, base):
        return DateSpan(weekday)
    for match in find_dates(text, base, heading=True):
        return match.span
    return None


def within(span: DateSpan, period: DateSpan) -> bool:
    """Whether a span lies inside a period, compared at the coarser precision of each pair."""
    lo, hi = period.start, period.end or period.start
    s, e = span.start, span.end or span.start
    n = min(len(s), len(lo))
    m = min(len(e), len(hi))
    return s[:n] >= lo[:n] and e[:m] <= hi[:m]
