"""What each figure says in words: a sentence or two made from the numbers it draws, for a reader who cannot see it.

Each description is carried as the figure's alt text (``helpers.display.rendering.described_output``). A widget's
figure puts its description on its image each time it redraws (``helpers.display.widgets.FigurePanel``).

The functions here only describe; they compute nothing that the figure does not show.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from helpers.display.readings import GradWrtYhatReading, SoftmaxGradientReading, format_vector
from helpers.display.tex_to_text import plain_text
from helpers.training.diabetes_training import RegressionCurves
from helpers.training.history import History
from helpers.training.linear_regression import Settling


def _classes(values: np.ndarray) -> str:
    return ", ".join(f"class {i}: {value:.4g}" for i, value in enumerate(values))


def describe_grad_wrt_yhat(reading: GradWrtYhatReading) -> str:
    """Notebook 1's three bar charts, ŷ, e(ℓ) and ∂ℒ/∂ŷ, for one example."""
    l, k = reading.l, len(reading.yhat)
    return (
        f"Three bar charts over the {k} classes 0 to {k - 1}; the true class ℓ = {l} is the hatched orange bar. "
        f"ŷ = softmax(a_L): {_classes(reading.yhat)}. e(ℓ) is 1 at class {l} and 0 elsewhere. "
        f"∂ℒ/∂ŷ is 0 at every class but ℓ = {l}, where it is −1/ŷ_ℓ = {reading.grad[l]:.4g}. "
        f"Loss ℒ = −log ŷ_ℓ = {reading.loss:.4f}."
    )


def describe_softmax_gradient(reading: SoftmaxGradientReading) -> str:
    """Notebook 2's bars of ŷ, e(ℓ) and ∂ℒ/∂a_L, and its heatmap of the Jacobian."""
    l, k = reading.l, len(reading.yhat)
    return (
        f"Three bar charts over the {k} classes 0 to {k - 1} and a heatmap, at temperature T = {reading.T:.2f}; "
        f"the true class ℓ = {l} is the hatched orange bar. ŷ = softmax(a_L / T): {_classes(reading.yhat)}. "
        f"e(ℓ) is 1 at class {l}. ∂ℒ/∂a_L: {_classes(reading.grad)}; negative only at ℓ, "
        f"summing to {reading.gradient_sum:.4f}. Loss ℒ = {reading.loss:.4f}. " + describe_jacobian(reading.jacobian)
    )


def describe_jacobian(jacobian: np.ndarray) -> str:
    """A heatmap of a (k, k) softmax Jacobian ∂ŷ_i/∂a_Lj."""
    k = jacobian.shape[0]
    off_diagonal = jacobian[~np.eye(k, dtype=bool)]
    return (
        f"Heatmap of the {k}×{k} Jacobian ∂ŷ_i/∂a_Lj, row i the output, column j the logit, red positive and blue "
        f"negative: the diagonal ŷ_i(1 − ŷ_i) is {format_vector(np.diag(jacobian))}, every entry off it is "
        f"−ŷ_iŷ_j, from {off_diagonal.min():.4g} to {off_diagonal.max():.4g}; each row sums to "
        f"{abs(round(float(jacobian.sum(axis=1).max()), 12)):.4g}."
    )


def describe_roadmap(factors: Sequence[str], highlight: Sequence[int], note: str, branch: str | None) -> str:
    """The lecture's chain-rule roadmap, with the factors this notebook derives highlighted."""
    chain = " · ".join(plain_text(factor) for factor in factors)
    chosen = ", ".join(plain_text(factors[i]) for i in sorted(highlight))
    text = (
        f"The chain rule of the lecture, ∂ℒ/∂W_111 = {chain}, one box per factor; highlighted (orange, with a thick "
        f"outline): {chosen}."
    )
    if branch:
        text += f" Below the last highlighted factor, a branch to {plain_text(branch)}."
    if note:
        text += f" Under the chain: {plain_text(note).rstrip('.')}."
    return text


def _run(name: str, values: Sequence[float], digits: int = 4, unit: str = "") -> str:
    """'train loss from 2.3 to 0.05 (lowest 0.04 at epoch 20)' for one curve."""
    values = np.asarray(values, dtype=np.float64)
    lowest = int(np.argmin(values))
    return (
        f"{name} from {values[0]:.{digits}g}{unit} to {values[-1]:.{digits}g}{unit} "
        f"(lowest {values[lowest]:.{digits}g}{unit}, at {lowest})"
    )


def describe_learning_curves(history: History, held_out: str) -> str:
    """Notebook 4's two panels: loss and accuracy against the epoch, for the training and held-out sets."""
    epochs = len(history.train_loss) - 1
    train_accuracy, held_out_accuracy = history.train_accuracy, history.held_out_accuracy
    return (
        f"Two line plots over epochs 0 to {epochs}, train solid with circles, {held_out} dashed with squares. "
        f"Cross-entropy loss (log scale): {_run('train', history.train_loss)}; "
        f"{_run(held_out, history.held_out_loss)}. "
        f"Accuracy: train from {100 * train_accuracy[0]:.1f}% to {100 * train_accuracy[-1]:.1f}%, {held_out} from "
        f"{100 * held_out_accuracy[0]:.1f}% to {100 * held_out_accuracy[-1]:.1f}%."
    )


def describe_validation_losses(losses: dict[str, Sequence[float]], title: str) -> str:
    """Several settings' validation loss against the epoch, one line each."""
    lines = "; ".join(_run(label, loss) for label, loss in losses.items())
    return (
        f"Validation cross-entropy loss (log scale) against the epoch, {title}, one line per setting, each with its "
        f"own line style and marker: {lines}."
    )


def describe_averaged_regression(curves: RegressionCurves) -> str:
    """Train and validation MSE averaged over seeds, with the linear model's validation MSE."""
    train, validation, linear_validation = curves.train, curves.validation, curves.linear_validation
    seeds, points = train.shape
    mean_train, mean_validation = train.mean(axis=0), validation.mean(axis=0)
    return (
        f"MSE against the epoch, 0 to {points - 1}, the mean of {seeds} seeds with their range shaded: train (solid, "
        f"circles) from {mean_train[0]:.0f} to {mean_train[-1]:.0f}, validation (dashed, squares) from "
        f"{mean_validation[0]:.0f} to {mean_validation[-1]:.0f} (seeds from {validation[:, -1].min():.0f} to "
        f"{validation[:, -1].max():.0f} at the end); the linear model's validation MSE, {linear_validation:.0f}, is "
        f"the dotted black line."
    )


def describe_gradient_descent(history: History, eta: float, closed_form: float) -> str:
    """Notebook 3's train and test MSE against the step, beside the closed form."""
    train_loss, test_loss = history.train_loss, history.held_out_loss
    steps = len(train_loss) - 1
    outcome = (
        "The run diverged: the loss left the plot through the top."
        if history.diverged
        else f"Train MSE falls from {train_loss[0]:.6g} to {train_loss[-1]:.6g}, test MSE from {test_loss[0]:.6g} to "
        f"{test_loss[-1]:.6g}."
    )
    return (
        f"Train (solid, circles) and test MSE (dashed, squares), log scale, over {steps} steps of gradient descent at "
        f"η = {eta:.4f}; the closed-form test MSE, {closed_form:.2f}, is the dotted black line. {outcome}"
    )


def describe_descent_and_settling(history: History, closed_form: float, test: Settling, eta: float) -> str:
    """Notebook 3's two panels of one run: the MSE on a log scale, and the test MSE's distance from the closed form,
    whose settling is ``test``."""
    train_loss, test_loss = history.train_loss, history.held_out_loss
    first_within, worst, stays_within, band = test.first_within, test.worst, test.stays_within, 100 * test.tolerance
    gap = 100 * (test_loss[worst] / closed_form - 1)
    return (
        f"Left: train (solid, circles) and test MSE (dashed, squares), log scale, over {len(train_loss) - 1} steps of "
        f"gradient descent at η = {eta:g}, falling to {train_loss[-1]:.6g} and {test_loss[-1]:.6g}; the closed-form "
        f"test MSE, {closed_form:.2f}, is the dotted black line. Right, on a linear scale: the test MSE's distance "
        f"above the closed form in percent, with the band within {band:g}% shaded; it first enters the band at step "
        f"{first_within}, leaves it again by up to {gap:.2f}% at step {worst}, and stays within from step "
        f"{stays_within} on."
    )


def describe_output_gradient(grad_a_L: np.ndarray) -> str:
    """A batch's ∇_{a_L} = (Ŷ - E)/m as an image."""
    m, k = grad_a_L.shape
    true_classes = np.argmin(grad_a_L, axis=1)
    return (
        f"Image of a batch's gradient at the logits, (Ŷ − E)/m, {m} rows (examples) by {k} columns (classes), red "
        f"above 0 and blue below, on a scale from {-np.abs(grad_a_L).max():.3g} to {np.abs(grad_a_L).max():.3g}. "
        f"Each row has one negative entry, at its true class (classes {', '.join(map(str, true_classes[:8]))}"
        f"{', …' if m > 8 else ''} for the first rows); every row sums to "
        f"{abs(round(float(np.abs(grad_a_L.sum(axis=1)).max()), 12)):.3g}."
    )


def describe_grad_size(yhat_l: np.ndarray) -> str:
    """Notebook 1's log-log plot of 1/ŷ_ℓ."""
    return (
        f"Log-log plot of the gradient's size 1/ŷ_ℓ against ŷ_ℓ, the true class's probability, from {yhat_l[0]:.0e} to "
        f"{yhat_l[-1]:g}: a straight line of slope −1, from {1 / yhat_l[0]:.0e} at the left down to "
        f"{1 / yhat_l[-1]:g} at ŷ_ℓ = {yhat_l[-1]:g}."
    )


def describe_true_logit_gradients(true_logit: np.ndarray, curves: dict[str, np.ndarray]) -> str:
    """Notebook 2's four pairings of output function and loss, at both ends of the true class's logit."""
    at_left = "; ".join(f"{plain_text(label)} {values[0]:.2g}" for label, values in curves.items())
    at_right = "; ".join(f"{plain_text(label)} {values[-1]:.2g}" for label, values in curves.items())
    return (
        f"Size of the true class's logit gradient, log scale, against that logit from {true_logit[0]:g} (a badly "
        f"wrong prediction) to {true_logit[-1]:g}, one line style and marker per pairing. At {true_logit[0]:g}: "
        f"{at_left}. At {true_logit[-1]:g}: {at_right}."
    )


def describe_learning_rate_runs(runs: dict[float, tuple[Sequence[float], bool]]) -> str:
    """Notebook 3's runs at multiples of the threshold 2/λ_max: each factor's train MSE and whether it diverged."""
    ends = "; ".join(
        f"η = {factor:.2f} × 2/λ_max "
        + (
            f"diverged after {len(losses) - 1} steps, leaving the plot through the top"
            if diverged
            else f"from {losses[0]:.4g} to {losses[-1]:.4g} after {len(losses) - 1} steps"
        )
        for factor, (losses, diverged) in runs.items()
    )
    return f"Train MSE against the step of gradient descent, log scale, one line style and marker per run: {ends}."


def describe_misclassified(true: np.ndarray, predicted: np.ndarray) -> str:
    """The grid of misclassified digits."""
    wrong = np.flatnonzero(true != predicted)
    pairs = ", ".join(f"{true[i]} as {predicted[i]}" for i in wrong)
    return f"{len(wrong)} of {len(true)} test digits misclassified, each an 8×8 image titled true → predicted: {pairs}."


def describe_confusion_matrix(matrix: np.ndarray) -> str:
    """The confusion matrix, rows the true class, columns the predicted one."""
    total, right = int(matrix.sum()), int(np.trace(matrix))
    errors = matrix - np.diag(np.diag(matrix))
    worst = np.unravel_index(np.argmax(errors), errors.shape)
    per_class = ", ".join(f"{i}: {int(n)}" for i, n in enumerate(errors.sum(axis=1)))
    text = (
        f"Confusion matrix of {total} test images over {matrix.shape[0]} classes, rows the true class, columns the "
        f"predicted one, each count written in its cell: {right} on the diagonal ({100 * right / total:.1f}% right). "
        f"Errors per true class: {per_class}."
    )
    if errors[worst]:
        text += f" The most frequent error: true {worst[0]} taken for {worst[1]}, {int(errors[worst])} times."
    return text
