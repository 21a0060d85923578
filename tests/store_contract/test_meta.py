"""The key-value record (`Store.meta`): written with posts in one call, read back as JSON, counted
as a change of the graph (version), carried by export/import, and the same whatever the scope."""
from __future__ import annotations

import pytest

from kb.errors import InvalidQuery
from kb.store import Store
from tests.factories import ev, graph

PROFILE = {"name": "김개발", "label": "ML Engineer", "location": {"city": "Seoul", "countryCode": "KR"},
           "profiles": [{"network": "GitHub", "username": "kim"}], "lang": "ko"}
EMPTY = {"format": "kb-export", "version": 1, "posts": [], "entities": [], "events": []}


def test_meta_is_written_with_posts_and_read_back(store: Store) -> None:
    assert store.meta() == {}
    store.replace_posts([graph("p1", ev("event:a", "A", "2021"))], meta={"profile": PROFILE})
    assert store.meta() == {"profile": PROFILE}
    assert store.stats().posts == 1


def test_meta_alone_changes_the_version_and_the_same_value_does_not(store: Store) -> None:
    v0 = store.version()
    store.replace_posts([], meta={"profile": PROFILE})
    v1 = store.version()
    assert v1 != v0
    store.replace_posts([], meta={"profile": dict(reversed(list(PROFILE.items())))})  # same value
    assert store.version() == v1
    store.replace_posts([], meta={"other": [1, 2]})
    assert store.meta() == {"other": [1, 2], "profile": PROFILE}  # other keys are left alone
    v2 = store.version()
    assert v2 != v1
    store.replace_posts([], meta={"profile": None})
    assert store.meta() == {"other": [1, 2]} and store.version() not in (v1, v2)
    store.replace_posts([], meta={"profile": None})  # deleting nothing is no change
    assert store.meta() == {"other": [1, 2]}


def test_export_carries_meta_in_every_scope_and_import_replaces_it(store: Store) -> None:
    store.replace_posts([graph("p1", ev("event:a", "A", "2021")), graph("secret", private=True)],
                        meta={"profile": PROFILE})
    full, public = store.export(), store.export(include_private=False)
    assert full["meta"] == public["meta"] == {"profile": PROFILE}
    store.import_(EMPTY)
    assert store.meta() == {} and store.export() == EMPTY  # no meta key when there is none
    store.import_(full)
    assert store.meta() == {"profile": PROFILE} and store.export() == full
    version = store.version()
    store.import_(full)
    assert store.version() == version
    store.import_({**full, "meta": {"profile": {**PROFILE, "label": "Data Engineer"}}})
    assert store.meta()["profile"]["label"] == "Data Engineer" and store.version() != version


def test_meta_keys_must_be_names(store: Store) -> None:
    with pytest.raises(InvalidQuery):
        store.replace_posts([], meta={"": 1})
    assert store.meta() == {}
