"""Organizations named by what the text says about them: where the author joined or left ('…에 입사',
'joined X'), a legal or institutional suffix ('X Inc', '…대학교'), a venue of a talk, a group's cohort.
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import (CAP, CAPS, EMPLOYER, NOT_A_NOUN, NOT_NAMES, TIME_WORD, WEAK_WORDS, Cue, H,
                                   name_ok, needs)
from ingest.language.rx import lead

ORG_HEADS = ("회사", "스타트업", "기업", "회사들")
# a modifier that turns a common head into a particular organization: "첫 회사", "외국계 회사"
ORG_MODIFIERS = frozenset("첫 첫번째 두번째 세번째 이전 전 전전 현 현재 새 새로운 지금의 다음 외국계 국내 해외 대기업 "
                          "중견 외국 글로벌 게임 스타트업".split())
_KO_ORG_SUFFIX = re.compile(rf"(?<!{H})({H}{{2,12}}(?:대학교|대학원|연구소|연구원|재단|학회|협회|주식회사|고등학교|중학교|여대|"
                            rf"전문대|공사|공단|동아리))(?={H}{{0,3}}(?:\W|$))")
_KO_CORP = re.compile(rf"(?:주식회사|㈜|\(주\))\s*({H}{{2,10}}|[A-Z][\w]+)")
_KO_JOIN = re.compile(rf"['‘\"“]?((?:{H}|[A-Za-z0-9&]){{2,15}}?)['’\"”]?(?:(?:에|에서|으로|로)\s*(?:입사|이직|이적|합류|취업|인턴|"
                      rf"재직|근무|합격|최종\s?합격|출근)|에서\s*(?:일하|일했|일을\s?했)|(?:을|를)\s*(?:퇴사|그만두|그만뒀|떠나|떠났)|"
                      rf"(?:을|를)\s*들어가기로)")
# a compound without a particle: "PeopleFund 재직 후기", "카카오 입사"
_KO_JOIN_COMPOUND = re.compile(rf"(?<![\w'’])((?:{H}|[A-Za-z0-9&]){{2,15}})\s(?:입사|재직|퇴사|이직)(?:\s?후기|했|하|\W|$)")
_NOT_KO_ORGS = frozenset("나중 처음 이번 다시 새로 그곳 거기 여기 이곳 저곳 다음 동시 실제 최종 결국 회사 팀 부서 본사 "
                         "지금 현재 당시 그때 이후 이전 신입 경력 정규직 계약직 작년 올해 금년 내년 재작년 연말 연초 상반기 하반기 "
                         "최근 드디어 얼마전 지난달 이번달 다음달 그걸 이걸 저걸 그것 이것 어디 상황 시점 예비 엔지니어 개발자 "
                         "디자이너 연구원 인턴 인턴십 신입사원 경력직 과제테스트 코딩테스트 면접 서류 최종 포지션 직무 "
                         "월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말".split())
# a word that is no name: an adverb in -적(으로), a clause in -므(로), or the 으 of 으로 left behind
_KO_NOT_NAME_END = re.compile(r"(?:적|므|으|다|\.)$")
_EN_ORG_SUFFIX = re.compile(rf"\b((?:{CAP}\s+){{1,3}}(?:Inc\.?|Corp\.?|Corporation|Labs?|Ltd\.?|LLC|GmbH|"
                            r"Technologies|University|College|Institute|Foundation|Group|Studios?))(?!\w)")
_EN_MEDIA = re.compile(rf"\b((?:{CAP}\s+){{1,4}}(?:[Ww]eekly\s+)?(?:[Mm]agazine|[Nn]ewsletter|[Pp]odcast|[Ww]eekly|"
                       r"[Cc]onference|[Cc]onf|[Mm]eetup|Summit|Radio|Awards?|Festival|Academy|Bootcamp|Hackathon|Camp|"
                       r"Fund|Sponsors))(?!\w)")
# one-word conference names: "RailsConf", "PyCon", "dotCSS"
_EN_CONF_WORD = re.compile(r"\b([A-Z][a-z]+Conf|[A-Z]{2,}[Cc]onf|[A-Z][a-z]+Con|dot[A-Z]{2,4})\b")
# "at X" in a work context; "for"/"with" only after a work verb ("freelance work with X", "worked for X")
_EN_AT = re.compile(rf"\b(?:joined|join|joining|left|leave|leaving|at|"
                    rf"(?:work(?:ed|ing)?|interned)(?:\s+\w+){{0,4}}?\s+for|"
                    rf"(?:freelanc\w*|contract\w*|consult\w*|partner\w*)(?:\s+\w+){{0,2}}?\s+with)"
                    rf"\s+(?:the\s+)?({CAPS})")
# where a talk was given or a piece was written: a conference, a meetup, a publication
_EN_VENUE = re.compile(rf"\b(?:spoke|speak|speaking|talks?|presented|presenting|keynote|workshop|lightning talk)\s+"
                       rf"(?:\w+\s+){{0,3}}?(?:at|for)\s+(?:the\s+)?({CAPS})|"
                       rf"\b(?:wrote|write|writing|published)\s+(?:(?:an?|my|two|several|\w+)\s+){{0,2}}?"
                       rf"(?:(?:articles?|posts?|pieces?|tutorials?)\s+)?for\s+(?:the\s+)?({CAPS})")
# Korean: "카카오 인턴십에 합격", "YAPP 17기", "AUSG 소속"
_KO_BEFORE_ROLE = re.compile(rf"(?<![\w])((?:{H}|[A-Za-z0-9&.]){{2,15}})\s?(?:인턴십|인턴|공채|신입\s?채용)(?:에|을|를|으로|에서|\s)")
_LATIN_BEFORE_GROUP = re.compile(r"(?<![\w])([A-Z][A-Za-z0-9.-]{1,20}(?:\s[A-Z][A-Za-z0-9]+)?)\s?(?:\d{1,2}기|동아리|커뮤니티|소속)")
_INTERNSHIP_KINDS = frozenset("여름 겨울 봄 가을 동계 하계 방학 단기 장기 체험형 전환형 채용연계형 연구 학점연계 현장실습 "
                              "개발 개발자 데이터 백엔드 프론트엔드 서버".split())
_WORK_CONTEXT = lead(re.compile(r"\b(?:work|worked|working|job|position|role|team|company|engineer|developer|manager|"
                                r"people|joined|join|left|leave|hired|intern|internship|freelance|contract|startup|"
                                r"employ\w*|colleagues|coworkers|career|offer|onboard\w*|"
                                r"semester|student|studying|studied|degree|graduat\w*|enrolled|major\w*)\b", re.IGNORECASE))
_GENERIC_NAME_WORDS = frozenset("International Annual National Global Local Monthly Weekly Korean American European "
                                "Asian World First Second Third Open Joint Workshop Proceedings IEEE ACM".split())
_KO_ORG_SUFFIX_NEEDS = needs("대학교", "대학원", "연구소", "연구원", "재단", "학회", "협회", "주식회사", "학교", "여대", "전문대",
                             "공사", "공단", "동아리")
_KO_CORP_NEEDS = needs("주식회사", "㈜", "(주)")
_KO_JOIN_NEEDS = needs("입사", "이직", "이적", "합류", "취업", "인턴", "재직", "근무", "합격", "출근", "일하", "일했", "일을",
                       "퇴사", "그만", "떠나", "떠났", "들어가기로")
_ORG_HEADS_NEEDS = needs(*ORG_HEADS)
_EN_ORG_SUFFIX_NEEDS = needs("Inc", "Corp", "Lab", "Ltd", "LLC", "GmbH", "Technologies", "University", "College",
                             "Institute", "Foundation", "Group", "Studio")
_EN_MEDIA_NEEDS = needs("agazine", "ewsletter", "odcast", "eekly", "onf", "eetup", "Summit", "Radio", "Award",
                        "Festival", "Academy", "Bootcamp", "Hackathon", "Camp", "Fund", "Sponsors")


def organizations(text: str, narrative: bool = True) -> list[Cue]:
    out: list[Cue] = []
    if _KO_ORG_SUFFIX_NEEDS.search(text):
        for m in _KO_ORG_SUFFIX.finditer(text):
            out.append(Cue("organization", m.group(1), m.start(1), m.end(1)))
    if _KO_CORP_NEEDS.search(text):
        for m in _KO_CORP.finditer(text):
            out.append(Cue("organization", m.group(1), m.start(1), m.end(1)))
    for m in _KO_JOIN.finditer(text) if narrative and _KO_JOIN_NEEDS.search(text) else ():
        name = m.group(1)
        if not any(name.endswith(h) for h in ORG_HEADS) and name not in _NOT_KO_ORGS and not TIME_WORD.search(name) \
                and not _KO_NOT_NAME_END.search(name):
            out.append(Cue("organization", name, m.start(1), m.end(1), category=EMPLOYER))
    for m in _KO_JOIN_COMPOUND.finditer(text) if narrative and _KO_JOIN_NEEDS.search(text) else ():
        name = m.group(1)
        if name not in _NOT_KO_ORGS and name not in WEAK_WORDS and not NOT_A_NOUN.search(name) \
                and not TIME_WORD.search(name) and not any(name.endswith(h) for h in ORG_HEADS):
            out.append(Cue("organization", name, m.start(1), m.end(1), category=EMPLOYER))
    if narrative and _ORG_HEADS_NEEDS.search(text):
        out.extend(_descriptive_orgs(text))
    for pattern, required in ((_EN_ORG_SUFFIX, _EN_ORG_SUFFIX_NEEDS), (_EN_MEDIA, _EN_MEDIA_NEEDS)):
        if not required.search(text):
            continue
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            words = name.split()
            while words and words[0] in NOT_NAMES:
                words = words[1:]
            if len(words) >= 2 and not all(w in _GENERIC_NAME_WORDS for w in words[:-1]):
                out.append(Cue("organization", " ".join(words), m.end(1) - len(" ".join(words)), m.end(1)))
    if "Con" in text or "con" in text or "dot" in text:
        for m in _EN_CONF_WORD.finditer(text):
            out.append(Cue("organization", m.group(1), m.start(1), m.end(1)))
    # the name pattern is the cheaper scan; the work context is only read when it found something
    if narrative and ("alk" in text or "poke" in text or "eak" in text or "resent" in text or " for " in text):
        for m in _EN_VENUE.finditer(text):
            group = 1 if m.group(1) else 2
            name = m.group(group).strip()
            if name_ok(name):
                out.append(Cue("organization", name, m.start(group), m.start(group) + len(name)))
    if narrative and ("인턴" in text or "공채" in text or "채용" in text):
        for m in _KO_BEFORE_ROLE.finditer(text):
            name = m.group(1)
            if name not in _NOT_KO_ORGS and name not in _INTERNSHIP_KINDS and not TIME_WORD.search(name) \
                    and not _KO_NOT_NAME_END.search(name) and not NOT_A_NOUN.search(name) and name not in WEAK_WORDS:
                out.append(Cue("organization", name, m.start(1), m.end(1)))
    if narrative and ("기" in text or "동아리" in text or "커뮤니티" in text or "소속" in text):
        for m in _LATIN_BEFORE_GROUP.finditer(text):
            if name_ok(m.group(1)) and len(re.findall(r"[A-Z]", m.group(1))) >= 2:  # YAPP, AWSKRUG, CodeSoom
                out.append(Cue("organization", m.group(1), m.start(1), m.end(1)))
    at_names = list(_EN_AT.finditer(text)) if narrative else []
    if at_names and _WORK_CONTEXT.search(text):
        for m in at_names:
            name = m.group(1).strip()
            if name_ok(name):  # "at X" is only where; "joined X", "worked for X" say employer
                strong = not m.group(0).lower().startswith("at ")
                out.append(Cue("organization", name, m.start(1), m.start(1) + len(name),
                               category=EMPLOYER if strong else None))
    return out


_DESCRIPTIVE_ORG = re.compile(rf"((?:{H}+\s+)?)((?:{H}+)\s+)({'|'.join(ORG_HEADS)})(?={H}{{0,3}}(?:\W|$))")


def _descriptive_orgs(text: str) -> list[Cue]:
    """'첫 회사', '외국계 회사', '지인이 창업한 회사': a common head made particular by its modifier."""
    out: list[Cue] = []
    for m in _DESCRIPTIVE_ORG.finditer(text):
        subject, modifier, head = m.group(1).strip(), m.group(2).strip(), m.group(3)
        if modifier in ORG_MODIFIERS:
            out.append(Cue("organization", f"{modifier} {head}", m.start(2), m.end(3), scoped=True))
        elif re.search(r"(?:한|된|던|든)$", modifier) and re.search(r"(?:이|가)$", subject):
            out.append(Cue("organization", f"{subject} {modifier} {head}", m.start(1), m.end(3), scoped=True))
        elif head == "스타트업" and re.search(r"(?:로|으로|에)\s*(?:이직|이적|입사|합류)", text[m.end(3):m.end(3) + 8]):
            out.append(Cue("organization", head, m.start(3), m.end(3), scoped=True))
    return out
