"""Notebook 1's exercises: the gradient of L = -log ŷ_ℓ with respect to ŷ.

Each checker compares the reader's answer with the lecture's result and,
when they differ, names the likeliest mistake that produces that answer
(a missing minus, 1/ŷ at every class, notebook 2's ŷ - e(ℓ), a class index
off by one, ...) instead of printing the expected values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.feedback import as_array, as_number, call_student, diagnosis, report
from helpers.exercises.partials import (
    CHECKED,
    EXAMPLE_LOGITS,
    PartialFunction,
    SymbolicCheck,
    diagnose_partial,
    print_partial_verdict,
)
from helpers.kernels.cross_entropy import grad_wrt_yhat, negative_log_likelihood, one_hot
from helpers.kernels.softmax import softmax

GradFunction = Callable[[np.ndarray, int], Any]


def hint_for_grad_wrt_yhat(answer: np.ndarray, yhat: np.ndarray, l: int) -> str | None:
    """None if ``answer`` is -(1/ŷ_ℓ) e(ℓ) for these ŷ and ℓ, else a hint naming the likeliest mistake."""
    k = yhat.shape[0]
    expected = grad_wrt_yhat(yhat, l)
    e = one_hot(l, k)
    if np.allclose(answer, expected, rtol=1e-10, atol=0):
        return None
    candidates = [
        (-expected, "The sign is flipped: L = -log yhat_l falls as yhat_l grows, so dL/dyhat_l is negative."),
        (-e, "You have the indicator e(l) but not the factor 1/yhat_l that d(log x)/dx = 1/x brings."),
        (e, "You have the indicator e(l) but neither the minus sign nor the factor 1/yhat_l from d(-log x)/dx."),
        (
            -1.0 / yhat,
            "That puts -1/yhat_i at every class. Only yhat_l appears in L = -log yhat_l, "
            "so dL/dyhat_i = 0 for every i != l.",
        ),
        (1.0 / yhat, "That puts 1/yhat_i at every class, with the wrong sign. Only yhat_l appears in L = -log yhat_l."),
        (
            yhat - e,
            "That is yhat - e(l), the gradient with respect to the logits a_L (notebook 2). Here the "
            "variables are the outputs yhat_i themselves, each treated as its own variable.",
        ),
        (
            e - yhat,
            "That is e(l) - yhat, minus the gradient with respect to the logits. Here differentiate "
            "-log yhat_l with respect to each yhat_i itself.",
        ),
        (
            -e / softmax(yhat)[l],
            "You applied the softmax to yhat again: the argument is already the probability "
            "vector, so use yhat[l] directly.",
        ),
        (
            -np.log(yhat[l]) * e,
            "That is the loss -log yhat_l itself, placed at class l; the question asks for its derivative.",
        ),
    ]
    for wrong, hint in candidates:
        if np.allclose(answer, wrong, rtol=1e-9, atol=1e-12):
            return hint
    nonzero = np.flatnonzero(np.abs(answer) > 1e-12)
    if len(nonzero) == 1 and nonzero[0] != l:
        return (
            f"The non-zero entry sits at class {nonzero[0]}, but the true class is l = {l}. Classes are numbered "
            "from 0 in code: index with l itself, not l + 1 or l - 1."
        )
    if len(nonzero) > 1:
        return "More than one entry is non-zero. Only yhat_l appears in L = -log yhat_l: dL/dyhat_i = 0 for i != l."
    if len(nonzero) == 0:
        return "Every entry is 0, but L = -log yhat_l does change when yhat_l moves."
    if answer[l] > 0:
        return "The entry at the true class is positive: raising yhat_l lowers -log yhat_l, so it must be negative."
    return (
        "The zero pattern is right, but the entry at the true class has the wrong size: "
        "differentiate -log x at x = yhat_l."
    )


def diagnose_grad_wrt_yhat(student: GradFunction) -> str | None:
    """Compare ``student(yhat, l)`` with -(1/ŷ_ℓ) e(ℓ) on several examples and name the first mistake found."""

    def check() -> str | None:
        for a, l in EXAMPLE_LOGITS:
            yhat = softmax(a)
            answer = as_array(call_student(student, yhat.copy(), l), yhat.shape, "the gradient vector")
            hint = hint_for_grad_wrt_yhat(answer, yhat, l)
            if hint is not None:
                return f"For k = {len(yhat)} classes and l = {l}: {hint}"
        return None

    return diagnosis(check)


def check_grad_wrt_yhat(student: GradFunction) -> None:
    """Print whether ``student(yhat, l)`` returns -(1/ŷ_ℓ) e(ℓ), with a hint if it does not."""
    report(diagnose_grad_wrt_yhat(student), CHECKED.format(n=len(EXAMPLE_LOGITS), symbolic=""))


def diagnose_partial_wrt_yhat(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> str | None:
    """Check the lecture's step ∂L/∂ŷ_i = -1_(i=ℓ)/ŷ_ℓ, written as ``student(yhat, l, i)`` returning one number.

    On numbers, for every i of several examples, against central differences of -log ŷ_ℓ; then, if
    ``symbolic`` is given (``helpers.derivation.student_steps.wrong_pairs_wrt_yhat``), on SymPy symbols.
    """

    return diagnose_partial(
        student,
        variable=lambda a, yhat: yhat,
        loss=negative_log_likelihood,
        hint_for=hint_for_grad_wrt_yhat,
        symbolic=symbolic,
        h=1e-7,
    )


def check_partial_wrt_yhat(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> None:
    """Print whether ``student(yhat, l, i)`` is ∂L/∂ŷ_i, checked on numbers (and on symbols if ``symbolic``)."""
    print_partial_verdict(diagnose_partial_wrt_yhat(student, symbolic), symbolic)


def diagnose_probability_for_gradient(yhat_l: Any, target_gradient: float = -4.0) -> str | None:
    """Check the ŷ_ℓ at which ∂L/∂ŷ_ℓ equals ``target_gradient`` (the answer is -1/target_gradient)."""

    def check() -> str | None:
        value = as_number(yhat_l, "the answer")
        if np.isclose(value, -1.0 / target_gradient, rtol=1e-9):
            return None
        if np.isclose(abs(value), abs(target_gradient)):
            return "That is the size of the gradient itself; the question asks for yhat_l, and dL/dyhat_l = -1/yhat_l."
        if np.isclose(value, 1.0 / target_gradient):
            return "A probability cannot be negative: check the sign when you solve -1/yhat_l = gradient."
        if not 0 < value <= 1:
            return f"yhat_l is a probability in (0, 1]; got {value}. Solve -1/yhat_l = {target_gradient} for yhat_l."
        return f"dL/dyhat_l = -1/yhat_l; at your yhat_l = {value} it is {-1.0 / value:.4g}, not {target_gradient}."

    return diagnosis(check)


def check_probability_for_gradient(yhat_l: Any, target_gradient: float = -4.0) -> None:
    """Print whether ``yhat_l`` makes ∂L/∂ŷ_ℓ equal ``target_gradient``, with a hint if it does not."""
    report(diagnose_probability_for_gradient(yhat_l, target_gradient))
