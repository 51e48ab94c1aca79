"""The MSE weight gradient three ways: time and peak memory, against the matrix product."""

from __future__ import annotations

import tracemalloc

import numpy as np

from benchmarks.common import print_table
from benchmarks.timing import median_seconds
from helpers.kernels.mse_three_ways import broadcast_then_sum, loop_over_examples, matrix_product


def peak_bytes(f) -> int:
    tracemalloc.start()
    f()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run(quick: bool = False) -> None:
    m, u = (200, 16) if quick else (10_000, 256)
    repeats = 3 if quick else 7
    rng = np.random.default_rng(0)
    a, y, yhat = rng.normal(size=(m, u)), rng.normal(size=(m, 1)), rng.normal(size=(m, 1))
    ways = {
        "Python loop": loop_over_examples,
        "broadcast, then sum": broadcast_then_sum,
        "matrix product": matrix_product,
    }
    seconds = {name: median_seconds(lambda way=way: way(a, y, yhat), repeats) for name, way in ways.items()}
    rows = [
        [
            name,
            f"{seconds[name] / seconds['matrix product']:.1f}",
            f"{peak_bytes(lambda way=way: way(a, y, yhat)) / 2**20:.3f}",
        ]
        for name, way in ways.items()
    ]
    print_table(
        f"2. MSE gradient with respect to W_out, m = {m:,}, u = {u}",
        ["way", "time / matrix product", "peak extra memory (MiB)"],
        rows,
    )
