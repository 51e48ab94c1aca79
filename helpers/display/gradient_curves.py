"""Three static curve plots of notebooks 1 to 3, each describing itself from the numbers it draws.

Notebook 1: how |∂ℒ/∂ŷ_ℓ| = 1/ŷ_ℓ grows as ŷ_ℓ → 0. Notebook 2: the true class's logit gradient for the four pairings
of output function and loss. Notebook 3: gradient descent's train MSE just below and above the threshold 2/λ_max.
"""

from __future__ import annotations

import numpy as np

from helpers.display.descriptions import (
    describe_grad_size,
    describe_learning_rate_runs,
    describe_true_logit_gradients,
)
from helpers.display.palette import line_style
from helpers.display.rendering import DescribedFigure
from helpers.training.history import History


def grad_size_figure(yhat_l: np.ndarray) -> DescribedFigure:
    """|∂ℒ/∂ŷ_ℓ| = 1/ŷ_ℓ against ŷ_ℓ (shape (n,), increasing, in (0, 1]), on log-log axes."""
    figure = DescribedFigure(figsize=(5.5, 3.5), layout="constrained")
    ax = figure.subplots()
    ax.loglog(yhat_l, 1 / yhat_l, **line_style(0, len(yhat_l)))
    ax.set_xlabel(r"$\hat{y}_\ell$, the probability of the true class")
    ax.set_ylabel(r"$|\partial \mathcal{L} / \partial \hat{y}_\ell| = 1/\hat{y}_\ell$")
    ax.set_title(r"The gradient grows without bound as $\hat{y}_\ell \to 0$")
    ax.grid(True, which="both", alpha=0.3)
    figure.description = describe_grad_size(yhat_l)
    return figure


def true_logit_gradients_figure(true_logit: np.ndarray, curves: dict[str, np.ndarray]) -> DescribedFigure:
    """Each curve's |gradient| (shape (n,)) against the true class's logit (shape (n,)), log scale, one line style
    and marker per curve."""
    figure = DescribedFigure(figsize=(6.5, 3.8), layout="constrained")
    ax = figure.subplots()
    for number, (label, gradient) in enumerate(curves.items()):
        ax.semilogy(true_logit, gradient, label=label, **line_style(number, len(true_logit)))
    ax.set_xlabel(r"logit of the true class: $z$ (sigmoid), $a_{L\ell}$ (softmax, others at 0)")
    ax.set_ylabel(r"$|\partial \mathcal{L} / \partial z|$,  $|\partial \mathcal{L} / \partial a_{L\ell}|$")
    ax.set_title("Gradient of the true class's logit as the prediction gets worse")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    figure.description = describe_true_logit_gradients(true_logit, curves)
    return figure


def learning_rate_runs_figure(runs: dict[float, History], ylim: tuple[float, float]) -> DescribedFigure:
    """The train MSE of gradient-descent runs at multiples (the keys) of the threshold 2/λ_max, against the step, log
    scale, one labelled line each."""
    figure = DescribedFigure(figsize=(6, 3.6), layout="constrained")
    ax = figure.subplots()
    for number, (factor, run) in enumerate(runs.items()):
        label = rf"$\eta$ = {factor:.2f} $\times\, 2/\lambda_{{max}}$"
        ax.semilogy(run.train_loss, label=label, **line_style(number, len(run.train_loss)))
    ax.set_xlabel("step of gradient descent")
    ax.set_ylabel("train MSE")
    ax.set_ylim(*ylim)
    ax.legend()
    figure.description = describe_learning_rate_runs(
        {factor: (run.train_loss, run.diverged) for factor, run in runs.items()}
    )
    return figure
