"""Run every benchmark and print its tables: `make bench`, or `python -m benchmarks.run --quick` for small sizes.

Machines are noisy, so each figure is a ratio to a peer measured in the same run, from medians of several repeats.
A full run also writes what it printed, with the machine it ran on, to benchmarks/results/bench.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks import bench_cross_entropy, bench_mse_gradient, bench_notebooks, bench_training, bench_widgets
from benchmarks.common import RESULTS, machine_summary, results_file, run_context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for checking that the benchmarks run")
    parser.add_argument(
        "--results", type=Path, help="where to write what was printed (default: benchmarks/results/bench.md, or "
        "nowhere with --quick)",
    )  # fmt: skip
    args = parser.parse_args()
    results = args.results or (None if args.quick else RESULTS / "bench.md")
    with results_file(results):
        print(f"# backprop-companion benchmarks{' (quick: small sizes)' if args.quick else ''}\n")
        print(f"Run {run_context()}.\n")
        print(machine_summary())
        for benchmark in (bench_cross_entropy, bench_mse_gradient, bench_training, bench_widgets, bench_notebooks):
            benchmark.run(quick=args.quick)


if __name__ == "__main__":
    main()
