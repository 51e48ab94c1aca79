"""How long a widget takes to answer in the browser: from a slider move to the new numbers on screen.

Opens each widget notebook in JupyterLab in headless Chromium (as the browser
tests do), runs it, then moves one slider 30 times with the arrow keys and
times each move inside the page, from the key press to the widget's new
text (the round trips of the tool that drives the browser are left out:
they added about 85 ms that a reader never sees). Run with
`make bench-browser`; needs Debian's chromium. What it printed is kept in
benchmarks/results/bench-browser.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from benchmarks.common import RESULTS, machine_summary, print_table, results_file, run_context, verdict
from harness.lab import chromium_page, find_chromium, lab_server, response_times_ms, run_all_cells

# notebook, which slider to move (by position in the widget), what it is
WIDGETS = [
    ("01_grad_wrt_yhat.ipynb", 1, "logit a_L2"),
    ("02_softmax_quotient_rule.ipynb", 2, "logit a_L2"),
    ("03_batched_mse_weight_gradient.ipynb", 0, "η (retrains 500 steps of gradient descent)"),
    ("04_training_loop.ipynb", 1, "hidden units (retrains 18 epochs)"),
]


def main(moves: int = 30, results: Path = RESULTS / "bench-browser.md") -> None:
    executable = find_chromium()
    if executable is None:
        sys.exit("Chromium not found: apt-get install chromium")
    with results_file(results):
        print("# widget response in the browser: key press on a slider to the new numbers on screen, timed in the page")
        print(f"\nRun {run_context()}.\n")
        print(machine_summary())
        rows = []
        with lab_server([name for name, _, _ in WIDGETS]) as server, chromium_page(executable) as page:
            for name, slider, what in WIDGETS:
                run_all_cells(page, server, name)
                explorer = page.locator(".jp-OutputArea-output").filter(has=page.locator("pre.reading")).first
                explorer.scroll_into_view_if_needed()
                milliseconds = response_times_ms(page, explorer, slider, moves)
                median, p90 = np.median(milliseconds), np.percentile(milliseconds, 90)
                rows.append([name, what, f"{median:.0f}", f"{p90:.0f}", verdict(median < 100)])
        print_table(
            f"{moves} moves per widget",
            ["notebook", "slider moved", "median (ms)", "90th percentile (ms)", "goal median < 100 ms"],
            rows,
        )


if __name__ == "__main__":
    main()
