"""Training the linear output layer ŷ = a W_out + bᵀ on the MSE by gradient descent, and its closed form.

The loss is a quadratic in (W_out, b) with Hessian H = (2/m) ãᵀã, where
ã = [a, 1] is a with a column of ones for the bias. Gradient descent with
step η multiplies the error along H's top eigenvector by (1 - η λ_max) each
step, so it converges when η < 2/λ_max, and without oscillating when η ≤ 1/λ_max.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from helpers.kernels.mse import (
    unchecked_linear_output,
    unchecked_mse,
    unchecked_mse_grad_wrt_bias,
    unchecked_mse_grad_wrt_weights,
)
from helpers.kernels.validation import as_instance, as_learning_rate, as_matrix, as_positive_integer, as_real_number
from helpers.training.data import RegressionSplit
from helpers.training.history import History

DIVERGED_LOSS = 1e12


def gradient_descent(split: RegressionSplit, eta: float, steps: int) -> History:
    """Run ``steps`` full-batch updates W_out ← W_out - η ∂L/∂W_out, b ← b - η ∂L/∂b from zeros on ``split``'s
    training part, recording the MSE on both parts.

    The inputs ``split.x_train`` play the part of the lecture's a: the output layer's inputs.

    Parameters
    ----------
    split : RegressionSplit
        ``x_train`` (m, u) and ``y_train`` (m, 1) to train on; ``x_held_out`` (m_held_out, u) and ``y_held_out``
        (m_held_out, 1), whose loss is recorded too (notebook 3's test set).
    eta : float
        The learning rate η.
    steps : int

    Returns
    -------
    History
        ``train_loss[t]`` and ``held_out_loss[t]`` are the losses before update t; the last entry is after the
        final one.
    """
    eta = as_learning_rate(eta)
    steps = as_positive_integer(steps, "steps", "number of updates")
    as_instance(split, "split", RegressionSplit)
    a = as_matrix(split.x_train, "split.x_train", (None, None))
    y = as_matrix(split.y_train, "split.y_train", (a.shape[0], 1))
    a_held_out = as_matrix(split.x_held_out, "split.x_held_out", (None, a.shape[1]))
    y_held_out = as_matrix(split.y_held_out, "split.y_held_out", (a_held_out.shape[0], 1))
    W_out, b = np.zeros((a.shape[1], 1)), np.zeros((1, 1))
    history = History()
    for step in range(steps + 1):
        yhat = unchecked_linear_output(a, W_out, b)
        loss = unchecked_mse(y, yhat)
        history.train_loss.append(loss)
        history.held_out_loss.append(unchecked_mse(y_held_out, unchecked_linear_output(a_held_out, W_out, b)))
        if loss > DIVERGED_LOSS:
            history.diverged = True
            break
        if step < steps:
            W_out -= eta * unchecked_mse_grad_wrt_weights(a, y, yhat)
            b -= eta * unchecked_mse_grad_wrt_bias(y, yhat)
    return history


def least_squares(a: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The closed-form minimiser of the MSE: W_out (u, 1) and b (1, 1) from numpy's least-squares solver."""
    with_ones = np.hstack([a, np.ones((a.shape[0], 1))])
    solution, *_ = np.linalg.lstsq(with_ones, y, rcond=None)
    return solution[:-1], solution[-1:]


def largest_hessian_eigenvalue(a: np.ndarray) -> float:
    """λ_max of H = (2/m) ãᵀã, ã = [a, 1]: the curvature that limits the learning rate."""
    with_ones = np.hstack([a, np.ones((a.shape[0], 1))])
    return float(np.linalg.eigvalsh((2.0 / a.shape[0]) * with_ones.T @ with_ones)[-1])


@dataclass(frozen=True)
class Settling:
    """When a loss curve first comes within a fraction ``tolerance`` of a reference value, how far out it goes again,
    and from which step on it stays within.

    ``gaps[t]`` is loss[t] / reference - 1; ``worst`` is the step of the largest |gap| between ``first_within`` and
    ``stays_within`` (``first_within`` itself when the curve never leaves again).
    """

    tolerance: float
    gaps: np.ndarray
    first_within: int
    worst: int
    stays_within: int


def settling(losses: Sequence[float], reference: float, tolerance: float) -> Settling:
    """The ``Settling`` of ``losses`` (entry t after t steps) around ``reference``, for a fraction ``tolerance``."""
    reference = as_real_number(reference, "reference", "a positive loss", above=0)
    tolerance = as_real_number(tolerance, "tolerance", "a fraction > 0", above=0)
    gaps = np.asarray(losses, dtype=float) / reference - 1
    within = np.abs(gaps) < tolerance
    if not within[-1]:
        raise ValueError(f"losses must end within {tolerance:.1%} of the reference; the last is {gaps[-1]:+.2%} off")
    first_within = int(np.argmax(within))
    outside = np.flatnonzero(~within)
    stays_within = int(outside[-1]) + 1 if outside.size else 0
    worst = first_within + int(np.argmax(np.abs(gaps[first_within : max(stays_within, first_within + 1)])))
    return Settling(tolerance, gaps, first_within, worst, stays_within)
