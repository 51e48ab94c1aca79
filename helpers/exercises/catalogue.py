"""An exercise as data: the problems it is tried on, its right answer, and its catalogue of misconceptions.

A ``Misconception`` is a mistake learners really make, written as the wrong
formula (a function of the same inputs as the student's function) with the
hint that names it. ``diagnose`` tries the student's function on every
problem of the exercise, several sizes among them. An exception or a warning
is read for what it says; on the first problem where the answer is wrong,

1. a right answer on an earlier problem of another shape is a size fixed in the code (or a global of the notebook
   read), unless a misconception gives this answer;
2. a value read from the notebook's globals is named;
3. otherwise the hint says what the probes see (``probes``: the shape it has, or integer arithmetic, or which
   entries are wrong and how, and the properties it breaks), then the name of a misconception whose formula gives
   exactly this answer, or else the exercise's own structural hint, or, when nothing was seen, its generic hint.

No hint shows the expected values: a hint says what the answer does, not what it should be.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers.exercises.probes import (
    Factor,
    Part,
    Property,
    Term,
    Variant,
    describe_difference,
    describe_shape,
    right_for,
)
from helpers.exercises.protocol import (
    StudentError,
    StudentWarning,
    as_array,
    as_number,
    call_student,
    diagnosis,
    read_exception,
    read_warning,
)
from helpers.kernels.cross_entropy import one_hot
from helpers.kernels.softmax import softmax


# eq=False: two problems are the same problem only if they are one object (their arrays have no single truth value).
@dataclass(frozen=True, eq=False)
class Problem:
    """One problem of an exercise: the arguments the student's function is called with, and its sizes in words."""

    arguments: tuple[Any, ...]
    sizes: str


@dataclass(frozen=True)
class Misconception:
    """A mistake learners make: ``wrong(*arguments)`` is what the mistake computes, ``hint`` names it."""

    name: str
    wrong: Callable[..., Any]
    hint: str


@dataclass(frozen=True)
class FunctionExercise:
    """An exercise whose answer is a function of a problem's arguments.

    ``expected(*arguments)`` is the right answer; ``answer(student, problem)`` calls the student's function (through
    ``call_student``) and returns its raw result; ``structural(answer, problem)`` returns a hint about an answer of
    the right shape that no misconception explains, or None; ``shape_hint(answer, problem)`` one for an answer of
    another shape, or None.
    """

    what: str
    problems: Sequence[Problem]
    expected: Callable[..., np.ndarray]
    misconceptions: Sequence[Misconception]
    generic: str
    structural: Callable[[np.ndarray, Problem], str | None] = lambda answer, problem: None
    shape_hint: Callable[[np.ndarray, Problem], str | None] = lambda answer, problem: None
    answer: Callable[[Callable[..., Any], Problem], Any] = lambda student, problem: call_student(
        student, *problem.arguments
    )
    size_example: str = "a.shape[0] for m"
    rtol: float = 1e-7
    # How large the inputs are, for the tolerance: an answer computed by a method whose error grows with its inputs
    # (central differences at logits near ±1000 lose digits to the rounding of a + h) is compared at the precision
    # that method can reach there, rtol · input_scale; small inputs still pin every formula down to rtol.
    input_scale: Callable[..., float] = lambda *arguments: 1.0
    # Whether the first argument is logits: a warning from np.exp is then read as the overflow the max prevents.
    takes_logits: bool = False
    # The smallest absolute tolerance, for answers that are 0 (a derivative that vanishes), relative to input_scale.
    atol: float = 0.0
    # What the probes know of the answer (each a function of a problem's arguments): its named parts, the arrays
    # its entries may be multiplied by, other inputs it may be right for; and the properties the right answer has.
    parts: Callable[..., Sequence[Part]] = lambda *arguments: ()
    factors: Callable[..., Sequence[Factor]] = lambda *arguments: ()
    variants: Callable[..., Sequence[Variant]] = lambda *arguments: ()
    terms: Callable[..., Sequence[Term]] = lambda *arguments: ()
    properties: Sequence[Property] = ()
    # For an answer that is an update (a new W_out), the old value: the probes then describe the step, answer - old.
    before: Callable[..., np.ndarray] | None = None


def largest_logit(*arguments: Any) -> float:
    """The size of the largest logit, the first argument: ``input_scale`` for an exercise whose input is logits."""
    return float(np.max(np.abs(arguments[0])))


def tolerance(exercise: FunctionExercise, problem: Problem) -> tuple[float, float]:
    """The relative and absolute tolerance for ``problem``: ``rtol`` and ``atol`` times the inputs' scale."""
    scale = max(1.0, float(exercise.input_scale(*problem.arguments)))
    return exercise.rtol * scale, exercise.atol * scale


def close(answer: np.ndarray, target: Any, rtol: float, atol: float = 0.0) -> bool:
    """Whether ``answer`` equals ``target`` (same shape, every entry within ``rtol`` of the largest entry's size, or
    within ``atol``)."""
    target = np.asarray(target, dtype=np.float64)
    if answer.shape != target.shape or not np.all(np.isfinite(target)):
        return False
    scale = max(float(np.max(np.abs(target), initial=0.0)), 1e-300)
    return bool(np.allclose(answer, target, rtol=rtol, atol=max(rtol * scale, atol)))


def evaluate(misconception: Misconception, problem: Problem) -> np.ndarray | None:
    """What the mistake computes on ``problem``, or None where it cannot run there (then it explains nothing)."""
    with np.errstate(all="ignore"):
        try:
            return np.asarray(misconception.wrong(*problem.arguments), dtype=np.float64)
        except Exception:  # a wrong formula may not run at every size (a product whose shapes only fit when m = u)
            return None


def matching_misconception(exercise: FunctionExercise, answer: np.ndarray, problem: Problem) -> Misconception | None:
    """The first misconception that gives ``answer`` on ``problem`` where it differs from the right answer."""
    expected = exercise.expected(*problem.arguments)
    rtol, atol = tolerance(exercise, problem)
    for misconception in exercise.misconceptions:
        wrong = evaluate(misconception, problem)
        if wrong is None or close(wrong, expected, rtol, atol):
            continue
        if close(answer, wrong, rtol, atol):
            return misconception
    return None


def global_read(student: Callable[..., Any]) -> str | None:
    """The name of a value (a size, an array) that ``student`` reads from the notebook's globals rather than from its
    arguments; functions and modules (np, softmax) do not count."""
    code, namespace = getattr(student, "__code__", None), getattr(student, "__globals__", {})
    if code is None:
        return None
    for name in code.co_names:
        value = namespace.get(name)
        if isinstance(value, int | float | np.ndarray | np.number) and not isinstance(value, bool):
            return name
    return None


def global_hint(name: str) -> str:
    return (
        f"It reads `{name}` from the notebook, not from its arguments, so it only works for the notebook's own "
        "example. Take everything from the arguments it is given."
    )


def sizes_differ(first: Problem, second: Problem) -> bool:
    """Whether the arrays of two problems differ in shape (not only in their values)."""
    return [np.shape(argument) for argument in first.arguments] != [np.shape(argument) for argument in second.arguments]


def fixed_size_hint(exercise: FunctionExercise, student: Callable[..., Any], passed: Problem, failed: Problem) -> str:
    """The hint for a function right on one problem and wrong on another of other sizes."""
    name = global_read(student)
    if name is not None:
        return f"Your function is right for {passed.sizes} but not for {failed.sizes}. {global_hint(name)}"
    return (
        f"Your function is right for {passed.sizes} but not for {failed.sizes}: is a number fixed in it? Take every "
        f"size from the arrays it is given (e.g. {exercise.size_example})."
    )


def arithmetic_hint(answer: np.ndarray, expected: np.ndarray) -> str | None:
    """A hint for an answer of the right shape that integer arithmetic spoiled: whole numbers only (an answer of zeros
    gets ``zero_answer_hint`` first)."""
    if not np.any(expected):
        return None
    if np.all(answer == np.round(answer)) and not np.all(expected == np.round(expected)):
        return (
            "Every entry is a whole number: `//` rounds down, and an integer array (dtype=int, or np.zeros_like of "
            "an integer array) cuts off the fractions. Use / and float arrays."
        )
    return None


def behaviour(
    exercise: FunctionExercise, student: Callable[..., Any], problem: Problem, answer: np.ndarray
) -> list[str]:
    """What the probes see in a wrong answer of the right shape: which entries are wrong and how (or the inputs it
    is right for), then at most two properties of the right answer that it breaks."""
    arguments = problem.arguments
    expected = exercise.expected(*arguments)
    rtol, _ = tolerance(exercise, problem)
    sentences = []
    variant = right_for(answer, exercise.variants(*arguments), exercise.expected, rtol)
    if variant is not None:
        sentences.append(f"Your answer is the right one for {variant}.")
    else:
        given, target, prefix = answer, expected, ""
        if exercise.before is not None:
            old = exercise.before(*arguments)
            given, target, prefix = answer - old, expected - old, "In your step (the new value minus the old): "
        parts, factors = exercise.parts(*arguments), exercise.factors(*arguments)
        terms = exercise.terms(*arguments) if exercise.before is None else ()
        how = describe_difference(given, target, parts, factors, problem.sizes, rtol, terms)
        if how is not None:
            sentences.append(prefix + how)

    def as_called(*probe_arguments: Any) -> Any:  # the student's function as the exercise calls it, on probes
        return exercise.answer(student, Problem(probe_arguments, problem.sizes))

    broken = [
        text
        for text in (prop.broken(as_called, arguments, answer, exercise.expected) for prop in exercise.properties)
        if text is not None
    ]
    return sentences + broken[:2]


def wrong_answer_hint(
    exercise: FunctionExercise, student: Callable[..., Any], problem: Problem, answer: np.ndarray
) -> str:
    """The hint for a wrong answer on ``problem``: what the answer does, most specific first, then the catalogue's
    name for the mistake where one entry gives exactly this answer."""
    expected = exercise.expected(*problem.arguments)
    rtol, _ = tolerance(exercise, problem)
    misconception = matching_misconception(exercise, answer, problem)
    if answer.shape != expected.shape:
        seen = describe_shape(answer, expected, problem.sizes, rtol)
        hint = exercise.shape_hint(answer, problem) or (
            f"{exercise.what.capitalize()} has shape {expected.shape} here; got shape {answer.shape}."
        )
        sentences = [seen, hint] if seen and exercise.shape_hint(answer, problem) else [seen or hint]
    else:
        arithmetic = arithmetic_hint(answer, expected) if misconception is None else None
        if arithmetic is not None:
            return arithmetic
        sentences = behaviour(exercise, student, problem, answer)
    if misconception is not None:
        sentences.append(misconception.hint)
    else:
        structural = exercise.structural(answer, problem) if answer.shape == expected.shape else None
        if structural is not None:
            sentences.append(structural)
        elif not sentences:
            sentences.append(exercise.generic)
    return " ".join(sentences)


def diagnose(exercise: FunctionExercise, student: Callable[..., Any]) -> str | None:
    """None if ``student`` gives the right answer on every problem of ``exercise``, else the hint for the first
    problem where it does not (see the module's docstring for the order of the hints)."""

    def check() -> str | None:
        passed: Problem | None = None
        for problem in exercise.problems:
            expected = exercise.expected(*problem.arguments)
            try:
                raw = exercise.answer(student, problem)
            except StudentError as error:
                return f"For {problem.sizes}: {read_exception(error.error, problem.sizes)}"
            except StudentWarning as warning:
                return read_warning(warning.caught, exercise.takes_logits)
            answer = as_array(raw, (), exercise.what)
            if close(answer, expected, *tolerance(exercise, problem)):
                passed = passed or problem
                continue
            if (
                passed is not None
                and sizes_differ(passed, problem)
                and matching_misconception(exercise, answer, problem) is None
            ):
                return fixed_size_hint(exercise, student, passed, problem)
            if not np.any(answer) and np.any(expected) and matching_misconception(exercise, answer, problem) is None:
                # Said before any probe: a zero answer is trivially "the right one summed" where that sum is 0.
                return f"For {problem.sizes}: {zero_answer_hint(student, answer, expected)}"
            name = global_read(student)
            if name is not None:
                return f"For {problem.sizes}: {global_hint(name)}"
            return f"For {problem.sizes}: {wrong_answer_hint(exercise, student, problem, answer)}"
        return None

    return diagnosis(check)


def zero_answer_hint(student: Callable[..., Any], answer: np.ndarray, expected: np.ndarray) -> str:
    """What an answer that is 0 everywhere does, where the right one is not; integer arithmetic is named only where
    the student's code shows it (`//`, an integer dtype), never guessed."""
    shape = "" if answer.shape == expected.shape else f" (shape {answer.shape}, where the answer has {expected.shape})"
    hint = f"Every entry is 0{shape}, where the right answer's are not."
    try:
        source = inspect.getsource(student)
    except (OSError, TypeError):
        return hint
    if "//" in source or "dtype=int" in source:
        hint += (
            " Integer arithmetic gives 0 where a fraction belongs: // rounds down (2 // 5 is 0), and an integer "
            "array (dtype=int) keeps no fractions."
        )
    return hint


def checked_on(exercise: FunctionExercise, extra: str = "") -> str:
    """The line under a right answer: on how many problems, of which sizes, it was checked."""
    return f"(checked on {len(exercise.problems)} problems of different sizes{extra})"


@dataclass(frozen=True)
class ValueExercise:
    """An exercise whose answer is one number: ``expected`` is it; each misconception's ``wrong()`` is the number a
    mistake gives, ``hint`` names it; ``fallback(value)`` answers a value that no misconception explains."""

    what: str
    expected: float
    misconceptions: Sequence[Misconception]
    fallback: Callable[[float], str]
    rtol: float = 1e-9
    near: float = 1e-3


def diagnose_value(exercise: ValueExercise, answer: Any) -> str | None:
    """None if ``answer`` is the exercise's number (within ``rtol``), else the hint for the mistake it shows."""

    def check() -> str | None:
        value = as_number(answer, exercise.what)
        if np.isclose(value, exercise.expected, rtol=exercise.rtol, atol=0.0):
            return None
        for misconception in exercise.misconceptions:
            if np.isclose(value, misconception.wrong(), rtol=1e-6, atol=0.0):
                return misconception.hint
        if np.isclose(value, exercise.expected, rtol=exercise.near, atol=0.0):
            return (
                f"Close, but not exact: `{exercise.what}` is off in its later digits, as a rounded value or one read "
                "off a plot would be. Compute it instead: write it as an expression, e.g. a fraction or np.log(...)."
            )
        return exercise.fallback(value)

    return diagnosis(check)


def probability_problem(logits: list[float], l: int) -> Problem:
    """ŷ = softmax(logits) and the true class ℓ, as the arguments (yhat, l): notebooks 1's and 2's problems."""
    return Problem((softmax(np.array(logits)), l), f"k = {len(logits)} classes and l = {l}")


def one_hot_like(yhat: np.ndarray, l: int) -> np.ndarray:
    """The indicator vector e(ℓ) of ŷ's length, for writing a wrong or right answer as a function of (yhat, l)."""
    return one_hot(l, len(yhat))
