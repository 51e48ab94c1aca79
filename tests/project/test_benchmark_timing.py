"""The benchmarks' timing helper takes a true median of its runs and checks its arguments."""

import numpy as np
import pytest

from benchmarks import timing
from benchmarks.timing import median_seconds


@pytest.mark.parametrize("durations, median", [([5.0, 1.0, 3.0], 3.0), ([1.0, 2.0, 3.0, 10.0], 2.5)])
def test_median_seconds_is_the_median_of_the_runs_not_their_mean(monkeypatch, durations, median):
    clock = iter(np.cumsum([0.0, *[x for d in durations for x in (d, 0.0)]]))
    monkeypatch.setattr(timing.time, "perf_counter", lambda: float(next(clock)))
    assert timing.median_seconds(lambda: None, repeats=len(durations)) == median


def test_median_seconds_is_positive_and_checks_its_arguments():
    assert median_seconds(lambda: sum(range(100)), repeats=3) > 0
    with pytest.raises(ValueError, match="repeats must be a positive integer"):
        median_seconds(lambda: None, repeats=0)
