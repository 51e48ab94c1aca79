"""Training the linear output layer ŷ = a W_out + bᵀ on the MSE by gradient descent, and its closed form.

The loss is a quadratic in (W_out, b) with Hessian H = (2/m) ãᵀã, where
ã = [a, 1] is a with a column of ones for the bias. Gradient descent with
step η multiplies the error along H's top eigenvector by (1 - η λ_max) each
step, so it converges when η < 2/λ_max, and without oscillating when η ≤ 1/λ_max.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from helpers.kernels.mse import (
    unchecked_linear_output,
    unchecked_mse,
    unchecked_mse_grad_wrt_bias,
    unchecked_mse_grad_wrt_weights,
)
from helpers.kernels.validation import as_matrix

DIVERGED_LOSS = 1e12


@dataclass
class TrainingHistory:
    """Weights and losses of a gradient-descent run; ``diverged`` is True if the loss passed 1e12 and the run
    stopped."""

    W_out: np.ndarray
    b: np.ndarray
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    diverged: bool = False


def gradient_descent(
    a: np.ndarray,
    y: np.ndarray,
    eta: float,
    steps: int,
    a_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
) -> TrainingHistory:
    """Run ``steps`` full-batch updates W_out ← W_out - η ∂L/∂W_out, b ← b - η ∂L/∂b from zeros.

    Parameters
    ----------
    a : ndarray, shape (m, u)
    y : ndarray, shape (m, 1)
    eta : float
        The learning rate η.
    steps : int
    a_test, y_test : ndarray, optional
        A held-out set whose loss is recorded at every step too.

    Returns
    -------
    TrainingHistory
        ``train_loss[t]`` (and ``test_loss[t]``) is the loss before update t; the last entry is after the final one.
    """
    if isinstance(eta, (bool, np.bool_)) or not (
        isinstance(eta, (int, float, np.floating)) and np.isfinite(eta) and eta > 0
    ):
        raise ValueError(f"eta must be a positive learning rate; got {eta!r}")
    if isinstance(steps, (bool, np.bool_)) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0; got {steps!r}")
    a = as_matrix(a, "a", (None, None))
    y = as_matrix(y, "y", (a.shape[0], 1))
    if (a_test is None) != (y_test is None):
        raise ValueError("a_test and y_test must be given together, or neither")
    if a_test is not None:
        a_test = as_matrix(a_test, "a_test", (None, a.shape[1]))
        y_test = as_matrix(y_test, "y_test", (a_test.shape[0], 1))
    history = TrainingHistory(W_out=np.zeros((a.shape[1], 1)), b=np.zeros((1, 1)))
    for step in range(steps + 1):
        yhat = unchecked_linear_output(a, history.W_out, history.b)
        loss = unchecked_mse(y, yhat)
        history.train_loss.append(loss)
        if a_test is not None:
            history.test_loss.append(unchecked_mse(y_test, unchecked_linear_output(a_test, history.W_out, history.b)))
        if loss > DIVERGED_LOSS:
            history.diverged = True
            break
        if step < steps:
            history.W_out -= eta * unchecked_mse_grad_wrt_weights(a, y, yhat)
            history.b -= eta * unchecked_mse_grad_wrt_bias(y, yhat)
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
