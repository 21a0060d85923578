"""Employers: the organizations the author joined or left (`join`/`leave` events), with the
position a post states and the dates the posts give, then the profile's `work:` overrides.

Extraction writes a join event's title as "Joined {Org} as {Position}" or "{Org} 입사 ({Position})";
`position_of` reads that convention back. Organizations of a kind nobody is employed by
(schools, communities, conferences, platforms...) never become work, whatever an event says,
unless the profile lists them.
"""
from __future__ import annotations

import re
from typing import Any

from kb.career.headline import headline
from kb.exports.common import DocumentView, earliest, latest
from kb.ids import normalize
from kb.models import date_sort_key

EMPLOYMENT_KINDS = ("join", "leave")
NOT_EMPLOYERS = frozenset({"school", "university", "community", "conference", "platform", "competition",
                           "bootcamp", "meetup"})
# Events that say what the author did, as opposed to notes on a topic, plans and wishes.
CAREER_KINDS = frozenset({"join", "leave", "work", "project", "adoption", "talk", "achievement", "competition",
                          "education", "study", "other"})
MAX_HIGHLIGHTS = 6

_EN_POSITION = re.compile(r"^\s*joined\s+(?P<org>.+?)\s+as\s+(?:an?\s+|the\s+)?(?P<position>.+?)\s*$", re.IGNORECASE)
_KO_POSITION = re.compile(r"^\s*(?P<org>.+?)\s*입사\s*\((?P<position>[^()]+)\)\s*$")


def position_of(title: str) -> str | None:
    """The position a join event's title states, by extraction's convention; None otherwise."""
    for pattern in (_EN_POSITION, _KO_POSITION):
        found = pattern.match(title)
        if found:
            return found.group("position").strip().rstrip(".") or None
    return None


def is_career(event: dict[str, Any]) -> bool:
    return event.get("kind", "other") in CAREER_KINDS


def _orgs(view: DocumentView, event: dict[str, Any]) -> list[str]:
    return [i for i in event.get("entities", []) if view.entities.get(i, {}).get("type") == "organization"]


def _within(event: dict[str, Any], start: str | None, end: str | None) -> bool:
    """The event starts inside [start, end] (an open end is today); undated events never do."""
    if not event.get("start"):
        return False
    key = date_sort_key(event["start"])
    low = date_sort_key(start) if start else ""
    high = date_sort_key(end).replace("-00", "-99") if end else "9999"
    return low <= key <= high


def _from_events(view: DocumentView, org_id: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """An employer's entry from its join/leave events: first join, last leave unless rejoined since."""
    joins = [e for e in events if e["kind"] == "join"]
    leaves = [e for e in events if e["kind"] == "leave"]
    last_join, last_leave = latest([e.get("start") for e in joins]), latest([e.get("start") for e in leaves])
    end = last_leave if last_leave and (not last_join or date_sort_key(last_leave) >= date_sort_key(last_join)) else None
    if end is None and joins:  # a join told as a period ("2019.03 ~ 2020.02 | 한빛데이터") ends with it
        end = max(joins, key=lambda e: date_sort_key(e.get("start") or "")).get("end")
    stated = [p for e in reversed(joins) if (p := position_of(e["title"]))]
    anchor = (joins or events)[0]
    return {"id": org_id, "name": view.entities[org_id]["name"], "position": stated[0] if stated else None,
            "start": earliest([e.get("start") for e in joins]), "end": end,
            "source": (anchor.get("sources") or [None])[0], "highlights": []}


def _highlights(view: DocumentView, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """What the author did there: the organization's other career events while employed."""
    events = [e for e in view.events_of.get(entry["id"], []) if is_career(e)
              and e["kind"] not in EMPLOYMENT_KINDS and _within(e, entry["start"], entry["end"])]
    return [{"title": headline(e["title"]), "event": e["id"], "date": e.get("start"),
             "source": (e.get("sources") or [None])[0]} for e in events][-MAX_HIGHLIGHTS:]


def _matches(view: DocumentView, name: str) -> str | None:
    """The organization an override names, by name or alias, spacing and case aside."""
    key = normalize(name)
    for org in view.of_type("organization"):
        if key in {normalize(n) for n in (org["name"], *org.get("aliases", []))}:
            return org["id"]
    return None


def work_entries(view: DocumentView, overrides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Employers, a current job first then newest first; the profile's overrides win field by field
    and may name an employer no post mentions."""
    employment: dict[str, list[dict[str, Any]]] = {}
    for event in view.events:
        if event.get("kind") in EMPLOYMENT_KINDS:
            for org_id in _orgs(view, event):
                if view.entities[org_id].get("category") not in NOT_EMPLOYERS:
                    employment.setdefault(org_id, []).append(event)
    entries = {org_id: _from_events(view, org_id, events) for org_id, events in employment.items()}
    given: dict[str, list[str]] = {}  # highlights the profile writes itself, by entry
    for override in overrides:
        org_id = _matches(view, override["name"])
        key = org_id or "override:" + normalize(override["name"])
        mentioned = view.events_of.get(org_id or "", [])
        entry = entries.get(key) or {"id": org_id, "name": view.entities[org_id]["name"] if org_id else override["name"],
                                     "position": None, "start": None, "end": None, "highlights": [],
                                     "source": (mentioned[0].get("sources") or [None])[0] if mentioned else None}
        entries[key] = {**entry, **{k: override[k] for k in ("position", "start", "end", "url", "summary")
                                    if k in override}}
        if override.get("highlights"):
            given[key] = override["highlights"]
    for key, entry in entries.items():
        entry["highlights"] = ([{"title": h, "event": None, "date": None, "source": None} for h in given[key]]
                               if key in given else _highlights(view, entry) if entry["id"] else [])
    return sorted(entries.values(), key=lambda w: (w["end"] is None, date_sort_key(w["start"])
                                                   if w["start"] else "0000"), reverse=True)
