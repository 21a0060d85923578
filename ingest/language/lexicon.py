"""Verb and label lexicons (Korean and English) that tell an event sentence from commentary.

Generic on purpose: career and learning verbs, completion endings, negation and future forms,
and the labels retrospectives use for their sections ('한 것', 'What I did', '아쉬운 점').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.language.rx import lead

# sections that never hold events
SKIP_SECTION = re.compile(
    r"^(?:abstract|introduction|intro|conclusions?|references?|outro|summary|tl;?dr|table of contents|toc|"
    r"appendix|acknowledg\w*|thanks|끝으로|마치며|마무리|맺음말|결론|서론|들어가며|들어가기\s?전에|요약|목차|참고|"
    r"참고\s?자료|참고\s?문헌|부록|감사의\s?글|후기)\b", re.IGNORECASE)
CLOSING_SECTION = re.compile(r"^(?:끝으로|마치며|마무리|맺음말|결론|conclusions?|outro|closing|final thoughts)", re.I)
NEGATIVE_SECTION = re.compile(r"아쉬운|아쉬웠|못한|부족한|반성|regrets?|what went wrong|could have|mistakes?|failures?", re.I)
GOAL_SECTION = re.compile(r"목표|계획|다짐|앞으로|내년|goals?|plans?|resolutions?|next year|looking ahead|todo", re.I)
def _all_parts(pattern: re.Pattern[str], heading: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:[,/&·+]|\band\b|및)\s*", heading) if p.strip()]
    return bool(parts) and all(pattern.search(p) for p in parts)


@lru_cache(maxsize=4096)  # asked for every sighting and sentence of a section
def is_goal_heading(heading: str) -> bool:
    """'2022 Goals', '내년 목표' (but not '개인 코딩, 개인 목표', which is half about what was done)."""
    return _all_parts(GOAL_SECTION, heading)


@lru_cache(maxsize=4096)
def is_negative_heading(heading: str) -> bool:
    return _all_parts(NEGATIVE_SECTION, heading)


PERSONAL_SECTION = re.compile(r"개인|일상|건강|가족|취미|여행|운동|독서|personal|life|health|family|hobb|travel|"
                              r"fitness|reading", re.I)
DONE_SECTION = re.compile(r"(?:^|\s|[^\w\s])(?:한\s?것|한\s?일|했던\s?(?:것|일)|노력한\s?(?:점|것)|성과|이룬\s?것|"
                          r"주요\s?활동)(?:들)?\s*[:!.]*$|"
                          r"^\W*(?:what i (?:did|worked on|shipped|built)|things i did|accomplishments?|achievements?|"
                          r"highlights?|done|wins)\b", re.I)

# a heading that names an event rather than a topic
KO_EVENT_HEAD = re.compile(r"도입|진행|개발|해결|참여|참가|입사|이직|퇴사|대회|스터디|contribute|샀다|시작|발표|수상|"
                           r"합격|출시|배포|구축|기르기|변화|도전|졸업|입학|결혼|이사|준비|공부|프로젝트|세미나|"
                           r"hackathon|\bjoin(?:ed|ing)\b|\bleaving\b|\bleft\b|launch\w*|shipp\w*|releas\w*|\bmov(?:ed|ing)\b|"
                           r"\bstart(?:ed|ing)\b|bought|buying|graduat\w*|\bwon\b|winning|promot\w*|\bquit\w*|"
                           r"publish\w*|migrat\w*|adopt\w*|speaking at|\btalk at\b|internship", re.I)

KO_STRONG = re.compile(r"입사(?:했|하였|함|한|하게|해서|하고)|이직(?:했|하였|함|한|하게)|이적(?:했|함|하였)?|퇴사(?:했|함|하였|한)|"
                       r"합류(?:했|함|하였|하게)|합격(?:했|함|하였|되)|졸업(?:했|함|하였)|입학(?:했|함|하였)|"
                       r"수상(?:했|함|하였)|입상(?:했|함|하였)|우승(?:했|함|하였)|달성(?:했|함|하였)|출시(?:했|함|하였)|"
                       r"샀다|구매(?:했|함)|결혼(?:했|함)|이사(?:했|함)|창업(?:했|함)|승진(?:했|함)|"
                       r"(?:개발자|엔지니어|팀장|리더|년차|연차|정규직|멤버)\S{0,2}\s*(?:가|이)?\s*(?:되었|됐)|다님|다녔|"
                       r"발표(?:했|하였|함|를\s?했)|공개(?:했|하였|함)|출간(?:했|하였|함)|기고(?:했|하였|함)|태어났|"
                       r"런칭(?:했|하였|함)|오픈(?:했|하였|함)|취득(?:했|하였|함|\s*$)|"
                       r"(?:입사|이직|퇴사|합류|합격|졸업|입학|수상|입상|우승|출시|결혼)\s*(?:\(|$|[.!]\s*$)")
KO_CAREER = re.compile(r"(?:입사|이직|퇴사|합류|합격|취업|졸업|승진)(?:했|하였|함|하게|한\s)")
EN_CAREER = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?(?:joined|left|quit|graduated|was promoted|got promoted|"
                       r"got (?:a|an|my) (?:new )?(?:job|offer|position))\b|"
                       r"\bmy (?:last|first) (?:day|week|month|year)\b(?! of)|\bI(?:'m| am|'ll be| will be) leaving\b|"
                       r"\b(?:I|we) (?:started|began) (?:at|with|working)\b")
KO_WEAK = re.compile(r"개발|구현|도입|구축|배포|운영|참여|참가|진행|완료|마쳤|마무리|작성|기여|공부|학습|배웠|읽었|"
                     r"문서화|마이그레이션|이전(?:했|함)|자동화|개선|최적화|리팩터링|리팩토링|설계|전환|"
                     r"리드(?:했|하였|함|하게)|이끌었|이끌게|맡았|맡게|담당(?:했|하였|함|하게)|강연|멘토링|"
                     r"만들었|해결|발견|밝혀|지원(?:했|함)|확인해|써봤|써보았|사용(?:했|하였|함)|세팅|적용|발표|세미나|"
                     r"contribute|시작(?:했|하였|함|하게)")
KO_PAST = re.compile(r"(?:했|하였|했었|되었|됐|었|았|였|웠|렀|봤|갔|왔|냈|졌)(?:다|고|는데|지만|던|으며|으나|어서|다고|음|습니다)|"
                     r"(?:함|됨|봄|옴|냄|짐|님|음|힘)\s*[.!]?\s*$|중(?:이다|인데|이며|입니다)|수 있었|게 되었|게 됐|"
                     r"고\s?있(?:다|고|는데|습니다|어요)")
KO_NOUN_END = re.compile(r"(?:작성|개발|경험|도입|참여|구축|해결|진행|운영|지원|공부|이적|사용|협업|시각화|분석|"
                         r"문서화|마이그레이션|자동화|개선|최적화|리팩터링|리팩토링|설계|전환|발표|수상|입상|"
                         r"제작|추가|향상|구현|적용|배포|출시|완료|취득|합격|수료|졸업|입사|퇴사|이직|담당|기여|변환|검토|"
                         r"단축|절감|달성|리딩|관리|강의|기고|출간|번역)\s*(?:\(|$|[.!]\s*$)")
KO_FUTURE = re.compile(r"(?:겠|싶|고자|려고|할\s?예정|계획이|바란|바래|하자|야지|보자|좋겠|었으면|았으면|였으면|"
                       r"기대된|희망)[^.]{0,8}[.!?…~\s]*$")
KO_NEGATIVE = re.compile(r"(?:못|않|없었|없다|없음|아쉬|부족|실패|아니|아닌)[^.]{0,12}[.!?…~\s]*$")
# taking up (or holding) a position somewhere: the organization becomes the context of later events
JOIN = re.compile(r"입사|이직|이적|합류|다님|다녔|근무(?:했|하|중)|재직|\b(?i:join(?:ed|ing)?)\b|"
                  r"\b(?i:job|position|role|engineer|developer|intern\w*)\b[^.;]{0,40}?\b(?:at|with)\b(?=\s+\W*[A-Z])|"
                  r"\b(?i:work(?:ed|ing)?) (?:at|for)\b(?=\s+\W*[A-Z])")
# the author started / stopped working somewhere ("입사했다", "joined X"; "퇴사했다", "my last day at X")
STARTED_JOB = re.compile(r"입사|이직|이적|합류|\b(?i:join(?:ed|ing)|started (?:at|with|working (?:at|for))|"
                         r"hired (?:at|by)|accepted (?:an|the|a) (?:offer|position|job))\b")
LEFT_JOB = re.compile(r"퇴사|그만두|그만뒀|퇴직|떠나|떠났|\b(?i:left|leav(?:e|ing)|quit|resign\w*|laid off|"
                      r"last day (?:at|with)|said (?:my )?goodbyes?)\b")
KO_CLAUSES = re.compile(r"(?<=는데|인데|은데|지만|으나|니까)[,\s]+|(?<=[고며서]),\s+")
KO_PLAN = re.compile(r"기획|계획|예정|준비\s?중")

EN_STRONG = re.compile(
    r"\b(?:joined|left|quit|got (?:a|an|my|the)\s+(?:new\s+)?(?:\w+\s+){0,3}(?:job|position|offer|role|promotion|raise)|"
    r"got an? (?:\w+\s+){0,2}(?:published|accepted)|published|was promoted|were promoted|got promoted|graduated|"
    r"won|bought|moved|launched|shipped|released|started (?:a|an|my|our)\b|founded|co-founded|"
    r"gave (?:a|my) talk|spoke at|presented|hired|parental leave|maternity leave|paternity leave|"
    r"(?:my|our) first (?:full )?(?:year|job|time|month)|became|was born|were born|got married|had a (?:baby|son|daughter)|"
    r"promoted)\b", re.IGNORECASE)
EN_WEAK = re.compile(r"\b(?:learned|learnt|read (?=[\"'“A-Z]|the|a\b)|started using|started|gotten to (?:know|use)|got to (?:know|use)|used|"
                     r"worked (?:on|at|for|with)\s+(?=[A-Z])|working on|work on|(?:project|team) I'?m on|did (?:some )?(?:more )?"
                     r"(?:\w+ )?work|built|included in|managing|managed|led|organized|attended|contributed|"
                     r"adopted|introduced|studied|finished|completed|taught|mentored)\b", re.IGNORECASE)
KO_FIRST_PERSON = re.compile(r"(?:^|\s)(?:나는|저는|내가|제가|나의|저의|우리|저희)")
EN_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|We|my|My|our|Our|me)\b")
EN_SUBJECT = re.compile(r"\b(?:I|we|We|my|our)\b(?:'(?:ve|m|d))?(?:\s+[\w'-]+){0,3}?\s*$")
# the first subject pronoun of a sentence says whose story it is
EN_PRONOUN = re.compile(r"\b(I|I'm|I've|I'd|we|We|my|My|our|Our|me|us|they|They|their|Their|he|He|she|She|his|His|"
                        r"her|Her|it|It|its|Its|everyone|Everyone)\b")
EN_FUTURE = re.compile(r"\b(?:will|won't|going to|want to|wanted to|would like|hope to|plan to|planning to|"
                       r"might|maybe|should|I'll|we'll|looking forward|if I|next year)\b", re.IGNORECASE)
EN_NEGATIVE = re.compile(r"\b(?:never|not|didn't|haven't|hadn't|wasn't|couldn't|no longer)\b", re.IGNORECASE)

# a verb that opens a subjectless list item: "- Joined Stripe in February", "- Shipped the API"
EN_ITEM_VERB = re.compile(r"^\W*(?:(?:finally|also|successfully)\s+)?(?:[A-Z][a-z]+ed|Built|Wrote|Led|Won|Began|Became|"
                          r"Gave|Spoke|Taught|Ran|Got|Left|Joined|Shipped|Quit|Read|Took|Made|Met|Bought|Sold|Moved|Found|"
                          r"Started|Launched|Published|Released|Learned|Learnt|Mentored|Hired|Went)\b")
ACHIEVEMENT = re.compile(r"발견|밝혀|해결|수상|입상|우승|달성|합격|기여|취득|자격증|merged|fixed|found|discovered|won|solved", re.I)

KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("competition", re.compile(r"대회|경진|공모전|해커톤|게임잼|잼|competition|hackathon|game jam|kaggle|top\s?\d+", re.I)),
    ("publication", re.compile(r"출간|기고|게재|publish\w*|article|newsletter|magazine", re.I)),
    ("education", re.compile(r"졸업|입학|학위|graduat\w*|degree|bootcamp", re.I)),
    ("achievement", re.compile(r"수상|입상|우승|달성|won\b|award|prize|achiev\w*", re.I)),
    ("work", re.compile(r"입사|이직|이적|퇴사|합류|합격|취업|다님|다녔|년차|연봉|승진|joined|left|\bjob\b|position|manag\w+|promot\w+|"
                        r"freelance|client|hired|team at", re.I)),
    ("talk", re.compile(r"발표|세미나|컨퍼런스|talk|spoke|presented|conference|meetup", re.I)),
    ("adoption", re.compile(r"도입|적용|adopt\w*|introduc\w*|started using|migrat\w*|rolled out", re.I)),
    ("study", re.compile(r"스터디|공부|학습|배웠|읽었|study|learn\w*|course|gotten to know|book", re.I)),
    ("life", re.compile(r"샀다|구매|결혼|이사|출산|육아|태어|parent\w*|bought|moved|house|married|baby|born|daughter|"
                        r"\bson\b|wedding|leave\b|vacation|holiday|trip\b|travel\w*|여행|휴가", re.I)),
    ("project", re.compile(r"개발|구현|구축|배포|운영|프로젝트|라이브러리|contribute|built|project|launched|shipped", re.I)),
    ("plan", re.compile(r"기획|계획|예정|plan", re.I)),
)


# The patterns read for every sentence, section and sighting, given a lookahead of their first
# characters (ingest/rx.py): same matches, a third to a half of the time. The others already let the
# engine skip ahead (they open with a plain literal or `^`) and are left alone.
(ACHIEVEMENT, EN_CAREER, EN_FIRST_PERSON, EN_FUTURE, EN_NEGATIVE, EN_PRONOUN, EN_STRONG, EN_SUBJECT, EN_WEAK,
 GOAL_SECTION, KO_CLAUSES, KO_EVENT_HEAD, KO_PAST, KO_STRONG, NEGATIVE_SECTION, PERSONAL_SECTION) = map(lead, (
    ACHIEVEMENT, EN_CAREER, EN_FIRST_PERSON, EN_FUTURE, EN_NEGATIVE, EN_PRONOUN, EN_STRONG, EN_SUBJECT, EN_WEAK,
    GOAL_SECTION, KO_CLAUSES, KO_EVENT_HEAD, KO_PAST, KO_STRONG, NEGATIVE_SECTION, PERSONAL_SECTION))
KINDS = tuple((kind, lead(pattern)) for kind, pattern in KINDS)


def kind_of(text: str) -> str:
    for kind, pattern in KINDS:
        if pattern.search(text):
            return kind
    return "other"
