"""Settings read from the environment: bad values are refused with the variable's name."""
from __future__ import annotations

import pytest

from kb.config import Settings
from kb.errors import ConfigError


def test_the_response_cache_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_RESPONSE_CACHE_MB", "0.5")
    assert Settings.from_env().response_cache_mb == 0.5
    monkeypatch.delenv("KB_RESPONSE_CACHE_MB")
    assert Settings.from_env().response_cache_mb == 64


@pytest.mark.parametrize("value", ["lots", "-1", "nan", "inf"])
def test_a_bad_response_cache_size_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KB_RESPONSE_CACHE_MB", value)
    with pytest.raises(ConfigError, match="KB_RESPONSE_CACHE_MB"):
        Settings.from_env()


def test_an_unknown_people_mode_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_PUBLIC_PEOPLE", "everyone")
    with pytest.raises(ConfigError, match="KB_PUBLIC_PEOPLE"):
        Settings.from_env()
