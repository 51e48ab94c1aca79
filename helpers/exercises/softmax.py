"""Notebook 2's exercises: the softmax Jacobian, and the temperature that halves a gradient."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.exercises.grad_wrt_yhat import EXAMPLE_LOGITS
from helpers.kernels.softmax import softmax, softmax_jacobian

JacobianFunction = Callable[[np.ndarray], np.ndarray]


def diagnose_softmax_jacobian(student: JacobianFunction) -> str | None:
    """Compare ``student(a)`` with diag(ŷ) - ŷŷᵀ and name the first mistake found."""
    for a, _ in EXAMPLE_LOGITS:
        yhat = softmax(a)
        k = yhat.shape[0]
        expected = softmax_jacobian(a)
        try:
            answer = student(a.copy())
        except NotImplementedError:
            return "The function still raises NotImplementedError: replace that line with your code."
        if answer is None:
            return "The function returns None: it must return the (k, k) Jacobian."
        answer = np.asarray(answer, dtype=np.float64)
        if answer.shape != (k, k):
            return f"The Jacobian of k = {k} outputs by k logits has shape ({k}, {k}); got shape {answer.shape}."
        if np.allclose(answer, expected, rtol=1e-10, atol=1e-15):
            continue
        if np.allclose(answer, np.diag(yhat * (1 - yhat))):
            return (
                "You have only the diagonal y_i(1 - y_i). Every output depends on every logit through the "
                "denominator: off the diagonal, d yhat_i / d a_j = -yhat_i yhat_j."
            )
        if np.allclose(answer, -expected):
            return "The sign is flipped: raising a_Li raises yhat_i, so the diagonal must be positive."
        if np.allclose(answer, -np.outer(yhat, yhat)):
            return "The diagonal misses the term from d exp(a_i)/d a_i: add diag(yhat)."
        return f"For a = {a} the Jacobian is\n{np.round(expected, 4)}\nbut got\n{np.round(answer, 4)}."
    return None


def check_softmax_jacobian(student: JacobianFunction) -> None:
    """Print whether ``student(a)`` returns diag(ŷ) - ŷŷᵀ, with a hint if it does not."""
    report(diagnose_softmax_jacobian(student))


def true_class_gradient(a: np.ndarray, l: int, T: float) -> float:
    """∂L/∂a_Lℓ at temperature T: (softmax(a/T)_ℓ - 1) / T."""
    return float((softmax(np.asarray(a) / T)[l] - 1.0) / T)


def temperature_for_half_gradient(a: np.ndarray, l: int) -> float:
    """The T > 1 at which ∂L/∂a_Lℓ is half its value at T = 1, by bisection."""
    target = 0.5 * true_class_gradient(a, l, 1.0)
    low, high = 1.0, 1e4
    for _ in range(200):
        middle = 0.5 * (low + high)
        if true_class_gradient(a, l, middle) < target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def diagnose_temperature_for_half_gradient(T: float | None, a: np.ndarray, l: int) -> str | None:
    """Check a temperature at which the true class's logit gradient is half its value at T = 1."""
    if T is None:
        return "Set T to a number."
    if not T > 0:
        return f"A temperature is positive; got {T}."
    ratio = true_class_gradient(a, l, T) / true_class_gradient(a, l, 1.0)
    if abs(ratio - 0.5) < 1e-3:
        return None
    if T < 1:
        return (
            f"At T = {T} the ratio to T = 1 is {ratio:.4f}: a temperature below 1 sharpens the softmax and the "
            "gradient grows. Look above T = 1."
        )
    return (
        f"At T = {T} the gradient of the true class is {ratio:.4f} times its value at T = 1, not 0.5. "
        "Remember the chain-rule factor 1/T: dL/da_L = (softmax(a/T) - e(l)) / T."
    )


def check_temperature_for_half_gradient(T: float | None, a: np.ndarray, l: int) -> None:
    """Print whether ``T`` halves the true class's logit gradient, with a hint if it does not."""
    report(diagnose_temperature_for_half_gradient(T, a, l))
