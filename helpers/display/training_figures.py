"""Figures of a training run that ``helpers.training`` made: learning curves, misclassified digits, a confusion
matrix; and notebook 4's explorer, which retrains and draws."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from helpers.display.readings import TrainingReading
from helpers.display.rendering import render_png
from helpers.training.data import Split
from helpers.training.digits_training import SETTINGS
from helpers.training.network import SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import History, train


def _draw_history(axes, history: History) -> None:
    epochs = np.arange(len(history.train_loss))
    loss_axes, accuracy_axes = axes
    loss_axes.plot(epochs, history.train_loss, label="train")
    loss_axes.plot(epochs, history.test_loss, label="test")
    loss_axes.set_yscale("log")
    loss_axes.set_xlabel("epoch")
    loss_axes.set_ylabel("cross-entropy loss")
    loss_axes.legend()
    accuracy_axes.plot(epochs, 100 * np.array(history.train_accuracy), label="train")
    accuracy_axes.plot(epochs, 100 * np.array(history.test_accuracy), label="test")
    accuracy_axes.set_ylim(80, 100.5)
    accuracy_axes.set_xlabel("epoch")
    accuracy_axes.set_ylabel("accuracy (%)")
    accuracy_axes.legend(loc="lower right")


def learning_curves(history: History) -> Figure:
    """Loss (log scale) and accuracy against the epoch, for the train and test sets."""
    figure = Figure(figsize=(10, 3.4), layout="constrained")
    _draw_history(figure.subplots(1, 2), history)
    return figure


def misclassified_digits(images: np.ndarray, true: np.ndarray, predicted: np.ndarray, columns: int = 8) -> Figure:
    """A grid of the 8×8 images whose predicted class differs from the true one, each titled 'true → predicted'."""
    wrong = np.flatnonzero(true != predicted)
    rows = max(1, int(np.ceil(len(wrong) / columns)))
    figure = Figure(figsize=(1.3 * columns, 1.5 * rows), layout="constrained")
    axes = np.atleast_1d(figure.subplots(rows, columns)).ravel()
    for ax in axes:
        ax.axis("off")
    for ax, index in zip(axes, wrong, strict=False):  # more axes than digits: the rest stay blank
        ax.imshow(images[index].reshape(8, 8), cmap="gray_r")
        ax.set_title(f"{true[index]} → {predicted[index]}", fontsize=10)
    figure.suptitle(f"{len(wrong)} misclassified test digits (true → predicted)")
    return figure


def confusion_matrix_figure(matrix: np.ndarray) -> Figure:
    """The (k, k) confusion matrix, rows the true class and columns the predicted one, with the counts written in."""
    k = matrix.shape[0]
    figure = Figure(figsize=(5, 4.3), layout="constrained")
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


class TrainingExplorer:
    """For the widget: retrain the digits network for the chosen η, batch size and hidden size, then draw its
    learning curves. Training is ``helpers.training.train``'s; this class only chooses the run and draws it."""

    def __init__(
        self,
        data: Split,
        epochs: int = SETTINGS["epochs"],
        momentum: float = SETTINGS["momentum"],
        weight_decay: float = SETTINGS["weight_decay"],
        seed: int = 0,
    ) -> None:
        self.data = data
        self.epochs = epochs
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.seed = seed
        self.figure = Figure(figsize=(10, 3.4), dpi=80, layout="constrained")

    def draw(self, eta: float, batch_size: int, hidden: int) -> TrainingReading:
        n_inputs, k = self.data.a_train.shape[1], int(self.data.y_train.max()) + 1
        params = init_parameters(n_inputs, hidden, k, seed=self.seed)
        history = train(
            params,
            self.data,
            SoftmaxCrossEntropy(),
            eta,
            self.epochs,
            batch_size,
            self.momentum,
            self.weight_decay,
            seed=self.seed,
        )
        self.figure.clear()
        _draw_history(self.figure.subplots(1, 2), history)
        return TrainingReading(
            eta=float(eta),
            batch_size=int(batch_size),
            hidden=int(hidden),
            final_train_accuracy=history.train_accuracy[-1],
            final_test_accuracy=history.test_accuracy[-1],
        )

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes."""
        return render_png(self.figure)
