"""Wall-clock timing for the notebooks' speed comparisons and the benchmarks: medians, never one run."""

from __future__ import annotations

import time
from collections.abc import Callable


def median_seconds(f: Callable[[], object], repeats: int = 7, number: int = 1) -> float:
    """The median over ``repeats`` runs of the time per call of ``f()``, each run calling it ``number`` times."""
    if repeats < 1 or number < 1:
        raise ValueError(f"repeats and number must be at least 1; got repeats={repeats}, number={number}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            f()
        times.append((time.perf_counter() - start) / number)
    times.sort()
    middle = len(times) // 2
    return times[middle] if len(times) % 2 else 0.5 * (times[middle - 1] + times[middle])
