"""Notebook 2's exercises: the softmax Jacobian, and the temperature that halves a gradient."""

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
from helpers.kernels.cross_entropy import cross_entropy, one_hot
from helpers.kernels.softmax import softmax, softmax_jacobian

JacobianFunction = Callable[[np.ndarray], Any]


def hint_for_grad_wrt_logits(answer: np.ndarray, yhat: np.ndarray, l: int) -> str | None:
    """None if ``answer`` is ŷ - e(ℓ) for these ŷ and ℓ, else a hint naming the likeliest mistake."""
    k = yhat.shape[0]
    e = one_hot(l, k)
    expected = yhat - e
    if np.allclose(answer, expected, rtol=1e-9, atol=1e-12):
        return None
    diagonal_only = (yhat[l] - 1.0) * e
    candidates = [
        (
            e - yhat,
            "The sign is flipped: the lecture's result is -(1_(l=i) - yhat_i); raising the true class's "
            "logit lowers the loss, so that entry must be negative.",
        ),
        (
            -e / yhat[l],
            "That is dL/dyhat from notebook 1. Here the variable is the logit a_Li: multiply by "
            "d yhat_l / d a_Li (the quotient rule) and the 1/yhat_l cancels.",
        ),
        (
            yhat,
            "The indicator term is missing: d exp(a_L)_l / d a_Li = 1_(l=i) exp(a_L)_l gives a -1 at the true class.",
        ),
        (
            -e,
            "The yhat_i term is missing: the denominator sum_i' exp(a_L)_i' depends on every logit, "
            "so every i gets a contribution.",
        ),
        (
            diagonal_only,
            "Only the true class gets a gradient: that is the diagonal-only Jacobian. Every yhat "
            "depends on every logit through the shared denominator.",
        ),
        (
            yhat[l] - e,
            "You used yhat_l where yhat_i belongs: the second term of the quotient rule differentiates "
            "the denominator with respect to a_Li, which brings exp(a_L)_i.",
        ),
    ]
    for wrong, hint in candidates:
        if np.allclose(answer, wrong, rtol=1e-9, atol=1e-12):
            return hint
    for shift in (1, -1):
        if np.allclose(answer, yhat - one_hot((l + shift) % k, k), rtol=1e-9, atol=1e-12):
            return (
                "The -1 sits at the wrong class. Classes are numbered from 0 in code: use l itself, not l + 1 or l - 1."
            )
    if abs(answer.sum()) > 1e-9:
        return (
            "The entries do not sum to 0, but they must: adding the same number to every logit leaves the "
            "softmax, and so the loss, unchanged."
        )
    return "The entries sum to 0 as they should, but they disagree with finite differences; recheck each term."


def diagnose_partial_wrt_logits(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> str | None:
    """Check the lecture's steps 8-9, ∂L/∂a_Li = -(1_(ℓ=i) - ŷ_i), written as ``student(yhat, l, i)``.

    On numbers, for every i of several examples, against central differences of the loss in the logits; then,
    if ``symbolic`` is given (``helpers.derivation.student_steps.wrong_pairs_wrt_logits``), on SymPy symbols.
    """

    return diagnose_partial(
        student,
        variable=lambda a, yhat: a,
        loss=cross_entropy,
        hint_for=hint_for_grad_wrt_logits,
        symbolic=symbolic,
    )


def check_partial_wrt_logits(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> None:
    """Print whether ``student(yhat, l, i)`` is ∂L/∂a_Li, checked on numbers (and on symbols if ``symbolic``)."""
    print_partial_verdict(diagnose_partial_wrt_logits(student, symbolic), symbolic)


def hint_for_jacobian(answer: np.ndarray, a: np.ndarray) -> str | None:
    """None if ``answer`` is diag(ŷ) - ŷŷᵀ for logits ``a``, else a hint naming the likeliest mistake.

    A transposed Jacobian cannot be told apart: this one is symmetric, so J and Jᵀ are the same matrix.
    """
    yhat = softmax(a)
    expected = softmax_jacobian(a)
    if np.allclose(answer, expected, rtol=1e-10, atol=1e-15):
        return None
    outer = np.outer(yhat, yhat)
    candidates = [
        (
            np.diag(yhat) + outer,
            "The off-diagonal entries have the wrong sign: raising a_Lj grows the shared "
            "denominator, so every other yhat_i falls.",
        ),
        (
            np.diag(yhat * (1 - yhat)),
            "You have only the diagonal yhat_i(1 - yhat_i), as for a sigmoid. Every "
            "output depends on every logit through the shared denominator.",
        ),
        (-expected, "The sign is flipped: raising a_Li raises yhat_i, so the diagonal must be positive."),
        (-outer, "The diagonal misses the term from d exp(a_Li)/d a_Li, the derivative of the numerator."),
        (np.diag(a) - np.outer(a, a), "You used the logits a where the probabilities yhat = softmax(a) belong."),
    ]
    for wrong, hint in candidates:
        if np.allclose(answer, wrong, rtol=1e-9, atol=1e-15):
            return hint
    if np.allclose(np.diag(answer), np.diag(expected)):
        return (
            "The diagonal is right; the entries off it are not. Differentiate yhat_i = exp(a_Li) / sum_i' "
            "exp(a_Li') with respect to a_Lj, j != i: only the denominator depends on a_Lj."
        )
    if not np.allclose(answer.sum(axis=1), 0.0, atol=1e-12):
        return (
            "The rows do not sum to 0, but they must: row i summed over the logits is the change of yhat_i when "
            "every logit rises by the same amount, and that leaves yhat unchanged (the softmax is shift-invariant)."
        )
    return "The rows sum to 0 as they should, but the entries disagree with finite differences; recheck them."


def diagnose_softmax_jacobian(student: JacobianFunction) -> str | None:
    """Compare ``student(a)`` with diag(ŷ) - ŷŷᵀ on several logits and name the first mistake found."""

    def check() -> str | None:
        for a, _ in EXAMPLE_LOGITS:
            k = a.shape[0]
            answer = as_array(call_student(student, a.copy()), (k, k), "the Jacobian")
            hint = hint_for_jacobian(answer, a)
            if hint is not None:
                return f"For k = {k} logits: {hint}"
        return None

    return diagnosis(check)


def check_softmax_jacobian(student: JacobianFunction) -> None:
    """Print whether ``student(a)`` returns diag(ŷ) - ŷŷᵀ, with a hint if it does not."""
    report(diagnose_softmax_jacobian(student), CHECKED.format(n=len(EXAMPLE_LOGITS), symbolic=""))


def true_class_gradient(a: np.ndarray, l: int, T: float) -> float:
    """∂L/∂a_Lℓ at temperature T: (softmax(a/T)_ℓ - 1) / T."""
    return float((softmax(np.asarray(a) / T)[l] - 1.0) / T)


def diagnose_temperature_for_half_gradient(T: Any, a: np.ndarray, l: int) -> str | None:
    """Check a temperature at which the true class's logit gradient is half its value at T = 1."""
    return diagnosis(lambda: _temperature_hint(as_number(T, "T"), a, l))


def _temperature_hint(T: float, a: np.ndarray, l: int) -> str | None:
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


def check_temperature_for_half_gradient(T: Any, a: np.ndarray, l: int) -> None:
    """Print whether ``T`` halves the true class's logit gradient, with a hint if it does not."""
    report(diagnose_temperature_for_half_gradient(T, a, l))
