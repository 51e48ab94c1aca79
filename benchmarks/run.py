"""Run every benchmark and print its tables: `make bench`, or `python -m benchmarks.run --quick` for small sizes.

Machines are noisy, so each figure is a ratio to a peer measured in the same run, from medians of several repeats.
"""

from __future__ import annotations

import argparse

from benchmarks import bench_cross_entropy, bench_mse_gradient, bench_notebooks, bench_training, bench_widgets
from benchmarks.common import machine_summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for checking that the benchmarks run")
    args = parser.parse_args()
    print(f"# backprop-companion benchmarks{' (quick: small sizes)' if args.quick else ''}")
    print(machine_summary())
    for benchmark in (bench_cross_entropy, bench_mse_gradient, bench_training, bench_widgets, bench_notebooks):
        benchmark.run(quick=args.quick)


if __name__ == "__main__":
    main()
