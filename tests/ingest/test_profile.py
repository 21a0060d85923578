"""The `profile:` of kb.yaml: checked when read, stored in the store's meta record by the same
ingest that writes the posts, and not part of extraction (editing it re-extracts no post)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.facts.resolve import parse_curation
from ingest.runs.pipeline import run_ingest
from kb.career.profile import parse_profile
from kb.errors import ConfigError
from kb.store import Store
from tests.ingest.conftest import write

POST = "---\ntitle: 이직 후기\ndate: 2021-05-01\n---\n\n2021년 4월에 한빛데이터에 입사했다.\n"
PROFILE = """profile:
  name: 김하늘
  label: ML Engineer
  email: sky@example.org
  location: {city: Seoul, countryCode: KR}
  profiles:
    - {network: GitHub, username: sky, url: "https://github.com/sky"}
  lang: ko
  work:
    - {name: 한빛데이터, position: ML Engineer, start: 2021-04}
"""


def test_a_profile_is_parsed_with_only_the_fields_given() -> None:
    curation = parse_curation({"profile": {"name": " Kim ", "summary": "", "location": {"city": "Seoul"},
                                           "work": [{"name": "Acme", "start": "2020-04", "highlights": ["Led X"]}]}})
    assert curation.profile == {"name": "Kim", "location": {"city": "Seoul"},
                                "work": [{"name": "Acme", "start": "2020-04", "highlights": ["Led X"]}]}
    assert parse_curation({}).profile == {}  # a curation file without a profile


@pytest.mark.parametrize("bad", [
    {"nmae": "typo"}, {"lang": "fr"}, {"location": "Seoul"}, {"profiles": {"network": "GitHub"}},
    {"work": [{"position": "no name"}]}, {"work": [{"name": "Acme", "start": "April 2020"}]}, {"name": ["a", "b"]},
])
def test_a_broken_profile_is_an_error_naming_the_field(bad: dict) -> None:
    with pytest.raises(ConfigError, match="profile"):
        parse_profile(bad)


def test_ingest_stores_the_profile_and_editing_it_re_extracts_nothing(tmp_path: Path, store: Store) -> None:
    root = tmp_path / "posts"
    write(root, "2021-05-01-job.md", POST)
    write(root, "kb.yaml", PROFILE)
    run_ingest([root], store)
    assert store.meta()["profile"]["name"] == "김하늘"
    assert store.meta()["profile"]["work"] == [{"name": "한빛데이터", "position": "ML Engineer", "start": "2021-04"}]
    write(root, "kb.yaml", PROFILE.replace("ML Engineer\n  email", "Data Engineer\n  email"))
    report = run_ingest([root], store)
    assert report.unchanged == ["2021-05-01-job"] and not report.updated
    assert store.meta()["profile"]["label"] == "Data Engineer"
    version = store.version()
    run_ingest([root], store)
    assert store.version() == version  # the same profile again changes nothing


def test_a_curation_file_without_a_profile_removes_it_and_no_curation_file_leaves_it(tmp_path: Path,
                                                                                   store: Store) -> None:
    root, other = tmp_path / "posts", tmp_path / "notes"
    write(root, "2021-05-01-job.md", POST)
    write(root, "kb.yaml", PROFILE)
    write(other, "2021-06-01-note.md", "# A note\n\nPython.\n")
    run_ingest([root], store)
    run_ingest([other], store)  # another folder, no kb.yaml: the profile stays
    assert store.meta()["profile"]["name"] == "김하늘"
    write(root, "kb.yaml", "aliases: {Python: [파이썬]}\n")
    run_ingest([root], store)
    assert "profile" not in store.meta()
