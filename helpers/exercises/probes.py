"""What a wrong answer does, learned from its behaviour: the tutor's questions, asked of any answer.

A checker compares the student's answer with the right one on the same
problem and says, only from what it sees,

- *which* entries are wrong: an exercise names the parts of its answer (the
  true class's entries and the others, the diagonal and the entries off it,
  the units where a₁ > 0 and where a₁ < 0), and rows that are wrong alone;
- *how*: one constant factor, named where it is one of the problem's numbers
  (2, 1/2, m, 1/m, k, 1/k, -1); a factor that varies from entry to entry as a
  named array does (ŷ, 1 - ŷ, ŷ(1 - ŷ), relu(a₁), ...); one term of the right
  answer missing, negated or replaced by one number; a transpose;
  the right numbers in another shape; the right answer for other inputs (the
  true class one off);
- *which properties of the right answer it breaks*, by calling the student's
  function again on probes, inputs that differ from the problem in one thing
  only (the same number added to an example's logits, one example changed,
  the upstream gradient doubled, the batch repeated, another true class).

Exceptions and warnings are read where the student's function is called
(``protocol.read_exception``). Nothing here knows any particular mistake:
the catalogue does that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers.exercises.protocol import Hint, as_array, call_student, shape_words, size_names

Arguments = tuple[Any, ...]


@dataclass(frozen=True)
class Part:
    """A named part of an answer, ``mask`` True on its entries (``plural``: whether its name takes "are")."""

    name: str
    mask: np.ndarray
    plural: bool = True


@dataclass(frozen=True)
class Term:
    """One term of the right answer (the right answer is the sum of its terms), with its name."""

    name: str
    values: np.ndarray


@dataclass(frozen=True)
class Factor:
    """A named array that an answer's entries may be multiplied by (``meaning`` says what it is, or is empty)."""

    name: str
    values: np.ndarray
    meaning: str = ""


@dataclass(frozen=True)
class Variant:
    """Other inputs, with what they differ in: an answer right for them is described by ``description``."""

    description: str
    arguments: Arguments


@dataclass(frozen=True)
class Property:
    """A property of the right answer, tested by probes: ``broken(student, arguments, answer, expected)`` returns
    what the student's answer does instead, or None."""

    name: str
    broken: Callable[[Callable[..., Any], Arguments, np.ndarray, Callable[..., np.ndarray]], str | None]


# How an answer of the right shape differs from the right one.


def _close(answer: np.ndarray, target: np.ndarray, rtol: float) -> bool:
    scale = max(float(np.max(np.abs(target), initial=0.0)), 1e-300)
    return answer.shape == target.shape and bool(np.allclose(answer, target, rtol=rtol, atol=rtol * scale))


def constant_names(sizes: str) -> list[tuple[str, float]]:
    """The constants a factor is named by: a temperature T, its inverse and square (first: a problem sets T apart from
    its other numbers), 2, the problem's sizes, their inverses and their products with 2."""
    names = []
    for value in re.findall(r"\bT = (\d+(?:\.\d+)?)", sizes):
        T = float(value)
        names += [("T", T), ("1/T", 1.0 / T), ("T²", T**2), ("1/T²", 1.0 / T**2)]
    names += [("2", 2.0), ("1/2", 0.5)]
    for size, letter in sorted(size_names(sizes).items(), key=lambda item: item[1]):
        names += [(letter, float(size)), (f"1/{letter}", 1.0 / size), (f"2{letter}", 2.0 * size)]
        names += [(f"{letter}/2", size / 2.0), (f"2/{letter}", 2.0 / size), (f"1/{letter}²", 1.0 / size**2)]
    letters = size_names(sizes)
    if "m" in letters.values() and "k" in letters.values():
        m = next(size for size, letter in letters.items() if letter == "m")
        k = next(size for size, letter in letters.items() if letter == "k")
        names += [("1/(m·k)", 1.0 / (m * k)), ("m·k", float(m * k))]
    return names


def name_constant(c: float, sizes: str) -> str:
    """``c`` in words: "-1", "2", "1/m (m = 6)", "-2", a fraction 1/q, or its value to three digits."""
    if np.isclose(c, -1.0):
        return "-1"
    sign = "-" if c < 0 else ""
    letters = {letter: size for size, letter in size_names(sizes).items()}
    for name, value in constant_names(sizes):
        if np.isclose(abs(c), value, rtol=1e-9):
            used = [f"{letter} = {size}" for letter, size in letters.items() if letter in name]
            used += [f"T = {value}" for value in re.findall(r"\bT = (\d+(?:\.\d+)?)", sizes) if "T" in name]
            return f"{sign}{name}" + (f" ({', '.join(used)})" if used else "")
    for whole in range(2, 65):
        if np.isclose(abs(c), whole, rtol=1e-9):
            return f"{sign}{whole}"
        if np.isclose(abs(c), 1.0 / whole, rtol=1e-9):
            return f"{sign}1/{whole}"
    return f"{c:.3g}"


def fitted_constant(answer: np.ndarray, target: np.ndarray, rtol: float) -> float | None:
    """The one number c with answer = c · target (target not all 0), or None."""
    scale = float(np.max(np.abs(target), initial=0.0))
    if scale == 0.0:
        return None
    c = float(np.vdot(target, answer) / np.vdot(target, target))
    return c if c != 0.0 and _close(answer, c * target, max(rtol, 1e-9)) else None


def describe_factor(
    answer: np.ndarray, expected: np.ndarray, factors: Sequence[Factor], sizes: str, rtol: float
) -> str | None:
    """How ``answer`` is ``expected`` times something: a constant, a named array (times a constant), or None."""
    c = fitted_constant(answer, expected, rtol)
    if c is not None and not np.isclose(c, 1.0):
        if np.isclose(c, -1.0):
            return "has the opposite sign"
        return f"is {name_constant(c, sizes)} times the right value"
    for factor in factors:
        for power in (1, -1):
            shaped = np.broadcast_to(factor.values, expected.shape).astype(np.float64)
            if power == -1 and np.any(shaped == 0):
                continue
            scaled = expected * (shaped if power == 1 else 1.0 / shaped)
            c = fitted_constant(answer, scaled, rtol)
            if c is None or _close(scaled, expected, 1e-6):
                continue
            named = name_constant(c, sizes)
            if not np.isclose(c, 1.0) and any(character.isdigit() for character in named) and "/" not in named:
                continue  # a factor times a number that names nothing of the problem: not a description to trust
            times = "" if np.isclose(c, 1.0) else f", times {named}"
            meaning = f" ({factor.meaning})" if factor.meaning else ""
            action = "divided" if power == -1 else "multiplied"
            return (
                f"is the right value {action} by {factor.name}{meaning}{times}: a factor that varies from entry to "
                f"entry as {factor.name} does"
            )
    return None


def describe_difference(
    answer: np.ndarray,
    expected: np.ndarray,
    parts: Sequence[Part],
    factors: Sequence[Factor],
    sizes: str,
    rtol: float,
    terms: Sequence[Term] = (),
) -> str | None:
    """Which entries of ``answer`` are wrong and how, in one or two sentences, or None when nothing simple is seen."""
    wrong = ~np.isclose(answer, expected, rtol=rtol, atol=rtol * max(float(np.max(np.abs(expected))), 1e-300))
    if not np.any(wrong):
        return None
    if answer.size == 1:  # one number: "c times the right one" holds for any c, so only a named c says something
        c = float(answer.ravel()[0] / expected.ravel()[0]) if expected.ravel()[0] else 0.0
        named = name_constant(c, sizes) if c else ""
        if named and ("/" in named or "=" in named or not any(ch.isdigit() for ch in named.strip("-"))):
            return (
                "Your answer has the opposite sign."
                if named == "-1"
                else f"Your answer is {named} times the right one."
            )
        return None
    whole = describe_factor(answer, expected, factors, sizes, rtol)
    if whole is not None:
        return f"Every entry {whole}."
    by_term = describe_terms(answer, terms, factors, sizes, rtol)
    if by_term is not None:
        return by_term
    if answer.ndim == 2 and answer.shape[0] == answer.shape[1] and _close(answer, expected.T, rtol):
        return "Your matrix is the right one transposed: rows and columns are swapped."
    sentences = []
    right_parts = [part for part in parts if not np.any(wrong & part.mask)]
    wrong_parts = [part for part in parts if np.any(wrong & part.mask)]
    if right_parts and wrong_parts:
        plural = len(right_parts) > 1 or right_parts[0].plural
        sentences.append(
            f"Your {' and '.join(part.name for part in right_parts)} {'are' if plural else 'is'} right; "
            f"your {' and '.join(part.name for part in wrong_parts)} "
            f"{'are' if len(wrong_parts) > 1 or wrong_parts[0].plural else 'is'} not."
        )
        for part in wrong_parts:
            target, given = expected[part.mask], answer[part.mask]
            if not np.any(target):
                sentences.append(f"The right answer is 0 on {part.name}; yours is not.")
                continue
            if not np.any(given):
                sentences.append(f"Yours is 0 on {part.name}, where the right answer is not.")
                continue
            how = describe_factor(
                given, target, [_restricted(f, part.mask, expected.shape) for f in factors], sizes, rtol
            )
            if how is not None:
                sentences.append(f"On {part.name}, each entry {how}.")
    if answer.ndim == 2 and answer.shape[0] > 1 and answer.shape[1] > 1:  # rows of a column are only its entries
        rows = np.flatnonzero(np.any(wrong, axis=1))
        if 0 < len(rows) < answer.shape[0]:
            listed = ", ".join(str(row) for row in rows[:3]) + (", ..." if len(rows) > 3 else "")
            sentences.append(
                f"Only row{'s' if len(rows) > 1 else ''} {listed} (counting from 0) {'are' if len(rows) > 1 else 'is'} "
                "wrong; the other rows are right."
            )
    offset = answer - expected
    if not sentences and np.allclose(answer, answer.flat[0], rtol=1e-9, atol=1e-12):
        sentences.append("Every entry of yours is the same number; the right answer's entries differ from each other.")
    elif not sentences and np.allclose(offset, offset.flat[0], rtol=1e-9, atol=1e-12):
        sentences.append("Every entry is off by the same amount: something is added to (or left out of) every entry.")
    elif answer.ndim == 2 and answer.shape[1] > 1 and not sentences and np.allclose(offset, offset[:, :1], atol=1e-12):
        sentences.append("In each row, every entry is off by the same amount: one number per row is added to it.")
    return " ".join(sentences) or None


def describe_terms(
    answer: np.ndarray, terms: Sequence[Term], factors: Sequence[Factor], sizes: str, rtol: float
) -> str | None:
    """Which term of the right answer the student's lacks or has changed, where the others are right: what stands
    in the place of one term, given that the rest of the answer is the rest of the right one."""
    if len(terms) < 2:
        return None
    expected = sum(term.values for term in terms)
    scale = max(float(np.max(np.abs(expected))), 1e-300)
    for term in terms:
        in_its_place = answer - (expected - term.values)
        if np.allclose(in_its_place, 0.0, atol=rtol * scale):
            return f"The term {term.name} of the right answer is missing from yours; the rest is right."
        c = fitted_constant(in_its_place, term.values, rtol)
        if c is not None and not np.isclose(c, 1.0):
            how = "has the opposite sign" if np.isclose(c, -1.0) else f"is {name_constant(c, sizes)} times what it is"
            if not any(character.isdigit() for character in how) or "/" in how or "=" in how:
                return f"The term {term.name} {how} in the right answer; the rest is right."
        nonzero = np.abs(term.values) > 1e-12 * scale
        if np.any(nonzero) and not np.any(np.abs(in_its_place[~nonzero]) > rtol * scale):
            how = describe_factor(in_its_place[nonzero], term.values[nonzero], [], sizes, rtol)
            if how is None:
                for factor in factors:
                    values = np.broadcast_to(factor.values, answer.shape)[nonzero]
                    if _close(in_its_place[nonzero], term.values[nonzero] * values, rtol):
                        return (
                            f"Where the right answer has {term.name}, yours has {term.name} times {factor.name}; the "
                            "rest is right."
                        )
        if in_its_place.size > 1 and np.allclose(in_its_place, in_its_place.flat[0], atol=rtol * scale):
            return (
                f"Where the right answer has {term.name}, which varies from entry to entry, yours has the same "
                "number in every entry; the rest is right."
            )
    return None


def _restricted(factor: Factor, mask: np.ndarray, shape: tuple[int, ...]) -> Factor:
    return Factor(factor.name, np.broadcast_to(factor.values, shape)[mask], factor.meaning)


def describe_shape(answer: np.ndarray, expected: np.ndarray, sizes: str, rtol: float) -> str | None:
    """A sentence about an answer of another shape that holds the right numbers, transposed, or one per example."""
    names = size_names(sizes)
    if answer.size == expected.size and _close(answer.reshape(expected.shape), expected, rtol):
        return (
            f"The numbers are right, but the shape is {shape_words(answer.shape, names)} where "
            f"{shape_words(expected.shape, names)} belongs."
        )
    if answer.shape == expected.T.shape and _close(answer, expected.T, rtol):
        return (
            f"Your answer is the right one transposed: {shape_words(answer.shape, names)}, not "
            f"{shape_words(expected.shape, names)}."
        )
    letters = {letter: size for size, letter in names.items()}
    if expected.ndim == 2 and answer.ndim == 1 and expected.shape == (len(answer), len(answer)):
        if _close(np.diag(answer), expected, rtol):
            return (
                f"Your {shape_words(answer.shape, names)} vector holds the right diagonal, and the right answer is "
                f"the {shape_words(expected.shape, names)} matrix with it on its diagonal and 0 elsewhere."
            )
    for axis in range(answer.ndim):
        for reduce, words in ((np.sum, "Summed"), (np.mean, "Averaged")):
            reduced = reduce(answer, axis=axis)
            if reduced.size == expected.size and _close(reduced.reshape(expected.shape), expected, rtol):
                over = f" (over the {SIZE_WORDS[names[answer.shape[axis]]]})" if answer.shape[axis] in names else ""
                return (
                    f"{words} over axis {axis}{over}, your {shape_words(answer.shape, names)} answer gives the right "
                    f"numbers: that {'sum' if reduce is np.sum else 'mean'} over axis {axis} is what yours lacks."
                )
    for axis in range(expected.ndim):
        for reduce, words in ((np.sum, "summed"), (np.mean, "averaged")):
            reduced = reduce(expected, axis=axis)
            if reduced.size == answer.size and _close(answer.reshape(reduced.shape), reduced, rtol):
                return (
                    f"Your answer is the right one {words} over axis {axis}: the right one keeps that axis, shape "
                    f"{shape_words(expected.shape, names)}."
                )
    m = letters.get("m")
    if m is not None and answer.ndim >= 1 and answer.shape[0] == m and m not in expected.shape:
        return (
            f"Your answer, {shape_words(answer.shape, names)}, has one entry per example; the right one, "
            f"{shape_words(expected.shape, names)}, has none: it sums the examples' contributions over the m "
            "examples (axis 0)."
        )
    if answer.ndim == 0 or answer.size == 1:
        for reduce, words in ((np.sum, "sum"), (np.mean, "mean")):
            if np.isclose(float(np.ravel(answer)[0]), reduce(expected), rtol=max(rtol, 1e-9)):
                return (
                    f"Your answer is one number, the {words} of every entry of the right one: it reduces over every "
                    f"axis, where the right one has shape {shape_words(expected.shape, names)}."
                )
        return f"Your answer is one number, where the right one has shape {shape_words(expected.shape, names)}."
    if answer.ndim == 2 and answer.shape[0] == answer.shape[1] and expected.ndim == 2 and "m" in letters:
        if answer.shape[0] == expected.shape[0] != expected.shape[1]:
            p, q = (letters_for(size, names) for size in expected.shape)
            return (
                f"Your answer is square, {shape_words(answer.shape, names)}, where the right one is "
                f"{shape_words(expected.shape, names)}: a matrix product of two ({p}, {q}) arrays, the second "
                f"transposed, gives that shape (it sums over {q}); an elementwise product (*) keeps ({p}, {q})."
            )
    return None


SIZE_WORDS = {"m": "m examples", "n": "n inputs", "u": "u units", "k": "k classes"}


def letters_for(size: int, names: dict[int, str]) -> str:
    return names.get(size, str(size))


# Properties, tested by probes.


def _student_answer(student: Callable[..., Any], arguments: Arguments, like: np.ndarray) -> np.ndarray | None:
    """The student's answer on probe arguments, or None when it cannot be read (then the probe says nothing)."""
    try:
        answer = as_array(call_student(student, *arguments), (), "the answer")
    except Hint:
        return None
    return answer if answer.shape == like.shape else None


def invariance(name: str, change: Callable[[Arguments], Arguments], breaks: str) -> Property:
    """The right answer does not change under ``change``; ``breaks`` says what it means when the student's does."""

    def broken(student, arguments, answer, expected):
        changed = change(arguments)
        if not _close(expected(*changed), expected(*arguments), 1e-9):
            return None
        probe = _student_answer(student, changed, answer)
        return breaks if probe is not None and not _close(probe, answer, 1e-7) else None

    return Property(name, broken)


def rows_independent(change_row: Callable[[Arguments, int], Arguments], row_name: str) -> Property:
    """Changing example 0 changes only row 0 of the right answer."""

    def broken(student, arguments, answer, expected):
        changed = change_row(arguments, 0)
        probe = _student_answer(student, changed, answer)
        if probe is None or answer.ndim != 2 or len(answer) < 2:
            return None
        if not np.allclose(probe[1:], answer[1:], rtol=1e-9, atol=1e-12):
            return (
                f"Changing example 0 alone changes your other rows too: each row depends on its own {row_name} "
                "only, and something in your code mixes the examples (a sum, mean or max over axis 0, or over "
                "the whole array, does)."
            )
        return None

    return Property("independence of the examples", broken)


def linearity(position: int, what: str) -> Property:
    """The right answer is linear in argument ``position``, the upstream gradient ``what``."""

    def broken(student, arguments, answer, expected):
        for factor, words, verb in ((2.0, "Doubling", "double"), (-1.0, "Negating", "negate")):
            changed = list(arguments)
            changed[position] = factor * arguments[position]
            probe = _student_answer(student, tuple(changed), answer)
            if probe is not None and not _close(probe, factor * answer, 1e-7):
                return (
                    f"{words} {what} does not {verb} your answer, but the chain rule multiplies {what} "
                    "by factors that do not depend on it: the answer is linear in it."
                )
        return None

    return Property("linearity in the upstream gradient", broken)


def repeated_batch(positions: Sequence[int], what: str, grows: str, shrinks: str) -> Property:
    """Every example appearing twice (the arguments at ``positions`` stacked on themselves) scales the right answer
    by a known factor; the student's must scale by the same one. ``grows`` and ``shrinks`` say what it means when
    the student's scales by more or by less."""

    def broken(student, arguments, answer, expected):
        doubled = tuple(
            np.concatenate([argument, argument]) if index in positions else argument
            for index, argument in enumerate(arguments)
        )
        right_before, right_after = expected(*arguments), expected(*doubled)
        probe = _student_answer(student, doubled, right_after)
        if probe is None:
            return None
        if right_after.shape != right_before.shape:  # one row per example: compare the first m rows
            right_after, probe = right_after[: len(right_before)], probe[: len(right_before)]
        right = fitted_constant(right_after, right_before, 1e-9)
        theirs = fitted_constant(probe, answer, 1e-7)
        if right is None or theirs is None or np.isclose(right, theirs):
            return None
        return (
            f"With every example repeated twice (the same {what}), your answer is multiplied by "
            f"{name_constant(theirs, '')}, the right one by {name_constant(right, '')}: "
            f"{grows if theirs > right else shrinks}."
        )

    return Property("scaling with m", broken)


def flips_sign(change: Callable[..., Arguments], breaks: str) -> Property:
    """At the inputs ``change(*arguments)`` makes (every error ŷ - y negated) the right answer changes sign; the
    student's must too."""

    def broken(student, arguments, answer, expected):
        changed = change(*arguments)
        if not _close(expected(*changed), -expected(*arguments), 1e-9):
            return None
        probe = _student_answer(student, changed, answer)
        return breaks if probe is not None and not _close(probe, -answer, 1e-7) else None

    return Property("sign of the errors", broken)


def stays(change: Callable[..., Arguments], kept: Callable[..., np.ndarray], breaks: str) -> Property:
    """At the inputs ``change(*arguments)`` makes the right answer is ``kept(*changed)`` (an update at a perfect fit
    leaves the weights as they are); the student's must be too."""

    def broken(student, arguments, answer, expected):
        changed = change(*arguments)
        if not _close(expected(*changed), kept(*changed), 1e-9):
            return None
        probe = _student_answer(student, changed, answer)
        return breaks if probe is not None and not _close(probe, kept(*changed), 1e-7) else None

    return Property("no step at a perfect fit", broken)


def vanishes(change: Callable[..., Arguments], breaks: str) -> Property:
    """At the inputs ``change(*arguments)`` makes (a perfect fit, ŷ = y) the right answer is 0; the student's must
    be too."""

    def broken(student, arguments, answer, expected):
        changed = change(*arguments)
        target = expected(*changed)
        if np.any(np.abs(target) > 1e-12):
            return None
        probe = _student_answer(student, changed, target)
        return breaks if probe is not None and np.any(np.abs(probe) > 1e-9) else None

    return Property("0 at a perfect fit", broken)


def dependence(change: Callable[[Arguments], Arguments], breaks: str) -> Property:
    """The right answer changes under ``change`` (another true class); the student's must change too."""

    def broken(student, arguments, answer, expected):
        changed = change(arguments)
        if _close(expected(*changed), expected(*arguments), 1e-9):
            return None
        probe = _student_answer(student, changed, answer)
        return breaks if probe is not None and _close(probe, answer, 1e-12) else None

    return Property("dependence on the true class", broken)


def answer_property(name: str, holds: Callable[[np.ndarray], bool], breaks: str) -> Property:
    """A property of the answer itself (no probe needed): the right answer has it, the student's must too."""

    def broken(student, arguments, answer, expected):
        return breaks if holds(expected(*arguments)) and not holds(answer) else None

    return Property(name, broken)


def rows_sum_to_zero(breaks: str) -> Property:
    return answer_property(
        "rows that sum to 0", lambda array: bool(np.allclose(np.sum(array, axis=-1), 0.0, atol=1e-9)), breaks
    )


def symmetric(breaks: str) -> Property:
    return answer_property("symmetry", lambda array: bool(np.allclose(array, array.T, rtol=1e-9, atol=1e-12)), breaks)


def right_for(answer: np.ndarray, variants: Sequence[Variant], expected: Callable[..., np.ndarray], rtol: float):
    """The description of the first variant whose right answer the student's equals, or None."""
    for variant in variants:
        with np.errstate(all="ignore"):
            try:
                target = np.asarray(expected(*variant.arguments), dtype=np.float64)
            except Exception:  # a variant may not exist for these inputs
                continue
        if _close(answer, target, rtol):
            return variant.description
    return None
