"""Context cues that name entities no vocabulary lists: '…에 입사', 'joined X', 'X Inc',
'…대회', 'my friend Amy', '(a, b, c)' enumerations after a category noun.

Each finder reads one masked text unit and returns candidates with offsets into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.language.rx import lead

_H = r"[\uac00-\ud7a3]"
_CAP = r"[A-Z][\w&'’-]*(?:\.\w+)*"
_CAPS = rf"{_CAP}(?:\s+(?:(?:of|for|and|&)\s+)?{_CAP}){{0,3}}(?<![.,'’])"
NOT_NAMES = frozenset(
    "I I'm I've I'd We You He She They It The A An This That These Those My Our Your Their His Her Its "
    "In On At For With From To By As If So But And Or Also Then Now Here There When While After Before "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Christmas New Year Years COVID COVID-19 Omg OK Thanks Thank".split())

ORG_HEADS = ("회사", "스타트업", "기업", "회사들")
# a modifier that turns a common head into a particular organization: "첫 회사", "외국계 회사"
ORG_MODIFIERS = frozenset("첫 첫번째 두번째 세번째 이전 전 전전 현 현재 새 새로운 지금의 다음 외국계 국내 해외 대기업 "
                          "중견 외국 글로벌 게임 스타트업".split())
_KO_ORG_SUFFIX = re.compile(rf"(?<!{_H})({_H}{{2,12}}(?:대학교|대학원|연구소|연구원|재단|학회|협회|주식회사|고등학교|중학교|여대|"
                            rf"전문대|공사|공단|동아리))(?={_H}{{0,3}}(?:\W|$))")
_KO_CORP = re.compile(rf"(?:주식회사|㈜|\(주\))\s*({_H}{{2,10}}|[A-Z][\w]+)")
_KO_JOIN = re.compile(rf"['‘\"“]?((?:{_H}|[A-Za-z0-9&]){{2,15}}?)['’\"”]?(?:(?:에|에서|으로|로)\s*(?:입사|이직|이적|합류|취업|인턴|"
                      rf"재직|근무|합격|최종\s?합격|출근)|에서\s*(?:일하|일했|일을\s?했)|(?:을|를)\s*(?:퇴사|그만두|그만뒀|떠나|떠났)|"
                      rf"(?:을|를)\s*들어가기로)")
# a compound without a particle: "PeopleFund 재직 후기", "카카오 입사"
_KO_JOIN_COMPOUND = re.compile(rf"(?<![\w'’])((?:{_H}|[A-Za-z0-9&]){{2,15}})\s(?:입사|재직|퇴사|이직)(?:\s?후기|했|하|\W|$)")
_NOT_KO_ORGS = frozenset("나중 처음 이번 다시 새로 그곳 거기 여기 이곳 저곳 다음 동시 실제 최종 결국 회사 팀 부서 본사 "
                         "지금 현재 당시 그때 이후 이전 신입 경력 정규직 계약직 작년 올해 금년 내년 재작년 연말 연초 상반기 하반기 "
                         "최근 드디어 얼마전 지난달 이번달 다음달 그걸 이걸 저걸 그것 이것 어디 상황 시점 예비 엔지니어 개발자 "
                         "디자이너 연구원 인턴 인턴십 신입사원 경력직 과제테스트 코딩테스트 면접 서류 최종 포지션 직무 "
                         "월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말".split())
_TIME_WORD = re.compile(r"\d\s*(?:년|월|일|주|개월|분기|년차|년만|기|차)|^\d+$")
# a word that is no name: an adverb in -적(으로), a clause in -므(로), or the 으 of 으로 left behind
_KO_NOT_NAME_END = re.compile(r"(?:적|므|으|다|\.)$")
_EN_ORG_SUFFIX = re.compile(rf"\b((?:{_CAP}\s+){{1,3}}(?:Inc\.?|Corp\.?|Corporation|Labs?|Ltd\.?|LLC|GmbH|"
                            r"Technologies|University|College|Institute|Foundation|Group|Studios?))(?!\w)")
_EN_MEDIA = re.compile(rf"\b((?:{_CAP}\s+){{1,4}}(?:[Ww]eekly\s+)?(?:[Mm]agazine|[Nn]ewsletter|[Pp]odcast|[Ww]eekly|"
                       r"[Cc]onference|[Cc]onf|[Mm]eetup|Summit|Radio|Awards?|Festival|Academy|Bootcamp|Hackathon|Camp|"
                       r"Fund|Sponsors))(?!\w)")
# one-word conference names: "RailsConf", "PyCon", "dotCSS"
_EN_CONF_WORD = re.compile(r"\b([A-Z][a-z]+Conf|[A-Z]{2,}[Cc]onf|[A-Z][a-z]+Con|dot[A-Z]{2,4})\b")
# "at X" in a work context; "for"/"with" only after a work verb ("freelance work with X", "worked for X")
_EN_AT = re.compile(rf"\b(?:joined|join|joining|left|leave|leaving|at|"
                    rf"(?:work(?:ed|ing)?|interned)(?:\s+\w+){{0,4}}?\s+for|"
                    rf"(?:freelanc\w*|contract\w*|consult\w*|partner\w*)(?:\s+\w+){{0,2}}?\s+with)"
                    rf"\s+(?:the\s+)?({_CAPS})")
# where a talk was given or a piece was written: a conference, a meetup, a publication
_EN_VENUE = re.compile(rf"\b(?:spoke|speak|speaking|talks?|presented|presenting|keynote|workshop|lightning talk)\s+"
                       rf"(?:\w+\s+){{0,3}}?(?:at|for)\s+(?:the\s+)?({_CAPS})|"
                       rf"\b(?:wrote|write|writing|published)\s+(?:(?:an?|my|two|several|\w+)\s+){{0,2}}?"
                       rf"(?:(?:articles?|posts?|pieces?|tutorials?)\s+)?for\s+(?:the\s+)?({_CAPS})")
# Korean: "카카오 인턴십에 합격", "YAPP 17기", "AUSG 소속"
_KO_BEFORE_ROLE = re.compile(rf"(?<![\w])((?:{_H}|[A-Za-z0-9&.]){{2,15}})\s?(?:인턴십|인턴|공채|신입\s?채용)(?:에|을|를|으로|에서|\s)")
_LATIN_BEFORE_GROUP = re.compile(r"(?<![\w])([A-Z][A-Za-z0-9.-]{1,20}(?:\s[A-Z][A-Za-z0-9]+)?)\s?(?:\d{1,2}기|동아리|커뮤니티|소속)")
_INTERNSHIP_KINDS = frozenset("여름 겨울 봄 가을 동계 하계 방학 단기 장기 체험형 전환형 채용연계형 연구 학점연계 현장실습 "
                              "개발 개발자 데이터 백엔드 프론트엔드 서버".split())
_WORK_CONTEXT = lead(re.compile(r"\b(?:work|worked|working|job|position|role|team|company|engineer|developer|manager|"
                                r"people|joined|join|left|leave|hired|intern|internship|freelance|contract|startup|"
                                r"employ\w*|colleagues|coworkers|career|offer|onboard\w*|"
                                r"semester|student|studying|studied|degree|graduat\w*|enrolled|major\w*)\b", re.IGNORECASE))
_PROJECT_HEADS = "대회|스터디|게임잼|해커톤|공모전|프로젝트|라이브러리|챌린지|경진대회|캠프|사이드프로젝트"
_KO_PROJECT = re.compile(rf"((?:{_H}|[A-Za-z0-9]){{0,12}}(?:{_PROJECT_HEADS}))(?={_H}{{0,4}}(?:\W|$))")
_BARE_PROJECTS = frozenset(("스터디",))
_HANGUL_WORD = re.compile(rf"{_H}+")
_PROJECT_SUFFIX = re.compile(r"(?:사이드\s?)?프로젝트$")
# words that say what kind of project it was, not which one
_GENERIC_PROJECT_WORDS = frozenset("개인 교내 단체 팀 협업 사이드 토이 사업화 졸업 캡스톤 학교 학과 회사 사내 신규 기존 개발 구현 "
                                   "웹 앱 백엔드 프론트엔드 프론트 서버 웹개발 모바일 첫 마지막 여러 작은 큰 실전 연습 학습 공부 "
                                   "개인적인 외주 내부 오픈소스 진행 참여 해당 다른 새 새로운 장기 단기 소규모 대규모".split())
# a word that modifies a project name as a verb, an adverb or a particle would, not as a noun: "위해 만든",
# "만들어둔", "진행할", "단순히", "그런데", "번째", "수료 후"
_NOT_A_NOUN = re.compile(r"[은는을를이가의에한된던운진고서며과와도만들께로요다지터면나라인해져어아히게데째든둔할후중]$|\d")
_WEAK_WORDS = frozenset("이 그 저 해당 모든 여러 작은 큰 첫 새 새로운 다른 같은 좋은 많은 어떤 개인 사이드 토이 한 두 세 "
                        "요즘 여기 거기 저기 이게 그게 저게 우리 저희 내 제 위 아래 "
                        "이번 다음 지난 기존 다양한 실제 이후 이전 나중 그후 당시 최근 올해 작년 내년 지금 현재 다시 처음 "
                        "결국 또 또한 그리고 그래서 특히 주로 직접 함께 같이 바로 계속 드디어 마침내 신규 주요 팀 "
                        "회사 사내 여러가지 각종 간단한 작은 큰".split())
_EN_PROJECT = re.compile(rf"\b(?i:project(?:\s+[\w'’]+){{0,4}}\s+is|project(?:\s+called|\s+named)?|working\s+on|"
                         rf"work\s+on|worked\s+on|built|launched|maintain(?:ed|ing)?|contribut\w+\s+to)\s+({_CAP}(?:\s+{_CAP})?)")
_EN_PERSON = re.compile(r"\b(?:[Mm]y|[Oo]ur)\s+(?:good\s+|old\s+|dear\s+|new\s+|former\s+)?(?:friend|colleague|coworker|"
                        r"co-worker|manager|boss|mentor|wife|husband|partner|cofounder|co-founder|founder|teammate|"
                        r"advisor|brother|sister|(?:team|tech|engineering)\s+lead|lead|CTO|CEO|PM|designer|intern)s?,?\s+"
                        r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
# "I want to thank Marco, Federico and Raffaele", "thanks to Jane Doe"
_EN_THANKS = re.compile(r"\b(?:[Tt]hank(?:s|ing)?(?:\s+you)?(?:\s+to)?|grateful\s+to|shout-?outs?\s+to)\s+"
                        r"((?:[A-Z][a-z]+(?:\s[A-Z][a-z]*\.?)?)(?:(?:,\s*|,?\s+and\s+)[A-Z][a-z]+(?:\s[A-Z][a-z]*\.?)?){0,12})")
# an acknowledgement list item: "- Lollo for being a big brother", "- Pallino and Nicola for being open…"
_EN_ACK_ITEM = re.compile(r"^\W{0,3}([A-Z][a-z]+(?:\s[A-Z][a-z]*\.?)?(?:\s+and\s+[A-Z][a-z]+)?)\s+for\s+"
                          r"(?:\w+ing|\w+ly|somehow|that|the|your|all|everything|always)\b")
_NAME_LIST_SPLIT = re.compile(r",\s*|,?\s+and\s+")
# a full name in a people context: "with Jane Doe", "thanks to John Kim", "Sarah and I"
_EN_FULL_NAME = re.compile(r"\b(?:with|thanks to|thank|mentored by|met|hired|interviewed)\s+([A-Z][a-z]+\s[A-Z][a-z]+)\b(?![\s-]+[A-Z])|"
                           r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+and\s+I\b")
_KO_NAME = re.compile(rf"(?<!{_H})([김이박최정강조윤장임한오서신권황안송류홍고문양손배백허남심노하곽성차주우구민진엄채천방공현함변염추도석선설길연위표명반왕금옥육맹탁국편용예경봉]{_H}{{2}})님")
_ROLE_TAILS = ("사장", "회장", "교수", "이사", "대리", "과장", "차장", "부장", "실장", "팀장", "원장", "선생", "작가", "기자",
               "대표", "선배", "후배", "주임", "책임", "선임", "수석", "사원", "위원", "의원", "고객")
_NOT_KO_NAMES = frozenset("선생님 교수님 고객님 하나님 사장님 부장님 차장님 과장님 대리님 이사님 회장님 원장님 형님 누님 스님 "
                          "강사님 작가님 기자님 주인님 팀장님 실장님 대표님 매니저님 멘토님 선배님 후배님 연구원님".split())
_OCCUPATION = re.compile(rf"(?<!{_H})((?:데이터\s?사이언티스트|데이터\s?엔지니어|개발자|디자이너|기획자|연구원|엔지니어|리서처|"
                         rf"PM|PO|마케터|인사담당자|변호사|의사|교수)분)(?!들)")
_ENUM = re.compile(r"([^\s(]{1,12}(?:\s[^\s(]{1,12}){0,2})\s*(?:참여|참가|협업|경험|개발|방문|등)?[^()\n]{0,12}?\(([^()\n]{2,200})\)")
_ENUM_ORG = re.compile(r"퍼블리셔|회사|기업|컨퍼런스|콘퍼런스|학회|커뮤니티|밋업|conference|compan|publisher|communit|meetup", re.I)
_ENUM_PROJECT = re.compile(r"게임잼|잼|해커톤|대회|행사|프로젝트|스터디|공모전|챌린지|hackathon|jam|competition|project|event", re.I)
_ITEM_TAIL = re.compile(r"\s*(?:top\s*\d+|\d+\s*(?:회|번|위|등|th|st|nd|rd)|\d+\s*times?)\s*$", re.I)


EMPLOYER = "employer"  # the category of an organization named as where the author works or worked


@dataclass(frozen=True)
class Cue:
    type: str  # organization | project | person
    name: str
    start: int
    end: int
    scoped: bool = False  # a descriptive name ("첫 회사", "Team lead") only means something in its post
    category: str | None = None
    aliases: tuple[str, ...] = ()  # other names the text gives it ("단쿠키" of "단쿠키 프로젝트")


def _name_ok(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] not in NOT_NAMES and not all(w in NOT_NAMES for w in words)


_GENERIC_NAME_WORDS = frozenset("International Annual National Global Local Monthly Weekly Korean American European "
                                "Asian World First Second Third Open Joint Workshop Proceedings IEEE ACM".split())


def _needs(*literals: str) -> re.Pattern[str]:
    """A scan for literals a pattern cannot match without: a unit lacking them skips the slow pattern."""
    return re.compile("|".join(map(re.escape, literals)))


_KO_ORG_SUFFIX_NEEDS = _needs("대학교", "대학원", "연구소", "연구원", "재단", "학회", "협회", "주식회사", "학교", "여대", "전문대",
                              "공사", "공단", "동아리")
_KO_CORP_NEEDS = _needs("주식회사", "㈜", "(주)")
_KO_JOIN_NEEDS = _needs("입사", "이직", "이적", "합류", "취업", "인턴", "재직", "근무", "합격", "출근", "일하", "일했", "일을",
                        "퇴사", "그만", "떠나", "떠났", "들어가기로")
_ORG_HEADS_NEEDS = _needs(*ORG_HEADS)
_EN_ORG_SUFFIX_NEEDS = _needs("Inc", "Corp", "Lab", "Ltd", "LLC", "GmbH", "Technologies", "University", "College",
                              "Institute", "Foundation", "Group", "Studio")
_EN_MEDIA_NEEDS = _needs("agazine", "ewsletter", "odcast", "eekly", "onf", "eetup", "Summit", "Radio", "Award",
                         "Festival", "Academy", "Bootcamp", "Hackathon", "Camp", "Fund", "Sponsors")
_EN_PERSON_NEEDS = _needs("riend", "olleague", "oworker", "o-worker", "anager", "boss", "entor", "wife", "usband",
                          "artner", "ofounder", "o-founder", "ounder", "eammate", "dvisor", "rother", "ister", "lead",
                          "CTO", "CEO", "PM", "esigner", "intern")
_EN_ROLE_NEEDS = _needs("riend", "olleague", "oworker", "o-worker", "ntern", "mate", "entor", "entee", "anager", "boss",
                        "ecruiter", "eighbo", "ounder", "lead")
_KO_ROLE_NEEDS = _needs("친구", "선배", "후배", "동료")
_KO_PROJECT_NEEDS = _needs("대회", "스터디", "게임잼", "해커톤", "공모전", "프로젝트", "라이브러리", "챌린지", "캠프")


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
        if not any(name.endswith(h) for h in ORG_HEADS) and name not in _NOT_KO_ORGS and not _TIME_WORD.search(name) \
                and not _KO_NOT_NAME_END.search(name):
            out.append(Cue("organization", name, m.start(1), m.end(1), category=EMPLOYER))
    for m in _KO_JOIN_COMPOUND.finditer(text) if narrative and _KO_JOIN_NEEDS.search(text) else ():
        name = m.group(1)
        if name not in _NOT_KO_ORGS and name not in _WEAK_WORDS and not _NOT_A_NOUN.search(name) \
                and not _TIME_WORD.search(name) and not any(name.endswith(h) for h in ORG_HEADS):
            out.append(Cue("organization", name, m.start(1), m.end(1), category=EMPLOYER))
    if narrative and _ORG_HEADS_NEEDS.search(text):
        out.extend(_descriptive_orgs(text))
    for pattern, needs in ((_EN_ORG_SUFFIX, _EN_ORG_SUFFIX_NEEDS), (_EN_MEDIA, _EN_MEDIA_NEEDS)):
        if not needs.search(text):
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
            if _name_ok(name):
                out.append(Cue("organization", name, m.start(group), m.start(group) + len(name)))
    if narrative and ("인턴" in text or "공채" in text or "채용" in text):
        for m in _KO_BEFORE_ROLE.finditer(text):
            name = m.group(1)
            if name not in _NOT_KO_ORGS and name not in _INTERNSHIP_KINDS and not _TIME_WORD.search(name) \
                    and not _KO_NOT_NAME_END.search(name) and not _NOT_A_NOUN.search(name) and name not in _WEAK_WORDS:
                out.append(Cue("organization", name, m.start(1), m.end(1)))
    if narrative and ("기" in text or "동아리" in text or "커뮤니티" in text or "소속" in text):
        for m in _LATIN_BEFORE_GROUP.finditer(text):
            if _name_ok(m.group(1)) and len(re.findall(r"[A-Z]", m.group(1))) >= 2:  # YAPP, AWSKRUG, CodeSoom
                out.append(Cue("organization", m.group(1), m.start(1), m.end(1)))
    at_names = list(_EN_AT.finditer(text)) if narrative else []
    if at_names and _WORK_CONTEXT.search(text):
        for m in at_names:
            name = m.group(1).strip()
            if _name_ok(name):  # "at X" is only where; "joined X", "worked for X" say employer
                strong = not m.group(0).lower().startswith("at ")
                out.append(Cue("organization", name, m.start(1), m.start(1) + len(name),
                               category=EMPLOYER if strong else None))
    return out


_DESCRIPTIVE_ORG = re.compile(rf"((?:{_H}+\s+)?)((?:{_H}+)\s+)({'|'.join(ORG_HEADS)})(?={_H}{{0,3}}(?:\W|$))")


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


# what the author says they built: "I built a UI design system", "I wrote our network layer",
# "정산시스템을 구축했다": the thing made is a project, named by the words that name it
_EN_MADE = re.compile(r"\b(?:I|We)\s+(?:(?:also|then|eventually|finally|later|quickly)\s+)?(?:built|wrote|created|developed|"
                      r"designed|shipped|launched|made|implemented|rewrote|open[- ]sourced|released)\s+"
                      r"(?:(?:a|an|the|our|my|its|their|two|three|several|some)\s+)?(?:(?:new|first|small|simple|whole)\s+)?"
                      r"((?:[\w.+#'’-]+\s+){0,3}?[\w.+#-]+?)(?=\s+(?:for|with|in|on|at|to|from|that|which|using|and|so|"
                      r"because|during|while|where|when|by|as|of|into|this|last|over)\b|\s*[.,;:!?)(]|\s*$)")
_KO_MADE = re.compile(rf"(?<![\w])((?:(?:{_H}|[A-Za-z0-9.+#-])+\s){{0,2}}(?:{_H}|[A-Za-z0-9.+#-])+?)(?:을|를)\s?(?:직접\s?|새로\s?)?"
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
                    or any(w in _WEAK_WORDS or (_HANGUL_WORD.fullmatch(w) and _NOT_A_NOUN.search(w)) for w in words) \
                    or (len(words) == 1 and name.islower() and pattern is _EN_MADE) or _TIME_WORD.search(name):
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
        for prev in reversed(re.findall(rf"((?:{_H}|[A-Za-z0-9])+)\s+", left[-30:])[-2:]):
            if not left.rstrip().endswith(prev) or prev in _WEAK_WORDS or _NOT_A_NOUN.search(prev):
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
        if _name_ok(name):
            out.append(Cue("project", name, m.start(1), m.end(1)))
    return out


# someone known by a role and what it is of: "a bootcamp friend", "my new manager", "대학 동기", "개발자 친구"
_EN_ROLE = re.compile(r"\b(?:[Aa]n?|[Mm]y|[Oo]ur|[Oo]ne)\s+((?:[a-z][a-z-]+\s+){0,2}?)(friend|colleague|coworker|co-worker|"
                      r"intern|classmate|roommate|teammate|mentor|mentee|manager|boss|recruiter|neighbou?r|cofounder|"
                      r"co-founder|lead)\b(?!-)")
_KO_ROLE = re.compile(rf"(?<!{_H})({_H}{{2,8}})\s?(친구|선배|후배|동료)(?:분들|분|님|들)?(?={_H}{{0,2}}(?:\W|$))")
_NOT_ROLE_MODIFIERS = frozenset("few couple lot bunch some other same very".split())
_NOT_KO_ROLE_MODIFIERS = frozenset("주변 당일 나이대 또래 같은 다른 모든 여러 많은 몇몇 좋은 친한 파트".split())
# a bare "a friend" is anyone; a bare "our intern" or "my manager" is one person
_PEERS = frozenset("friend colleague coworker co-worker classmate roommate teammate neighbor neighbour".split())


def _roles(text: str) -> list[Cue]:
    out: list[Cue] = []
    for m in _EN_ROLE.finditer(text) if _EN_ROLE_NEEDS.search(text) else ():
        modifier = m.group(1).split()
        if any(w in _NOT_ROLE_MODIFIERS for w in modifier) or (not modifier and m.group(2) in _PEERS):
            continue
        name = " ".join([*modifier, m.group(2)])
        out.append(Cue("person", name[0].upper() + name[1:], m.start(1) if modifier else m.start(2), m.end(2),
                       scoped=True))
    for m in _KO_ROLE.finditer(text) if _KO_ROLE_NEEDS.search(text) else ():
        modifier = m.group(1)
        if modifier in _WEAK_WORDS or modifier in _NOT_KO_ROLE_MODIFIERS or _NOT_A_NOUN.search(modifier):
            continue
        out.append(Cue("person", f"{modifier} {m.group(2)}", m.start(1), m.end(2), scoped=True))
    return out


def people(text: str, narrative: bool = True) -> list[Cue]:
    out: list[Cue] = []
    if not narrative:
        return out
    for m in _EN_PERSON.finditer(text) if _EN_PERSON_NEEDS.search(text) else ():
        if _name_ok(m.group(1)):
            out.append(Cue("person", m.group(1), m.start(1), m.end(1)))
    for pattern in (_EN_THANKS, _EN_ACK_ITEM) if ("hank" in text or "rateful" in text or " for " in text) else ():
        for m in pattern.finditer(text):
            pos = m.start(1)
            for piece in _NAME_LIST_SPLIT.split(m.group(1)):
                at = text.find(piece, pos)
                pos = at + len(piece)
                if piece and _name_ok(piece) and piece.split()[0] not in NOT_NAMES:
                    out.append(Cue("person", piece.rstrip("."), at, at + len(piece.rstrip("."))))
    for m in _EN_FULL_NAME.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if _name_ok(name) and not any(w in NOT_NAMES for w in name.split()):
            out.append(Cue("person", name, m.start(group), m.end(group)))
    for m in _KO_NAME.finditer(text) if "님" in text else ():
        if m.group(0) not in _NOT_KO_NAMES and not m.group(1).endswith(_ROLE_TAILS):
            out.append(Cue("person", m.group(1), m.start(1), m.end(1)))
    for m in _OCCUPATION.finditer(text) if "분" in text else ():
        out.append(Cue("person", m.group(1), m.start(1), m.end(1), scoped=True))
    return out + _roles(text)


def enumerations(text: str) -> list[Cue]:
    """'개발자 컨퍼런스 참여(유나이트, 파이컨)': items typed by the category noun before the parenthesis."""
    out: list[Cue] = []
    if "(" not in text:  # the pattern needs one; scanning for it costs more than the rest of a unit's cues
        return out
    for m in _ENUM.finditer(text):
        head = m.group(0)[: m.start(2) - m.start(0)]
        kind = "organization" if _ENUM_ORG.search(head) else "project" if _ENUM_PROJECT.search(head) else None
        if kind is None:
            continue
        pos = m.start(2)
        items = m.group(2).split(",")
        for raw in items:
            item = _ITEM_TAIL.sub("", raw.strip()).strip()
            offset = pos + raw.find(item) if item else pos
            pos += len(raw) + 1
            # not an aside ("(maybe?)", "(폐기)"): a name, or one of several
            if 2 <= len(item) <= 30 and len(item.split()) <= 4 and not re.fullmatch(r"[\d\s.]+", item) \
                    and not re.search(r"[?!]|^[a-z]|\.\s|[다요음]$", item) \
                    and (len(items) > 1 or kind == "organization" or not re.fullmatch(r"[\uac00-\ud7a3]{1,3}", item)):
                out.append(Cue(kind, item, offset, offset + len(item)))
    return out


# a list item that names a thing and then says what it is: "- [Sass Director](…): A file generator…",
# "- **Zestful** - an ingredient parser"
_ITEM_TITLE = re.compile(r"^\W{0,3}?(?:\*\*|__)?\s*([A-Z0-9][\w.'’&+#-]*(?:\s[\w.'’&+#-]+){0,3}?)\s*(?:\*\*|__)?\s*"
                         r"(?::|\s[-–—]\s)\s*[A-Za-z\uac00-\ud7a3]")


def titled_item(text: str) -> list[Cue]:
    m = _ITEM_TITLE.match(text)
    if m is None or not _name_ok(m.group(1)) or m.group(1).split()[-1].lower() in _ITEM_TITLE_STOP \
            or _TIME_WORD.search(m.group(1)):  # "- 1주차: …", "- 2021.03: …"
        return []
    return [Cue("project", m.group(1), m.start(1), m.end(1))]


_ITEM_TITLE_STOP = frozenset("update note edit tip pros cons goal goals result results status todo done".split())


# Korean apposition names a thing by what it is: "**2018 컨트리뷰톤**이라는 장기 해커톤", "플랫폼인 [위더뷰]를"
_KO_NAMED_HEADS = {"project": "해커톤|대회|경진대회|공모전|프로젝트|스터디|서비스|앱|어플|플랫폼|게임|강의|강좌|캠프|부트캠프|챌린지|"
                              "사이드\\s?프로젝트|라이브러리|오픈소스|프로그램|사이트|웹사이트|책|발표",
                   "organization": "회사|스타트업|동아리|커뮤니티|모임|기업|학원|단체|밋업|컨퍼런스|콘퍼런스|학회"}
_QUOTED = r"(?:\*\*|['‘\"“「])\s*([^*'‘’\"“”「」\n]{2,25}?)\s*(?:\*\*|['’\"”」])"
_BARE = r"((?:[A-Za-z0-9][A-Za-z0-9.+-]*|[\uac00-\ud7a3]{2,10}?)(?:\s[A-Z0-9][A-Za-z0-9.+-]*){0,2})"
_KO_CALLED = {kind: re.compile(rf"(?:{_QUOTED}|(?<![\w*'’\"”]){_BARE})\s?(?:이)?라는\s(?:[^\s.,]*[^\s.,은는이가을를에도]\s){{0,3}}?"
                               rf"(?:{heads})"
                               rf"(?=[\uac00-\ud7a3]{{0,3}}(?:\W|$))") for kind, heads in _KO_NAMED_HEADS.items()}
_KO_WHICH_IS = {kind: re.compile(rf"(?:{heads})인\s+(?:{_QUOTED}|(?<![\w*]){_BARE}(?=\s*(?:을|를|에서|으로|에|이|가|은|는)(?:\W|\s)))")
                for kind, heads in _KO_NAMED_HEADS.items()}
# English: "a podcast called Toolsday", "an app named Space Duck"
_EN_CALLED = re.compile(rf"\b(?:app|application|tool|podcast|newsletter|library|site|website|service|game|book|course|"
                        rf"platform|bot|extension|plugin|project|product|startup|company|community|meetup|group|"
                        rf"conference|club)\s+(?:called|named)\s+['‘\"“]?({_CAPS})")


def named_by_apposition(text: str) -> list[Cue]:
    out: list[Cue] = []
    if "라는" in text or "인 " in text:
        for kind in ("project", "organization"):
            for pattern in (_KO_CALLED[kind], _KO_WHICH_IS[kind]):
                for m in pattern.finditer(text):
                    group = 1 if m.group(1) else 2
                    name = m.group(group).strip()
                    bare_ok = group == 1 or not _NOT_A_NOUN.search(name) or re.fullmatch(r"[A-Za-z0-9.+-]+", name)
                    generic = any(re.fullmatch(heads, name) for heads in _KO_NAMED_HEADS.values())
                    sentence_like = len(name.split()) > 3 or re.search(r"[다라요]$", name)
                    if name not in _WEAK_WORDS and not _TIME_WORD.search(name) and bare_ok and not generic \
                            and not sentence_like:
                        out.append(Cue(kind, name, m.start(group), m.start(group) + len(name)))
    if "called" in text or "named" in text:
        for m in _EN_CALLED.finditer(text):
            name = m.group(1).strip()
            kind = "organization" if re.search(r"startup|company|community|meetup|group|conference|club",
                                               m.group(0)) else "project"
            if _name_ok(name):
                out.append(Cue(kind, name, m.start(1), m.start(1) + len(name)))
    return out


# a table of jobs or schools: the column its header calls the company names an organization
_ORG_COLUMN = re.compile(r"^(?:회사|회사명|직장|소속|기관|기업|학교|company|employer|organi[sz]ation|school|workplace)$", re.I)
EMPLOYER_COLUMN = re.compile(r"^(?:회사|회사명|직장|기업|company|employer|workplace)$", re.I)


def _cells(row: str) -> list[tuple[int, str]]:
    """A table row's cells with their offsets: '| a | b |' -> [(2, 'a'), (6, 'b')]."""
    out, pos = [], 0
    for part in row.split("|"):
        text = part.strip()
        if text:
            out.append((pos + part.find(text), text))
        pos += len(part) + 1
    return out


def table_cells(text: str, header: str) -> list[Cue]:
    names = [name for _, name in _cells(header)]
    out: list[Cue] = []
    for column, (at, cell) in enumerate(_cells(text)):
        if column < len(names) and _ORG_COLUMN.match(names[column]) and 2 <= len(cell) <= 40 \
                and not _TIME_WORD.search(cell) and not re.search(r"[.!?]$|^\W+$", cell):
            category = EMPLOYER if EMPLOYER_COLUMN.match(names[column]) else None
            out.append(Cue("organization", cell, at, at + len(cell), category=category))
    return out


def all_cues(text: str, narrative: bool = True, item: bool = False) -> list[Cue]:
    """Every cue; a technical write-up keeps only the ones that need no story around them."""
    return organizations(text, narrative) + projects(text, narrative) + people(text, narrative) + \
        (named_by_apposition(text) + enumerations(text) + (titled_item(text) if item else []) if narrative else [])
