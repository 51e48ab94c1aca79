"""`make bench` runs end to end on small sizes; its figures are not asserted (they are timings)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmarks_run_on_small_sizes_and_print_every_table():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
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
