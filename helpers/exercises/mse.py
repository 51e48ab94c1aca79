"""Notebook 3's exercises: the batched MSE gradient with respect to W_out, and the threshold on the learning rate.

The gradient is judged against central differences of the mean squared error
itself, not against a formula: a right answer is one that matches them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.kernels.gradcheck import numerical_gradient, relative_error
from helpers.kernels.mse import linear_output, mse

WeightGradFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]

M, U = 5, 4  # the note's sizes; m != u, so that a @ (ŷ - y) without the transpose cannot run


def _as_float_array(answer: object) -> np.ndarray | None:
    """``answer`` as a float64 array, or None when it is not numbers (a string, a ragged list, ...)."""
    if answer is None or isinstance(answer, (str, bytes)):
        return None
    try:
        array = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array


def _close(answer: np.ndarray, target: np.ndarray) -> bool:
    return answer.shape == target.shape and np.allclose(answer, target, rtol=1e-6, atol=1e-12)


def _weight_gradient_problem() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """a (m, u), y (m, 1), ŷ = a W_out + bᵀ (m, 1), and the finite-difference gradient of the MSE at W_out (u, 1)."""
    rng = np.random.default_rng(7)
    a, W_out, b, y = rng.normal(size=(M, U)), rng.normal(size=(U, 1)), rng.normal(size=(1, 1)), rng.normal(size=(M, 1))
    yhat = linear_output(a, W_out, b)
    numeric = numerical_gradient(lambda W: mse(y, linear_output(a, W, b)), W_out)
    return a, y, yhat, numeric


def _shape_hint(answer: np.ndarray, a: np.ndarray, y: np.ndarray, yhat: np.ndarray, numeric: np.ndarray) -> str:
    """A hint for an answer of the wrong shape, naming the mistake that gives that shape."""
    stacked = 2 * (yhat - y) * a  # eq. (11): one row per example, no 1/m
    if answer.shape == (M, U):
        if _close(answer, stacked) or _close(answer, stacked / M):
            return (
                "This is eq. (11)'s stacked (m, u) matrix, one row per example. The gradient of the mean is one "
                "(u, 1) column: sum the rows (axis=0), divide by m once, and make it a column."
            )
        return "The result has one row per example, shape (m, u); the gradient has W_out's shape, (u, 1)."
    if answer.shape == (U, M):
        return (
            "The result has one column per example, shape (u, m): the examples were multiplied but not added. "
            "aᵀ(ŷ - y) with a matrix product sums over the examples."
        )
    if answer.shape in {(U,), (1, U)}:
        as_column = answer.reshape(U, 1)
        if _close(as_column, numeric):
            if answer.shape == (U,):
                return (
                    "The numbers are right but the shape is (u,), a flat vector: Sum(axis=0) drops the axis. "
                    "Return a (u, 1) column (e.g. .reshape(-1, 1)); the section “The update, eq. (12), typed "
                    "literally” shows what (u,) does to W_out."
                )
            return "The numbers are right but the shape is (1, u): (ŷ - y)ᵀa is a row. Write aᵀ(ŷ - y), a column."
        return f"The gradient has W_out's shape, (u, 1) = ({U}, 1); got {answer.shape}."
    if answer.shape in {(M, 1), (M,)}:
        return (
            "The result has one entry per example, shape (m, 1): that is the gradient with respect to ŷ. "
            "The chain rule multiplies it by ∂ŷ/∂W_out, which brings in aᵀ."
        )
    if answer.ndim == 0 or answer.size == 1:
        return "The result is a single number; the gradient has one entry per weight, shape (u, 1)."
    if answer.shape == (U, U):
        return (
            "The result is (u, u): a (u,) vector met a (u, 1) column and numpy broadcast them, as in the "
            "section “The update, eq. (12), typed literally”. Keep every array a column."
        )
    return f"The gradient has W_out's shape, (u, 1) = ({U}, 1); got {answer.shape}."


def diagnose_mse_grad_wrt_weights(student: WeightGradFunction) -> str | None:
    """Compare ``student(a, y, yhat)`` with central differences of the MSE and name the mistake it recognises.

    ``a`` is (5, 4), ``y`` and ``yhat`` are (5, 1); the answer must be the (4, 1) gradient of
    L = (1/m) Σ (ŷ_i - y_i)² with respect to W_out.
    """
    a, y, yhat, numeric = _weight_gradient_problem()
    if not callable(student):
        return "Pass the function itself, e.g. check_mse_grad_wrt_weights(my_mse_grad_wrt_weights), without calling it."
    try:
        raw = student(a.copy(), y.copy(), yhat.copy())
    except NotImplementedError:
        return "The function still raises NotImplementedError: replace that line with your code."
    except ValueError as error:
        if "matmul" in str(error) or "aligned" in str(error):
            return (
                "A matrix product failed: a is (m, u) and ŷ - y is (m, 1), so a @ (ŷ - y) does not fit. "
                "The sum over the m examples is aᵀ(ŷ - y), (u, m) times (m, 1)."
            )
        return f"The function raised ValueError ({error}); check the shapes of what it multiplies."
    except Exception as error:  # any other mistake in the student's code becomes a hint, not a traceback
        return f"The function raised {type(error).__name__} ({error}); it must return an array of shape (u, 1)."
    if raw is None:
        return "The function returns None: it must return the gradient, shape (u, 1) (did you forget `return`?)."
    answer = _as_float_array(raw)
    if answer is None:
        return (
            f"The function returned {type(raw).__name__} {raw!r:.60}; it must return numbers, an array of shape (u, 1)."
        )
    if answer.shape != (U, 1):
        return _shape_hint(answer, a, y, yhat, numeric)
    if not np.all(np.isfinite(answer)):
        return "The result holds nan or inf; check for a division by zero."
    if relative_error(answer, numeric) < 1e-7:
        return None
    for factor, hint in [
        (
            -1,
            "Every entry has the wrong sign: the note's eq. (8) is 2(ŷ - y) a; (y - ŷ) flips it, and descent "
            "would then climb.",
        ),
        (
            0.5,
            "Every entry is half the finite-difference gradient: the factor 2 from differentiating the square "
            "is missing.",
        ),
        (-0.5, "The sign is flipped and the factor 2 is missing."),
        (
            1 / M,
            "Every entry is 1/m of the finite-difference gradient: 1/m is applied twice (once in the loss, "
            "once more when averaging). Apply it once.",
        ),
        (
            M,
            "Every entry is m times the finite-difference gradient: this is the gradient of the sum of the squared "
            "errors; the mean's gradient has the 1/m.",
        ),
        (M / 2, "Every entry is m/2 times the finite-difference gradient: both the 1/m and the factor 2 are missing."),
        (-M, "The sign is flipped and the 1/m is missing."),
    ]:
        if _close(answer, factor * numeric):
            return hint
    ratios = answer[:, 0] / np.where(numeric[:, 0] == 0, np.nan, numeric[:, 0])
    if np.all(np.isfinite(ratios)) and np.ptp(ratios) < 1e-6 * np.max(np.abs(ratios)):
        return (
            f"Every entry is {ratios[0]:.3g} times the finite-difference gradient: a constant factor is off. "
            "Recount the 2, the 1/m and the sign."
        )
    return (
        "The entries do not match the finite-difference gradient, and not by one common factor: the direction is "
        "wrong. Check that you use ŷ - y (not y alone) and that each example's error multiplies its own row of a."
    )


def check_mse_grad_wrt_weights(student: WeightGradFunction) -> None:
    """Print whether ``student(a, y, yhat)`` returns the gradient of the MSE with respect to W_out, with a hint."""
    report(diagnose_mse_grad_wrt_weights(student))


def diagnose_learning_rate_limit(eta: object, lambda_max: float) -> str | None:
    """Check the threshold 2/λ_max above which gradient descent diverges (it converges for every η below it).

    The set of convergent η is open, (0, 2/λ_max), so it has no largest
    element; the exercise asks for its upper end. An answer within 1% passes.
    """
    if eta is None or isinstance(eta, (str, bytes, bool, np.bool_)) or not np.isscalar(eta):
        return "Set eta_threshold to a number, e.g. an expression in lambda_max."
    try:
        eta = float(eta)
    except (TypeError, ValueError):
        return "Set eta_threshold to a number, e.g. an expression in lambda_max."
    if not np.isfinite(eta) or eta <= 0:
        return "A learning rate is a positive, finite number."
    limit = 2.0 / lambda_max
    if abs(eta / limit - 1) < 0.01:
        return None
    if abs(eta * lambda_max - 1) < 0.01:
        return (
            "1/λ_max is where the error along the top eigenvector starts to change sign each step; "
            "it still shrinks while |1 - η λ_max| < 1."
        )
    if abs(eta - lambda_max) / lambda_max < 0.01 or abs(eta - 2 * lambda_max) / lambda_max < 0.01:
        return "That is a multiple of λ_max itself; a learning rate is measured in units of 1/λ_max."
    if abs(eta * lambda_max / 4 - 1) < 0.01:
        return "That is 4/λ_max: the factor per step, 1 - η λ_max, reaches -1 earlier."
    factor = 1 - eta * lambda_max
    side = "still converges" if abs(factor) < 1 else "diverges"
    return (
        f"At this η the error along the top eigenvector is multiplied by 1 - η λ_max = {factor:.3f} per step, "
        f"so gradient descent {side}; the threshold is the η at which that factor reaches -1."
    )


def check_learning_rate_limit(eta: object, lambda_max: float) -> None:
    """Print whether ``eta`` is the threshold above which gradient descent diverges, with a hint if it is not."""
    report(diagnose_learning_rate_limit(eta, lambda_max))
