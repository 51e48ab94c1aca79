"""Figures of a training run that ``helpers.training`` made: learning curves, validation curves of several settings,
averaged regression curves, misclassified digits, a confusion matrix; and notebook 4's explorer, which retrains and
draws.

A run's "held-out" curve is whatever the split's held-out part held: the validation part when settings are being chosen,
the test set only in the final evaluation; ``held_out`` names it on the figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from helpers.display.descriptions import (
    describe_averaged_regression,
    describe_confusion_matrix,
    describe_learning_curves,
    describe_misclassified,
    describe_output_gradient,
    describe_validation_losses,
)
from helpers.display.palette import REFERENCE_LINE, line_style
from helpers.display.rendering import BlittedFigure, DescribedFigure
from helpers.training.diabetes_training import RegressionCurves
from helpers.training.history import History


def _draw_history(axes, history: History, held_out: str) -> None:
    epochs = np.arange(len(history.train_loss))
    train_style, held_out_style = line_style(0, len(epochs)), line_style(1, len(epochs))
    loss_axes, accuracy_axes = axes
    loss_axes.plot(epochs, history.train_loss, label="train", **train_style)
    loss_axes.plot(epochs, history.held_out_loss, label=held_out, **held_out_style)
    loss_axes.set_yscale("log")
    loss_axes.set_xlabel("epoch")
    loss_axes.set_ylabel("cross-entropy loss")
    loss_axes.legend()
    accuracy_axes.plot(epochs, 100 * np.array(history.train_accuracy), label="train", **train_style)
    accuracy_axes.plot(epochs, 100 * np.array(history.held_out_accuracy), label=held_out, **held_out_style)
    accuracy_axes.set_ylim(0, 100.5)  # from 0: epoch 0 is near chance (10 %), and a slow run stays low
    accuracy_axes.set_xlabel("epoch")
    accuracy_axes.set_ylabel("accuracy (%)")
    accuracy_axes.legend(loc="lower right")


def learning_curves(history: History, held_out: str = "validation") -> DescribedFigure:
    """Loss (log scale) and accuracy against the epoch, for the training set and the held-out set."""
    figure = DescribedFigure(figsize=(10, 3.4), layout="constrained")
    _draw_history(figure.subplots(1, 2), history, held_out)
    figure.description = describe_learning_curves(history, held_out)
    return figure


def validation_loss_curves(curves: dict[str, Sequence[float]], title: str) -> DescribedFigure:
    """Validation losses against the epoch (entry 0: before training) for several settings, one line each,
    labelled by its key: e.g. each setting's ``SeededRuns.mean_curve``."""
    figure = DescribedFigure(figsize=(6.5, 3.4), layout="constrained")
    ax = figure.subplots()
    for number, (label, losses) in enumerate(curves.items()):
        ax.plot(np.arange(len(losses)), losses, label=label, **line_style(number, len(losses)))
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("validation cross-entropy loss")
    ax.set_title(title)
    ax.legend()
    figure.description = describe_validation_losses(curves, title)
    return figure


def averaged_regression_curves(curves: RegressionCurves) -> DescribedFigure:
    """``curves``' train and validation MSE against the epoch, averaged over its seeds, with the range over the seeds
    shaded, and the linear model's validation MSE as a dotted line."""
    figure = DescribedFigure(figsize=(6.5, 3.6), layout="constrained")
    ax = figure.subplots()
    epochs = np.arange(curves.train.shape[1])
    for number, (per_seed, label) in enumerate(((curves.train, "train MSE"), (curves.validation, "validation MSE"))):
        style = line_style(number, len(epochs))
        (line,) = ax.plot(epochs, per_seed.mean(axis=0), label=f"{label}, mean of {per_seed.shape[0]} seeds", **style)
        ax.fill_between(epochs, per_seed.min(axis=0), per_seed.max(axis=0), color=line.get_color(), alpha=0.2)
    ax.axhline(curves.linear_validation, label="linear model, validation MSE", **REFERENCE_LINE)
    ax.set_xlabel("epoch")
    ax.set_ylabel("MSE (original units)")
    ax.legend()
    figure.description = describe_averaged_regression(curves)
    return figure


def output_gradient_image(grad_a_L: np.ndarray) -> DescribedFigure:
    """A batch's ∇_{a_L} = (Ŷ - E)/m, shape (m, k), as an image: one row per example, one column per class, red
    above 0 and blue below, on a colour scale symmetric about 0 (so the one blue cell of a row is its true class)."""
    m, k = grad_a_L.shape
    figure = DescribedFigure(figsize=(4.6, 0.8 + 0.14 * m), layout="constrained")
    figure.description = describe_output_gradient(grad_a_L)
    ax = figure.subplots()
    limit = float(np.abs(grad_a_L).max())
    image = ax.imshow(grad_a_L, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(k))
    ax.set_xlabel("class (0 to k - 1)")
    ax.set_ylabel("example i of the batch")
    ax.set_title(r"$\nabla_{a_L}\mathcal{L} = (\hat{Y} - E)/m$: blue at the true class", fontsize=10)
    figure.colorbar(image, ax=ax)
    return figure


def misclassified_digits(
    images: np.ndarray, true: np.ndarray, predicted: np.ndarray, columns: int = 8
) -> DescribedFigure:
    """A grid of the 8×8 images whose predicted class differs from the true one, each titled 'true → predicted'."""
    wrong = np.flatnonzero(true != predicted)
    rows = max(1, int(np.ceil(len(wrong) / columns)))
    figure = DescribedFigure(figsize=(1.3 * columns, 1.5 * rows), layout="constrained")
    figure.description = describe_misclassified(true, predicted)
    axes = np.atleast_1d(figure.subplots(rows, columns)).ravel()
    for ax in axes:
        ax.axis("off")
    for ax, index in zip(axes, wrong, strict=False):  # more axes than digits: the rest stay blank
        ax.imshow(images[index].reshape(8, 8), cmap="gray_r")
        ax.set_title(f"{true[index]} → {predicted[index]}", fontsize=10)
    figure.suptitle(f"{len(wrong)} misclassified test digits (true → predicted)")
    return figure


def confusion_matrix_figure(matrix: np.ndarray) -> DescribedFigure:
    """The (k, k) confusion matrix, rows the true class and columns the predicted one, with the counts written in."""
    k = matrix.shape[0]
    figure = DescribedFigure(figsize=(5, 4.3), layout="constrained")
    figure.description = describe_confusion_matrix(matrix)
    ax = figure.subplots()
    image = ax.imshow(matrix, cmap="Blues")
    for i in range(k):
        for j in range(k):
            if matrix[i, j]:
                color = "white" if matrix[i, j] > matrix.max() / 2 else "black"
                ax.text(j, i, int(matrix[i, j]), ha="center", va="center", fontsize=8, color=color)
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title("confusion matrix (test set)")
    figure.colorbar(image, ax=ax)
    return figure


class LearningCurvesFigure(BlittedFigure):
    """``learning_curves`` with fixed axes (epochs 0 to ``epochs``, loss 0.01 to 3 on a log scale, accuracy 0 to
    100 %), so that a redraw only draws the four curves over a background rendered once. A run that leaves
    those ranges leaves the axes too."""

    def __init__(self, epochs: int, held_out: str) -> None:
        self.held_out = held_out
        self.figure = Figure(figsize=(10, 3.4), dpi=80, layout="constrained")
        loss_axes, accuracy_axes = self.figure.subplots(1, 2)
        self.lines = []
        for axes, ylabel in ((loss_axes, "cross-entropy loss (log scale)"), (accuracy_axes, "accuracy (%)")):
            for number, label in enumerate(("train", held_out)):
                (line,) = axes.plot([], [], label=label, **line_style(number, epochs + 1))
                self.lines.append(line)
            axes.set_xlim(0, epochs)
            axes.set_xlabel("epoch")
            axes.set_ylabel(ylabel)
        loss_axes.set_yscale("log")
        loss_axes.set_ylim(0.01, 3)
        loss_axes.legend(loc="upper right")
        accuracy_axes.set_ylim(0, 100.5)
        accuracy_axes.legend(loc="lower right")
        self._prepare(self.lines)

    def draw(self, history: History) -> None:
        """Set the four curves to ``history``'s losses and accuracies."""
        epochs = np.arange(len(history.train_loss))
        curves = (
            history.train_loss,
            history.held_out_loss,
            100 * np.array(history.train_accuracy),
            100 * np.array(history.held_out_accuracy),
        )
        for line, values in zip(self.lines, curves, strict=True):
            line.set_data(epochs, values)
        self.description = describe_learning_curves(history, self.held_out)
