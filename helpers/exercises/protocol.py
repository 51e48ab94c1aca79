"""How every checker talks to a student's code and answers: the one place a student's function is called.

A checker turns whatever the student's code produced (an array, a list, a
number, None, a string, an exception, a warning, nan) into either a float
array of the expected shape or a ``Hint``, so that no answer ever ends in a
traceback. ``diagnose_*`` functions return the hint, or None for a right
answer; ``check_*`` functions print the verdict with ``report``.
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class Hint(Exception):
    """Raised with the hint to show, ending a check early."""


class StudentWarning(Hint):
    """The student's function gave a warning; the hint reads it (``read_warning``), about logits only where the
    checker knows its inputs are logits."""

    def __init__(self, caught: warnings.WarningMessage) -> None:
        super().__init__(read_warning(caught, logits=False))
        self.caught = caught


class StudentError(Hint):
    """The student's function raised ``error``; the hint reads it (``read_exception``), with the problem's sizes
    where the checker knows them."""

    def __init__(self, error: Exception) -> None:
        super().__init__(read_exception(error, ""))
        self.error = error


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
                raise StudentError(error) from None
    if caught:
        raise StudentWarning(caught[0])
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


def size_names(sizes: str) -> dict[int, str]:
    """The letters of a problem's sizes, read from its description ("m = 6, u = 5 and k = 3"), by size; a size two
    letters share is left out (it cannot tell them apart)."""
    names: dict[int, str] = {}
    shared: set[int] = set()
    for letter, value in re.findall(r"\b([mnuk]) = (\d+)", sizes):
        size = int(value)
        if size in names and names[size] != letter:
            shared.add(size)
        names[size] = letter
    return {size: letter for size, letter in names.items() if size not in shared and size > 1}


def shape_words(shape: Sequence[int], names: dict[int, str]) -> str:
    """A shape in the problem's letters where they are known: (6, 4) as (m, k) = (6, 4)."""
    numbers = "(" + ", ".join(str(size) for size in shape) + ("," if len(shape) == 1 else "") + ")"
    if shape and all(size in names or size == 1 for size in shape):
        letters = "(" + ", ".join(names.get(size, "1") for size in shape) + ("," if len(shape) == 1 else "") + ")"
        return f"{letters} = {numbers}"
    return numbers


def _shapes(text: str) -> list[tuple[int, ...]]:
    return [
        tuple(int(size) for size in found.split(",") if size.strip()) for found in re.findall(r"\(([\d,\s]*)\)", text)
    ]


def read_exception(error: Exception, sizes: str) -> str:
    """What an exception says about the student's code, with the shapes named by the problem's sizes."""
    text = str(error)
    names = size_names(sizes)
    if isinstance(error, ValueError) and "broadcast" in text:
        shapes = _shapes(text.split("shapes", 1)[-1])
        if len(shapes) >= 2:
            first, second = shapes[0], shapes[1]
            for big, small in ((first, second), (second, first)):
                if len(big) == len(small) + 1 and big[:-1] == small:
                    return (
                        f"An array of shape {shape_words(big, names)} met one of shape {shape_words(small, names)} "
                        "in an elementwise operation: the second is what a sum, max or mean over the last axis "
                        "leaves when it drops that axis. keepdims=True keeps it as a column, "
                        f"{shape_words((*small, 1), names)}, which then broadcasts along each row."
                    )
                if len(big) == 1 and small and big[0] == small[-1] ** 2 != 1:
                    k = small[-1]
                    return (
                        f"A flat array of {big[0]} = {k}² numbers met one of shape {shape_words(small, names)}: an "
                        f"outer product built flat. Its {k} × {k} numbers belong in a ({k}, {k}) matrix: "
                        "np.outer(u, v), or u[:, None] * v[None, :], builds one."
                    )
                if len(big) == 2 and len(small) == 2 and big[0] == small[0] and big[1] != small[1]:
                    shared = names.get(big[0], str(big[0]))
                    return (
                        f"Arrays of shapes {shape_words(big, names)} and {shape_words(small, names)} met in an "
                        f"elementwise operation. They share their first size, {shared}: a matrix product that sums "
                        f"over {shared} takes the first one transposed (.T), "
                        f"{shape_words(big[::-1], names)} @ {shape_words(small, names)}."
                    )
                if len(big) == 2 and len(small) == 2 and big[1] == small[0] and big[0] != small[1]:
                    return (
                        f"An array of shape {shape_words(big, names)} met one of shape {shape_words(small, names)} "
                        "in an elementwise operation (* or np.multiply). Two matrices whose inner sizes agree "
                        "combine by a matrix product (@ or np.dot), which sums over that size."
                    )
            return (
                f"Arrays of shapes {shape_words(first, names)} and {shape_words(second, names)} met in an "
                "elementwise operation, where each size must match or be 1. Print each operand's shape."
            )
    if isinstance(error, ValueError) and ("matmul" in text or "aligned" in text):
        shapes = _shapes(text.split("not aligned", 1)[0]) if "aligned" in text else []
        if len(shapes) == 2 and shapes[0] == shapes[1] and len(set(shapes[0])) > 1:
            return (
                f"A matrix product (@ or np.dot) of two arrays of the same shape {shape_words(shapes[0], names)} "
                f"failed ({text}): an elementwise product, the lecture's ⊙, is * in numpy."
            )
        inner = re.findall(r"size (\d+) is different from (\d+)", text) or re.findall(
            r"(\d+) \(dim \d\) != (\d+)", text
        )
        if inner:
            first, second = (int(size) for size in inner[0])
            sizes_text = " and ".join(
                f"{size} ({names[size]})" if size in names else str(size) for size in (first, second)
            )
            return (
                f"A matrix product failed: its inner sizes, {sizes_text}, differ. Write down each factor's shape: "
                "the inner sizes must agree, and a transpose (.T) swaps a factor's two sizes."
            )
        return f"A matrix product failed ({text}): the inner sizes of its factors differ."
    if isinstance(error, IndexError):
        return f"Your function raised IndexError ({text}): classes and examples are numbered from 0 to size - 1."
    return f"Your function raised {type(error).__name__}: {text}. Run it on one small example to see why."


def read_warning(caught: warnings.WarningMessage, logits: bool) -> str:
    """What a warning says about the student's code; about np.exp of logits only when the inputs are logits."""
    text = str(caught.message)
    who = "numpy warned" if issubclass(caught.category, RuntimeWarning) else "Your function warned"
    if "overflow" in text and logits:
        return (
            f"{who} “{text}”: for logits as large as ±1000, np.exp overflows float64 (it stops at about e^709). "
            "Subtract the largest logit of each example before np.exp; the softmax does not change (notebook 2 "
            "shows why)."
        )
    if ("invalid value" in text or "divide" in text) and logits:
        return (
            f"{who} “{text}”: a 0/0 or inf/inf happened. Where every logit of an example lies far below the "
            "number subtracted from it, each np.exp underflows to 0. Subtract each example's own largest logit "
            "(for a batch, a_L.max(axis=1, keepdims=True)): that keeps one term of each sum equal to 1."
        )
    if "overflow" in text:
        return f"{who} “{text}”: a result grew past float64's largest number; for these inputs no right one does."
    if "invalid value" in text or "divide" in text:
        return (
            f"{who} “{text}”: a division by 0, or a log or square root outside its domain, happened; for these "
            "inputs a right answer needs none."
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
            "calls np.exp on logits, subtract each example's largest logit first (notebook 2 shows why)."
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
