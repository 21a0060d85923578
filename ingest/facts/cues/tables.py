"""Organizations in a table of jobs or schools: the column whose header says company or school names one
in each row, and a company column names an employer.
"""
from __future__ import annotations

import re

from ingest.facts.cues.base import EMPLOYER, TIME_WORD, Cue

# a table of jobs or schools: the column its header calls the company names an organization
_ORG_COLUMN = re.compile(r"^(?:회사|회사명|직장|소속|기관|기업|학교|company|employer|organi[sz]ation|school|workplace)$", re.I)
EMPLOYER_COLUMN = re.compile(r"^(?:회사|회사명|직장|기업|company|employer|workplace)$", re.I)


def _cells(row: str) -> list[tuple[int, str]]:
    """A table row's cells with their offsets: '| a | b |' -> [(2, 'a'), (6, 'b')]."""
    out, pos = [], 0
    for part in row.split("|"):
        text = part.strip()
        if text:
            out.append((pos + part.find(text), text))
        pos += len(part) + 1
    return out


def table_cells(text: str, header: str) -> list[Cue]:
    names = [name for _, name in _cells(header)]
    out: list[Cue] = []
    for column, (at, cell) in enumerate(_cells(text)):
        if column < len(names) and _ORG_COLUMN.match(names[column]) and 2 <= len(cell) <= 40 \
                and not TIME_WORD.search(cell) and not re.search(r"[.!?]$|^\W+$", cell):
            category = EMPLOYER if EMPLOYER_COLUMN.match(names[column]) else None
            out.append(Cue("organization", cell, at, at + len(cell), category=category))
    return out
