"""Anonymizing people in anything shown publicly: `full` names, `initials`, or `hide` them.

One masker works on any JSON-shaped value (API bodies, the export document, page data), so
no response shape can forget a person: person entities and graph nodes are replaced or
dropped, person ids in lists and fields are replaced or dropped, and person names and aliases
inside free text (titles, quotes, snippets, post bodies) are replaced.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kb.config import PEOPLE_MODES

HIDDEN_NAME = "[someone]"
NO_MATCH = "kb-hidden-name-0f1e"  # what a person's name in a query becomes: it matches nothing


class Dropped:
    """Marks a value that must disappear from its container."""


DROP = Dropped()

_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


def initials(name: str) -> str:
    """"Jane Park" -> "J. P."; Korean "박지은" -> "박○○" (the usual Korean way to shorten a name)."""
    name = unicodedata.normalize("NFC", name.strip())
    if _HANGUL.match(name):
        return name[0] + "○" * (len(name) - 1)
    words = [w for w in re.split(r"[\s._-]+", name) if w]
    return " ".join(w[0].upper() + "." for w in words) or "?"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


class PeopleMask:
    """Masks the given people for one mode; `full` leaves everything as it is."""

    def __init__(self, people: Iterable[Person], mode: str, key: str = "kb") -> None:
        if mode not in PEOPLE_MODES:
            raise ValueError(f"people mode must be one of {', '.join(PEOPLE_MODES)}, not {mode!r}")
        self.mode = mode
        self.people = {p.id: p for p in people}
        self._masked = {pid: self._mask_id(pid, p.name, key) for pid, p in self.people.items()}
        self._real = {masked: pid for pid, masked in self._masked.items()}
        self._label = {pid: initials(p.name) if mode == "initials" else HIDDEN_NAME for pid, p in self.people.items()}
        names: dict[str, str] = {}
        for pid, person in self.people.items():
            for name in (person.name, *person.aliases):
                if len(name.strip()) >= 2:
                    names[name.strip().casefold()] = pid
        ordered = sorted(names, key=len, reverse=True)
        self._by_name = names
        self._names = re.compile("|".join(re.escape(n) for n in ordered), re.IGNORECASE) if ordered else None
        ids = sorted(self.people, key=len, reverse=True)
        self._ids = re.compile("|".join(re.escape(i) for i in ids)) if ids else None
        # Single words of proper names ("Jane" of "Jane Park") are masked too; not those of
        # role names ("Team lead"), whose words are everyday words.
        words: dict[str, str] = {}
        for pid, person in self.people.items():
            for name in (person.name, *person.aliases):
                parts = name.split()
                if len(parts) > 1 and all(w[:1].isupper() for w in parts):
                    for word in parts:
                        if len(word) >= 3:
                            words.setdefault(word.casefold(), pid)
        self._by_word = words
        self._words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                 + r")\b", re.IGNORECASE) if words else None

    @staticmethod
    def _mask_id(person_id: str, name: str, key: str) -> str:
        digest = hmac.new(key.encode(), person_id.encode(), hashlib.sha256).hexdigest()[:8]
        letters = "".join(w[0] for w in re.split(r"[\s._-]+", name) if w and w[0].isascii() and w[0].isalnum())
        return f"person:{letters.lower() or 'p'}-{digest}"

    @property
    def active(self) -> bool:
        return self.mode != "full"

    # ---- ids coming in ----

    def real_id(self, value: str) -> str | None:
        """The real id behind a public person id; None when it names no one publicly."""
        if not self.active or not value.startswith("person:"):
            return value
        return self._real.get(value) if self.mode == "initials" else None

    def scrub_query(self, text: str) -> str:
        """A search text with people's names made unmatchable, so a search cannot confirm a name."""
        if not self.active:
            return text
        if self._names is not None:
            text = self._names.sub(NO_MATCH, text)
        if self._words is not None:
            text = self._words.sub(NO_MATCH, text)
        return text

    # ---- values going out ----

    def public_id(self, person_id: str) -> str | Dropped:
        if self.mode == "hide":
            return DROP
        return self._masked.get(person_id, person_id) if self.mode == "initials" else person_id

    def text(self, value: str) -> str:
        if not self.active:
            return value
        if self._ids is not None and "person:" in value:
            value = self._ids.sub(lambda m: "" if self.mode == "hide" else self._masked[m.group(0)], value)
        if self._names is not None:
            value = self._names.sub(lambda m: self._label[self._by_name[m.group(0).casefold()]], value)
        if self._words is not None:
            value = self._words.sub(lambda m: self._label[self._by_word[m.group(0).casefold()]], value)
        return value

    def apply(self, value: Any) -> Any:
        """The value with people masked; DROP when the whole value must not be shown."""
        if not self.active:
            return value
        return self._walk(value)

    def _is_person(self, value: dict[str, Any]) -> bool:
        ident = value.get("id")
        return isinstance(ident, str) and ident.startswith("person:") and "person" in (value.get("type"), value.get("kind"))

    def _walk(self, value: Any) -> Any:
        if isinstance(value, str):
            if value in self.people:
                return self.public_id(value)
            return self.text(value)
        if isinstance(value, list):
            out = [self._walk(v) for v in value]
            return [v for v in out if v is not DROP]
        if isinstance(value, dict):
            return self._walk_dict(value)
        return value

    def _walk_dict(self, value: dict[str, Any]) -> Any:
        if self._is_person(value) and value["id"] not in self._real:  # not masked already
            if self.mode == "hide":
                return DROP
            label = self._label.get(value["id"], HIDDEN_NAME)
            value = {**value, **{k: label for k in ("name", "label") if k in value}}
            if "aliases" in value:
                value["aliases"] = []
        out: dict[str, Any] = {}
        for key, item in value.items():
            walked = self._walk(item)
            if walked is DROP:
                return DROP  # a field that names a hidden person (an edge end, an entity) takes its holder along
            out[key] = walked
        if {"center", "nodes", "edges"} <= out.keys():
            return _connected(out)
        if {"nodes", "length"} <= out.keys() and len(out["nodes"]) != len(value["nodes"]):
            return DROP  # a path through a hidden person is no public path
        return out


def _connected(hood: dict[str, Any]) -> dict[str, Any]:
    """A neighbourhood keeps only what is still reachable from its centre once people are gone."""
    nodes = {n["id"] for n in hood["nodes"]}
    edges = [e for e in hood["edges"] if e.get("source") in nodes and e.get("target") in nodes]
    reach, frontier = {hood["center"]}, [hood["center"]]
    while frontier:
        current = frontier.pop()
        for edge in edges:
            for a, b in ((edge["source"], edge["target"]), (edge["target"], edge["source"])):
                if a == current and b not in reach:
                    reach.add(b)
                    frontier.append(b)
    return {**hood, "nodes": [n for n in hood["nodes"] if n["id"] in reach],
            "edges": [e for e in edges if e["source"] in reach and e["target"] in reach]}


def people_of(document: dict[str, Any]) -> list[Person]:
    """The people an export document knows, to build a mask from."""
    return [Person(e["id"], e["name"], tuple(e.get("aliases", ())))
            for e in document.get("entities", []) if e.get("type") == "person"]
