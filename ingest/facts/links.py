"""Link texts and targets as entity cues: a GitHub repo is a project, a company's domain is an
organization, a product's own site names a tool, a personal site is a project."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from ingest.facts.cues import NOT_NAMES
from ingest.posts.markdown import Link
from ingest.language.rx import lead
from ingest.language.text import normal as normalize
from ingest.facts.vocabulary import Vocabulary

_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org")
_BOOK_HOSTS = ("yes24.com", "aladin.co.kr", "kyobobook.co.kr", "hanbit.co.kr", "oreilly.com", "manning.com",
               "ridibooks.com", "interpark.com", "amazon.com")
_GENERIC_TEXT = re.compile(r"^(?:here|this|link|repo|repository|source|code|post|whole post|blog post|article|"
                           r"open[- ]source project|project|website|site|여기|링크|이곳|레포|저장소|코드|원문)$", re.I)
_SITE_WORDS = lead(re.compile(r"사이트|블로그|서비스|웹사이트|홈페이지|앱|\bsite\b|\bblog\b|\bapp\b|newsletter|podcast", re.I))
_TOOL_CONTEXT = lead(re.compile(r"\b(?:using|use|used|uses|learn\w*|librar\w+|framework|tool\w*|know|tried|adopt\w*)\b|"
                                r"사용|도입|활용|공부|써보|배우", re.I))
_WORK_CONTEXT = lead(re.compile(r"\b(?:at|joined|join|left|position|job|company|consultancy|startup|freelance|hired)\b|"
                                r"입사|이직|회사|근무", re.I))


@dataclass(frozen=True)
class LinkCue:
    type: str  # project | organization | skill
    name: str
    aliases: tuple[str, ...]
    link: Link
    category: str | None = None
    guess: bool = False  # read from the link text alone: yields to what the text itself says
    named: bool = True  # the link text is the entity's name (else it is not an alias)


def _host(url: str) -> tuple[str, str]:
    parsed = urlparse(url if "//" in url else f"//{url}")
    host = (parsed.hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host), parsed.path or "/"


_HANGUL_START = re.compile(r"[\uac00-\ud7a3]")
_FUNCTION_WORDS = frozenset("last next a an the this that these those in on at of for to from with by via our their your my his her "
                            "its here there see check defined other some more and or is are was".split())


_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}")
_PEOPLE_CONTEXT = re.compile(r"\band I\b|\bwith\b|\bthank|\bsponsor|\bfriend|\bcolleague|\bmet\b|\bhelped\b|\bcreat(?:or|es)\b|"
                             r"\bmaintainer|\bpaired\b|함께|같이|님", re.I)


# hosts where a one-segment path is someone's page: "github.com/<user>", "twitter.com/<user>"
_PROFILE_HOSTS = frozenset(("github.com", "gitlab.com", "twitter.com", "x.com", "liberapay.com", "patreon.com",
                            "ko-fi.com", "buymeacoffee.com", "medium.com", "dev.to", "velog.io", "instagram.com"))


def _profile_handle(host: str, segments: list[str]) -> str | None:
    if host == "linkedin.com" and len(segments) == 2 and segments[0] == "in":
        return segments[1]
    if host in _PROFILE_HOSTS and len(segments) == 1:
        return segments[0].lstrip("@")
    return None


def _name_like(text: str) -> bool:
    words = text.split()
    if re.match(r"(?:https?://|www\.)", text.strip()):
        return False  # a bare URL as its own link text names nothing
    if any(w.lower() in _FUNCTION_WORDS for w in words):
        return False
    return (0 < len(words) <= 5 and not _GENERIC_TEXT.match(text.strip()) and not text.strip().endswith((".", "!", "?", "다"))
            and not re.fullmatch(r"[#\d\s.,]+", text) and words[0] not in ("I", "I'm", "I've"))


def _org_for_host(host: str, vocab: Vocabulary) -> tuple[str, bool] | None:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        term = vocab.domains.get(".".join(parts[i:]))
        if term is not None:
            return term.name, term.content_host
    return None


# the author's own work: "my", "I built", "내가 만든"
_OWNED = re.compile(r"\b(?:my|our|I (?:built|made|wrote|created|released|published|maintain|started|launched))\b|"
                    r"(?:내가|제가|직접|저희가)\s?\S{0,10}?(?:만든|만들었|개발한|작성한|공개한)|만든|개발한", re.I)


# the author made what the link points at: "[위더뷰](…)를 제작했다", "I launched [Zestful](…)"
_MADE = re.compile(r"\b(?:built|made|created|launched|released|shipped|started|founded|opened|published)\b|"
                   r"제작|만들|만든|개발하|개발했|개발한|출시|런칭|론칭|오픈했|개설|창업", re.I)
# a change sent to someone else's repository: "[repo](…/pull/12)", gitlab's "-/merge_requests"
_CONTRIBUTION_PATH = frozenset(("pull", "pulls", "merge_requests", "commit", "commits"))
_CONTRIBUTED = re.compile(r"\bPRs?\b|pull requests?|merge requests?|contribut\w*|merged|patch\w*|기여|컨트리뷰트", re.I)


# a list item's linked title, then what it is: "- [Toolsday](…): A 20-minute podcast about …"
_SAYS_WHAT_IT_IS = re.compile(r"\s*(?::|[-–—])\s*(?:an?|my|our|the)\s+(?:[\w-]+\s+){0,3}?(?:podcast|app|site|website|"
                              r"library|tool|newsletter|book|course|collection|game|blog|series|talk|plugin|extension|"
                              r"theme|template|bot|service|platform|project|video|workshop|guide|zine)s?\b", re.I)


def _title_end(sentence: str, text: str) -> int:
    """Where a linked title ends at the start of a list item, else past the end (then nothing matches)."""
    m = re.match(r"\W{0,4}", sentence)
    at = m.end() if m else 0
    return at + len(text) if sentence.startswith(text, at) else len(sentence) + 1


# the author wrote, told or began what a link within the blog points at
_WROTE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:wrote|write|published|started|kicked off|launched|gave|"
                    r"recorded|presented|blogg?ed|blogging|covered|shared)\b|\bseries\b|\bmy (?:last|first) post\b|"
                    r"(?:글|포스트|시리즈|발표)\S{0,2}\s?(?:을|를)?\s?(?:썼|작성|연재|공개|올렸|발행)", re.I)
_CLAUSE = re.compile(r"^[a-z]+ed\b|\b(?:was|were|is|are|has|have|had|will|would)\b")  # "was not yet ready"
_DATED_SLUG = re.compile(r"^(?:\d{4}-\d{2}-\d{2}-)?(?P<slug>.+?)(?:-+part-?\d.*)?(?:\.md|\.html?)?$", re.I)


def _own_writing(link: Link, sentence: str) -> list[LinkCue]:
    """'my [GraphQL on Azure series]({{< ref "2020-07-13-graphql-on-azure-part-1.md" >}})': a post or
    series of the author's, known by its link text and its slug (a series by the slug before "part")."""
    text = re.sub(r"^(?:my|a|an|the|this|our)\s+", "", re.sub(r"[*_`]", "", link.text).strip(), flags=re.I)
    segments = [p for p in link.url.split("?")[0].split("#")[0].split("/") if p]
    if not segments or not _WROTE.search(sentence) or not text or len(text.split()) > 8 or _CLAUSE.search(text) \
            or text.lower() in (
            "post", "posts", "this", "here", "link", "article", "blog post", "글", "포스트", "여기"):
        return []
    slug = _DATED_SLUG.match(segments[-1])
    aliases = (text, slug.group("slug")) if slug else (text,)
    return [LinkCue("project", text, tuple(dict.fromkeys(aliases)), link, guess=True)]


def link_cues(link: Link, sentence: str, paragraph: str, vocab: Vocabulary, narrative: bool = True) -> list[LinkCue]:
    """What one link says about entities, read with the sentence and paragraph around it.

    In a technical note a linked repository is a tool it mentions, unless the sentence makes it
    the author's own; in a story it is something the author worked on."""
    host, path = _host(link.url)
    if link.url.startswith("#"):
        return []
    if not host:  # a link within the blog: one of the author's own posts
        return _own_writing(link, sentence) if narrative else []
    text = re.sub(r"\s+", " ", re.sub(r"[*_`]", "", link.text)).strip()
    segments = [p for p in path.split("/") if p]
    out: list[LinkCue] = []
    profile = _profile_handle(host, segments)
    if profile is not None and _name_like(text):
        # "[Slavi Pantaleev](https://liberapay.com/s.pantaleev/)"; a bare handle needs people around it:
        # "[uwekamper](https://github.com/uwekamper) and I" (an organization has a profile page too)
        handle = text.startswith("@")  # "[@ErikHellman](https://twitter.com/ErikHellman)"
        if handle or _PERSON_NAME.fullmatch(text) or normalize(text) == normalize(profile) and _PEOPLE_CONTEXT.search(sentence):
            name = text.lstrip("@")
            return [LinkCue("person", name, (name, text), link, guess=True)]
        return []
    if host in _CODE_HOSTS and len(segments) >= 3 and narrative and _CONTRIBUTION_PATH & set(segments[2:4]):
        repo = segments[1].removesuffix(".git")
        if normalize(text) in (normalize(repo), normalize("/".join(segments[:2]))) or _CONTRIBUTED.search(sentence):
            return [LinkCue("project", repo, tuple(dict.fromkeys((repo, "/".join(segments[:2])))), link,
                            named=normalize(text) == normalize(repo))]
        return []
    if host in _CODE_HOSTS and len(segments) == 2 and "#" not in link.url:
        if not narrative and not _OWNED.search(sentence):
            return []
        repo = segments[1].removesuffix(".git")
        cleaned = re.sub(r"\s*(?:top\s*\d+|\d+\s*(?:회|위|등))\s*$", "", text, flags=re.I)
        name = cleaned if _name_like(cleaned) else repo
        subject = re.match(r"\s*([A-Z][\w-]+)\s+is\b", sentence)  # "Milmove is also an [open-source project]"
        if not _name_like(cleaned) and subject and subject.group(1) not in NOT_NAMES:
            name = subject.group(1)
        return [LinkCue("project", name, tuple(dict.fromkeys((name, repo))), link)]
    if any(host == b or host.endswith("." + b) for b in _BOOK_HOSTS):
        if _name_like(text) and re.search(r"스터디|study|reading group|북클럽|독서", sentence, re.I):
            out.append(LinkCue("project", text, (text,), link))
        return out
    if narrative and _name_like(text) and _SAYS_WHAT_IT_IS.match(sentence, _title_end(sentence, text)) \
            and normalize(text) not in vocab.skill_names:
        return [LinkCue("project", text, (text,), link, guess=True)]  # "[Toolsday](…): A podcast about …"
    known = _org_for_host(host, vocab)
    if known is not None:
        name, content_host = known
        if not content_host or len(segments) <= 1 and "search" not in path:
            out.append(LinkCue("organization", name, (name,), link, named=False))
        return out
    stem = host.split(".")[-2] if host.count(".") >= 1 else host
    if _name_like(text) and text.split()[0][:1].isupper() and text.split()[0] not in NOT_NAMES \
            and normalize(text) and normalize(text) in normalize(host):
        if normalize(text) in vocab.skill_names:
            return out
        if _PERSON_NAME.fullmatch(text) and _PEOPLE_CONTEXT.search(sentence):  # "with [Danie Roux](http://danieroux.com/)"
            return [LinkCue("person", text, (text,), link, guess=True)]
        if _WORK_CONTEXT.search(sentence) and len(segments) <= 1:
            out.append(LinkCue("organization", text, (text,), link, guess=True))
        elif _TOOL_CONTEXT.search(paragraph):
            out.append(LinkCue("skill", text, (text,), link, category="tool", guess=True))
        return out
    if _name_like(text) and _SITE_WORDS.search(text) and re.search(r"\b(?:my|personal|own|started)\b", sentence, re.I):
        out.append(LinkCue("project", text, (text, stem), link, guess=True))
    elif narrative and _MADE.search(sentence) and (text[:1].isupper() or _HANGUL_START.match(text)) \
            and _name_like(text) and normalize(text) not in vocab.skill_names:
        out.append(LinkCue("project", text, (text, stem), link, guess=True))
    elif narrative and _MADE.search(sentence) and normalize(text) == normalize(link.url) and not segments:
        out.append(LinkCue("project", host, (host,), link, named=False))  # "https://garden.example.dev/ 을 개설"
    elif not _name_like(text) and not segments and _SITE_WORDS.search(paragraph):
        out.append(LinkCue("project", host, (host,), link, named=False))
    return out
