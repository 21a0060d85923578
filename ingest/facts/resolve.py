"""Canonical entities for one post, then the user's curation file (kb.yaml), which beats extraction.

Curation format (every key optional):

    entities:            # extra vocabulary: found in posts like packaged terms
      - {name: Kubernetes, type: skill, aliases: [k8s, 쿠버네티스], category: infrastructure}
    aliases: {Kubernetes: [k8s, 쿠버네티스]}   # more spellings of a known (or new) entity
    merge: {k8s: Kubernetes}          # an entity named/aliased k8s becomes Kubernetes
    rename: {Ray: Ray (framework)}    # a new display name, same identity
    hide: [Communication]             # never shown, nor linked from events (also: hidden)
    facts:                            # events the posts do not state
      - {post: 2021-01-01-2020년-회고, title: Joined MakinaRocks, start: 2020-04, kind: work,
         entities: [MakinaRocks]}
    profile: {name: ..., label: ..., work: [...]}   # who the author is (kb/career/profile.py);
                                      # stored, not extracted: editing it re-extracts nothing
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ingest.language import lexicon as lx
from ingest.facts.cues import EMPLOYER
from ingest.facts.entities import Sighting
from ingest.facts.narrative import is_narrative
from ingest.posts.parse import ParsedPost
from ingest.language.text import normal
from kb.career.profile import parse_profile
from kb.errors import ConfigError
from kb.ids import entity_id, event_id, normalize
from kb.models import EVENT_KINDS, Event, Source, check_partial_date

CURATION_FILE = "kb.yaml"
_TYPE_RANK = {"skill": 0, "organization": 1, "project": 2, "person": 3}


@dataclass(frozen=True)
class Curation:
    entities: tuple[dict[str, Any], ...] = ()
    merge: dict[str, str] = field(default_factory=dict)  # normalized from -> target name
    rename: dict[str, str] = field(default_factory=dict)  # normalized name -> new name
    hide: frozenset[str] = frozenset()  # normalized names or ids
    facts: tuple[dict[str, Any], ...] = ()
    digest: str = ""
    profile: dict[str, Any] | None = None  # None: no curation file; {}: a file without a profile


def load_curation(path: Path | None, roots: list[Path] | tuple[Path, ...] = ()) -> Curation:
    """The given file, else a kb.yaml in one of the roots, else no curation."""
    if path is None:
        path = next((Path(r) / CURATION_FILE for r in roots if (Path(r) / CURATION_FILE).is_file()), None)
        if path is None:
            return Curation()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read curation file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the curation file must be a mapping")
    return parse_curation(data)


def parse_curation(data: dict[str, Any]) -> Curation:
    def mapping(key: str) -> dict[str, str]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise ConfigError(f"curation '{key}' must be a mapping")
        return {normalize(str(k)): str(v) for k, v in value.items()}

    entities = tuple(e for e in data.get("entities") or [] if isinstance(e, dict) and e.get("name"))
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise ConfigError("curation 'aliases' must map a name to its other spellings")
    # "aliases: {Kubernetes: [k8s]}": more spellings of a known (or new) entity; its type is looked up later
    entities += tuple({"name": str(name), "aliases": [str(a) for a in (forms if isinstance(forms, list) else [forms])],
                       "type": None} for name, forms in aliases.items())
    for e in entities:
        if e.get("type") is None and "type" in e:
            continue
        if e.get("type", "skill") not in _TYPE_RANK:
            raise ConfigError(f"curation entity {e['name']!r}: unknown type {e.get('type')!r}")
    facts = tuple(f for f in data.get("facts") or [] if isinstance(f, dict))
    for f in facts:
        if not f.get("post") or not f.get("title"):
            raise ConfigError("each curation fact needs a post and a title")
        if f.get("kind", "other") not in EVENT_KINDS:
            raise ConfigError(f"curation fact {f['title']!r}: unknown kind {f.get('kind')!r}")
        for key in ("start", "end"):
            try:
                check_partial_date(str(f[key]) if f.get(key) is not None else None)
            except ValueError as exc:
                raise ConfigError(f"curation fact {f['title']!r}: {exc}") from exc
    hidden = [*(data.get("hide") or []), *(data.get("hidden") or [])]
    hide = frozenset(normalize(str(h)) for h in hidden) | frozenset(str(h) for h in hidden if ":" in str(h))
    profile = parse_profile(data.get("profile"))
    extracting = {k: v for k, v in data.items() if k != "profile"}
    digest = hashlib.sha256(json.dumps(extracting, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
    return Curation(entities, mapping("merge"), mapping("rename"), hide, facts, digest[:16], profile)


def _forms(s: Sighting) -> set[str]:
    return {normal(f) for f in (s.name, *s.aliases) if normal(f)}


def tidy(sightings: list[Sighting]) -> list[Sighting]:
    """One post's sightings made consistent: one type per name, short forms folded into long ones."""
    # one type per name: vocabulary-known types first, then organization > project > person
    # (a name the post calls an employer is that organization, even if a skill is named so too)
    best: dict[str, str] = {normal(s.name): s.type for s in sightings if s.category == EMPLOYER}
    for s in sorted(sightings, key=lambda s: _TYPE_RANK[s.type]):
        best.setdefault(normal(s.name), s.type)
    kept = [s for s in sightings if best.get(normal(s.name)) == s.type]
    # "연구용 라이브러리" inside "내부 연구용 라이브러리"; "인공위성분석대회" ~ "인공위성영상 분석대회"
    projects = {s.id: s for s in kept if s.type == "project"}
    target: dict[str, str] = {}
    for short in projects.values():
        key = normal(short.name)
        if len(short.name.split()) < 2 and len(key) <= 4:
            continue  # a bare head word ("스터디") is its own thing
        for long in projects.values():
            other = normal(long.name)
            if long.id != short.id and len(other) > len(key) and (other.endswith(key) or _subsequence(key, other)) \
                    and key[-2:] == other[-2:]:
                target[short.id] = long.id
                break
    out: list[Sighting] = []
    for s in kept:
        if s.id in target:
            long = projects[target[s.id]]
            s = replace(s, id=long.id, name=long.name)
        out.append(s)
    # a role right before a named person is that person ("my friend Amy")
    named = [s for s in out if s.type == "person" and not s.scoped]
    return [s for s in out if not (s.type == "person" and s.scoped and any(0 <= n.start - s.end <= 3 for n in named))]


def _unrealized(post: ParsedPost, s: Sighting) -> bool:
    """A mention inside a wish, a plan or a regret ('I want to learn NextJS', '…못해서 아쉽다'),
    or in a sentence about someone else ('They are hiring')."""
    heading = post.sections[s.section].heading
    if heading and (lx.is_goal_heading(heading) or lx.is_negative_heading(heading)):
        return True
    sentence = post.body[s.quote_start:s.quote_end]
    if re.search(r"[\uac00-\ud7a3]", sentence):
        offset = s.start - s.quote_start
        pos = 0
        for part in lx.KO_CLAUSES.split(sentence):
            pos = sentence.find(part, pos)
            if pos <= offset < pos + len(part) + 1:
                return bool(lx.KO_FUTURE.search(part) or lx.KO_NEGATIVE.search(part))
            pos += len(part)
        return False
    first = lx.EN_PRONOUN.search(sentence)
    if first and not lx.EN_FIRST_PERSON.search(sentence):
        return True  # "Their onboarding process…": someone else's story
    offset = s.start - s.quote_start
    lo = sentence.rfind(",", 0, offset) + 1
    hi = sentence.find(",", offset)
    clause = sentence[lo: hi if hi >= 0 else len(sentence)]
    return bool(lx.EN_FUTURE.search(clause) or lx.EN_NEGATIVE.search(clause)
                or (lx.EN_FUTURE.search(sentence[:offset]) and not re.search(r"[.;]", sentence[:offset])))


def drop_unrealized(post: ParsedPost, sightings: list[Sighting]) -> list[Sighting]:
    """In a narrative post, a skill only wished for or regretted is not one the author has."""
    if not is_narrative(post):
        return sightings
    real = {s.id for s in sightings if s.type != "skill" or not _unrealized(post, s)}
    return [s for s in sightings if s.id in real]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return len(short) >= 5 and all(ch in it for ch in short)


def curate(sightings: list[Sighting], events: list[Event], curation: Curation,
           post_id: str, post_path: str) -> tuple[list[Sighting], list[Event]]:
    """Apply merges, renames and hides; add the user's facts for this post."""
    facts = [f for f in curation.facts if str(f["post"]) == post_id]
    if not (curation.merge or curation.rename or curation.hide or facts):
        # nothing to apply (most posts, and every post without a kb.yaml): only repeated ids go
        return list(sightings), [ev if len(set(ev.entities)) == len(ev.entities) else
                                 ev.model_copy(update={"entities": tuple(dict.fromkeys(ev.entities))}) for ev in events]

    def target(s: Sighting) -> Sighting:
        if not curation.merge:
            return s
        for form in _forms(s):
            if form in curation.merge:
                name = curation.merge[form]
                return replace(s, id=entity_id(s.type, name), name=name, aliases=(*s.aliases, s.name))
        return s

    out: list[Sighting] = []
    rename: dict[str, str] = {}
    for s in map(target, sightings):
        new = curation.rename.get(normal(s.name))
        if new:
            rename[s.id] = new
            s = replace(s, name=new, aliases=(*s.aliases, s.name))
        if s.id in curation.hide or normal(s.name) in curation.hide:
            continue
        out.append(s)
    moved = {old.id: new.id for old, new in zip(sightings, map(target, sightings))}
    visible = {s.id for s in out}
    fixed: list[Event] = []
    for ev in events:
        ids = tuple(dict.fromkeys(moved.get(i, i) for i in ev.entities))
        fixed.append(ev.model_copy(update={"entities": tuple(i for i in ids if i in visible or i not in moved)}))
    by_name = {normalize(n): s.id for s in out for n in (s.name, *s.aliases)} if facts else {}
    for fact in facts:
        ids = tuple(by_name.get(normalize(str(n)), str(n)) for n in fact.get("entities") or [])
        fixed.append(Event(id=event_id(post_id, "curation", str(fact["title"])), title=str(fact["title"]),
                           kind=fact.get("kind", "other"), start=_date(fact.get("start")), end=_date(fact.get("end")),
                           confidence=1.0, entities=tuple(i for i in ids if ":" in i),
                           sources=(Source(post_id=post_id, post=post_path, section="kb.yaml",
                                           quote=str(fact.get("quote", fact["title"]))),)))
    return out, fixed


def _date(value: object) -> str | None:
    return None if value is None else str(value)
