"""Notebook 3's figures of gradient descent: train and test MSE against the step, beside the closed form.

They only draw a ``History`` they are given; ``helpers.display.explorers.GradientDescentExplorer`` is what the widget
calls: it asks ``helpers.training`` for a run, then has ``GradientDescentFigure`` draw it. So a figure can be tested
without training, and a run without a figure.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from helpers.display.descriptions import describe_descent_and_settling, describe_gradient_descent
from helpers.display.palette import REFERENCE_LINE, line_style
from helpers.display.rendering import BlittedFigure, DescribedFigure
from helpers.training.history import History
from helpers.training.linear_regression import Settling


def descent_and_settling_figure(
    history: History, closed_form_test_loss: float, test: Settling, eta: float, last_step: int = 300
) -> DescribedFigure:
    """Two panels of one gradient-descent run: train and test MSE (log scale) against the step, beside the
    closed-form test MSE; and, on a linear scale zoomed to the first ``last_step`` steps, the test MSE's distance from
    the closed form in percent, with ``test``'s tolerance band and its three steps marked."""
    figure = DescribedFigure(figsize=(11, 3.6), layout="constrained")
    figure.description = describe_descent_and_settling(history, closed_form_test_loss, test, eta)
    loss_axes, gap_axes = figure.subplots(1, 2)
    points = len(history.train_loss)
    loss_axes.semilogy(history.train_loss, label="train MSE", **line_style(0, points))
    loss_axes.semilogy(history.held_out_loss, label="test MSE", **line_style(1, points))
    loss_axes.axhline(closed_form_test_loss, label="closed-form test MSE", **REFERENCE_LINE)
    loss_axes.set_xlabel("step of gradient descent")
    loss_axes.set_ylabel("MSE (log scale)")
    loss_axes.set_title(f"diabetes, η = {eta:g}, {len(history.train_loss) - 1} steps")
    loss_axes.legend()
    steps = np.arange(min(last_step, len(test.gaps) - 1) + 1)
    band = 100 * test.tolerance
    gap_axes.axhspan(-band, band, color="grey", alpha=0.2, label=f"within {band:g}% of the closed form")
    gap_axes.plot(steps, 100 * test.gaps[steps], label="test MSE", **line_style(1, len(steps)))
    for step, what in (
        (test.first_within, "first within"),
        (test.worst, "out again, most"),
        (test.stays_within, "within for good"),
    ):
        if step <= steps[-1]:
            gap_axes.plot(step, 100 * test.gaps[step], "o", color="black", markersize=4)
            gap_axes.annotate(
                f"{what}: step {step}",
                (step, 100 * test.gaps[step]),
                textcoords="offset points",
                xytext=(4, 6),
                fontsize=8,
            )
    gap_axes.set_ylim(-band, 3 * band)
    gap_axes.set_xlabel("step of gradient descent")
    gap_axes.set_ylabel("test MSE above the closed form (%)")
    gap_axes.set_title(f"the first {steps[-1]} steps, linear scale")
    gap_axes.legend(loc="upper right", fontsize=8)
    return figure


class GradientDescentFigure(BlittedFigure):
    """Train and test MSE (log scale) against the step, and the closed-form test MSE as a dashed line.

    The axes are fixed, steps 0 to ``max_steps`` and MSE 1e3 to 1e5 (a diverging run leaves through the top), so
    that a redraw only draws the two curves and the title over a background rendered once.
    """

    def __init__(self, closed_form_test_loss: float, max_steps: int = 1000) -> None:
        self.closed_form_test_loss = closed_form_test_loss
        self.figure = Figure(figsize=(6.5, 3.6), dpi=80, layout="constrained")
        self.ax = self.figure.subplots()
        (self.train_line,) = self.ax.semilogy([], [], label="train MSE", **line_style(0, max_steps))
        (self.test_line,) = self.ax.semilogy([], [], label="test MSE", **line_style(1, max_steps))
        self.ax.axhline(closed_form_test_loss, label="closed-form test MSE", **REFERENCE_LINE)
        self.ax.set_xlim(0, max_steps)
        self.ax.set_ylim(1e3, 1e5)  # a diverging run leaves through the top, and the title says so
        self.ax.set_xlabel("step of gradient descent")
        self.ax.set_ylabel("MSE (log scale)")
        self.ax.legend(loc="upper right")
        self.title = self.ax.set_title(" ")
        self._prepare([self.train_line, self.test_line, self.title])

    def draw(self, history: History, eta: float) -> None:
        """Redraw the loss curves of ``history``, a run at learning rate ``eta``."""
        steps_run = np.arange(len(history.train_loss))
        self.train_line.set_data(steps_run, history.train_loss)
        self.test_line.set_data(steps_run, history.held_out_loss)
        self.title.set_text(f"gradient descent, η = {eta:.4f}" + ("  (diverged)" if history.diverged else ""))
        self.description = describe_gradient_descent(history, eta, self.closed_form_test_loss)
