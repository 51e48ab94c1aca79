"""Notebook 1's exercises: the gradient of L = -log ŷ_ℓ with respect to ŷ."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.kernels.cross_entropy import grad_wrt_yhat, one_hot
from helpers.kernels.softmax import softmax

GradFunction = Callable[[np.ndarray, int], np.ndarray]

EXAMPLE_LOGITS = [(np.array([2.0, 1.0, 0.1, -1.0]), 2), (np.array([0.3, -0.2, 1.5]), 0), (np.array([1.0, 1.0]), 1)]


def diagnose_grad_wrt_yhat(student: GradFunction) -> str | None:
    """Compare ``student(yhat, l)`` with -(1/ŷ_ℓ) e(ℓ) and name the first mistake found."""
    for a, l in EXAMPLE_LOGITS:
        yhat = softmax(a)
        k = yhat.shape[0]
        expected = grad_wrt_yhat(yhat, l)
        try:
            answer = student(yhat.copy(), l)
        except NotImplementedError:
            return "The function still raises NotImplementedError: replace that line with your code."
        if answer is None:
            return "The function returns None: it must return the gradient vector, shape (k,)."
        answer = np.asarray(answer, dtype=np.float64)
        if answer.shape != (k,):
            return f"For k = {k} classes the gradient has shape ({k},), one entry per yhat_i; got shape {answer.shape}."
        if np.allclose(answer, expected, rtol=1e-10, atol=0):
            continue
        if np.allclose(answer, -expected):
            return "The sign is flipped: L = -log yhat_l decreases as yhat_l grows, so dL/dyhat_l is negative."
        if np.allclose(answer, -one_hot(l, k)) or np.allclose(answer, one_hot(l, k)):
            return "You have the indicator e(l) but not the factor 1/yhat_l from d(log x)/dx = 1/x."
        if np.allclose(answer, -1.0 / yhat):
            return "Only the true class appears in L = -log yhat_l, so dL/dyhat_i = 0 for every i != l."
        nonzero = np.flatnonzero(answer)
        if len(nonzero) == 1 and nonzero[0] != l:
            return f"The non-zero entry sits at class {nonzero[0]}, but the true class is l = {l}: index with l."
        return (
            f"For yhat = {np.round(yhat, 4)} and l = {l} the gradient is {np.round(expected, 4)}; "
            f"got {np.round(answer, 4)}."
        )
    return None


def check_grad_wrt_yhat(student: GradFunction) -> None:
    """Print whether ``student(yhat, l)`` returns -(1/ŷ_ℓ) e(ℓ), with a hint if it does not."""
    report(diagnose_grad_wrt_yhat(student))


def diagnose_probability_for_gradient(yhat_l: float | None, target_gradient: float = -4.0) -> str | None:
    """Check the ŷ_ℓ at which ∂L/∂ŷ_ℓ equals ``target_gradient`` (the answer is -1/target_gradient)."""
    expected = -1.0 / target_gradient
    if yhat_l is None:
        return "Set the answer to a number."
    if np.isclose(yhat_l, expected, rtol=1e-9):
        return None
    if np.isclose(abs(yhat_l), abs(target_gradient)):
        return "That is the size of the gradient itself; the question asks for yhat_l, and dL/dyhat_l = -1/yhat_l."
    if not 0 < yhat_l <= 1:
        return f"yhat_l is a probability in (0, 1]; got {yhat_l}. Solve -1/yhat_l = {target_gradient} for yhat_l."
    return f"dL/dyhat_l = -1/yhat_l; at your yhat_l = {yhat_l} it is {-1.0 / yhat_l:.4g}, not {target_gradient}."


def check_probability_for_gradient(yhat_l: float | None, target_gradient: float = -4.0) -> None:
    """Print whether ``yhat_l`` makes ∂L/∂ŷ_ℓ equal ``target_gradient``, with a hint if it does not."""
    report(diagnose_probability_for_gradient(yhat_l, target_gradient))
