"""Headline-style event titles, in the post's language, compressed from the sentence that tells it.

"또한 2020년 4월에 마키나락스에 입사하게 되었습니다." -> "2020년 4월에 마키나락스 입사";
"So after a long search, I finally joined Stripe as a backend engineer." -> "Joined Stripe as a backend engineer".
Rules of the two languages' grammar, not of particular posts: leading connectives and framing
clauses go, the first-person subject goes, a Korean predicate becomes its verbal noun or a
memo-style ending (-음), and a long title keeps the clause that carries the predicate.
"""
from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 60

_KO_CONNECTIVE = re.compile(
    r"^(?:또한|특히|그리고|그래서|그러나|하지만|그런데|그럼에도\s?불구하고|그러다가?|그러던\s?중|그\s?후에?|그\s?뒤로?|이후에?|"
    r"먼저|우선|결국|마지막으로|다행히도?|운\s?좋게도?|다음으로|덕분에|따라서|게다가|한편|물론|사실|아무튼|어쨌든|드디어|마침내|"
    r"그리하여|그렇게|이렇게|이를\s?통해|이를\s?바탕으로|이\s?외에도?|그\s?외에도?|뿐만\s?아니라|또|첫째로?|둘째로?|셋째로?)"
    r"(?:[,\s]+|$)")
_EN_CONNECTIVE = re.compile(
    r"^(?:also|so|but|and|then|however|finally|eventually|additionally|moreover|furthermore|besides|anyway|"
    r"plus|meanwhile|lastly|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|after that|in addition|on top of that|"
    r"as a result|because of that|luckily|fortunately|unfortunately|sadly|thankfully|of course|in the end|"
    r"at the end|oh|well|now|okay|ok|yes|actually|basically|surprisingly|interestingly)\b[,\s]*", re.I)
_EN_SUBJECT = re.compile(r"^(?:I|We)(?:['’](?:ve|d|m))?(?:\s+(?:also|finally|then|eventually|actually|even|just|officially|"
                         r"successfully|really|somehow))*\s+(?=[a-z])")
_EN_FRAME = re.compile(r"^(?:[A-Za-z][^,]{0,60}?,\s+)(?=(?:I|we|We)['’\s])")  # "After a long search, I joined…"
_KO_VERBAL = re.compile(r"([\uac00-\ud7a3A-Za-z0-9]+?)(?:을|를)?\s*(?:하게\s?되었|하게\s?됐|했었|하였|했|하기로\s?했|"
                        r"되었|됐|함|하다|합니다)(?:습니다|어요|다|고|으며|음|죠|지만|는데)?\s*[.!~…]*$")
_KO_PAST_END = re.compile(r"(?:습니다|어요|아요|었다|았다|였다|다|요)\s*[.!~…]*$")
_KO_SPLIT = re.compile(r"(?:,\s+|(?<=[고며])\s+|(?<=[^에]서)\s+|(?<=는데|지만|면서)\s+)")
_KO_PRONOUN = frozenset("이 그 저 이를 그를 이것을 그것을 이것 그것".split())
_PARTICLE = re.compile(r"(?<=[\uac00-\ud7a3A-Za-z0-9'’\")\]])(?:에서|으로|에게|에|로|을|를)$")


def _strip(text: str) -> str:
    text = re.sub(r"\s*\|\s*", " · ", re.sub(r"\s+", " ", text).strip().strip("|"))  # a table row
    text = re.sub(r"^[-*+>#\s]+|[*_`]{1,3}", "", text)
    text = re.sub(r"^\d{1,2}[.)]\s+", "", text)  # "2. 막연한 꿈": a list number
    if text.count("[") > text.count("]"):
        text = text.replace("[", "", 1)  # a link cut by the sentence end
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # a whole sentence in parentheses
    while text and (unicodedata.category(text[0]) in ("So", "Sk", "Cf", "Po", "Pd") or text[0] in " •·"):
        text = text[1:].lstrip()  # leading emoji, bullets and punctuation
    return text.rstrip(" ,;:")


def _cut(text: str, korean: bool) -> str:
    """A title still too long keeps its predicate: Korean's last words, English's first."""
    if len(text) <= MAX_CHARS:
        return text
    if korean:
        words = text.split()
        out = words.pop()
        while words and len(words[-1]) + 1 + len(out) <= MAX_CHARS:
            out = f"{words.pop()} {out}"
        return out
    cut = text[:MAX_CHARS + 1]
    for mark in (", ", " because ", " which ", " where ", " so ", " and ", " but ", " to "):
        at = cut.rfind(mark)
        if at >= 25:
            return text[:at].rstrip(" ,")
    return cut.rsplit(" ", 1)[0].rstrip(" ,") + "…"


def korean_headline(text: str) -> str:
    text = _strip(text).rstrip(".!?~… ")
    while (m := _KO_CONNECTIVE.match(text)) and m.end() < len(text):
        text = text[m.end():]
    if len(text) > MAX_CHARS * 2 // 3:
        parts = [p for p in _KO_SPLIT.split(text) if p.strip()]
        if len(parts) > 1 and len(parts[-1]) >= 8:
            text = parts[-1]
    verbal = _KO_VERBAL.search(text)
    if verbal and re.search(r"[\uac00-\ud7a3]{2}$", verbal.group(1)):
        head = text[:verbal.start()].rstrip()
        words = head.split()
        if words:
            words[-1] = _PARTICLE.sub("", words[-1])
            if words[-1] in _KO_PRONOUN:
                words.pop()
        text = " ".join([*words, verbal.group(1)]).strip()
    else:
        ending = _KO_PAST_END.search(text)
        if ending and ending.start() > 0:
            stem = text[:ending.start()]
            past = ending.group(0).lstrip()[:2]
            text = stem + (past[0] + "음" if past[:1] in ("었", "았", "였") else "음") \
                if re.search(r"[\uac00-\ud7a3]$", stem) else stem
    return _cut(text, korean=True)


def english_headline(text: str) -> str:
    text = _strip(text).rstrip(".!?… ")
    while (m := _EN_CONNECTIVE.match(text)) and m.end() < len(text):
        text = text[m.end():]
    text = _EN_FRAME.sub("", text)
    subject = _EN_SUBJECT.match(text)
    if subject:
        text = text[subject.end():]
    text = re.sub(r"^(?:have|has|had|'ve)\s+", "", text)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return _cut(text, korean=False)


def untagged(text: str) -> str:
    """Raw text without HTML tags and entities (pasted from another engine), inline code kept:
    the words an event's title is made from."""
    return re.sub(r"&(?:[A-Za-z]{2,8}|#\d{1,6});", " ", re.sub(r"<[^<>]{0,2000}>", " ", text))


def headline(text: str, korean: bool) -> str:
    """A short title for an event told by `text` (masked text: code, links' targets and HTML blanked)."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    title = korean_headline(plain) if korean or re.search(r"[\uac00-\ud7a3]{2}", plain) else english_headline(plain)
    return title or _strip(plain)[:MAX_CHARS]

