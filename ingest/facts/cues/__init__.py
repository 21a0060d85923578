"""Context cues: what the text around a name says it is, for entities no vocabulary lists.

A cue is a phrase that names an entity by its context ('…에 입사', 'joined X', 'X Inc', '…대회', 'my friend
Amy', '(a, b, c)' after a category noun). Each finder reads one masked text unit and returns `Cue`s with
offsets into it; one module per kind of context.
"""
from __future__ import annotations

from ingest.facts.cues.apposition import named_by_apposition
from ingest.facts.cues.base import EMPLOYER, NOT_NAMES, Cue
from ingest.facts.cues.enumerations import enumerations
from ingest.facts.cues.organizations import ORG_HEADS, ORG_MODIFIERS, organizations
from ingest.facts.cues.people import people
from ingest.facts.cues.projects import projects, titled_item
from ingest.facts.cues.tables import EMPLOYER_COLUMN, table_cells

__all__ = ["EMPLOYER", "EMPLOYER_COLUMN", "NOT_NAMES", "ORG_HEADS", "ORG_MODIFIERS", "Cue", "all_cues",
           "enumerations", "named_by_apposition", "organizations", "people", "projects", "table_cells",
           "titled_item"]


def all_cues(text: str, narrative: bool = True, item: bool = False) -> list[Cue]:
    """Every cue; a technical write-up keeps only the ones that need no story around them."""
    return organizations(text, narrative) + projects(text, narrative) + people(text, narrative) + \
        (named_by_apposition(text) + enumerations(text) + (titled_item(text) if item else []) if narrative else [])
