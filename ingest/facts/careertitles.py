"""Résumé-style titles for joining and leaving an employer, with the position the sentence states.

kb/career/work.py reads a work entry's position back from a join title, so these follow its
convention: "Joined {Org} as {Role}" / "Joined {Org}" / "Left {Org}" in an English post,
"{Org} 입사 ({Role})" / "{Org} 입사" / "{Org} 퇴사" in a Korean one. The role is what the sentence
says the author joined as, found by the grammar of the two languages ("joined X as a ROLE",
"X hired me as ROLE", "X에 ROLE로 입사", "ROLE로 X에 합류", "X ROLE 인턴으로"), never by phrases of
particular posts: a short noun phrase ending in a job noun.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.facts.cues import EMPLOYER_COLUMN
from ingest.facts.entities import Sighting

MAX_ROLE_CHARS = 25
MAX_ROLE_WORDS = 5

# nouns a position ends with ("backend engineer", "Developer Advocate", "머신러닝 엔지니어")
_EN_JOBS = (r"engineer|developer|dev|designer|scientist|researcher|intern|manager|lead|architect|analyst|"
            r"consultant|advocate|evangelist|programmer|administrator|specialist|tester|writer|instructor|"
            r"lecturer|professor|postdoc|fellow|assistant|director|officer|owner|maintainer|contractor|"
            r"freelancer|strategist|apprentice|trainee|founder|co-?founder|CTO|CEO|COO|CPO|CIO|VP|PM|PO|SRE|QA")
_KO_JOBS = (r"개발자|엔지니어|연구원|연구자|디자이너|인턴|기획자|사이언티스트|매니저|리드|아키텍트|"
            r"컨설턴트|전문연구요원|산업기능요원|병역특례|분석가|애널리스트|프로그래머|마케터|팀장|"
            r"테크\s?리드|에반젤리스트|창업자|공동\s?창업자|대표|조교|강사")
# words that never belong to a role: pronouns, prepositions, conjunctions, verbs around "as"
_EN_NOT_ROLE = (r"(?:i|we|you|he|she|they|it|me|us|at|in|on|for|with|to|from|by|of|and|or|but|so|was|is|am|are|"
                r"be|been|became|become|result|well|soon|long|far|much|part|one|who|which|that|where|when)\b")
_EN_ROLE = re.compile(
    r"\bas\s+(?:(?:a|an|the|their|its|our|his|her|my|your)\s+)?"
    r"(?P<role>(?:(?!" + _EN_NOT_ROLE + r")[A-Za-z][\w+#./-]*\s+){0,4}(?:" + _EN_JOBS + r"))(?![\w-])", re.I)
# what "their first engineer", "the new CTO" say about the moment, not the position
_EN_NOT_POSITION = re.compile(r"^(?:(?:first|second|third|only|sole|new|very)\s+)+(?=\S)", re.I)
# the job noun a Korean role ends with, then its particle: "엔지니어로 입사", "인턴으로서", "개발자 포지션으로"
_KO_ROLE_END = re.compile(
    r"(?:[\uac00-\ud7a3A-Za-z0-9]*?(?:" + _KO_JOBS + r")|(?<![A-Za-z])(?:" + _EN_JOBS + r"))"
    r"\s*(?:직무|직군|포지션|역할)?\s*(?:으로|로)(?:서)?(?![\uac00-\ud7a3])", re.I)
_KO_JOB_WORD = re.compile(r"\S*?(?:" + _KO_JOBS + r"|" + _EN_JOBS + r")", re.I)
# a word that cannot be part of a role: a particle or verb ending stuck to it, a date, an adverb
_KO_NOT_ROLE = re.compile(r"[에의를을은는와과도고며서다해면게히께로]$|^\d+(?:년|월|일|주|개월)|^\W|"
                          r"^(?:결국|드디어|마침내|그리고|다시|바로|새로|처음|첫|정식|당시|이번|올해|작년|지난해|"
                          r"곧|현재|지금|또|또한|이제|함께|같이|이후|그후|저는|제가|나는|내가)$")
_QUOTES = "'\"‘’“”*_`"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# where a clause ends: the verb's argument is never past one ("…계약했지만 회사에 입사", "X, and then I left")
_BOUNDARY = re.compile(r"[.;:!?,()\n]|\bbut\b|(?:는데|인데|은데|지만|으나|니까)\s")
MAX_GAP = 60  # characters between a verb and its argument


def _fits(role: str) -> bool:
    """A short noun phrase that fits in "X 입사 (ROLE)" without breaking the parentheses."""
    return 0 < len(role) <= MAX_ROLE_CHARS and len(role.split()) <= MAX_ROLE_WORDS and not set(role) & set("()")


def english_role(sentence: str) -> str | None:
    """The position an English sentence says the author took: 'joined X as a backend engineer'."""
    for found in _EN_ROLE.finditer(sentence):
        role = _EN_NOT_POSITION.sub("", " ".join(found.group("role").split()))
        if _fits(role):
            return role
    return None


def korean_role(sentence: str, org: str) -> str | None:
    """The position a Korean sentence says the author took: '…에 머신러닝 엔지니어로 입사', 'X 서버 인턴으로'.

    The words before the job noun belong to the role back to the first that cannot (a particle
    stuck to it, a date, the employer's name: "카카오 서버 개발 인턴으로")."""
    for found in _KO_ROLE_END.finditer(sentence):
        job = _KO_JOB_WORD.match(found.group(0))
        if job is None or (org and org in job.group(0)):
            continue  # "한국전자통신연구원으로": the employer itself, not a role
        words = [job.group(0)]
        for word in reversed(sentence[:found.start()].split()):
            bare = word.strip(_QUOTES)
            if len(words) >= MAX_ROLE_WORDS or not bare or (org and org in bare) or _KO_NOT_ROLE.search(bare):
                break
            words.insert(0, bare)
        role = " ".join(words)
        if _fits(role):
            return role
    return None


def _article(role: str) -> str:
    """'a backend engineer', 'an intern'; a capitalised title as it is ('CTO', 'Senior Engineer')."""
    if not role[:1].islower():
        return role
    return ("an " if role[0] in "aeio" or role.startswith(("un", "up")) else "a ") + role


def career_title(kind: str, sentence: str, org: str, korean: bool, surface: str | None = None) -> str:
    """The title of a `join` or `leave` event told by `sentence` (plain text) about employer `org`
    (`surface`: how the sentence writes it, when that is not `org`)."""
    org = org.strip(_QUOTES + " ")
    if kind == "leave":
        return f"{org} 퇴사" if korean else f"Left {org}"
    role = korean_role(sentence, (surface or org).strip(_QUOTES + " ")) if korean else english_role(sentence)
    return _joined(org, role, korean)


def _joined(org: str, role: str | None, korean: bool) -> str:
    if korean:
        return f"{org} 입사 ({role})" if role else f"{org} 입사"
    return f"Joined {org} as {_article(role)}" if role else f"Joined {org}"


_ROLE_COLUMN = re.compile(r"^(?:직무|직책|직급|포지션|역할|담당|position|role|title|job)$", re.I)


def job_row(row: str, header: str, org: str, korean: bool) -> str | None:
    """The title of a jobs table's row ("| 2019.03 ~ 2020.02 | 한빛데이터 | 백엔드 개발자 |" under
    "| 기간 | 회사 | 직무 |"): a join of the organization in it, as the position column says."""
    names = [c.strip() for c in header.strip().strip("|").split("|")]
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    if not any(cell == org and EMPLOYER_COLUMN.match(name) for name, cell in zip(names, cells)):
        return None
    role = next((cell for name, cell in zip(names, cells) if _ROLE_COLUMN.match(name) and _fits(cell)), None)
    return _joined(org, role, korean)


def verb_argument(masked: str, offset: int, orgs: Sequence[Sighting], verbs: re.Pattern[str]) -> Sighting | None:
    """The organization a verb of `verbs` takes in its own clause: the nearest after an English verb
    ('joined X', 'quit my job as … at X'), the nearest before a Korean one ('X에 입사', 'X를 퇴사');
    None when no verb takes one, as in '인프런에서 강좌를 계약했지만 회사에 입사'.
    `masked` is the sentence, `offset` its start in the body that sightings' offsets count in."""
    for verb in verbs.finditer(masked):
        at, after = offset + verb.start(), offset + verb.end()
        if _HANGUL.search(verb.group(0)):
            before = sorted((o for o in orgs if o.end <= at), key=lambda o: (o.end, -o.start))
            gaps = [(o, masked[o.end - offset:verb.start()]) for o in reversed(before)]
        else:
            later = sorted((o for o in orgs if o.start >= after), key=lambda o: (o.start, -o.end))
            gaps = [(o, masked[verb.end():o.start - offset]) for o in later]
        if gaps and len(gaps[0][1]) <= MAX_GAP and not _BOUNDARY.search(gaps[0][1]):
            return gaps[0][0]
    return None
