"""How every checker answers: "Correct." or "Not yet." with a hint about the mistake it recognised.

``diagnose_*`` functions return None for a correct answer and a hint
otherwise (the tests call these); ``check_*`` functions print the verdict
for the reader. The helpers below turn whatever a reader's code produced
(a number, an array, None, a string, an exception) into either a float
array or a hint, so that no answer ever ends in a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

UNFINISHED = "The function still raises NotImplementedError: replace that line with your code."


class Hint(Exception):
    """Raised by the helpers below with the hint to show, ending the check early."""


def call_student(student: Callable[..., Any], *arguments: Any) -> Any:
    """``student(*arguments)``, with any exception it raises turned into a ``Hint``."""
    try:
        return student(*arguments)
    except NotImplementedError:
        raise Hint(UNFINISHED) from None
    except Exception as error:  # a reader's code may fail in any way; say how, without a traceback
        raise Hint(f"Your function raised {type(error).__name__}: {error}. Run it on one example to see why.") from None


def as_array(answer: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """``answer`` as a float64 array of ``shape``, or a ``Hint`` saying why it cannot be one."""
    if answer is None:
        raise Hint(f"The function returns None: it must return {what}, shape {shape}. Is a `return` missing?")
    if isinstance(answer, str):
        raise Hint(f"The function returns the text {answer!r}: it must return {what} as numbers, shape {shape}.")
    try:
        array = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        raise Hint(f"{what.capitalize()} must hold numbers only; got {type(answer).__name__} {answer!r}.") from None
    if array.shape != shape:
        raise Hint(f"{what.capitalize()} has shape {shape}; got shape {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise Hint(f"{what.capitalize()} contains inf or nan; for these inputs every entry is finite.")
    return array


def as_number(answer: Any, what: str) -> float:
    """``answer`` as a finite float, or a ``Hint`` saying why it cannot be one."""
    if answer is None or isinstance(answer, str | bytes):
        raise Hint(f"Set {what} to a number.")
    array = np.asarray(answer)
    if array.size != 1 or not np.issubdtype(array.dtype, np.number):
        raise Hint(f"{what.capitalize()} is one number; got {answer!r}.")
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
    """Print the verdict for a hint from a ``diagnose_*`` function; under a correct one, ``checked`` (if given) says
    what the answer was checked against."""
    print("Correct." if hint is None else f"Not yet. {hint}")
    if hint is None and checked:
        print(checked)
