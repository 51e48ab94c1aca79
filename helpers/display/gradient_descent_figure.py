"""Notebook 3's explorer: train and test MSE against the step of gradient descent, beside the closed form.

``GradientDescentFigure`` only draws a history it is given; ``GradientDescentExplorer``
is what the widget calls: it asks ``helpers.training`` for a run, then has the
figure draw it. So a figure can be tested without training, and a run without a figure.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from helpers.display.descriptions import describe_gradient_descent
from helpers.display.palette import REFERENCE_LINE, line_style
from helpers.display.readings import GradientDescentReading
from helpers.display.rendering import BlittedFigure
from helpers.kernels.mse import linear_output, mse
from helpers.training.data import Split
from helpers.training.linear_regression import TrainingHistory, gradient_descent, least_squares


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

    def draw(self, history: TrainingHistory, eta: float, steps: int) -> GradientDescentReading:
        """Redraw the loss curves of ``history``, a run of ``steps`` steps at learning rate ``eta``."""
        steps_run = np.arange(len(history.train_loss))
        self.train_line.set_data(steps_run, history.train_loss)
        self.test_line.set_data(steps_run, history.test_loss)
        self.title.set_text(f"gradient descent, η = {eta:.4f}" + ("  (diverged)" if history.diverged else ""))
        self.description = describe_gradient_descent(
            history.train_loss, history.test_loss, eta, self.closed_form_test_loss, history.diverged
        )
        return GradientDescentReading(
            eta=float(eta),
            steps=int(steps),
            final_train_loss=history.train_loss[-1],
            final_test_loss=history.test_loss[-1],
            closed_form_test_loss=self.closed_form_test_loss,
            diverged=history.diverged,
        )


class GradientDescentExplorer:
    """For the widget: run gradient descent on ``split`` from zeros for the chosen η and steps, and draw it."""

    def __init__(self, split: Split, max_steps: int = 1000) -> None:
        self.split = split
        W_out, b = least_squares(split.a_train, split.y_train)
        self.figure = GradientDescentFigure(mse(split.y_test, linear_output(split.a_test, W_out, b)), max_steps)

    def draw(self, eta: float, steps: int) -> GradientDescentReading:
        split = self.split
        history = gradient_descent(split.a_train, split.y_train, eta, steps, split.a_test, split.y_test)
        return self.figure.draw(history, eta, steps)

    def to_png(self) -> bytes:
        return self.figure.to_png()

    @property
    def description(self) -> str:
        return self.figure.description
