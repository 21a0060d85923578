"""People told by a phrase around them: 'my friend Amy', 'thanks to Jane Doe', '…님', or only by a role
and what it is of ('a bootcamp friend', '대학 선배'). Names told by themselves are in `names`.
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import NOT_A_NOUN, NOT_NAMES, WEAK_WORDS, Cue, H, name_ok, needs

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
_OCCUPATION = re.compile(rf"(?<!{H})((?:데이터\s?사이언티스트|데이터\s?엔지니어|개발자|디자이너|기획자|연구원|엔지니어|리서처|"
                         rf"PM|PO|마케터|인사담당자|변호사|의사|교수)분)(?!들)")
_EN_PERSON_NEEDS = needs("riend", "olleague", "oworker", "o-worker", "anager", "boss", "entor", "wife", "usband",
                         "artner", "ofounder", "o-founder", "ounder", "eammate", "dvisor", "rother", "ister", "lead",
                         "CTO", "CEO", "PM", "esigner", "intern")
_EN_ROLE_NEEDS = needs("riend", "olleague", "oworker", "o-worker", "ntern", "mate", "entor", "entee", "anager", "boss",
                       "ecruiter", "eighbo", "ounder", "lead")
_KO_ROLE_NEEDS = needs("친구", "선배", "후배", "동료")


# someone known by a role and what it is of: "a bootcamp friend", "my new manager", "대학 동기", "개발자 친구"
_EN_ROLE = re.compile(r"\b(?:[Aa]n?|[Mm]y|[Oo]ur|[Oo]ne)\s+((?:[a-z][a-z-]+\s+){0,2}?)(friend|colleague|coworker|co-worker|"
                      r"intern|classmate|roommate|teammate|mentor|mentee|manager|boss|recruiter|neighbou?r|cofounder|"
                      r"co-founder|lead)\b(?!-)")
_KO_ROLE = re.compile(rf"(?<!{H})({H}{{2,8}})\s?(친구|선배|후배|동료)(?:분들|분|님|들)?(?={H}{{0,2}}(?:\W|$))")
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
        if modifier in WEAK_WORDS or modifier in _NOT_KO_ROLE_MODIFIERS or NOT_A_NOUN.search(modifier):
            continue
        out.append(Cue("person", f"{modifier} {m.group(2)}", m.start(1), m.end(2), scoped=True))
    return out


def people(text: str, narrative: bool = True) -> list[Cue]:
    out: list[Cue] = []
    if not narrative:
        return out
    for m in _EN_PERSON.finditer(text) if _EN_PERSON_NEEDS.search(text) else ():
        if name_ok(m.group(1)):
            out.append(Cue("person", m.group(1), m.start(1), m.end(1)))
    for pattern in (_EN_THANKS, _EN_ACK_ITEM) if ("hank" in text or "rateful" in text or " for " in text) else ():
        for m in pattern.finditer(text):
            pos = m.start(1)
            for piece in _NAME_LIST_SPLIT.split(m.group(1)):
                at = text.find(piece, pos)
                pos = at + len(piece)
                if piece and name_ok(piece) and piece.split()[0] not in NOT_NAMES:
                    out.append(Cue("person", piece.rstrip("."), at, at + len(piece.rstrip("."))))
    for m in _EN_FULL_NAME.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if name_ok(name) and not any(w in NOT_NAMES for w in name.split()):
            out.append(Cue("person", name, m.start(group), m.end(group)))
    # Korean names ("김민수님", "윤석님") are read by cues/names.py
    for m in _OCCUPATION.finditer(text) if "분" in text else ():
        out.append(Cue("person", m.group(1), m.start(1), m.end(1), scoped=True))
    return out + _roles(text)
