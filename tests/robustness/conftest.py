"""Fixtures shared by the robustness tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.corpus import write_good


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    """A folder of good posts (tests that need more add their own files)."""
    folder = tmp_path / "posts"
    folder.mkdir()
    write_good(folder)
    return folder
