"""The repository's copy of the seeds is the project's own copy of ../shared/seeds."""

from pathlib import Path

import pytest

from .conftest import SEEDS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.iterdir()))
def test_the_seeds_kept_here_equal_the_shared_ones(name):
    if not SHARED.is_dir():
        pytest.skip("../shared/seeds is not beside this clone; the copy here is what tests use")
    assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes()
