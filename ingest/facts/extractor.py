"""The one interface an extractor implements, and kb's own extractor.

An extractor reads one parsed post and says what it found: entity sightings (each with its offsets,
so every fact keeps its quote) and events. Curation (kb.yaml) and graph building come after, the
same for any extractor, so another one (a larger learned model, an LLM) can take this one's place
and be scored by the same command.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from ingest.facts.entities import Sighting, extract
from ingest.facts.events import extract_events, read_as_story
from ingest.facts.learned.model import MODEL_FILE, LinearModel, load_model
from ingest.facts.narrative import is_narrative, mark_as_story
from ingest.facts.resolve import drop_unrealized, tidy
from ingest.facts.vocabulary import DATA_DIR, Matcher, Vocabulary, _terms, load_vocabulary
from ingest.language.names import LEXICON_VERSION, given_names
from ingest.posts.parse import ParsedPost
from kb.ids import normalize
from kb.models import Event

EXTRACTOR_VERSION = "2026.12.05-3"
DATA_FILES = ("skills.yaml", "organizations.yaml", "roles.yaml", MODEL_FILE.name)


class Facts(NamedTuple):
    sightings: list[Sighting]
    events: list[Event]


class FactExtractor(Protocol):
    @property
    def fingerprint(self) -> str:
        """Changes whenever the output may change (code, data, weights): every post is then re-read."""

    def prepare(self) -> None:
        """Load what extraction needs now: before worker processes fork, and so bad data fails early."""

    def facts(self, post: ParsedPost) -> Facts:
        """The entities and events one post tells of."""


@dataclass(frozen=True)
class StandardExtractor:
    """Vocabularies and context cues find entities; a learned model picks the event sentences.

    `user_entities` are kb.yaml's own vocabulary, found like the packaged terms. The vocabularies
    load on first use (a third of a second): a re-ingest that finds nothing changed never needs them.
    """

    user_entities: tuple[dict[str, Any], ...] = ()
    data_dir: Path = DATA_DIR

    @cached_property
    def fingerprint(self) -> str:
        data = hashlib.sha256(f"{EXTRACTOR_VERSION} {LEXICON_VERSION}".encode())
        for name in DATA_FILES:
            path = self.data_dir / name
            data.update(path.read_bytes() if path.exists() else b"")
        return data.hexdigest()

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary(self.data_dir)

    @cached_property
    def model(self) -> LinearModel:
        return load_model(self.data_dir / MODEL_FILE.name)

    @cached_property
    def extra(self) -> Matcher | None:
        return _typed(self.user_entities, self.vocabulary) if self.user_entities else None

    def prepare(self) -> None:
        self.vocabulary  # noqa: B018 - cached_property: loaded once, here
        self.model  # noqa: B018
        self.extra  # noqa: B018 - a bad kb.yaml entity fails here, not once per post
        given_names()

    def sightings(self, post: ParsedPost) -> list[Sighting]:
        return drop_unrealized(post, tidy(extract(post, self.vocabulary, self.extra)))

    def facts(self, post: ParsedPost) -> Facts:
        sightings = self.sightings(post)
        if not is_narrative(post) and read_as_story(post, sightings, self.model):
            mark_as_story(post)  # no title or tag said so, but it reads as one: every stage now treats it so
            sightings = self.sightings(post)
        return Facts(sightings, extract_events(post, sightings, self.model))


def _typed(entries: tuple[dict[str, Any], ...], vocabulary: Vocabulary) -> Matcher:
    """The user's entities, each with its own type: as said, else as the vocabulary knows it, else skill."""
    terms = []
    for entry in entries:
        entry = dict(entry)
        if not entry.get("type"):
            known = vocabulary.skill_names.get(normalize(entry["name"]))
            org = vocabulary.org_names.get(normalize(entry["name"]))
            entry["type"] = "skill" if known or not org else "organization"
            term = known or org
            if term is not None:
                entry.setdefault("category", term.category)
                entry["name"] = term.name
        terms.extend(_terms([entry], str(entry["type"])))
    return Matcher(terms)
