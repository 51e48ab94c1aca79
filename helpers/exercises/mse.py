"""Notebook 3's exercises: the batched MSE gradient with respect to W_out, and the learning-rate limit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.kernels.mse import mse_grad_wrt_weights

WeightGradFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def diagnose_mse_grad_wrt_weights(student: WeightGradFunction) -> str | None:
    """Compare ``student(a, y, yhat)`` with (2/m) aᵀ(ŷ - y) and name the first mistake found."""

    rng = np.random.default_rng(7)
    m, u = 5, 4
    a, y, yhat = rng.normal(size=(m, u)), rng.normal(size=(m, 1)), rng.normal(size=(m, 1))
    expected = mse_grad_wrt_weights(a, y, yhat)
    try:
        answer = student(a.copy(), y.copy(), yhat.copy())
    except NotImplementedError:
        return "The function still raises NotImplementedError: replace that line with your code."
    if answer is None:
        return "The function returns None: it must return the gradient, shape (u, 1)."
    answer = np.asarray(answer, dtype=np.float64)
    if answer.shape == (1, u) or answer.shape == (u,):
        return f"The gradient has W_out's shape, (u, 1) = ({u}, 1); got {answer.shape}. Try aᵀ(ŷ - y), not (ŷ - y)ᵀa."
    if answer.shape != (u, 1):
        return f"The gradient has W_out's shape, ({u}, 1); got {answer.shape}."
    if np.allclose(answer, expected, rtol=1e-10):
        return None
    for factor, hint in [
        (-1, "The sign is flipped: the lecture's eq. 8 is 2(ŷ - y) a, and descent subtracts it."),
        (0.5, "The factor 2 from differentiating the square is missing."),
        (1 / m, "1/m is applied twice: once in the loss and once more when averaging. Apply it once."),
        (m, "The 1/m of the mean is missing: this is the sum over examples, not the gradient of the mean."),
    ]:
        if np.allclose(answer, factor * expected, rtol=1e-10):
            return hint
    return f"Expected (2/m) aᵀ(ŷ - y) =\n{np.round(expected, 4)}\ngot\n{np.round(answer, 4)}."


def check_mse_grad_wrt_weights(student: WeightGradFunction) -> None:
    """Print whether ``student(a, y, yhat)`` returns (2/m) aᵀ(ŷ - y), with a hint if it does not."""
    report(diagnose_mse_grad_wrt_weights(student))


def diagnose_learning_rate_limit(eta: float | None, lambda_max: float) -> str | None:
    """Check the largest learning rate at which gradient descent still converges, 2/λ_max."""
    if eta is None:
        return "Set eta to a number."
    limit = 2.0 / lambda_max
    if abs(eta / limit - 1) < 0.01:
        return None
    if abs(eta * lambda_max - 1) < 0.01:
        return (
            "1/λ_max is where the error along the top eigenvector starts to change sign each step; "
            "it still shrinks while |1 - η λ_max| < 1."
        )
    if abs(eta - lambda_max) / lambda_max < 0.01:
        return "That is λ_max itself; the limit on η is in units of 1/λ_max."
    return (
        f"Along the top eigenvector the error is multiplied by 1 - η λ_max = {1 - eta * lambda_max:.3f} "
        "per step; find where that reaches -1."
    )


def check_learning_rate_limit(eta: float | None, lambda_max: float) -> None:
    """Print whether ``eta`` is the largest convergent learning rate, with a hint if it is not."""
    report(diagnose_learning_rate_limit(eta, lambda_max))
