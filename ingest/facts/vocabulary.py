"""Data files (skills, organizations, roles) loaded once and compiled into matchers (ingest/matcher.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# Matcher, Term, Hit and the rest are imported from here by the stages and the pipeline
from ingest.facts.matcher import PARTICLES, Hit, Matcher, Matchers, Term, lower_keep_length  # noqa: F401
from kb.errors import ConfigError
from kb.ids import normalize

DATA_DIR = Path(__file__).parent.parent / "data"
# libyaml's loader reads the packaged data seven times faster than the pure-Python one (0.55 s -> 0.08 s)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of entries")
    return [d for d in data if isinstance(d, dict) and d.get("name")]


def _terms(entries: list[dict[str, Any]], kind: str, match_name: bool = True) -> list[Term]:
    terms: list[Term] = []
    for raw in entries:
        strict = tuple(str(x) for x in raw.get("strict") or [])
        aliases = tuple(dict.fromkeys(str(a) for a in [*(raw.get("aliases") or []), *strict]))
        terms.append(Term(kind, str(raw["name"]), raw.get("category") or raw.get("kind"), aliases,
                          tuple(str(d).lower() for d in raw.get("domains") or []), strict,
                          bool(raw.get("content_host")), match_name))
    return terms


@dataclass(frozen=True)
class Vocabulary:
    skills: Matcher
    organizations: Matcher
    roles: Matcher
    domains: dict[str, Term]  # company domain -> organization
    skill_names: dict[str, Term]  # normalized name/alias -> skill term
    org_names: dict[str, Term]  # normalized name/alias -> organization term
    packaged: Matchers  # skills, organizations and roles read in one pass


def build_vocabulary(skills: list[dict[str, Any]], organizations: list[dict[str, Any]],
                     roles: list[dict[str, Any]]) -> Vocabulary:
    skill_terms, org_terms = _terms(skills, "skill"), _terms(organizations, "organization")
    names: dict[str, Term] = {}
    for term in skill_terms:
        for form in (term.name, *term.aliases):
            names.setdefault(normalize(form), term)
    domains = {d: t for t in org_terms for d in t.domains}
    orgs = {normalize(f): t for t in org_terms for f in (t.name, *t.aliases) if normalize(f)}
    matchers = (Matcher(skill_terms), Matcher(org_terms), Matcher(_terms(roles, "person", match_name=False)))
    return Vocabulary(*matchers, domains, names, orgs, Matchers(matchers))


@lru_cache(maxsize=4)
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """The packaged vocabularies, read once per process."""
    return build_vocabulary(_load_yaml(data_dir / "skills.yaml"), _load_yaml(data_dir / "organizations.yaml"),
                            _load_yaml(data_dir / "roles.yaml"))
