"""Wall-clock timing for the benchmarks: the median of several runs, never one run (machines are noisy)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from helpers.kernels.validation import as_positive_integer


def median_seconds(f: Callable[[], object], repeats: int = 7, number: int = 1) -> float:
    """The median over ``repeats`` runs of the time per call of ``f()``, each run calling it ``number`` times."""
    repeats = as_positive_integer(repeats, "repeats", "number of timed runs")
    number = as_positive_integer(number, "number", "number of calls per run")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            f()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)
