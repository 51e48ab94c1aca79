"""Notebook 3's exercises: the batched MSE gradient with respect to W_out, and the learning rate at which gradient
descent stops converging. The public threads where a catalogue entry's mistake was seen are named above it."""

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
)
from helpers.exercises.probes import flips_sign, repeated_batch, vanishes
from helpers.exercises.protocol import call_student, report
from helpers.kernels.mse import linear_output, mse_grad_wrt_bias, mse_grad_wrt_weights

WeightGradFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], Any]


def bias_problem(m: int, u: int, seed: int) -> Problem:
    """a (m, u), y (m, 1), W_out (u, 1) and b (1, 1), as the arguments (a, y, W_out, b)."""
    rng = np.random.default_rng(seed)
    a, W_out, b, y = rng.normal(size=(m, u)), rng.normal(size=(u, 1)), rng.normal(size=(1, 1)), rng.normal(size=(m, 1))
    return Problem((a, y, W_out, b), f"m = {m} examples and u = {u} units")


def weight_gradient_problem(m: int, u: int, seed: int) -> Problem:
    """a (m, u), y (m, 1) and ŷ = a W_out + bᵀ (m, 1) for a random W_out and b, as the arguments (a, y, yhat)."""
    a, y, W_out, b = bias_problem(m, u, seed).arguments
    return Problem((a, y, linear_output(a, W_out, b)), f"m = {m} examples and u = {u} units")


# The note's m = 5, u = 4 first; then other sizes, m = u among them (where a @ (ŷ - y) runs without the transpose),
# m < u, and u = 1.
SIZES = ((5, 4), (7, 3), (3, 3), (2, 6), (8, 1))
PROBLEMS = tuple(weight_gradient_problem(m, u, seed=7 + index) for index, (m, u) in enumerate(SIZES))


def residual(y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """ŷ - y, one row per example."""
    return yhat - y


MEAN_GROWS = "yours grows with the number of examples m, where the mean's 1/m keeps it as it is"
MEAN_SHRINKS = "yours shrinks as m grows: 1/m is applied more than once"
ERRORS_FLIPPED = (
    "With every error ŷ - y negated (y moved to the other side of ŷ), the right gradient changes sign; yours does not."
)

WEIGHT_GRADIENT_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda a, y, yhat: 2 / len(a) * a.T @ (y - yhat),
        "Every entry has the wrong sign: the note's eq. (8) is 2(ŷ - y) a; (y - ŷ) flips it, and descent would "
        "then climb.",
    ),
    # A loss with ½ in front, (1/2m) Σ (ŷ - y)², differentiated instead (the 1/2m convention of many courses).
    Misconception(
        "no factor 2",
        lambda a, y, yhat: a.T @ residual(y, yhat) / len(a),
        "Every entry is half the gradient: the factor 2 from differentiating the square is missing (a loss "
        "written with 1/2 in front, as some courses do, would cancel it; the note's L = (1/m) Σ (ŷ - y)² has none).",
    ),
    # janchorowski/nn_assignments#21: the 1/N left out of dL/dθ.
    Misconception(
        "sum, not mean",
        lambda a, y, yhat: 2 * a.T @ residual(y, yhat),
        "Every entry is m times the gradient: this is the gradient of the sum of the squared errors; the mean's "
        "gradient has the 1/m.",
    ),
    Misconception(
        "1/m twice",
        lambda a, y, yhat: 2 / len(a) ** 2 * a.T @ residual(y, yhat),
        "Every entry is 1/m of the gradient: 1/m is applied twice (once in the loss, once more when averaging). "
        "Apply it once.",
    ),
    Misconception(
        "no 2, no 1/m",
        lambda a, y, yhat: a.T @ residual(y, yhat),
        "Every entry is m/2 times the gradient: both the 1/m and the factor 2 are missing.",
    ),
    # m read from the wrong axis of a's shape: a.shape[1] is u.
    Misconception(
        "m taken as u",
        lambda a, y, yhat: 2 / a.shape[1] * a.T @ residual(y, yhat),
        "The 1/m uses the number of units: a has shape (m, u), so m is a.shape[0] (or len(a)); a.shape[1] is u.",
    ),
    Misconception(
        "ŷ for ŷ - y",
        lambda a, y, yhat: 2 / len(a) * a.T @ yhat,
        "The error is missing: the gradient weighs each example's row of a by its error ŷ - y, not by ŷ.",
    ),
    Misconception(
        "y for ŷ - y",
        lambda a, y, yhat: -2 / len(a) * a.T @ y,
        "Only -y is left of the error ŷ - y: the prediction ŷ belongs in it too.",
    ),
    # With m = u, a @ (ŷ - y) runs: the rows of a times the errors, not aᵀ.
    Misconception(
        "a without the transpose",
        lambda a, y, yhat: 2 / len(a) * a @ residual(y, yhat),
        "This multiplies a itself by ŷ - y, which only runs because m = u here. The sum over the examples is "
        "aᵀ(ŷ - y), (u, m) times (m, 1).",
    ),
    Misconception(
        "the stacked (m, u) matrix",
        lambda a, y, yhat: 2 * residual(y, yhat) * a,
        "This is eq. (11)'s stacked (m, u) matrix, one row per example. The gradient of the mean is one (u, 1) "
        "column: sum the rows (axis=0), divide by m once, and make it a column.",
    ),
    Misconception(
        "the stacked matrix, averaged by entry",
        lambda a, y, yhat: 2 * residual(y, yhat) * a / len(a),
        "This is eq. (11)'s stacked (m, u) matrix divided by m: its rows still have to be summed (axis=0) into "
        "one (u, 1) column.",
    ),
    Misconception(
        "one column per example",
        lambda a, y, yhat: 2 / len(a) * a.T * residual(y, yhat).T,
        "The result has one column per example, shape (u, m): the examples were multiplied but not added. "
        "aᵀ(ŷ - y) with a matrix product sums over the examples.",
    ),
    Misconception(
        "a row",
        lambda a, y, yhat: 2 / len(a) * residual(y, yhat).T @ a,
        "The numbers are right but the shape is (1, u): (ŷ - y)ᵀa is a row. Write aᵀ(ŷ - y), a column.",
    ),
    Misconception(
        "a flat vector",
        lambda a, y, yhat: 2 * np.mean(residual(y, yhat) * a, axis=0),
        "The numbers are right but the shape is (u,), a flat vector: .mean(axis=0) or .sum(axis=0) drops the axis. "
        "Return a (u, 1) column (keepdims=True, or .reshape(-1, 1)); the section “The update, eq. (12), typed "
        "literally” shows what (u,) does to W_out.",
    ),
    # ŷ (m, 1) minus a flat y (m,) broadcasts to an (m, m) matrix (a Stack Overflow classic).
    Misconception(
        "ŷ - y broadcast to (m, m)",
        lambda a, y, yhat: 2 / len(a) * a.T @ (yhat - y.ravel()),
        "The result is (u, m): ŷ - y became an (m, m) matrix, because one of them was flattened to shape (m,) "
        "while the other is a column (m, 1), and numpy broadcast the two. Keep both (m, 1) columns.",
    ),
    Misconception(
        "the gradient with respect to ŷ",
        lambda a, y, yhat: 2 / len(a) * residual(y, yhat),
        "The result has one entry per example, shape (m, 1): that is the gradient with respect to ŷ. The chain "
        "rule multiplies it by ∂ŷ/∂W_out, which brings in aᵀ.",
    ),
    Misconception(
        "the gradient with respect to b",
        lambda a, y, yhat: 2 * np.mean(residual(y, yhat)),
        "That one number is the gradient with respect to the bias b, (2/m) Σ (ŷ - y). The gradient with respect "
        "to W_out has one entry per weight, shape (u, 1).",
    ),
    Misconception(
        "sum over the units",
        lambda a, y, yhat: 2 / len(a) * np.sum(residual(y, yhat) * a, axis=1, keepdims=True),
        "The sum ran over the units (axis=1), giving one number per example, shape (m, 1). The sum over the "
        "examples is over axis 0: aᵀ(ŷ - y).",
    ),
)


def shape_hint(answer: np.ndarray, problem: Problem) -> str:
    """A hint for an answer of a shape that no misconception explains."""
    a = problem.arguments[0]
    m, u = a.shape
    if answer.shape == (u, u):
        return (
            "The result is (u, u): a (u,) vector met a (u, 1) column and numpy broadcast them, as in the section "
            "“The update, eq. (12), typed literally”. Keep every array a column."
        )
    if answer.ndim == 0 or answer.size == 1:
        return "The result is a single number; the gradient has one entry per weight, shape (u, 1)."
    return f"The gradient has W_out's shape, (u, 1) = ({u}, 1); got {answer.shape}."


WEIGHT_GRADIENT = FunctionExercise(
    what="the gradient",
    problems=PROBLEMS,
    expected=mse_grad_wrt_weights,
    misconceptions=WEIGHT_GRADIENT_MISTAKES,
    properties=(
        vanishes(
            lambda a, y, yhat: (a, yhat, yhat),
            "With ŷ = y, a perfect fit, your answer is not 0, but every example's term carries its error ŷ - y.",
        ),
        repeated_batch((0, 1, 2), "mean loss", grows=MEAN_GROWS, shrinks=MEAN_SHRINKS),
        flips_sign(lambda a, y, yhat: (a, 2 * yhat - y, yhat), ERRORS_FLIPPED),
    ),
    shape_hint=shape_hint,
    generic=(
        "The entries do not match the gradient, and not by one common factor: the direction is wrong. Check that "
        "you use ŷ - y and that each example's error multiplies its own row of a."
    ),
)


def diagnose_mse_grad_wrt_weights(student: WeightGradFunction) -> str | None:
    """None if ``student(a, y, yhat)`` is the (u, 1) gradient of ℒ = (1/m) Σ (ŷ_i - y_i)² with respect to W_out on
    every problem (m and u vary), else the hint for the first mistake."""
    return diagnose(WEIGHT_GRADIENT, student)


def check_mse_grad_wrt_weights(student: WeightGradFunction) -> None:
    """Print whether ``student(a, y, yhat)`` returns the gradient of the MSE with respect to W_out, with a hint."""
    report(diagnose_mse_grad_wrt_weights(student), checked_on(WEIGHT_GRADIENT))


def learning_rate_limit(lambda_max: float) -> ValueExercise:
    """The threshold 2/λ_max above which gradient descent diverges, with the mistakes that give other numbers.

    The set of convergent η is open, (0, 2/λ_max), so it has no largest element; the exercise asks for its upper
    end. An answer within 1 % passes.
    """
    return ValueExercise(
        what="eta_threshold",
        expected=2.0 / lambda_max,
        misconceptions=(
            Misconception(
                "1/λ_max",
                lambda: 1.0 / lambda_max,
                "1/λ_max is where the error along the top eigenvector starts to change sign each step; it still "
                "shrinks while |1 - η λ_max| < 1.",
            ),
            Misconception(
                "λ_max",
                lambda: lambda_max,
                "That is λ_max itself; a learning rate is measured in units of 1/λ_max.",
            ),
            Misconception(
                "2 λ_max",
                lambda: 2 * lambda_max,
                "That is a multiple of λ_max itself; a learning rate is measured in units of 1/λ_max.",
            ),
            Misconception(
                "4/λ_max",
                lambda: 4.0 / lambda_max,
                "That is 4/λ_max: the factor per step, 1 - η λ_max, reaches -1 earlier.",
            ),
            Misconception(
                "1/(2 λ_max)",
                lambda: 0.5 / lambda_max,
                "That is 1/(2 λ_max), a safe rate but not the threshold: solve |1 - η λ_max| = 1 for the larger η.",
            ),
        ),
        fallback=lambda eta: (
            "A learning rate is a positive, finite number."
            if eta <= 0
            else f"At this η the error along the top eigenvector is multiplied by 1 - η λ_max = "
            f"{1 - eta * lambda_max:.3f} per step, so gradient descent "
            f"{'still converges' if abs(1 - eta * lambda_max) < 1 else 'diverges'}; the threshold is the η at "
            "which that factor reaches -1."
        ),
        rtol=0.01,
        near=0.0,
    )


def diagnose_learning_rate_limit(eta: Any, lambda_max: float) -> str | None:
    """Check the threshold 2/λ_max above which gradient descent diverges (it converges for every η below it)."""
    return diagnose_value(learning_rate_limit(lambda_max), eta)


def check_learning_rate_limit(eta: Any, lambda_max: float) -> None:
    """Print whether ``eta`` is the threshold above which gradient descent diverges, with a hint if it is not."""
    report(diagnose_learning_rate_limit(eta, lambda_max))


BIAS_PROBLEMS = tuple(bias_problem(m, u, seed=31 + index) for index, (m, u) in enumerate(SIZES))


def bias_error(a: np.ndarray, y: np.ndarray, W_out: np.ndarray, b: np.ndarray) -> np.ndarray:
    """ŷ - y with ŷ = a W_out + bᵀ, one row per example."""
    return linear_output(a, W_out, b) - y


def grad_wrt_bias(a: np.ndarray, y: np.ndarray, W_out: np.ndarray, b: np.ndarray) -> np.ndarray:
    """∂ℒ/∂b = (2/m) Σ_i (ŷ_i - y_i), shape (1, 1)."""
    return mse_grad_wrt_bias(y, linear_output(a, W_out, b))


BIAS_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda a, y, W, b: -grad_wrt_bias(a, y, W, b),
        "The sign is flipped: the derivative of (ŷ - y)² in ŷ is 2(ŷ - y), and ∂ŷ/∂b = 1 adds no minus.",
    ),
    Misconception(
        "sum, not mean",
        lambda a, y, W, b: 2 * bias_error(a, y, W, b).sum(keepdims=True),
        "That is m times the gradient: the gradient of the sum of the squared errors. The mean's has the 1/m.",
    ),
    Misconception(
        "no factor 2",
        lambda a, y, W, b: bias_error(a, y, W, b).mean(keepdims=True),
        "That is half the gradient: the factor 2 from differentiating the square is missing.",
    ),
    Misconception(
        "one entry per example",
        lambda a, y, W, b: 2 / len(a) * bias_error(a, y, W, b),
        "The result has one entry per example, shape (m, 1): b is added to every example's ŷ, so each example's "
        "term counts, and they are summed into one (1, 1) number.",
    ),
    Misconception(
        "the weights' gradient",
        lambda a, y, W, b: 2 / len(a) * a.T @ bias_error(a, y, W, b),
        "That is ∂ℒ/∂W_out, (2/m) aᵀ(ŷ - y). ŷ depends on b with ∂ŷ_i/∂b = 1, so no a multiplies the errors.",
    ),
    Misconception(
        "b left out of ŷ",
        lambda a, y, W, b: 2 / len(a) * (a @ W - y).sum(keepdims=True),
        "Your ŷ leaves out b: ŷ = a W_out + bᵀ.",
    ),
)


def bias_shape_hint(answer: np.ndarray, problem: Problem) -> str:
    return f"The gradient has b's shape, (1, 1); got {answer.shape}."


def accept_one_number(student: Callable[..., Any], problem: Problem) -> Any:
    """The student's answer, a one-number answer of any shape ((), (1,), (1, 1)) read as (1, 1): b - η·g keeps b's
    shape (1, 1) for each of them, so none of them is wrong."""
    answer = call_student(student, *problem.arguments)
    if answer is None:  # np.asarray(None, float) is nan: the protocol names a None answer itself
        return answer
    try:
        array = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        return answer
    return array.reshape(1, 1) if array.size == 1 and array.ndim <= 2 else answer


GRAD_WRT_BIAS = FunctionExercise(
    what="the gradient",
    problems=BIAS_PROBLEMS,
    expected=grad_wrt_bias,
    misconceptions=BIAS_MISTAKES,
    shape_hint=bias_shape_hint,
    answer=accept_one_number,
    properties=(
        vanishes(
            lambda a, y, W, b: (a, linear_output(a, W, b), W, b),
            "With y = ŷ, a perfect fit, your answer is not 0, but every example's term carries its error ŷ - y.",
        ),
        repeated_batch((0, 1), "mean loss", grows=MEAN_GROWS, shrinks=MEAN_SHRINKS),
        flips_sign(lambda a, y, W, b: (a, 2 * linear_output(a, W, b) - y, W, b), ERRORS_FLIPPED),
    ),
    generic="It disagrees with the derivative of (1/m) Σ (ŷ_i - y_i)² in b.",
)


def diagnose_mse_grad_wrt_bias(student: Callable[..., Any]) -> str | None:
    """None if ``student(a, y, W_out, b)`` is (2/m) Σ_i (ŷ_i - y_i) on every problem (m and u vary), else a hint."""
    return diagnose(GRAD_WRT_BIAS, student)


def check_mse_grad_wrt_bias(student: Callable[..., Any]) -> None:
    """Print whether ``student(a, y, W_out, b)`` returns the MSE's gradient with respect to b, with a hint if not."""
    report(diagnose_mse_grad_wrt_bias(student), checked_on(GRAD_WRT_BIAS))


def multi_output_problem(m: int, u: int, k: int, seed: int) -> Problem:
    """a (m, u), Y (m, k), W_out (u, k) and b (k, 1), as the arguments (a, Y, W_out, b)."""
    rng = np.random.default_rng(seed)
    a, W_out, b, Y = rng.normal(size=(m, u)), rng.normal(size=(u, k)), rng.normal(size=(k, 1)), rng.normal(size=(m, k))
    return Problem((a, Y, W_out, b), f"m = {m} examples, u = {u} units and k = {k} outputs")


# Sizes with m, u and k all different first; then k = u (a transposed answer has the right shape), m = u (a @ (Ŷ - Y)
# runs without the transpose), k = 1 (the single output of the sections above) and m < u.
MULTI_OUTPUT_PROBLEMS = (
    multi_output_problem(7, 4, 3, seed=41),
    multi_output_problem(5, 3, 3, seed=42),
    multi_output_problem(3, 3, 2, seed=43),
    multi_output_problem(5, 4, 1, seed=44),
    multi_output_problem(2, 5, 4, seed=45),
)


def multi_output_error(a: np.ndarray, Y: np.ndarray, W_out: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Ŷ - Y with Ŷ = a W_out + bᵀ, shape (m, k)."""
    return a @ W_out + b.T - Y


def multi_output_gradient(a: np.ndarray, Y: np.ndarray, W_out: np.ndarray, b: np.ndarray) -> np.ndarray:
    """∇_{W_out} ℒ = (2/m) aᵀ(Ŷ - Y), shape (u, k), for ℒ = (1/m) Σ_i Σ_c (ŷ_ic - y_ic)²."""
    return 2 / len(a) * a.T @ multi_output_error(a, Y, W_out, b)


MULTI_OUTPUT_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda a, Y, W, b: -multi_output_gradient(a, Y, W, b),
        "Every entry has the wrong sign: the derivative of (ŷ - y)² in ŷ is 2(ŷ - y); (Y - Ŷ) flips it, and descent "
        "would then climb.",
    ),
    Misconception(
        "no factor 2",
        lambda a, Y, W, b: multi_output_gradient(a, Y, W, b) / 2,
        "Every entry is half the gradient: the factor 2 from differentiating the square is missing.",
    ),
    Misconception(
        "sum, not mean",
        lambda a, Y, W, b: len(a) * multi_output_gradient(a, Y, W, b),
        "Every entry is m times the gradient: the 1/m of the mean over the examples is missing.",
    ),
    Misconception(
        "no 2, no 1/m",
        lambda a, Y, W, b: a.T @ multi_output_error(a, Y, W, b),
        "Every entry is m/2 times the gradient: both the 1/m and the factor 2 are missing.",
    ),
    # The mean over all m·k entries (np.mean of the squared errors) differentiated instead of the note's 1/m.
    Misconception(
        "mean over the outputs too",
        lambda a, Y, W, b: multi_output_gradient(a, Y, W, b) / Y.shape[1],
        "Every entry is 1/k of the gradient: this divides by the k outputs as well as the m examples. The loss here "
        "is (1/m) Σ_i Σ_c (ŷ_ic - y_ic)², the sum over the outputs of each example's squared errors.",
    ),
    Misconception(
        "transposed",
        lambda a, Y, W, b: 2 / len(a) * multi_output_error(a, Y, W, b).T @ a,
        "The numbers are those of the gradient transposed, shape (k, u): (Ŷ - Y)ᵀa. The gradient has W_out's shape, "
        "(u, k): aᵀ(Ŷ - Y).",
    ),
    Misconception(
        "a without the transpose",
        lambda a, Y, W, b: 2 / len(a) * a @ multi_output_error(a, Y, W, b),
        "This multiplies a itself by Ŷ - Y, which only runs because m = u here. The sum over the examples is "
        "aᵀ(Ŷ - Y), (u, m) times (m, k).",
    ),
)


def multi_output_shape_hint(answer: np.ndarray, problem: Problem) -> str:
    u, k = problem.arguments[2].shape
    return f"The gradient has W_out's shape, (u, k) = ({u}, {k}); got {answer.shape}."


MULTI_OUTPUT_GRADIENT = FunctionExercise(
    what="the gradient",
    problems=MULTI_OUTPUT_PROBLEMS,
    expected=multi_output_gradient,
    misconceptions=MULTI_OUTPUT_MISTAKES,
    shape_hint=multi_output_shape_hint,
    properties=(
        vanishes(
            lambda a, Y, W, b: (a, a @ W + b.T, W, b),
            "With Y = Ŷ, a perfect fit, your answer is not 0, but every example's term carries its error Ŷ - Y.",
        ),
        repeated_batch((0, 1), "mean loss", grows=MEAN_GROWS, shrinks=MEAN_SHRINKS),
        flips_sign(lambda a, Y, W, b: (a, 2 * (a @ W + b.T) - Y, W, b), ERRORS_FLIPPED),
    ),
    generic=(
        "The entries do not match the gradient of (1/m) Σ_i Σ_c (ŷ_ic - y_ic)² in W_out, and not by one common "
        "factor. Check that column c of the gradient uses only output c's errors, each weighing its own row of a."
    ),
)


def diagnose_mse_grad_wrt_weights_multi_output(student: Callable[..., Any]) -> str | None:
    """None if ``student(a, Y, W_out, b)`` is the (u, k) gradient (2/m) aᵀ(Ŷ - Y) on every problem (m, u and k vary),
    else the hint for the first mistake."""
    return diagnose(MULTI_OUTPUT_GRADIENT, student)


def check_mse_grad_wrt_weights_multi_output(student: Callable[..., Any]) -> None:
    """Print whether ``student(a, Y, W_out, b)`` returns the k-output MSE's gradient with respect to W_out."""
    report(diagnose_mse_grad_wrt_weights_multi_output(student), checked_on(MULTI_OUTPUT_GRADIENT))
