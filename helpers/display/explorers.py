"""What each notebook's widget runs when a control moves: compute for the new settings, then have a figure draw it.

An explorer is what ``helpers.display.widgets.FigurePanel`` shows. Its ``draw`` takes the controls' values by their
keyword names, computes (the kernels' numbers for notebooks 1 and 2, a run of gradient descent for notebook 3, a
training run for notebook 4), has its figure draw the result and returns the reading shown beside it. The figures
themselves only draw; so a figure can be tested without computing, and a computation without a figure.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers.display.gradient_descent_figure import GradientDescentFigure
from helpers.display.logit_figures import GradWrtYhatFigure, SoftmaxGradientFigure
from helpers.display.readings import (
    GradientDescentReading,
    GradWrtYhatReading,
    LoopReading,
    SoftmaxGradientReading,
    read_grad_wrt_yhat,
    read_softmax_gradient,
)
from helpers.display.rendering import BlittedFigure
from helpers.display.training_figures import LearningCurvesFigure
from helpers.kernels.mse import linear_output, mse
from helpers.training.data import RegressionSplit
from helpers.training.history import History
from helpers.training.linear_regression import gradient_descent, least_squares


class Explorer:
    """An explorer's figure, rendered and described as it was last drawn. Subclasses set ``self.figure`` and
    define ``draw``."""

    figure: BlittedFigure

    def to_png(self) -> bytes:
        """The figure as PNG bytes."""
        return self.figure.to_png()

    @property
    def description(self) -> str:
        """What the figure shows, in words, for the settings it was drawn for last."""
        return self.figure.description


class GradWrtYhatExplorer(Explorer):
    """Notebook 1's widget: ŷ, e(ℓ) and ∂ℒ/∂ŷ for the logits and the true class the controls set."""

    def __init__(self, k: int = 4) -> None:
        self.figure = GradWrtYhatFigure(k)

    def draw(self, a: object, l: int) -> GradWrtYhatReading:
        """Read the kernels for logits ``a`` (shape (k,)) and true class ``l``, and draw that."""
        reading = read_grad_wrt_yhat(a, l)
        self.figure.draw(reading)
        return reading


class SoftmaxGradientExplorer(Explorer):
    """Notebook 2's widget: ŷ, e(ℓ), ∂ℒ/∂a_L and the softmax's Jacobian for the logits, the true class and the
    temperature T the controls set."""

    def __init__(self, k: int = 4) -> None:
        self.figure = SoftmaxGradientFigure(k)

    def draw(self, a: object, l: int, T: float = 1.0) -> SoftmaxGradientReading:
        """Read the kernels for logits ``a`` (shape (k,)), true class ``l`` and temperature ``T``, and draw that."""
        reading = read_softmax_gradient(a, l, T)
        self.figure.draw(reading)
        return reading


class GradientDescentExplorer(Explorer):
    """Notebook 3's widget: run gradient descent on ``split`` from zeros for the chosen η and number of steps, and
    draw its MSE beside the closed form's; ``split``'s held-out part is the test set (``diabetes_split``), which
    the figure calls so."""

    def __init__(self, split: RegressionSplit, max_steps: int = 1000) -> None:
        self.split = split
        W_out, b = least_squares(split.x_train, split.y_train)
        self.closed_form_test_loss = mse(split.y_held_out, linear_output(split.x_held_out, W_out, b))
        self.figure = GradientDescentFigure(self.closed_form_test_loss, max_steps)

    def draw(self, eta: float, steps: int) -> GradientDescentReading:
        """Run ``steps`` steps at learning rate ``eta``, and draw them."""
        history = gradient_descent(self.split, eta, steps)
        self.figure.draw(history, eta)
        return GradientDescentReading(
            eta=float(eta),
            steps=int(steps),
            final_train_loss=history.train_loss[-1],
            final_test_loss=history.held_out_loss[-1],
            closed_form_test_loss=self.closed_form_test_loss,
            diverged=history.diverged,
        )


class LoopExplorer(Explorer):
    """Notebook 4's widget: the training loop written on the page, ``run(eta, hidden)``, which trains from the same
    seed for ``epochs`` epochs and returns its ``History``; the explorer runs it for the controls' η and hidden size
    and draws the learning curves. ``held_out`` names what the history's held-out part is."""

    def __init__(self, run: Callable[[float, int], History], epochs: int, held_out: str = "validation") -> None:
        self.run = run
        self.held_out = held_out
        self.figure = LearningCurvesFigure(epochs, held_out)

    def draw(self, eta: float, hidden: int) -> LoopReading:
        """Run the page's loop at learning rate ``eta`` with ``hidden`` units, and draw its learning curves."""
        history = self.run(eta, hidden)
        self.figure.draw(history)
        return LoopReading(
            eta=float(eta),
            hidden=int(hidden),
            final_train_loss=history.train_loss[-1],
            final_held_out_loss=history.held_out_loss[-1],
            final_train_accuracy=history.train_accuracy[-1],
            final_held_out_accuracy=history.held_out_accuracy[-1],
            held_out=self.held_out,
        )
