"""One step of the lecture written as a function of (ŷ, ℓ, i) that returns one partial derivative, checked on
numbers against central differences and, when the notebook passes the check in, on SymPy symbols.

Notebook 1 asks for ∂ℒ/∂ŷ_i and notebook 2 for ∂ℒ/∂a_Li: both are checked by ``diagnose_partial``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.feedback import Hint, as_number, call_student, diagnosis, report
from helpers.kernels.gradcheck import numerical_gradient, relative_error
from helpers.kernels.softmax import softmax

PartialFunction = Callable[[np.ndarray, int, int], Any]
SymbolicCheck = Callable[[PartialFunction], int]

EXAMPLE_LOGITS = [(np.array([2.0, 1.0, 0.1, -1.0]), 2), (np.array([0.3, -0.2, 1.5]), 0), (np.array([1.0, 1.0]), 1)]
CHECKED = "(checked against finite differences on {n} examples{symbolic})"


def symbolic_verdict(student: PartialFunction, symbolic: SymbolicCheck | None) -> str | None:
    """Run a SymPy check from ``helpers.derivation.student_steps`` (passed in: only that layer may import SymPy)."""
    if symbolic is None:
        return None
    try:
        wrong = symbolic(student)
    except Exception as error:  # numpy functions and bools do not take SymPy symbols
        raise Hint(
            f"Right on numbers, but it fails on SymPy symbols ({type(error).__name__}). For the symbolic check, "
            "use plain arithmetic and indexing: no np.log or np.exp, and `1.0 if i == l else 0.0` for an indicator."
        ) from None
    if wrong:
        return f"Right on the test numbers, but SymPy finds it differs from the derivative for {wrong} pairs (l, i)."
    return None


def diagnose_partial(
    student: PartialFunction,
    variable: Callable[[np.ndarray, np.ndarray], np.ndarray],
    loss: Callable[[np.ndarray, int], float],
    hint_for: Callable[[np.ndarray, np.ndarray, int], str | None],
    symbolic: SymbolicCheck | None,
    h: float = 1e-5,
) -> str | None:
    """For each example of ``EXAMPLE_LOGITS``: the student's ``student(yhat, l, i)`` for every i against central
    differences of ``loss(x, l)`` at ``x = variable(a, yhat)``; ``hint_for(answer, yhat, l)`` names the mistake.
    Then the SymPy check, if given."""

    def check() -> str | None:
        for a, l in EXAMPLE_LOGITS:
            yhat = softmax(a)
            answer = np.array([_one_value(student, yhat, l, i) for i in range(len(yhat))])
            numeric = numerical_gradient(lambda x, l=l: loss(x, l), variable(a, yhat), h=h)
            if relative_error(answer, numeric) < 1e-7:
                continue
            hint = hint_for(answer, yhat, l) or "It disagrees with finite differences."
            return f"For k = {len(yhat)} classes and l = {l}, over i = 0..{len(yhat) - 1}: {hint}"
        return symbolic_verdict(student, symbolic)

    return diagnosis(check)


def _one_value(student: PartialFunction, yhat: np.ndarray, l: int, i: int) -> float:
    value = call_student(student, yhat.copy(), l, i)
    if value is None:
        raise Hint(f"The function returns None for i = {i}: it must return one number. Is a `return` missing?")
    return as_number(value, f"the value for i = {i}")


def print_partial_verdict(hint: str | None, symbolic: SymbolicCheck | None) -> None:
    """Print a ``diagnose_partial`` verdict, saying what a correct answer was checked against."""
    checked_symbolically = ", and with SymPy for k = 3, every l and i" if symbolic else ""
    report(hint, CHECKED.format(n=len(EXAMPLE_LOGITS), symbolic=checked_symbolically))
