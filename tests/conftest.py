"""Fixtures shared by every test."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A generator seeded afresh for each test, so that a test's numbers do not depend on which tests ran before."""
    return np.random.default_rng(20261124)
