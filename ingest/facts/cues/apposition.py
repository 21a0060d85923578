"""Names given by apposition: the text says what a thing is right next to its name ('**2018 컨트리뷰톤**이라는
장기 해커톤', '플랫폼인 [위더뷰]를', 'a podcast called Toolsday').
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import CAPS, NOT_A_NOUN, TIME_WORD, WEAK_WORDS, Cue, name_ok

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
                        rf"conference|club)\s+(?:called|named)\s+['‘\"“]?({CAPS})")


def named_by_apposition(text: str) -> list[Cue]:
    out: list[Cue] = []
    if "라는" in text or "인 " in text:
        for kind in ("project", "organization"):
            for pattern in (_KO_CALLED[kind], _KO_WHICH_IS[kind]):
                for m in pattern.finditer(text):
                    group = 1 if m.group(1) else 2
                    name = m.group(group).strip()
                    bare_ok = group == 1 or not NOT_A_NOUN.search(name) or re.fullmatch(r"[A-Za-z0-9.+-]+", name)
                    generic = any(re.fullmatch(heads, name) for heads in _KO_NAMED_HEADS.values())
                    sentence_like = len(name.split()) > 3 or re.search(r"[다라요]$", name)
                    if name not in WEAK_WORDS and not TIME_WORD.search(name) and bare_ok and not generic \
                            and not sentence_like:
                        out.append(Cue(kind, name, m.start(group), m.start(group) + len(name)))
    if "called" in text or "named" in text:
        for m in _EN_CALLED.finditer(text):
            name = m.group(1).strip()
            kind = "organization" if re.search(r"startup|company|community|meetup|group|conference|club",
                                               m.group(0)) else "project"
            if name_ok(name):
                out.append(Cue(kind, name, m.start(1), m.start(1) + len(name)))
    return out
