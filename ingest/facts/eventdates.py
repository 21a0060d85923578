"""When an event happened: its own words first, then its heading's period, then the post's year.

A heading's period applies to the sections under it; a retrospective's title year is the default
for its events; relative words resolve against the enclosing period ("## 2019년": 연말 is 2019-12),
else the reviewed year, not the day it was posted. An event with no date at all says so.
"""
from __future__ import annotations

import re

from ingest.language.dates import DateMatch, DateSpan, find_dates, is_retrospective, period_of, title_year, within
from ingest.posts.parse import ParsedPost
from ingest.language.rx import lead

_JOIN_HEADING = lead(re.compile(r"(?:입사|이직|합류|joining|joined)\s*(?:후|이후|뒤|다음)|after\s+joining|since\s+joining", re.I))


# words that point from the day of writing, whatever the story told before them
_DEICTIC = re.compile(r"재작년|작년|올해|금년|내년|지난\s?해|이번\s?해|다음\s?해|오늘|이번\s?주|년\s*전|"
                      r"\b(?:this|last|next)\s+(?:year|week|month)\b|\btoday\b|\bago\b", re.I)


# the sentence tells of putting out what it links: its address's date is the event's
_PUBLISHED = re.compile(r"\b(?:published|wrote|posted|released|launched|kicked off|announced|blogged|shipped|"
                        r"started a (?:new )?series|my (?:first|last|oldest|latest) post)\b|"
                        r"발행|작성했|썼|올렸|공개했|출시", re.I)


class DateContext:
    def __init__(self, post: ParsedPost) -> None:
        self.post = post
        self.year = title_year(post.meta.title, post.meta.date)
        date = post.meta.date
        # "this year" in a 2021 review posted in January 2022 means 2021
        self.base = date if self.year is None or (date and date[:4] == self.year) else f"{self.year}-12"
        self.periods: list[DateSpan | None] = [
            period_of(s.heading, self.base) if s.heading else None for s in post.sections]
        # a story that is not a review happened when its title says ("2021년 3월 이직 후기"),
        # else around when it was told (at year precision)
        self.fallback: DateSpan | None = None
        if self.year is None and not is_retrospective(post.meta.title):
            self.fallback = period_of(post.meta.title, date) or (DateSpan(date[:4]) if date else None)
        self._stories: dict[int, list[tuple[int, DateMatch, str]]] = {}  # section -> its dates, read once
        self._leads: dict[tuple[int, str], DateSpan | None] = {}  # (section, lead-in paragraph) -> its date
        self.join_start: str | None = None
        for section, period in zip(post.sections, self.periods):
            if period and _JOIN_HEADING.search(section.heading):
                self.join_start = period.start
                break

    def inherited(self, index: int) -> DateSpan | None:
        section = self.post.sections[index]
        for i in (index, *reversed(section.parents)):
            if self.periods[i] is not None:
                return self.periods[i]
        return None

    def default(self, index: int) -> DateSpan | None:
        return self.inherited(index) or (DateSpan(self.year) if self.year else self.fallback)

    def base_for(self, index: int) -> str | None:
        """What 'this year', '연말', 'in May' mean in a section: its own period when that lies in one
        year ('## 2019년': 연말 is 2019-12), else the post's date."""
        period = self.inherited(index)
        if period is not None and period.start[:4] == (period.end or period.start)[:4]:
            return period.start
        return self.base

    def _found(self, text: str, index: int | None = None) -> list[DateMatch]:
        return find_dates(text, self.base if index is None else self.base_for(index))

    @staticmethod
    def _until(span: DateSpan | None, found: list[DateMatch]) -> DateSpan | None:
        """'…2020년 12월까지': the event runs until then."""
        for m in found:
            if m.until and span is not None and m.span.start >= span.start[: len(m.span.start)]:
                return DateSpan(span.start, m.span.start)
        return span

    def section_span(self, index: int) -> DateSpan | None:
        section = self.post.sections[index]
        text = " ".join(b.masked for b in section.blocks)
        found = self._found(text, index)
        span = self.inherited(index)
        if span is None:
            first = next((m for m in found if not m.until), None)
            span = (DateSpan(first.span.start, first.span.end) if first else None) or self.default(index)
        return self._until(span, found)

    def undated_story(self, index: int) -> bool:
        """A section no heading, title or review year dates: its own words date what it tells."""
        return self.year is None and not is_retrospective(self.post.meta.title) and self.inherited(index) is None

    def narrative_base(self, index: int, start: int) -> str | None:
        """The last date a story stated before body offset `start`, in an undated section: 'I was
        hired on January 7, 2020. … The pandemic hit in March' is March 2020, not of the year it
        was posted."""
        if not self.undated_story(index):
            return None
        stated = [(m, text) for end, m, text in self._story_dates(index) if end <= start and not m.until]
        last = next((i for i in range(len(stated) - 1, -1, -1) if not stated[i][0].relative), None)
        if last is None:
            return None
        anchor = stated[last][0].span.start
        # what came after the last full date is read from it: "… 2020. The pandemic hit in March"
        later = [m for _, text in stated[last + 1:] for m in find_dates(text, anchor) if not m.until]
        return later[-1].span.start if later else anchor

    def _lead_date(self, index: int, lead: str) -> DateSpan | None:
        """The last full date a list's lead-in paragraph states, read once for all its items."""
        key = (index, lead)
        if key not in self._leads:
            self._leads[key] = next((m.span for m in reversed(self._found(lead, index))
                                     if not m.until and not m.relative), None)
        return self._leads[key]

    def _story_dates(self, index: int) -> list[tuple[int, DateMatch, str]]:
        """Every date of a section's blocks, read once: (body offset of its end, match, its words)."""
        if index not in self._stories:
            self._stories[index] = [(block.start + m.end, m, block.masked[m.start:m.end])
                                    for block in self.post.sections[index].blocks
                                    for m in find_dates(block.masked, self.base)]
        return self._stories[index]

    def sentence_span(self, index: int, sentence: str, join: bool = False, start: int | None = None,
                      lead: str = "", linked: str | None = None) -> DateSpan | None:
        """`start`: the sentence's body offset, for the story told before it; `lead`: the paragraph that leads into
        the list the sentence is an item of ("그래서 2020년 동안은:" dates the items under it);
        `linked`: the date in the address of a post the sentence links ("…/2021/02/14/funding/")."""
        if linked and _PUBLISHED.search(sentence):
            own_dates = [m for m in self._found(sentence, index) if not m.until]
            if not own_dates or all(linked.startswith(m.span.start) for m in own_dates):
                return DateSpan(linked)  # "I published [the post](/2021/02/14/…)": the day it went out
        base = self.narrative_base(index, start) if start is not None else None
        found = self._found(sentence, index)
        if base and not any(_DEICTIC.search(sentence, m.start, m.end) for m in found):
            found = find_dates(sentence, base)  # "in March" follows the story; "작년", "this year" the writer's today
        own = next((m for m in found if not m.until), None)
        led = self._lead_date(index, lead) if lead and not own else None
        span = own.span if own else led or (DateSpan(base[:7]) if base else self.default(index))
        period = self.inherited(index) if own and len(own.span.start) == 4 and own.span.end is None else None
        if period is not None and within(period, own.span):
            span = period  # "2018년에" in a section of "3월 :: 7월" 2018 is that section's months
        if own and own.since and own.span.end is None:
            span = DateSpan(own.span.start)
        if join and self.join_start and (span is None or within(DateSpan(self.join_start), span)):
            span = DateSpan(self.join_start)
        return self._until(span, found)

    def has_date(self, text: str) -> bool:
        return bool(find_dates(text, self.base))

    def plan_span(self, index: int, sentence: str, paragraph: str) -> DateSpan | None:
        for text in (sentence, paragraph):
            found = [m for m in self._found(text, index) if not m.until]
            if found:
                return found[0].span
        if self.year:
            return DateSpan(f"{int(self.year) + 1:04d}")
        return None


UNDATED_CONFIDENCE = 0.4


def dated_confidence(confidence: float, span: DateSpan | str | None) -> float:
    """An event no date could be inferred for (none in its words, section, title or post) says so:
    it has no start and at most UNDATED_CONFIDENCE, never a guessed date."""
    return confidence if span else min(confidence, UNDATED_CONFIDENCE)
