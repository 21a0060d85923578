"""Projects named by their context: a project word after the name ('…해커톤', '… 프로젝트'), what the
author says they built ('I built X', '…을 개발'), and a list item that titles a thing and says what it is.
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import CAP, NOT_A_NOUN, TIME_WORD, WEAK_WORDS, Cue, H, name_ok, needs

_PROJECT_HEADS = "대회|스터디|게임잼|해커톤|공모전|프로젝트|라이브러리|챌린지|경진대회|캠프|사이드프로젝트"
_KO_PROJECT = re.compile(rf"((?:{H}|[A-Za-z0-9]){{0,12}}(?:{_PROJECT_HEADS}))(?={H}{{0,4}}(?:\W|$))")
_BARE_PROJECTS = frozenset(("스터디",))
_HANGUL_WORD = re.compile(rf"{H}+")
_PROJECT_SUFFIX = re.compile(r"(?:사이드\s?)?프로젝트$")
# words that say what kind of project it was, not which one
_GENERIC_PROJECT_WORDS = frozenset("개인 교내 단체 팀 협업 사이드 토이 사업화 졸업 캡스톤 학교 학과 회사 사내 신규 기존 개발 구현 "
                                   "웹 앱 백엔드 프론트엔드 프론트 서버 웹개발 모바일 첫 마지막 여러 작은 큰 실전 연습 학습 공부 "
                                   "개인적인 외주 내부 오픈소스 진행 참여 해당 다른 새 새로운 장기 단기 소규모 대규모".split())
_EN_PROJECT = re.compile(rf"\b(?i:project(?:\s+[\w'’]+){{0,4}}\s+is|project(?:\s+called|\s+named)?|working\s+on|"
                         rf"work\s+on|worked\s+on|built|launched|maintain(?:ed|ing)?|contribut\w+\s+to)\s+({CAP}(?:\s+{CAP})?)")
_KO_PROJECT_NEEDS = needs("대회", "스터디", "게임잼", "해커톤", "공모전", "프로젝트", "라이브러리", "챌린지", "캠프")


# what the author says they built: "I built a UI design system", "I wrote our network layer",
# "정산시스템을 구축했다": the thing made is a project, named by the words that name it
_EN_MADE = re.compile(r"\b(?:I|We)\s+(?:(?:also|then|eventually|finally|later|quickly)\s+)?(?:built|wrote|created|developed|"
                      r"designed|shipped|launched|made|implemented|rewrote|open[- ]sourced|released)\s+"
                      r"(?:(?:a|an|the|our|my|its|their|two|three|several|some)\s+)?(?:(?:new|first|small|simple|whole)\s+)?"
                      r"((?:[\w.+#'’-]+\s+){0,3}?[\w.+#-]+?)(?=\s+(?:for|with|in|on|at|to|from|that|which|using|and|so|"
                      r"because|during|while|where|when|by|as|of|into|this|last|over)\b|\s*[.,;:!?)(]|\s*$)")
_KO_MADE = re.compile(rf"(?<![\w])((?:(?:{H}|[A-Za-z0-9.+#-])+\s){{0,2}}(?:{H}|[A-Za-z0-9.+#-])+?)(?:을|를)\s?(?:직접\s?|새로\s?)?"
                      rf"(?:개발|구축|제작|만들|구현|설계|출시|런칭|론칭)")
_MADE_NOT_THINGS = frozenset("""it them this that these those something anything everything nothing lot lots bunch couple
things thing stuff mistake mistakes decision decisions choice post posts article articles blog code tests test bug bugs
changes change progress friends money time plan plans sense point points habit habits way ways list notes note feature
features version versions one ones use sure more most few some all part 것 기능 부분 작업 코드 테스트 내용 글 문서 일 거 걸
방법 계획 환경 구조 화면 페이지 로직 api""".split())


_PREPOSITIONS = frozenset("about at for via to on in with from into up down out off over by".split())


def _made_things(text: str) -> list[Cue]:
    out: list[Cue] = []
    for pattern in (_EN_MADE, _KO_MADE) if ("I " in text or "We " in text or "을" in text or "를" in text) else ():
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            words = name.split()
            head = words[-1].lower()
            if head in _MADE_NOT_THINGS or words[0].lower() in _MADE_NOT_THINGS | _PREPOSITIONS \
                    or any(w.endswith(("록", "수")) and _HANGUL_WORD.fullmatch(w) for w in words) \
                    or any(w in WEAK_WORDS or (_HANGUL_WORD.fullmatch(w) and NOT_A_NOUN.search(w)) for w in words) \
                    or (len(words) == 1 and name.islower() and pattern is _EN_MADE) or TIME_WORD.search(name):
                continue
            out.append(Cue("project", name, m.start(1), m.start(1) + len(name), scoped=True))
    return out


def projects(text: str, narrative: bool = True) -> list[Cue]:
    out: list[Cue] = []
    for m in _KO_PROJECT.finditer(text) if _KO_PROJECT_NEEDS.search(text) else ():
        token = m.group(1)
        start = m.start(1)
        # up to two preceding noun words: "내부 연구용 라이브러리", "팀내 스터디"
        words = [token]
        left = text[:start]
        for prev in reversed(re.findall(rf"((?:{H}|[A-Za-z0-9])+)\s+", left[-30:])[-2:]):
            if not left.rstrip().endswith(prev) or prev in WEAK_WORDS or NOT_A_NOUN.search(prev):
                break
            words.insert(0, prev)
            left = left.rstrip()[: -len(prev)]
        name = " ".join(words)
        if name in _BARE_PROJECTS or (len(words) > 1 or len(token) > 3):
            if not any(name == head for head in ("프로젝트", "라이브러리", "대회", "캠프", "챌린지")):
                modifiers = [*words[:-1], *filter(None, [_PROJECT_SUFFIX.sub("", token)])]
                if token.endswith("프로젝트") and all(w in _GENERIC_PROJECT_WORDS for w in modifiers):
                    continue  # "개인 프로젝트", "웹 개발 프로젝트": a kind of project, not one
                own = (modifiers[0],) if token.endswith("프로젝트") and len(modifiers) == 1 else ()
                out.append(Cue("project", name, m.end(1) - len(name), m.end(1), aliases=own))  # "단쿠키 프로젝트"
    out.extend(_made_things(text) if narrative else ())
    for m in _EN_PROJECT.finditer(text) if narrative else ():
        name = m.group(1)
        if name_ok(name):
            out.append(Cue("project", name, m.start(1), m.end(1)))
    return out


# a list item that names a thing and then says what it is: "- [Sass Director](…): A file generator…",
# "- **Zestful** - an ingredient parser"
_ITEM_TITLE = re.compile(r"^\W{0,3}?(?:\*\*|__)?\s*([A-Z0-9][\w.'’&+#-]*(?:\s[\w.'’&+#-]+){0,3}?)\s*(?:\*\*|__)?\s*"
                         r"(?::|\s[-–—]\s)\s*[A-Za-z\uac00-\ud7a3]")


def titled_item(text: str) -> list[Cue]:
    m = _ITEM_TITLE.match(text)
    if m is None or not name_ok(m.group(1)) or m.group(1).split()[-1].lower() in _ITEM_TITLE_STOP \
            or TIME_WORD.search(m.group(1)):  # "- 1주차: …", "- 2021.03: …"
        return []
    return [Cue("project", m.group(1), m.start(1), m.end(1))]


_ITEM_TITLE_STOP = frozenset("update note edit tip pros cons goal goals result results status todo done".split())
