"""The widgets' update in the kernel (compute, redraw, render the PNG), without a browser."""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from benchmarks.common import print_table, verdict
from helpers.display.explorers import GradWrtYhatExplorer, SoftmaxGradientExplorer
from helpers.display.widgets import FigurePanel, class_picker, logit_sliders, set_controls


def explorers():
    """The explorers of notebooks 1 and 2, built as there (without clearing an output area: there is none here)."""
    yhat_panel = FigurePanel(GradWrtYhatExplorer(k=4))
    yield (
        "notebook 1: dL/dyhat",
        widgets.interactive(
            yhat_panel.update, clear_output=False, l=class_picker(4), **logit_sliders([2.0, 1.0, 0.1, -1.0])
        ),
    )
    softmax_panel = FigurePanel(SoftmaxGradientExplorer(k=4))
    temperature = widgets.FloatSlider(value=1.0, min=0.5, max=5.0)
    yield (
        "notebook 2: softmax + Jacobian",
        widgets.interactive(
            softmax_panel.update,
            clear_output=False,
            l=class_picker(4),
            T=temperature,
            **logit_sliders([2.0, 1.0, 0.1, -1.0]),
        ),
    )


def run(quick: bool = False) -> None:
    updates = 3 if quick else 30
    rows = []
    for name, explorer in explorers():
        values = np.linspace(-4.0, 4.0, updates)
        times = []
        for value in values:
            start = time.perf_counter()
            set_controls(explorer, a_L1=round(float(value), 1))
            times.append(time.perf_counter() - start)
        median = float(np.median(times))
        rows.append([name, f"{1e3 * median:.1f}", f"{1e3 * np.percentile(times, 90):.1f}", verdict(median < 0.05)])
    print_table(
        f"4. widget update in the kernel, {updates} slider moves",
        ["widget", "median (ms)", "90th percentile (ms)", "goal median < 50 ms"],
        rows,
    )
