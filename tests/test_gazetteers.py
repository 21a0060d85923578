"""Rules every hand-written gazetteer keeps (tests/gazetteer_rules.py), checked on each of them;
what only one of them needs is in test_vocabulary_data.py and test_organizations_data.py."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import gazetteer_rules as rules

DATA = Path(__file__).resolve().parents[1] / "ingest" / "data"


@pytest.fixture(scope="module", params=[("skills.yaml", "skill"), ("organizations.yaml", "organization")],
                ids=["skills", "organizations"])
def gazetteer(request: pytest.FixtureRequest) -> tuple[list[dict[str, Any]], str]:
    name, entity_type = request.param
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{name} must be a YAML list"
    return data, entity_type


def test_names_unique(gazetteer: tuple[list[dict[str, Any]], str]) -> None:
    clashes = rules.name_clashes(*gazetteer)
    assert not clashes, "\n".join(clashes)


def test_no_form_claimed_by_two_entries(gazetteer: tuple[list[dict[str, Any]], str]) -> None:
    shared = rules.forms_claimed_twice(gazetteer[0])
    assert not shared, "\n".join(shared)


def test_strict_forms_are_not_also_loose(gazetteer: tuple[list[dict[str, Any]], str]) -> None:
    leaks = rules.strict_also_loose(gazetteer[0])
    assert not leaks, "\n".join(leaks)


def test_short_latin_forms_are_strict(gazetteer: tuple[list[dict[str, Any]], str]) -> None:
    short = rules.short_latin_loose(gazetteer[0])
    assert not short, "put these in `strict`:\n" + "\n".join(short)


def test_hangul_forms_have_two_syllables(gazetteer: tuple[list[dict[str, Any]], str]) -> None:
    short = rules.one_syllable_hangul_loose(gazetteer[0])
    assert not short, "\n".join(short)
