"""The rules both hand-written gazetteers (skills.yaml, organizations.yaml) keep, as checks that
return what breaks them: a form two entries claim, or a short or common word matched case-
insensitively, turns into a wrong entity in every post."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from kb.ids import entity_id, normalize

Entry = dict[str, Any]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z]")


def strict_forms(entry: Entry) -> list[str]:
    return list(entry.get("strict") or [])


def loose_forms(entry: Entry) -> list[str]:
    """Forms matched case-insensitively: the name and the aliases not listed in `strict`."""
    strict = set(strict_forms(entry))
    return [f for f in [entry["name"], *(entry.get("aliases") or [])] if f not in strict]


def name_clashes(entries: list[Entry], entity_type: str) -> list[str]:
    seen: dict[str, str] = {}
    clashes: list[str] = []
    for entry in entries:
        for key in (entry["name"], entity_id(entity_type, entry["name"])):
            if key in seen:
                clashes.append(f"{entry['name']!r} clashes with {seen[key]!r} on {key!r}")
            seen[key] = entry["name"]
    return clashes


def forms_claimed_twice(entries: list[Entry]) -> list[str]:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for form in loose_forms(entry):
            owners[normalize(form)].add(entry["name"])
        for form in strict_forms(entry):
            owners["strict:" + unicodedata.normalize("NFKC", form)].add(entry["name"])
    return [f"{key!r}: {sorted(names)}" for key, names in sorted(owners.items()) if len(names) > 1]


def strict_also_loose(entries: list[Entry]) -> list[str]:
    """A strict "Spark" is pointless if any entry also matches "spark" case-insensitively."""
    loose = {normalize(f) for entry in entries for f in loose_forms(entry)}
    return [f"{e['name']}: {f!r}" for e in entries for f in strict_forms(e) if normalize(f) in loose]


def short_latin_loose(entries: list[Entry]) -> list[str]:
    return [f"{e['name']}: {f!r}" for e in entries for f in loose_forms(e)
            if not HANGUL.search(f) and len(normalize(f)) < 3]


def one_syllable_hangul_loose(entries: list[Entry]) -> list[str]:
    """One syllable followed by a particle is too often an ordinary Korean word."""
    return [f"{e['name']}: {f!r}" for e in entries for f in loose_forms(e)
            if HANGUL.search(f) and not LATIN_OR_DIGIT.search(f) and len(HANGUL.findall(f)) < 2]


def uncovered(entries: list[Entry], name: str, forms: list[str]) -> set[str]:
    """The forms the entry named `name` does not match loosely (all of them if there is no such entry)."""
    entry = next((e for e in entries if e["name"] == name), None)
    known = {normalize(f) for f in loose_forms(entry)} if entry else set()
    return {f for f in forms if normalize(f) not in known}


def strict_only(entries: list[Entry], name: str, form: str) -> bool:
    entry = {e["name"]: e for e in entries}[name]
    return form in strict_forms(entry) and normalize(form) not in {normalize(f) for f in loose_forms(entry)}
