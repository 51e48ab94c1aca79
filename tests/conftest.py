"""Fixtures shared by every test."""

import os
import tempfile
from pathlib import Path

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A generator seeded afresh for each test, so that a test's numbers do not depend on which tests ran before."""
    return np.random.default_rng(20261124)


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's Chromium, for the tests marked ``browser``: skipped where it or Playwright is missing, except in CI
    (CI=true), where a browser that cannot start fails the test."""
    from harness.lab import find_chromium

    executable = find_chromium()
    try:
        import playwright  # noqa: F401
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium or Playwright is missing in CI, where the browser tests must run")
        pytest.skip("Chromium not found: `apt-get install chromium`, then `make test-browser` runs the browser tests")
    return executable


@pytest.fixture(scope="module")
def screenshots() -> Path:
    """A folder for the screenshots a browser test saves (each named in the test report with record_property)."""
    return Path(tempfile.mkdtemp(prefix="backprop-screenshots-"))
