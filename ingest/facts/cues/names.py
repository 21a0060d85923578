"""People told by their names rather than by a phrase around them.

English: a known given name and a capitalised surname ('Melanie Sumner'), or a given name alone
where only a person fits: a list of names, 'with Jon', 'Davide and I', 'Jon의 설명'. Korean: a
two-syllable given name before 님/씨 ('윤석님'), a surname-led name before a title ('조성환 박사님').
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ingest.facts.cues.base import NOT_NAMES, Cue
from ingest.language.names import given_names

_H = r"[\uac00-\ud7a3]"
_WORD = r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
# "Noel Rappin", "Loraine Yow", "Matthew J. Gibbons": not one word of a longer Title Case run
_FULL = re.compile(rf"(?<![\w.'’])({_WORD})(?:\s[A-Z]\.)?\s((?:[Vv]an\s|[Dd]e\s|[Dd]i\s|O')?{_WORD})(?![\w'’-]|\s[A-Z][a-z]|\s&)")
_CITED = re.compile(r"(?<!ed )\b(?:by|of|author|writer)\s$")
_ITEM = rf"{_WORD}(?:\s{_WORD})?"
_LIST = re.compile(rf"(?<![\w'’])({_ITEM}(?:,\s{_ITEM})*,?\s(?:and|&)\s{_ITEM})(?![\w'’]|\s[A-Z])")
_BEFORE = re.compile(rf"\b(?:with|thanks\sto|thank|met|asked|told|and|introduced\sme\sto|hired\sby|"
                     rf"mentored\sby|managed\sby)\s({_WORD})(?![\w'’-]|\s[A-Z])")
_AFTER = re.compile(rf"(?<![\w'’])({_WORD})\s(?=(?:and\sI|and\sme|told|said|asked|helped|suggested|introduced|invited|"
                    rf"recommended|taught|mentored|hired|encouraged|convinced|offered|showed|gave|pointed|reached|"
                    rf"explained|reviewed|paired)\b)")
_KO_PARTICLE = re.compile(rf"(?<![\w'’])({_WORD})(?=(?:의|에게|한테|님|씨|께서|랑|과|와|이가|이랑|이는)(?:{_H}|\s|$))")
_SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍고문양손배백허남심노하곽성차주우구민진엄채천방공현함변염추도석선설길연위표명반왕금옥육맹탁국편용예경봉전"
_KO_GIVEN = re.compile(rf"(?<!{_H})['‘\"“]?({_H}{{2}})['’\"”]?\s?(?:님|씨)(?!들)")
_KO_FULL = re.compile(rf"(?<!{_H})['‘\"“]?([{_SURNAMES}]{_H}{{2}})['’\"”]?\s?(?:님|씨|(?:박사|교수|선배|대표|멘토|코치|강사|"
                      rf"작가|이사|팀장|연구원|개발자)님)(?!들)")
# words before 님 that are titles, kin or roles, not a given name
_KO_TITLES = frozenset("""
사장 회장 교수 이사 대리 과장 차장 부장 실장 팀장 원장 선생 작가 기자 대표 선배 후배 주임 책임 선임 수석 사원 위원 의원
고객 강사 박사 감독 코치 멘토 리드 기사 부모 어머 아버 할머 사모 주인 하느 하나 임금 왕자 공주 간부 조교 석사 학생 회원
여러 팀원 동료 지인 독자 연사 저자 역자 상무 전무 소장 국장 반장 조장 총무 의사 약사 목사 신부 수녀 교감 교장 학장 총장
처장 계장 직원 환자 형수 누이 부처 해님 달님 도련 아가 서방 고모 이모 삼촌 숙모 사부 스승 장모 장인 시부 매니 인턴 담당 면접
""".split())
_ROLE_TAILS = ("장", "관", "사", "생")


_SELF = re.compile(rf"\b(?:I'm|I am|my name is|this is)\s+({_WORD}(?:\s{_WORD})?)|"
                   rf"(?:저는|나는|제\s?이름은)\s+['‘\"“]?((?:{_H}{{2,4}}|{_WORD}(?:\s{_WORD})?))['’\"”]?\s?(?:입니다|이다|라고|이라고)")


def author_names(metadata: dict[str, object], intro: str) -> set[str]:
    """Who wrote the post (frontmatter `author`, "I'm X", "저는 X입니다"): never a person of their own graph.
    Each full name also stands for its first word ("Matthew" of "Matthew Gibbons")."""
    found: list[str] = []
    for key in ("author", "authors", "name"):
        value = metadata.get(key)
        values = value if isinstance(value, list) else [value]
        for item in values:
            item = item.get("name") if isinstance(item, dict) else item
            if isinstance(item, str) and 2 <= len(item.strip()) <= 40:
                found.append(item.strip())
    for m in _SELF.finditer(intro):
        found.append((m.group(1) or m.group(2)).strip())
    names = {n.casefold() for n in found}
    return names | {n.split()[0] for n in names if " " in n}


def named_people(text: str, is_common: Callable[[str], bool]) -> list[Cue]:
    """Names in one masked text unit; `is_common` tells a word the post also writes in lower case."""
    names = given_names()
    out: list[Cue] = []

    def given(word: str) -> bool:
        return word in names and word not in NOT_NAMES and not is_common(word)

    for m in _FULL.finditer(text):
        first, last = m.group(1), m.group(2)
        if _CITED.search(text, max(0, m.start() - 20), m.start()):
            continue  # "a post by Scott Hanselman", "in the words of X": an author cited, not someone met
        if first in names and first not in NOT_NAMES and last not in NOT_NAMES and last.split()[-1] not in _NOT_SURNAMES:
            out.append(Cue("person", m.group(0), m.start(), m.end()))
    for m in _LIST.finditer(text):
        items = re.split(r",\s|,?\s(?:and|&)\s", m.group(1))
        if len(items) >= 2 and sum(given(i.split()[0]) for i in items) >= 2 and not any(i in NOT_NAMES for i in items):
            pos = m.start(1)
            for item in items:
                at = text.find(item, pos)
                pos = at + len(item)
                out.append(Cue("person", item, at, pos))
    for pattern in (_BEFORE, _AFTER, _KO_PARTICLE):
        for m in pattern.finditer(text):
            if given(m.group(1)):
                out.append(Cue("person", m.group(1), m.start(1), m.end(1)))
    if "님" in text or "씨" in text:
        for m in _KO_FULL.finditer(text):
            if m.group(1)[1:] not in _KO_TITLES:  # "김부장님" is a department head, "이사장님" a chairman
                out.append(Cue("person", m.group(1), m.start(1), m.end(1)))
        for m in _KO_GIVEN.finditer(text):
            word = m.group(1)
            if word not in _KO_TITLES and not word.endswith(_ROLE_TAILS):
                out.append(Cue("person", word, m.start(1), m.end(1)))
    return out


# a capitalised word after a given name that makes the pair a place, a body or a thing
_NOT_SURNAMES = frozenset("University College Institute School Academy Foundation Conference Conf Summit Labs Lab Inc "
                          "Corp Group Studio Studios Street Avenue Road Park Hall Center Centre Award Awards Prize "
                          "Project Framework Library Language Edition Effect Principle Law Test Day Week Year Cup".split())
