"""Notebook 1's exercises: the gradient of ℒ = -log ŷ_ℓ with respect to ŷ, and the numbers it takes.

Each catalogue entry is a mistake learners make, with where it was seen:
the public threads are named in the comments above the entries.
"""

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
    one_hot_like,
    probability_problem,
)
from helpers.exercises.layouts import (
    another_class,
    batch_properties,
    class_parts,
    class_variants,
    probability_factors,
    target_parts,
)
from helpers.exercises.partial_derivative import (
    PartialFunction,
    SymbolicCheck,
    as_partial_exercise,
    diagnose_partial,
    print_partial_verdict,
)
from helpers.exercises.protocol import report
from helpers.kernels.cross_entropy import grad_wrt_yhat
from helpers.kernels.softmax import softmax

GradFunction = Callable[[np.ndarray, int], Any]


# k from 2 to 6, ℓ first, middle and last (an index off by one shows at the ends), one ŷ_ℓ near 0 and one near 1.
PROBLEMS = (
    probability_problem([2.0, 1.0, 0.1, -1.0], 2),
    probability_problem([0.3, -0.2, 1.5], 0),
    probability_problem([1.0, 1.0], 1),
    probability_problem([0.5, -1.0, 2.0, 0.0, 1.0], 4),
    probability_problem([-3.0, 0.2, 4.0, 1.0, -0.5, 0.7], 3),
)


GRAD_WRT_YHAT_MISTAKES = (
    # The indicator lost when the sum -Σ_i e(ℓ)_i log ŷ_i collapses to -log ŷ_ℓ; the issue tracker's own example.
    Misconception(
        "-1/ŷ_ℓ in every entry",
        lambda yhat, l: -np.ones_like(yhat) / yhat[l],
        "Every entry is -1/yhat_l: the indicator 1(i = l) was dropped when the sum over classes collapsed to "
        "-log yhat_l. That loss does not contain yhat_i for i != l, so those partial derivatives are 0.",
    ),
    # "-t_j/o_j" written without the target t (stats.stackexchange 235528, datascience.stackexchange 64746).
    Misconception(
        "-1/ŷ_i at every class",
        lambda yhat, l: -1.0 / yhat,
        "That puts -1/yhat_i at every class: it is -y_i/yhat_i with the one-hot y left out. Only yhat_l "
        "appears in L = -log yhat_l, so dL/dyhat_i = 0 for every i != l.",
    ),
    Misconception(
        "1/ŷ_i at every class",
        lambda yhat, l: 1.0 / yhat,
        "That puts 1/yhat_i at every class, with the wrong sign. Only yhat_l appears in L = -log yhat_l.",
    ),
    Misconception(
        "sign flipped",
        lambda yhat, l: one_hot_like(yhat, l) / yhat[l],
        "The sign is flipped: L = -log yhat_l falls as yhat_l grows, so dL/dyhat_l is negative.",
    ),
    Misconception(
        "no 1/ŷ_ℓ",
        lambda yhat, l: -one_hot_like(yhat, l),
        "You have the indicator e(l) but not the factor 1/yhat_l that d(log x)/dx = 1/x brings.",
    ),
    Misconception(
        "no minus, no 1/ŷ_ℓ",
        lambda yhat, l: one_hot_like(yhat, l),
        "You have the indicator e(l) but neither the minus sign nor the factor 1/yhat_l from d(-log x)/dx.",
    ),
    # The most quoted result of the topic, "softmax minus one-hot", applied one step too early
    # (datascience.stackexchange 64746 asks why the two do not agree).
    Misconception(
        "ŷ - e(ℓ)",
        lambda yhat, l: yhat - one_hot_like(yhat, l),
        "That is yhat - e(l), the gradient with respect to the logits a_L (notebook 2). Here the variables are "
        "the outputs yhat_i themselves, each treated as its own variable.",
    ),
    Misconception(
        "e(ℓ) - ŷ",
        lambda yhat, l: one_hot_like(yhat, l) - yhat,
        "That is e(l) - yhat, minus the gradient with respect to the logits. Here differentiate -log yhat_l "
        "with respect to each yhat_i itself.",
    ),
    # The binary cross-entropy's derivative -(y/p - (1 - y)/(1 - p)), applied per class (a common search result
    # for "cross entropy derivative"; the lecture's loss for k classes has no (1 - y) log(1 - p) term).
    Misconception(
        "binary cross-entropy per class",
        lambda yhat, l: -(one_hot_like(yhat, l) / yhat - (1 - one_hot_like(yhat, l)) / (1 - yhat)),
        "That is the binary cross-entropy's derivative, -(y/yhat - (1 - y)/(1 - yhat)), at every class. The "
        "lecture's loss for k classes is -log yhat_l alone: it has no log(1 - yhat_i) terms, so the other "
        "classes get 0.",
    ),
    # A loss written as np.mean(-y * np.log(p)) averages over the k classes, not only over examples.
    Misconception(
        "mean over the classes",
        lambda yhat, l: -one_hot_like(yhat, l) / (len(yhat) * yhat[l]),
        "Every entry is 1/k of the right value: the loss -Σ_i e(l)_i log yhat_i is a sum over the classes, "
        "not their mean (np.mean over the k entries divides by k).",
    ),
    Misconception(
        "softmax applied again",
        lambda yhat, l: -one_hot_like(yhat, l) / softmax(yhat)[l],
        "You applied the softmax to yhat again: the argument is already the probability vector, so use "
        "yhat[l] directly.",
    ),
    Misconception(
        "the loss itself",
        lambda yhat, l: -np.log(yhat[l]) * one_hot_like(yhat, l),
        "That is the loss -log yhat_l itself, placed at class l; the question asks for its derivative.",
    ),
    Misconception(
        "d(1/x) for d(log x)",
        lambda yhat, l: one_hot_like(yhat, l) / yhat[l] ** 2,
        "That is the derivative of 1/yhat_l, not of -log yhat_l: d(log x)/dx = 1/x, so d(-log x)/dx = -1/x.",
    ),
)


def index_or_epsilon_hint(answer: np.ndarray, problem: Problem) -> str | None:
    """What the probes cannot name in an answer non-zero at the true class alone: the probability of another class
    divided by, or an ε added to ŷ_ℓ."""
    yhat, l = problem.arguments
    if np.any(np.delete(answer, l)) or answer[l] >= 0:
        return None
    others = [j for j in range(len(yhat)) if j != l and np.isclose(answer[l], -1.0 / yhat[j], rtol=1e-9)]
    if others:
        return (
            f"The entry at the true class is -1/yhat_{others[0]}: it divides by the probability of another class. "
            "Index yhat with l itself."
        )
    if abs(answer[l] * yhat[l] + 1.0) < 1e-3:
        # -1/(ŷ_ℓ + ε): an ε added inside the log against log 0, as in "From Scratch" deep-learning code.
        return (
            "The entry at the true class is very close to -1/yhat_l but not equal: is a small ε added inside the "
            "log, -log(yhat_l + ε)? It changes the derivative to -1/(yhat_l + ε). The exact derivative has no ε; "
            "the stable way to avoid log 0 is to compute the loss from the logits (notebook 2)."
        )
    return None


GRAD_WRT_YHAT = FunctionExercise(
    what="the gradient vector",
    problems=PROBLEMS,
    expected=grad_wrt_yhat,
    misconceptions=GRAD_WRT_YHAT_MISTAKES,
    structural=index_or_epsilon_hint,
    parts=lambda yhat, l: class_parts(yhat, l),
    factors=lambda yhat, l: probability_factors(yhat),
    variants=lambda yhat, l: class_variants((yhat, l), 1, len(yhat)),
    properties=(another_class(1, lambda arguments: len(arguments[0])),),
    shape_hint=lambda answer, problem: (
        f"The gradient has one entry per class, shape ({len(problem.arguments[0])},); got shape {answer.shape}."
    ),
    generic="It disagrees with the derivative of -log yhat_l in each yhat_i.",
    size_example="len(yhat) for k",
)
PARTIAL_WRT_YHAT = as_partial_exercise(GRAD_WRT_YHAT)


def diagnose_grad_wrt_yhat(student: GradFunction) -> str | None:
    """None if ``student(yhat, l)`` is -(1/ŷ_ℓ) e(ℓ) on every problem, else the hint for the first mistake."""
    return diagnose(GRAD_WRT_YHAT, student)


def check_grad_wrt_yhat(student: GradFunction) -> None:
    """Print whether ``student(yhat, l)`` returns -(1/ŷ_ℓ) e(ℓ), with a hint if it does not."""
    report(diagnose_grad_wrt_yhat(student), checked_on(GRAD_WRT_YHAT))


def diagnose_partial_wrt_yhat(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> str | None:
    """Check the lecture's step ∂ℒ/∂ŷ_i = -1_(i=ℓ)/ŷ_ℓ written as ``student(yhat, l, i)`` returning one number: on
    numbers for every i of every problem, then on SymPy symbols if ``symbolic`` is given
    (``helpers.derivation.student_steps.wrong_pairs_wrt_yhat``)."""
    return diagnose_partial(PARTIAL_WRT_YHAT, student, symbolic)


def check_partial_wrt_yhat(student: PartialFunction, symbolic: SymbolicCheck | None = None) -> None:
    """Print whether ``student(yhat, l, i)`` is ∂ℒ/∂ŷ_i, checked on numbers (and on symbols if ``symbolic``)."""
    print_partial_verdict(student, diagnose_partial_wrt_yhat(student, symbolic), PARTIAL_WRT_YHAT, symbolic)


def probability_for_gradient(target_gradient: float) -> ValueExercise:
    """The ŷ_ℓ at which ∂ℒ/∂ŷ_ℓ = -1/ŷ_ℓ equals ``target_gradient``, with the mistakes that give other numbers."""
    return ValueExercise(
        what="answer",
        expected=-1.0 / target_gradient,
        misconceptions=(
            Misconception(
                "the gradient's size",
                lambda: abs(target_gradient),
                "That is the size of the gradient itself; the question asks for yhat_l, and dL/dyhat_l = -1/yhat_l.",
            ),
            Misconception(
                "sign lost",
                lambda: 1.0 / target_gradient,
                "A probability cannot be negative: check the sign when you solve -1/yhat_l = gradient.",
            ),
            # The loss and its derivative confused: the yhat_l at which -log yhat_l equals |gradient|.
            Misconception(
                "loss for gradient",
                lambda: float(np.exp(target_gradient)),
                "That is the yhat_l at which the loss -log yhat_l equals the number given; the question is about "
                "its derivative, dL/dyhat_l = -1/yhat_l.",
            ),
            Misconception(
                "1/x² for 1/x",
                lambda: float(np.sqrt(-1.0 / target_gradient)),
                "That solves -1/yhat_l² = gradient; the derivative of -log x is -1/x, not -1/x².",
            ),
        ),
        fallback=lambda value: (
            f"yhat_l is a probability in (0, 1]; got {value}. Solve -1/yhat_l = {target_gradient} for yhat_l."
            if not 0 < value <= 1
            else f"dL/dyhat_l = -1/yhat_l; at your yhat_l = {value:.6g} it is {-1.0 / value:.6g}, "
            f"not {target_gradient:g}."
        ),
    )


def diagnose_probability_for_gradient(yhat_l: Any, target_gradient: float = -4.0) -> str | None:
    """Check the ŷ_ℓ at which ∂ℒ/∂ŷ_ℓ equals ``target_gradient`` (the answer is -1/target_gradient)."""
    return diagnose_value(probability_for_gradient(target_gradient), yhat_l)


def check_probability_for_gradient(yhat_l: Any, target_gradient: float = -4.0) -> None:
    """Print whether ``yhat_l`` makes ∂ℒ/∂ŷ_ℓ equal ``target_gradient``, with a hint if it does not."""
    report(diagnose_probability_for_gradient(yhat_l, target_gradient))


def uniform_probability(k: int) -> ValueExercise:
    """ŷ_ℓ when all k logits are equal: 1/k."""
    return ValueExercise(
        what="yhat_l",
        expected=1.0 / k,
        misconceptions=(
            Misconception("k", lambda: float(k), "yhat_l is a probability: the k equal outputs must sum to 1."),
            Misconception(
                "exp(0)",
                lambda: 1.0,
                "exp(0) = 1 is each numerator; the softmax divides it by the sum of all k numerators.",
            ),
        ),
        fallback=lambda value: "With equal logits every class gets the same probability, and the k of them sum to 1.",
        rtol=5e-4,  # the widget prints four decimals
        near=1e-2,
    )


def uniform_loss(k: int) -> ValueExercise:
    """The loss -log ŷ_ℓ when all k logits are equal: ln k."""
    return ValueExercise(
        what="the loss",
        expected=float(np.log(k)),
        misconceptions=(
            Misconception(
                "log10",
                lambda: float(np.log10(k)),
                "That is log10 k: the lecture's log is the natural one (np.log).",
            ),
            Misconception("log2", lambda: float(np.log2(k)), "That is log2 k: the lecture's log is the natural one."),
            Misconception("sign", lambda: -float(np.log(k)), "A loss -log yhat_l with yhat_l <= 1 is never negative."),
            Misconception(
                "probability for loss",
                lambda: 1.0 / k,
                "That is yhat_l itself; the loss is -log yhat_l.",
            ),
        ),
        fallback=lambda value: "The loss is -log yhat_l, with the natural logarithm, at the yhat_l of equal logits.",
        rtol=5e-4,  # the widget prints four decimals
        near=1e-2,
    )


def diagnose_uniform_prediction(yhat_l: Any, loss: Any, k: int = 4) -> str | None:
    """Check ŷ_ℓ and the loss of an untrained network's equal logits over ``k`` classes: 1/k and ln k."""
    return diagnose_value(uniform_probability(k), yhat_l) or diagnose_value(uniform_loss(k), loss)


def check_uniform_prediction(yhat_l: Any, loss: Any, k: int = 4) -> None:
    """Print whether ``yhat_l`` and ``loss`` are ŷ_ℓ and ℒ for k equal logits, with a hint if they are not."""
    report(diagnose_uniform_prediction(yhat_l, loss, k))


def soft_label_problem(logits: list[float], t: list[float]) -> Problem:
    """ŷ = softmax(logits) and a target distribution t (it sums to 1), as the arguments (yhat, t)."""
    target = np.array(t, dtype=np.float64)
    return Problem((softmax(np.array(logits)), target / target.sum()), f"k = {len(logits)} classes")


# k from 2 to 6; targets spread over every class, with zeros, and one one-hot target (the lecture's e(ℓ) is a t).
SOFT_LABEL_PROBLEMS = (
    soft_label_problem([2.0, 1.0, 0.1, -1.0], [0.1, 0.2, 0.6, 0.1]),
    soft_label_problem([0.3, -0.2, 1.5], [0.5, 0.0, 0.5]),
    soft_label_problem([1.0, 1.0], [0.25, 0.75]),
    soft_label_problem([0.5, -1.0, 2.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0, 1.0]),
    soft_label_problem([-3.0, 0.2, 4.0, 1.0, -0.5, 0.7], [0.05, 0.3, 0.1, 0.25, 0.2, 0.1]),
)


def soft_label_grad_wrt_yhat(yhat: np.ndarray, t: np.ndarray) -> np.ndarray:
    """∂ℒ/∂ŷ for ℒ = -Σ_i t_i log ŷ_i: -t/ŷ, entry by entry."""
    return -t / yhat


SOFT_LABEL_GRAD_WRT_YHAT_MISTAKES = (
    # "-t_j/o_j" written without the target (stats.stackexchange 235528).
    Misconception(
        "t dropped",
        lambda yhat, t: -1.0 / yhat,
        "Every entry is -1/yhat_i: the weight t_i of each log was dropped. Each term of the sum is t_i log yhat_i.",
    ),
    Misconception("sign flipped", lambda yhat, t: t / yhat, "The sign is flipped: the loss has a minus in front."),
    Misconception(
        "no 1/ŷ",
        lambda yhat, t: -t,
        "You have -t but not the factor 1/yhat_i that d(log x)/dx = 1/x brings.",
    ),
    Misconception(
        "ŷ - t",
        lambda yhat, t: yhat - t,
        "That is yhat - t, the gradient with respect to the logits (notebook 2). Here the variables are the "
        "outputs yhat_i themselves.",
    ),
    Misconception(
        "binary cross-entropy per class",
        lambda yhat, t: -(t / yhat - (1 - t) / (1 - yhat)),
        "That is the binary cross-entropy's derivative, -(t/yhat - (1 - t)/(1 - yhat)), at every class. This loss "
        "is -Σ_i t_i log yhat_i alone: it has no log(1 - yhat_i) terms.",
    ),
    Misconception(
        "mean over the classes",
        lambda yhat, t: -t / (len(yhat) * yhat),
        "Every entry is 1/k of the right value: the loss is a sum over the classes, not their mean.",
    ),
    Misconception(
        "the loss's terms",
        lambda yhat, t: -t * np.log(yhat),
        "That is each term -t_i log yhat_i of the loss itself; the question asks for its derivative.",
    ),
)

SOFT_LABEL_GRAD_WRT_YHAT = FunctionExercise(
    what="the gradient vector",
    problems=SOFT_LABEL_PROBLEMS,
    expected=soft_label_grad_wrt_yhat,
    misconceptions=SOFT_LABEL_GRAD_WRT_YHAT_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"The gradient has one entry per class, shape ({len(problem.arguments[0])},); got shape {answer.shape}."
    ),
    generic="It disagrees with the derivative of -Σ_i t_i log yhat_i in each yhat_i.",
    parts=lambda yhat, t: target_parts(t),
    factors=lambda yhat, t: probability_factors(yhat),
    size_example="len(yhat) for k",
)


def diagnose_soft_label_grad_wrt_yhat(student: Callable[[np.ndarray, np.ndarray], Any]) -> str | None:
    """None if ``student(yhat, t)`` is -t/ŷ (the gradient of -Σ_i t_i log ŷ_i) on every problem, else a hint."""
    return diagnose(SOFT_LABEL_GRAD_WRT_YHAT, student)


def check_soft_label_grad_wrt_yhat(student: Callable[[np.ndarray, np.ndarray], Any]) -> None:
    """Print whether ``student(yhat, t)`` returns -t/ŷ, with a hint if it does not."""
    report(diagnose_soft_label_grad_wrt_yhat(student), checked_on(SOFT_LABEL_GRAD_WRT_YHAT))


def batch_probability_problem(m: int, k: int, seed: int) -> Problem:
    """Ŷ (m, k), softmax rows of random logits, and labels (m,), as the arguments (Yhat, labels)."""
    rng = np.random.default_rng(seed)
    return Problem(
        (softmax(rng.normal(size=(m, k))), rng.integers(0, k, size=m)), f"m = {m} examples and k = {k} classes"
    )


# m = k in the third (a label broadcast along a row runs there without an error).
BATCH_PROBABILITY_PROBLEMS = (
    batch_probability_problem(6, 4, seed=21),
    batch_probability_problem(5, 3, seed=22),
    batch_probability_problem(4, 4, seed=23),
    batch_probability_problem(3, 7, seed=24),
)


def one_hot_rows(Yhat: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """E, the labels' one-hot rows, Yhat's shape."""
    return np.eye(Yhat.shape[1])[labels]


BATCH_GRAD_WRT_YHAT_MISTAKES = (
    Misconception(
        "no 1/m",
        lambda Yhat, labels: grad_wrt_yhat(Yhat, labels) * len(Yhat),
        "Every entry is m times the gradient: the loss is the mean over the m examples, so each example's "
        "gradient carries 1/m.",
    ),
    Misconception(
        "sign flipped",
        lambda Yhat, labels: -grad_wrt_yhat(Yhat, labels),
        "The sign is flipped: -log yhat falls as yhat grows, so the true classes' entries are negative.",
    ),
    Misconception(
        "-1/(m Ŷ) in every entry",
        lambda Yhat, labels: -1.0 / (len(Yhat) * Yhat),
        "Every entry is -1/(m yhat): the one-hot E was left out. Only the true class's yhat appears in each "
        "example's loss, so every other entry is 0.",
    ),
    Misconception(
        "(Ŷ - E)/m",
        lambda Yhat, labels: (Yhat - one_hot_rows(Yhat, labels)) / len(Yhat),
        "That is (Ŷ - E)/m, the gradient with respect to the logits (notebook 2). Here the variables are the "
        "probabilities Ŷ themselves.",
    ),
    Misconception(
        "mean over every entry",
        lambda Yhat, labels: grad_wrt_yhat(Yhat, labels) / Yhat.shape[1],
        "Every entry is 1/k of the right value: the loss was averaged over all m·k entries (np.mean of an (m, k) "
        "array) instead of summed over the classes and averaged over the m examples.",
    ),
    Misconception(
        "transposed",
        lambda Yhat, labels: grad_wrt_yhat(Yhat, labels).T,
        "The result is (k, m), one column per example; the gradient has Ŷ's shape, (m, k).",
    ),
)

BATCH_GRAD_WRT_YHAT = FunctionExercise(
    what="the gradient",
    problems=BATCH_PROBABILITY_PROBLEMS,
    expected=grad_wrt_yhat,
    misconceptions=BATCH_GRAD_WRT_YHAT_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"The gradient has Ŷ's shape, (m, k) = {problem.arguments[0].shape}; got {answer.shape}."
    ),
    generic="It disagrees with the derivative of the mean of -log Ŷ[n, l_n] in each entry of Ŷ.",
    parts=lambda Yhat, labels: class_parts(Yhat, labels),
    factors=lambda Yhat, labels: probability_factors(Yhat),
    variants=lambda Yhat, labels: class_variants((Yhat, labels), 1, Yhat.shape[1]),
    properties=(
        *batch_properties((0, 1), "mean loss", shift=False),
        another_class(1, lambda arguments: arguments[0].shape[1]),
    ),
    size_example="Yhat.shape for m and k",
)


def diagnose_batch_grad_wrt_yhat(student: Callable[[np.ndarray, np.ndarray], Any]) -> str | None:
    """None if ``student(Yhat, labels)`` is -E/(m Ŷ) (zero off the true classes) on every problem, else a hint."""
    return diagnose(BATCH_GRAD_WRT_YHAT, student)


def check_batch_grad_wrt_yhat(student: Callable[[np.ndarray, np.ndarray], Any]) -> None:
    """Print whether ``student(Yhat, labels)`` returns the mean loss's gradient -E/(m Ŷ), with a hint if not."""
    report(diagnose_batch_grad_wrt_yhat(student), checked_on(BATCH_GRAD_WRT_YHAT))
