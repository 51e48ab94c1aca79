"""Notebook 2's exercises: ∂ℒ/∂a_L through the softmax, at a temperature T, the softmax Jacobian, and the
temperature that halves a gradient. The public threads where a catalogue entry's mistake was seen are named in the
comments above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.catalogue import (
    FunctionExercise,
    Misconception,
    Problem,
    ValueExercise,
    checked_on,
    diagnose,
    diagnose_value,
    largest_logit,
    one_hot_like,
    probability_problem,
)
from helpers.exercises.layouts import (
    JACOBIAN_PROPERTIES,
    another_class,
    class_parts,
    class_variants,
    diagonal_parts,
    jacobian_factors,
    jacobian_terms,
    logit_gradient_terms,
    logit_shift,
    probability_factors,
)
from helpers.exercises.notebook_4 import OUTPUT_GRADIENT
from helpers.exercises.partial_derivative import (
    PartialFunction,
    SymbolicCheck,
    as_partial_exercise,
    diagnose_partial,
    print_partial_verdict,
)
from helpers.exercises.probes import rows_sum_to_zero
from helpers.exercises.protocol import report
from helpers.kernels.activations import sigmoid
from helpers.kernels.softmax import softmax, softmax_jacobian

# k from 2 to 6, ℓ first, middle and last, one ŷ_ℓ near 0 and one near 1: the same cases as notebook 1's exercise,
# written out here so that a change to that exercise leaves this one as it is.
PROBLEMS = (
    probability_problem([2.0, 1.0, 0.1, -1.0], 2),
    probability_problem([0.3, -0.2, 1.5], 0),
    probability_problem([1.0, 1.0], 1),
    probability_problem([0.5, -1.0, 2.0, 0.0, 1.0], 4),
    probability_problem([-3.0, 0.2, 4.0, 1.0, -0.5, 0.7], 3),
)

JacobianFunction = Callable[[np.ndarray], Any]

GRAD_WRT_LOGITS_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda yhat, l: one_hot_like(yhat, l) - yhat,
        "The sign is flipped: raising the true class's logit lowers the loss, so that entry must be negative, "
        "and every other entry positive.",
    ),
    Misconception(
        "∂ℒ/∂ŷ for ∂ℒ/∂a_L",
        lambda yhat, l: -one_hot_like(yhat, l) / yhat[l],
        "That is dL/dyhat from notebook 1. Here the variable is the logit a_Li: multiply by d yhat_l / d a_Li "
        "(the quotient rule) and the 1/yhat_l cancels.",
    ),
    Misconception(
        "no indicator term",
        lambda yhat, l: yhat,
        "The indicator term is missing: d exp(a_L)_l / d a_Li = 1_(l=i) exp(a_L)_l gives a -1 at the true class.",
    ),
    Misconception(
        "no ŷ_i term",
        lambda yhat, l: -one_hot_like(yhat, l),
        "The yhat_i term is missing: the denominator sum_i' exp(a_L)_i' depends on every logit, so every i gets "
        "a contribution.",
    ),
    # The chain rule through the Jacobian's diagonal alone, ∂o_j/∂z_j = o_j(1 - o_j) (stats.stackexchange 235528).
    Misconception(
        "diagonal of the Jacobian only",
        lambda yhat, l: (yhat[l] - 1.0) * one_hot_like(yhat, l),
        "Only the true class gets a gradient: that is the chain rule through the Jacobian's diagonal "
        "yhat_i(1 - yhat_i) alone. Every yhat depends on every logit through the shared denominator.",
    ),
    Misconception(
        "ŷ_ℓ for ŷ_i",
        lambda yhat, l: yhat[l] - one_hot_like(yhat, l),
        "You used yhat_l where yhat_i belongs: the second term of the quotient rule differentiates the "
        "denominator with respect to a_Li, which brings exp(a_L)_i.",
    ),
    # The quotient rule remembered as (f'g + fg')/g².
    Misconception(
        "quotient rule with a plus",
        lambda yhat, l: -(one_hot_like(yhat, l) + yhat),
        "The quotient rule is (f′g − fg′)/g², with a minus: the denominator's term enters with the opposite sign "
        "to the numerator's.",
    ),
    # The quotient rule's result with its ŷ_ℓ lost before the cancellation.
    Misconception(
        "1/ŷ_ℓ not cancelled",
        lambda yhat, l: (yhat - one_hot_like(yhat, l)) / yhat[l],
        "Every entry carries an extra 1/yhat_l: in -(1/yhat_l)(1_(i=l) yhat_l - yhat_l yhat_i), both terms in the "
        "bracket hold yhat_l, and it cancels the 1/yhat_l in front.",
    ),
    # The quotient rule's result, ∂ŷ_ℓ/∂a_Li, without the chain rule's first factor.
    Misconception(
        "∂ŷ_ℓ/∂a_Li alone",
        lambda yhat, l: yhat[l] * (one_hot_like(yhat, l) - yhat),
        "That is d yhat_l / d a_Li, the quotient rule's result, alone. The chain rule multiplies it by the first "
        "factor, dL/dyhat_l = -1/yhat_l.",
    ),
)


GRAD_WRT_LOGITS = FunctionExercise(
    what="the partial derivatives over i",
    problems=PROBLEMS,
    expected=lambda yhat, l: yhat - one_hot_like(yhat, l),
    misconceptions=GRAD_WRT_LOGITS_MISTAKES,
    parts=lambda yhat, l: class_parts(yhat, l),
    factors=lambda yhat, l: probability_factors(yhat),
    variants=lambda yhat, l: class_variants((yhat, l), 1, len(yhat)),
    terms=lambda yhat, l: logit_gradient_terms(yhat, one_hot_like(yhat, l)),
    properties=(
        rows_sum_to_zero(
            "Your entries do not sum to 0, but they must: adding the same number to every logit leaves the softmax, "
            "and so the loss, unchanged."
        ),
        another_class(1, lambda arguments: len(arguments[0])),
    ),
    generic="The entries sum to 0 as they should, but they disagree with the derivative; recheck each term.",
    size_example="len(yhat) for k",
)
PARTIAL_WRT_LOGITS = as_partial_exercise(GRAD_WRT_LOGITS)


def diagnose_partial_wrt_logits(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> str | None:
    """Check the lecture's steps 8-9, ∂ℒ/∂a_Li = -(1_(ℓ=i) - ŷ_i), written as ``student(yhat, l, i)``: on numbers for
    every i of every problem, then on SymPy symbols if ``symbolic`` is given
    (``helpers.derivation.student_steps.wrong_pairs_wrt_logits``)."""
    return diagnose_partial(PARTIAL_WRT_LOGITS, student, symbolic)


def check_partial_wrt_logits(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> None:
    """Print whether ``student(yhat, l, i)`` is ∂ℒ/∂a_Li, checked on numbers (and on symbols if ``symbolic``)."""
    print_partial_verdict(student, diagnose_partial_wrt_logits(student, symbolic), PARTIAL_WRT_LOGITS, symbolic)


def logit_problem(logits: list[float]) -> Problem:
    """Logits a_L as the one argument of a Jacobian function."""
    size = max(abs(value) for value in logits)
    large = f", logits as large as ±{size:g}" if size >= 100 else ""
    return Problem((np.array(logits),), f"k = {len(logits)} logits{large}")


# k from 2 to 5, and three problems whose logits overflow (or underflow) np.exp without the max subtracted (the
# last one with 1600 between its largest and smallest logit, so that subtracting the minimum or the mean fails): the
# protocol answers numpy's warning there with a hint about the max (the stability threads: tensorflow#10142,
# NNlib.jl#68, uTensor#175).
JACOBIAN_PROBLEMS = (
    logit_problem([2.0, 1.0, 0.1, -1.0]),
    logit_problem([0.3, -0.2, 1.5]),
    logit_problem([1.0, -1.0]),
    logit_problem([0.5, -1.0, 2.0, 0.0, 1.0]),
    logit_problem([1000.0, 999.0, 998.5, 990.0]),
    logit_problem([-1000.0, -1001.0, -999.0]),
    logit_problem([800.0, -800.0, 0.5, 0.0]),
)


JACOBIAN_MISTAKES = (
    # "The backward pass just copies the gradient": the identity, as for an elementwise identity map.
    Misconception(
        "identity",
        lambda a: np.eye(len(a)),
        "That is the identity matrix, the Jacobian of a function that leaves a_L as it is. The softmax "
        "changes every output when one logit moves: differentiate yhat_i = exp(a_Li) / sum_j exp(a_Lj).",
    ),
    # ∂o_j/∂z_j = o_j(1 - o_j) only (stats.stackexchange 235528; a widespread blog derivation).
    Misconception(
        "diagonal only",
        lambda a: np.diag(softmax(a) * (1 - softmax(a))),
        "You have only the diagonal yhat_i(1 - yhat_i), as for a sigmoid. Every output depends on every logit "
        "through the shared denominator, so the entries off the diagonal are -yhat_i yhat_j, not 0.",
    ),
    Misconception(
        "sigmoid's derivative",
        lambda a: np.diag(sigmoid(a) * (1 - sigmoid(a))),
        "That is the sigmoid's derivative, sigma(a)(1 - sigma(a)), on the diagonal. The softmax normalises over "
        "all k logits: use yhat = softmax(a), and the entries off the diagonal are -yhat_i yhat_j.",
    ),
    Misconception(
        "plus off the diagonal",
        lambda a: np.diag(softmax(a)) + np.outer(softmax(a), softmax(a)),
        "The off-diagonal entries have the wrong sign: raising a_Lj grows the shared denominator, so every other "
        "yhat_i falls.",
    ),
    Misconception(
        "sign flipped",
        lambda a: -softmax_jacobian(a),
        "The sign is flipped: raising a_Li raises yhat_i, so the diagonal must be positive.",
    ),
    Misconception(
        "no numerator term",
        lambda a: -np.outer(softmax(a), softmax(a)),
        "The diagonal misses the term from d exp(a_Li)/d a_Li, the derivative of the numerator.",
    ),
    Misconception(
        "no denominator term",
        lambda a: np.diag(softmax(a)),
        "That is diag(yhat) alone: the term -yhat_i yhat_j from differentiating the shared denominator is missing.",
    ),
    # The i = j case's formula yhat_i(1 - yhat_j) used for every entry.
    Misconception(
        "the diagonal's formula everywhere",
        lambda a: np.outer(softmax(a), 1 - softmax(a)),
        "That is yhat_i(1 - yhat_j) in every entry, the diagonal's formula. For j != i the numerator does not "
        "depend on a_Lj, which leaves -yhat_i yhat_j.",
    ),
    # yhat @ yhat.T on a 1-D array is the dot product, a number, which broadcasts to every entry.
    Misconception(
        "ŷ @ ŷ.T on a vector",
        lambda a: np.diag(softmax(a)) - softmax(a) @ softmax(a).T,
        "Every entry has the same number subtracted: for a 1-D array, yhat @ yhat.T is the dot product "
        "sum_i yhat_i², not a matrix (.T does nothing to a 1-D array). The outer product is np.outer(yhat, yhat).",
    ),
    # yhat * yhat is elementwise, and broadcasts as a row.
    Misconception(
        "ŷ * ŷ for the outer product",
        lambda a: np.diag(softmax(a)) - softmax(a) * softmax(a),
        "Row i has yhat_j² subtracted: yhat * yhat is elementwise, then broadcast as a row. The term is the outer "
        "product yhat_i yhat_j, np.outer(yhat, yhat).",
    ),
    # The Jacobian of log-softmax, δ_ij - ŷ_j, derived alongside the softmax's in many write-ups.
    Misconception(
        "the log-softmax's Jacobian",
        lambda a: np.eye(len(a)) - softmax(a)[np.newaxis, :],
        "That is the Jacobian of log softmax, 1_(i=j) - yhat_j. The softmax's own is yhat_i times it, row by row "
        "(d yhat_i = yhat_i d log yhat_i): diag(yhat) - yhat yhatᵀ.",
    ),
    Misconception(
        "logits for probabilities",
        lambda a: np.diag(a) - np.outer(a, a),
        "You used the logits a where the probabilities yhat = softmax(a) belong.",
    ),
    Misconception(
        "exp(a) for probabilities",
        lambda a: np.diag(np.exp(a)) - np.outer(np.exp(a), np.exp(a)),
        "You used exp(a), the numerators, where the probabilities belong: divide by their sum first.",
    ),
)


SOFTMAX_JACOBIAN = FunctionExercise(
    what="the Jacobian",
    problems=JACOBIAN_PROBLEMS,
    expected=softmax_jacobian,
    misconceptions=JACOBIAN_MISTAKES,
    parts=lambda a: diagonal_parts(len(a)),
    factors=lambda a: jacobian_factors(softmax(a)),
    terms=lambda a: jacobian_terms(softmax(a)),
    properties=JACOBIAN_PROPERTIES,
    shape_hint=lambda answer, problem: (
        f"The Jacobian of k = {len(problem.arguments[0])} outputs in k logits is a k × k matrix; got shape "
        f"{answer.shape}{': one number per class is only its diagonal' if answer.ndim == 1 else ''}."
    ),
    generic="The rows sum to 0 as they should, but the entries disagree with the derivatives; recheck them.",
    size_example="len(a) for k",
    rtol=1e-9,
    input_scale=largest_logit,
    takes_logits=True,
)


def diagnose_softmax_jacobian(student: JacobianFunction) -> str | None:
    """None if ``student(a)`` is diag(ŷ) - ŷŷᵀ on every problem, large logits included, else the first mistake's hint.

    A transposed Jacobian cannot be told apart: this one is symmetric, so J and Jᵀ are the same matrix.
    """
    return diagnose(SOFTMAX_JACOBIAN, student)


def check_softmax_jacobian(student: JacobianFunction) -> None:
    """Print whether ``student(a)`` returns diag(ŷ) - ŷŷᵀ, with a hint if it does not."""
    report(diagnose_softmax_jacobian(student), checked_on(SOFTMAX_JACOBIAN))


def true_class_gradient(a: np.ndarray, l: int, T: float) -> float:
    """∂ℒ/∂a_Lℓ at temperature T: (softmax(a/T)_ℓ - 1) / T."""
    return float((softmax(np.asarray(a) / T)[l] - 1.0) / T)


def solve_for_temperature(f: Callable[[float], float], target: float) -> float:
    """The T in [1, 10⁴] at which the increasing function ``f`` equals ``target``, by bisection."""
    low, high = 1.0, 1e4
    for _ in range(200):
        middle = 0.5 * (low + high)
        low, high = (middle, high) if f(middle) < target else (low, middle)
    return 0.5 * (low + high)


def half_gradient_temperature(a: np.ndarray, l: int) -> ValueExercise:
    """The temperature at which ∂ℒ/∂a_Lℓ is half its value at T = 1, with the mistakes that give other numbers."""
    at_one = true_class_gradient(a, l, 1.0)
    below_one = ": a temperature below 1 sharpens the softmax and the gradient grows. Look above T = 1."
    return ValueExercise(
        what="T",
        expected=solve_for_temperature(lambda T: true_class_gradient(a, l, T), 0.5 * at_one),
        misconceptions=(
            Misconception(
                "T = 2",
                lambda: 2.0,
                "T = 2 halves the logits, not the gradient: softmax(a/T) moves too, towards uniform, which "
                "changes softmax(a/T)_l - 1. Evaluate (softmax(a/T)_l - 1)/T itself at your T.",
            ),
            # The chain-rule factor 1/T of d(a/T)/da forgotten: solving softmax(a/T)_ℓ - 1 = half.
            Misconception(
                "no 1/T",
                lambda: solve_for_temperature(lambda T: softmax(np.asarray(a) / T)[l] - 1.0, 0.5 * at_one),
                "That T halves softmax(a/T)_l - 1, but the gradient has the chain-rule factor 1/T of d(a/T)/da: "
                "dL/da_Ll = (softmax(a/T)_l - 1)/T.",
            ),
        ),
        fallback=lambda T: (
            f"A temperature is positive; got {T}."
            if T <= 0
            else f"At T = {T:.4g} the true class's gradient is {true_class_gradient(a, l, T) / at_one:.4f} times "
            "its value at T = 1, not 0.5" + (below_one if T < 1 else ".")
        ),
        rtol=1e-3,
        near=0.0,
    )


def diagnose_temperature_for_half_gradient(T: Any, a: np.ndarray, l: int) -> str | None:
    """Check a temperature at which the true class's logit gradient is half its value at T = 1 (within 0.1 %)."""
    return diagnose_value(half_gradient_temperature(a, l), T)


def check_temperature_for_half_gradient(T: Any, a: np.ndarray, l: int) -> None:
    """Print whether ``T`` halves the true class's logit gradient, with a hint if it does not."""
    report(diagnose_temperature_for_half_gradient(T, a, l))


def soft_label_logit_problem(logits: list[float], t: list[float]) -> Problem:
    """Logits a_L and a target distribution t (it sums to 1), as the arguments (a_L, t)."""
    target = np.array(t, dtype=np.float64)
    size = max(abs(value) for value in logits)
    large = f", logits as large as ±{size:g}" if size >= 100 else ""
    return Problem((np.array(logits), target / target.sum()), f"k = {len(logits)} classes{large}")


SOFT_LABEL_LOGIT_PROBLEMS = (
    soft_label_logit_problem([2.0, 1.0, 0.1, -1.0], [0.1, 0.2, 0.6, 0.1]),
    soft_label_logit_problem([0.3, -0.2, 1.5], [0.5, 0.0, 0.5]),
    soft_label_logit_problem([1.0, -1.0], [0.25, 0.75]),
    soft_label_logit_problem([0.5, -1.0, 2.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0, 1.0]),
    soft_label_logit_problem([1000.0, 999.0, 998.5, 990.0], [0.4, 0.3, 0.2, 0.1]),
    soft_label_logit_problem([800.0, -800.0, 0.5, 0.0], [0.1, 0.6, 0.1, 0.2]),
)


def soft_label_grad_wrt_logits(a_L: np.ndarray, t: np.ndarray) -> np.ndarray:
    """∂ℒ/∂a_L for ℒ = -Σ_i t_i log softmax(a_L)_i: ŷ - t (t sums to 1)."""
    return softmax(a_L) - t


SOFT_LABEL_GRAD_WRT_LOGITS_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda a, t: t - softmax(a),
        "The sign is flipped: raising a logit whose probability is above its target raises the loss.",
    ),
    Misconception(
        "∂ℒ/∂ŷ for ∂ℒ/∂a_L",
        lambda a, t: -t / softmax(a),
        "That is dL/dyhat, -t/yhat. Here the variables are the logits: multiply by the softmax's Jacobian.",
    ),
    Misconception(
        "softmax only",
        lambda a, t: softmax(a),
        "Only the softmax is left: the target t has to be subtracted.",
    ),
    Misconception(
        "the largest target as a one-hot",
        lambda a, t: softmax(a) - np.eye(len(a))[np.argmax(t)],
        "You subtracted a one-hot vector at the largest target. With a soft target every class has its own "
        "weight t_i: subtract t itself.",
    ),
    Misconception(
        "logits for probabilities",
        lambda a, t: a - t,
        "You used the logits a_L where the probabilities yhat = softmax(a_L) belong.",
    ),
)

SOFT_LABEL_GRAD_WRT_LOGITS = FunctionExercise(
    what="the gradient vector",
    problems=SOFT_LABEL_LOGIT_PROBLEMS,
    expected=soft_label_grad_wrt_logits,
    misconceptions=SOFT_LABEL_GRAD_WRT_LOGITS_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"The gradient has one entry per logit, shape ({len(problem.arguments[0])},); got shape {answer.shape}."
    ),
    generic="It disagrees with the derivative of -Σ_i t_i log softmax(a_L)_i in each logit.",
    factors=lambda a_L, t: probability_factors(softmax(a_L)),
    terms=lambda a_L, t: logit_gradient_terms(softmax(a_L), t),
    properties=(
        logit_shift(),
        rows_sum_to_zero("Your entries do not sum to 0, but they must: yhat and t each sum to 1."),
    ),
    size_example="len(a_L) for k",
    input_scale=largest_logit,
    takes_logits=True,
)


def diagnose_soft_label_grad_wrt_logits(student: Callable[[np.ndarray, np.ndarray], Any]) -> str | None:
    """None if ``student(a_L, t)`` is softmax(a_L) - t on every problem, large logits included, else a hint."""
    return diagnose(SOFT_LABEL_GRAD_WRT_LOGITS, student)


def check_soft_label_grad_wrt_logits(student: Callable[[np.ndarray, np.ndarray], Any]) -> None:
    """Print whether ``student(a_L, t)`` returns ŷ - t, with a hint if it does not."""
    report(diagnose_soft_label_grad_wrt_logits(student), checked_on(SOFT_LABEL_GRAD_WRT_LOGITS))


def temperature_problem(logits: list[float], l: int, T: float) -> Problem:
    """Logits a_L, the true class ℓ and a temperature T, as the arguments (a_L, l, T)."""
    size = max(abs(value) for value in logits)
    large = f", logits as large as ±{size:g}" if size >= 100 else ""
    return Problem((np.array(logits), l, T), f"k = {len(logits)} classes, l = {l} and T = {T:g}{large}")


# k from 2 to 6, T above and below 1 and never 2, 1/2 or a class count (so that a factor T or 1/T is named as T),
# and two problems whose logits over T overflow np.exp unless the max is subtracted.
TEMPERATURE_PROBLEMS = (
    temperature_problem([2.0, 1.0, 0.1, -1.0], 2, 2.5),
    temperature_problem([0.3, -0.2, 1.5], 0, 0.4),
    temperature_problem([1.0, -1.0], 1, 0.6),
    temperature_problem([0.5, -1.0, 2.0, 0.0, 1.0], 4, 1.7),
    temperature_problem([-3.0, 0.2, 4.0, 1.0, -0.5, 0.7], 3, 3.5),
    temperature_problem([1000.0, 999.0, 998.5, 990.0], 1, 0.4),
    temperature_problem([800.0, -800.0, 0.5, 0.0], 3, 2.5),
)


def grad_wrt_logits_at_temperature(a_L: np.ndarray, l: int, T: float) -> np.ndarray:
    """∂ℒ/∂a_L for ℒ = -log softmax(a_L / T)_ℓ: (ŷ - e(ℓ)) / T with ŷ = softmax(a_L / T)."""
    return (softmax(np.asarray(a_L) / T) - one_hot_like(a_L, l)) / T


# Planned with the exercise, from the chain rule's two factors and the softmax's input; no learner's post of these is
# collected yet (tests/exercises/learner_mistakes.py has none for this exercise).
TEMPERATURE_MISTAKES = (
    Misconception(
        "no 1/T",
        lambda a, l, T: softmax(a / T) - one_hot_like(a, l),
        "The factor 1/T of the chain rule is missing: the softmax's input is a_L / T, and d(a_Li / T)/d a_Li = 1/T "
        "multiplies every entry.",
    ),
    Misconception(
        "T for 1/T",
        lambda a, l, T: T * (softmax(a / T) - one_hot_like(a, l)),
        "You multiplied by T where the chain rule gives 1/T: d(a_Li / T)/d a_Li is 1/T.",
    ),
    Misconception(
        "sign flipped",
        lambda a, l, T: (one_hot_like(a, l) - softmax(a / T)) / T,
        "The sign is flipped: raising the true class's logit lowers the loss, so that entry must be negative, "
        "and every other entry positive.",
    ),
    Misconception(
        "softmax(a_L) for softmax(a_L / T)",
        lambda a, l, T: (softmax(a) - one_hot_like(a, l)) / T,
        "The probabilities are those at T = 1: yhat here is softmax(a_L / T), the logits divided by T before the "
        "softmax.",
    ),
    Misconception(
        "no softmax",
        lambda a, l, T: (a / T - one_hot_like(a, l)) / T,
        "You used the logits a_L / T where the probabilities yhat = softmax(a_L / T) belong: the softmax is missing.",
    ),
    Misconception(
        "no softmax, no T",
        lambda a, l, T: a - one_hot_like(a, l),
        "You used the logits a_L where the probabilities yhat = softmax(a_L / T) belong: the softmax is missing.",
    ),
    Misconception(
        "∂ℒ/∂ŷ for ∂ℒ/∂a_L",
        lambda a, l, T: -one_hot_like(a, l) / softmax(a / T)[l],
        "That is dL/dyhat from notebook 1. Here the variable is the logit a_Li: multiply by the softmax's "
        "derivative and by d(a_Li / T)/d a_Li = 1/T.",
    ),
)


GRAD_WRT_LOGITS_AT_TEMPERATURE = FunctionExercise(
    what="the gradient vector",
    problems=TEMPERATURE_PROBLEMS,
    expected=grad_wrt_logits_at_temperature,
    misconceptions=TEMPERATURE_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"The gradient has one entry per logit, shape ({len(problem.arguments[0])},); got shape {answer.shape}."
    ),
    generic="It disagrees with the derivative of -log softmax(a_L / T)_l in each logit.",
    parts=lambda a, l, T: class_parts(a, l),
    factors=lambda a, l, T: probability_factors(softmax(a / T)),
    variants=lambda a, l, T: class_variants((a, l, T), 1, len(a)),
    terms=lambda a, l, T: logit_gradient_terms(softmax(a / T) / T, one_hot_like(a, l) / T),
    properties=(
        logit_shift(),
        rows_sum_to_zero(
            "Your entries do not sum to 0, but they must: adding the same number to every logit leaves "
            "softmax(a_L / T), and so the loss, unchanged."
        ),
        another_class(1, lambda arguments: len(arguments[0])),
    ),
    size_example="len(a_L) for k",
    input_scale=lambda a, l, T: largest_logit(a) / T,
    takes_logits=True,
)


def diagnose_grad_wrt_logits_at_temperature(student: Callable[[np.ndarray, int, float], Any]) -> str | None:
    """None if ``student(a_L, l, T)`` is (softmax(a_L / T) - e(ℓ)) / T on every problem, large logits included, else
    the first mistake's hint."""
    return diagnose(GRAD_WRT_LOGITS_AT_TEMPERATURE, student)


def check_grad_wrt_logits_at_temperature(student: Callable[[np.ndarray, int, float], Any]) -> None:
    """Print whether ``student(a_L, l, T)`` returns ∂ℒ/∂a_L at temperature T, with a hint if it does not."""
    report(diagnose_grad_wrt_logits_at_temperature(student), checked_on(GRAD_WRT_LOGITS_AT_TEMPERATURE))


def diagnose_batch_grad_wrt_logits(student: Callable[[np.ndarray, np.ndarray], Any]) -> str | None:
    """None if ``student(A_L, labels)`` is (softmax(A_L) - E)/m, the mean loss's gradient, on every problem, large
    logits included, else a hint."""
    return diagnose(OUTPUT_GRADIENT, student)


def check_batch_grad_wrt_logits(student: Callable[[np.ndarray, np.ndarray], Any]) -> None:
    """Print whether ``student(A_L, labels)`` returns (Ŷ - E)/m, with a hint if it does not."""
    report(diagnose_batch_grad_wrt_logits(student), checked_on(OUTPUT_GRADIENT))
