"""What every cue finder shares: the `Cue` it returns and the words and patterns that tell a name from
a common word, so each finder rejects the same non-names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

H = r"[\uac00-\ud7a3]"
CAP = r"[A-Z][\w&'’-]*(?:\.\w+)*"
CAPS = rf"{CAP}(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}){{0,3}}(?<![.,'’])"
NOT_NAMES = frozenset(
    "I I'm I've I'd We You He She They It The A An This That These Those My Our Your Their His Her Its "
    "In On At For With From To By As If So But And Or Also Then Now Here There When While After Before "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Christmas New Year Years COVID COVID-19 Omg OK Thanks Thank".split())

TIME_WORD = re.compile(r"\d\s*(?:년|월|일|주|개월|분기|년차|년만|기|차)|^\d+$")
# a word that modifies a project name as a verb, an adverb or a particle would, not as a noun: "위해 만든",
# "만들어둔", "진행할", "단순히", "그런데", "번째", "수료 후"
NOT_A_NOUN = re.compile(r"[은는을를이가의에한된던운진고서며과와도만들께로요다지터면나라인해져어아히게데째든둔할후중]$|\d")
WEAK_WORDS = frozenset("이 그 저 해당 모든 여러 작은 큰 첫 새 새로운 다른 같은 좋은 많은 어떤 개인 사이드 토이 한 두 세 "
                       "요즘 여기 거기 저기 이게 그게 저게 우리 저희 내 제 위 아래 "
                       "이번 다음 지난 기존 다양한 실제 이후 이전 나중 그후 당시 최근 올해 작년 내년 지금 현재 다시 처음 "
                       "결국 또 또한 그리고 그래서 특히 주로 직접 함께 같이 바로 계속 드디어 마침내 신규 주요 팀 "
                       "회사 사내 여러가지 각종 간단한 작은 큰".split())


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


def name_ok(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] not in NOT_NAMES and not all(w in NOT_NAMES for w in words)


def needs(*literals: str) -> re.Pattern[str]:
    """A scan for literals a pattern cannot match without: a unit lacking them skips the slow pattern."""
    return re.compile("|".join(map(re.escape, literals)))
