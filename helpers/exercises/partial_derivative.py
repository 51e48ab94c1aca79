"""One step of the lecture written as a function ``student(yhat, l, i)`` that returns one partial derivative.

Notebook 1 asks for ∂ℒ/∂ŷ_i and notebook 2 for ∂ℒ/∂a_Li. The student's
function is called once for every i of every problem, and the k numbers it
returns are checked as one gradient vector, with that vector's catalogue of
misconceptions; then, when the notebook passes a SymPy check in, on symbols.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.catalogue import FunctionExercise, Problem, checked_on, diagnose
from helpers.exercises.protocol import Hint, as_number, call_student, diagnosis, report

PartialFunction = Callable[[np.ndarray, int, int], Any]
# helpers.derivation.student_steps's checks, passed in by the notebook: only the derivation layer may import SymPy.
SymbolicCheck = Callable[[PartialFunction], int]


def partial_values(student: PartialFunction, problem: Problem) -> np.ndarray:
    """``student(yhat, l, i)`` for i = 0, ..., k - 1, as one vector."""
    yhat, l = problem.arguments
    values = []
    for i in range(len(yhat)):
        value = call_student(student, yhat, l, i)
        if value is None:
            raise Hint(f"The function returns None for i = {i}: it must return one number. Is a `return` missing?")
        values.append(as_number(value, f"the value for i = {i}"))
    return np.array(values)


def as_partial_exercise(vector_exercise: FunctionExercise) -> FunctionExercise:
    """The exercise ``vector_exercise`` (a function of (yhat, l) returning the gradient vector) asked one entry at a
    time: the same problems and catalogue, each entry from its own call."""
    return dataclasses.replace(vector_exercise, what="the partial derivatives over i", answer=partial_values)


class Index(int):
    """A class number whose == gives 1 or 0, an int, where a plain int's gives a bool: ``yhat[i] - (i == l)`` is right,
    and on numbers a bool counts as 1 or 0, but SymPy refuses to subtract a bool from a symbol."""

    def __eq__(self, other: object) -> int:  # type: ignore[override]
        return int(int(self) == other) if isinstance(other, int) else NotImplemented

    def __ne__(self, other: object) -> int:  # type: ignore[override]
        return int(int(self) != other) if isinstance(other, int) else NotImplemented

    __hash__ = int.__hash__


def on_symbols(student: PartialFunction) -> PartialFunction:
    """``student`` as the SymPy check calls it, with class numbers whose == gives 1 or 0."""
    return lambda yhat, l, i: student(yhat, Index(l), Index(i))


def symbolic_failure(student: PartialFunction, symbolic: SymbolicCheck | None) -> Exception | None:
    """The error ``student`` raises on SymPy symbols, or None (also when there is no symbolic check)."""
    if symbolic is None:
        return None
    try:
        symbolic(on_symbols(student))
    except Exception as error:  # numpy functions and comparisons of symbols do not take SymPy symbols
        return error
    return None


def symbolic_verdict(student: PartialFunction, symbolic: SymbolicCheck | None) -> str | None:
    """Run a SymPy check of ``student``, or nothing when ``symbolic`` is None. A function SymPy cannot run (np.log
    of a symbol) is not refused: it was right on every number it was tried on, and the numbers decide."""
    if symbolic is None or symbolic_failure(student, symbolic) is not None:
        return None
    wrong = symbolic(on_symbols(student))
    if wrong:
        return f"Right on the test numbers, but SymPy finds it differs from the derivative for {wrong} pairs (l, i)."
    return None


def diagnose_partial(
    exercise: FunctionExercise, student: PartialFunction, symbolic: SymbolicCheck | None
) -> str | None:
    """The hint for ``student`` on the numbers of ``exercise``, then (if those are right) on SymPy symbols."""
    return diagnose(exercise, student) or diagnosis(lambda: symbolic_verdict(student, symbolic))


def print_partial_verdict(
    student: PartialFunction, hint: str | None, exercise: FunctionExercise, symbolic: SymbolicCheck | None
) -> None:
    """Print a ``diagnose_partial`` verdict, saying what a right answer was checked against."""
    failure = symbolic_failure(student, symbolic) if hint is None else None
    if failure is not None:
        on_symbols_note = (
            f"; SymPy could not run it on symbols ({type(failure).__name__}), so it is checked on numbers only: "
            "with plain arithmetic and indexing (no np.log or np.exp) SymPy proves it for every value"
        )
    else:
        on_symbols_note = ", and with SymPy for k = 3, every l and i" if symbolic else ""
    report(hint, checked_on(exercise, on_symbols_note))
