"""How every checker talks to a student's code and answers: the one place a student's function is called.

A checker turns whatever the student's code produced (an array, a list, a
number, None, a string, an exception, a warning, nan) into either a float
array of the expected shape or a ``Hint``, so that no answer ever ends in a
traceback. ``diagnose_*`` functions return the hint, or None for a right
answer; ``check_*`` functions print the verdict with ``report``.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np


class Hint(Exception):
    """Raised with the hint to show, ending a check early."""


def call_student(student: Callable[..., Any], *arguments: Any) -> Any:
    """``student(*arguments)`` on copies of the arrays among ``arguments`` (a student's in-place edit cannot change
    the problem), with any exception it raises, any warning it gives and any edit it makes to its inputs turned
    into a ``Hint``."""
    if not callable(student):
        raise Hint("Pass the function itself, e.g. check(my_function), without calling it: no () after its name.")
    copies = [argument.copy() if isinstance(argument, np.ndarray) else argument for argument in arguments]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(over="warn", invalid="warn", divide="warn"):
            try:
                answer = student(*copies)
            except Exception as error:  # a student's code may fail in any way; say how, without a traceback
                raise Hint(_raised_hint(error)) from None
    if caught:
        raise Hint(_warning_hint(caught[0]))
    for position, (argument, copy) in enumerate(zip(arguments, copies, strict=True)):
        if isinstance(argument, np.ndarray) and not np.array_equal(argument, copy, equal_nan=True):
            raise Hint(
                f"Your function changes its {_argument_name(student, position)} in place (an assignment into it, or "
                "an operator such as -=). The caller's array changes too, and later cells then use the changed "
                "one: work on a new array (np.zeros_like, or .copy() first)."
            )
    return answer


def _argument_name(student: Callable[..., Any], position: int) -> str:
    try:
        names = list(inspect.signature(student).parameters)
    except (TypeError, ValueError):
        names = []
    return f"argument `{names[position]}`" if position < len(names) else f"argument number {position + 1}"


def _raised_hint(error: Exception) -> str:
    text = str(error)
    if isinstance(error, ValueError) and ("matmul" in text or "aligned" in text):
        return (
            f"A matrix product failed ({text}). Write down each factor's shape: the inner sizes of a product must "
            "agree, and a missing transpose is the usual reason they do not."
        )
    if isinstance(error, ValueError) and "broadcast" in text:
        return (
            f"Two arrays of different shapes met in an elementwise operation ({text}). Print the shape of each "
            "operand: labels of shape (m,) become one-hot rows with np.eye(k)[labels], shape (m, k)."
        )
    if isinstance(error, IndexError):
        return f"Your function raised IndexError ({text}): classes and examples are numbered from 0 to size - 1."
    return f"Your function raised {type(error).__name__}: {text}. Run it on one small example to see why."


def _warning_hint(caught: warnings.WarningMessage) -> str:
    text = str(caught.message)
    who = "numpy warned" if issubclass(caught.category, RuntimeWarning) else "Your function warned"
    if "overflow" in text:
        return (
            f"{who} “{text}”: for logits as large as ±1000, np.exp overflows float64 (it stops at about e^709). "
            "Subtract the largest logit of each example before np.exp; the softmax does not change (notebook 2, "
            "section 5)."
        )
    if "invalid value" in text or "divide" in text:
        return (
            f"{who} “{text}”: a 0/0 or inf/inf happened. Where every logit of an example lies far below the "
            "number subtracted from it, each np.exp underflows to 0. Subtract each example's own largest logit "
            "(for a batch, a_L.max(axis=1, keepdims=True)): that keeps one term of each sum equal to 1."
        )
    return f"{who} “{text}”. A right answer gives no warning for any finite input."


def as_array(answer: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """``answer`` as a float64 array of ``shape``, or a ``Hint`` saying why it cannot be one.

    A wrong shape is left to the caller when ``shape`` is empty; nan or inf always ends the check."""
    if answer is None:
        raise Hint(f"The function returns None: it must return {what}. Is a `return` missing?")
    if isinstance(answer, str | bytes):
        raise Hint(f"The function returns the text {answer!r:.40}: it must return {what} as numbers.")
    if isinstance(answer, tuple):
        raise Hint(
            f"The function returns a tuple of {len(answer)} values: it must return {what} alone, as one array "
            "(`return loss, grad` returns a tuple, and so does a comma after the value)."
        )
    try:
        raw = np.asarray(answer)
    except (TypeError, ValueError):
        raw = np.asarray(answer, dtype=object)
    if np.iscomplexobj(raw):
        raise Hint(f"{what.capitalize()} holds complex numbers; every entry is real (a ** 0.5 of a negative number?).")
    try:
        array = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        raise Hint(f"{what.capitalize()} must hold numbers only; got {type(answer).__name__}.") from None
    if shape and array.shape != shape:
        raise Hint(f"{what.capitalize()} has shape {shape}; got shape {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise Hint(
            f"{what.capitalize()} contains inf or nan; for these inputs every entry is finite. If your code "
            "calls np.exp on logits, subtract each example's largest logit first (notebook 2, section 5)."
        )
    return array


def as_number(answer: Any, what: str) -> float:
    """``answer`` as a finite float, or a ``Hint`` saying why it cannot be one."""
    if answer is None or isinstance(answer, str | bytes | bool | np.bool_):
        raise Hint(f"Set {what} to a number (an expression that Python evaluates to one).")
    if isinstance(answer, tuple | list):
        raise Hint(
            f"{what.capitalize()} is one number, not a {type(answer).__name__}: a comma after a value, as in "
            "`return x,`, makes a tuple."
        )
    array = np.asarray(answer)
    if np.iscomplexobj(array):
        raise Hint(f"{what.capitalize()} is a real number; got a complex one (a ** 0.5 of a negative number?).")
    if array.size != 1 or not np.issubdtype(array.dtype, np.number):
        raise Hint(f"{what.capitalize()} is one number; got {type(answer).__name__} {answer!r:.40}.")
    value = float(array.reshape(()))
    if not np.isfinite(value):
        raise Hint(f"{what.capitalize()} is a finite number; got {value}.")
    return value


def diagnosis(check: Callable[[], str | None]) -> str | None:
    """Run ``check``, returning its hint, or the hint of a ``Hint`` it raised."""
    try:
        return check()
    except Hint as hint:
        return str(hint)


def report(hint: str | None, checked: str = "") -> None:
    """Print the verdict for a hint from a ``diagnose_*`` function; under a right answer, ``checked`` (if given)
    says what the answer was checked against."""
    print("Correct." if hint is None else f"Not yet. {hint}")
    if hint is None and checked:
        print(checked)
