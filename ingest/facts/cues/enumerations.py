"""Items listed in parentheses after a category noun ('개발자 컨퍼런스 참여(유나이트, 파이컨)'): the noun
says what each item is, though no vocabulary lists them.
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import Cue

_ENUM = re.compile(r"([^\s(]{1,12}(?:\s[^\s(]{1,12}){0,2})\s*(?:참여|참가|협업|경험|개발|방문|등)?[^()\n]{0,12}?\(([^()\n]{2,200})\)")
_ENUM_ORG = re.compile(r"퍼블리셔|회사|기업|컨퍼런스|콘퍼런스|학회|커뮤니티|밋업|conference|compan|publisher|communit|meetup", re.I)
_ENUM_PROJECT = re.compile(r"게임잼|잼|해커톤|대회|행사|프로젝트|스터디|공모전|챌린지|hackathon|jam|competition|project|event", re.I)
_ITEM_TAIL = re.compile(r"\s*(?:top\s*\d+|\d+\s*(?:회|번|위|등|th|st|nd|rd)|\d+\s*times?)\s*$", re.I)


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
