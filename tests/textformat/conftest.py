from __future__ import annotations

from pathlib import Path

import pytest

# The seeds and the structure importing them must give, kept in the repository so that these
# tests run in a clone of the project alone (tests/test_seeds_copy.py keeps them equal to
# ../shared/seeds where that exists).
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
