"""`make bench` runs end to end on small sizes and keeps what it printed in a results file, with the machine it ran
on; its figures are not asserted (they are timings)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmarks_run_on_small_sizes_print_every_table_and_write_the_results_file(tmp_path):
    results = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--results", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for title in (
        "## 1. cross-entropy",
        "## 2. MSE gradient",
        "## 3. training",
        "## 4. widget update",
        "## 5. notebooks",
    ):
        assert title in result.stdout
    assert "cores" in result.stdout and "numpy" in result.stdout
    assert "the same loop in PyTorch" in result.stdout  # timed where PyTorch is installed, else a line says why not
    assert "\x1b" not in result.stdout  # no terminal control codes

    written = results.read_text()
    assert written.startswith("# backprop-companion benchmarks")
    assert "## 5. notebooks" in written and "| split seed" in written  # the tables, as Markdown
    assert "cores" in written and "commit " in written and "load average" in written.lower()  # what it ran on
