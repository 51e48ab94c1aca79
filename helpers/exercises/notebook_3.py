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
    constant_factor,
    diagnose,
    diagnose_value,
)
from helpers.exercises.protocol import report
from helpers.kernels.mse import linear_output, mse_grad_wrt_weights

WeightGradFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], Any]


def weight_gradient_problem(m: int, u: int, seed: int) -> Problem:
    """a (m, u), y (m, 1) and ŷ = a W_out + bᵀ (m, 1) for a random W_out and b, as the arguments (a, y, yhat)."""
    rng = np.random.default_rng(seed)
    a, W_out, b, y = rng.normal(size=(m, u)), rng.normal(size=(u, 1)), rng.normal(size=(1, 1)), rng.normal(size=(m, 1))
    return Problem((a, y, linear_output(a, W_out, b)), f"m = {m} examples and u = {u} units")


# The note's m = 5, u = 4 first; then other sizes, m = u among them (where a @ (ŷ - y) runs without the transpose),
# m < u, and u = 1.
PROBLEMS = (
    weight_gradient_problem(5, 4, seed=7),
    weight_gradient_problem(7, 3, seed=8),
    weight_gradient_problem(3, 3, seed=9),
    weight_gradient_problem(2, 6, seed=10),
    weight_gradient_problem(8, 1, seed=11),
)


def error(y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """ŷ - y, one row per example."""
    return yhat - y


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
        lambda a, y, yhat: a.T @ error(y, yhat) / len(a),
        "Every entry is half the gradient: the factor 2 from differentiating the square is missing (a loss "
        "written with 1/2 in front, as some courses do, would cancel it; the note's L = (1/m) Σ (ŷ - y)² has none).",
    ),
    # janchorowski/nn_assignments#21: the 1/N left out of dL/dθ.
    Misconception(
        "sum, not mean",
        lambda a, y, yhat: 2 * a.T @ error(y, yhat),
        "Every entry is m times the gradient: this is the gradient of the sum of the squared errors; the mean's "
        "gradient has the 1/m.",
    ),
    Misconception(
        "1/m twice",
        lambda a, y, yhat: 2 / len(a) ** 2 * a.T @ error(y, yhat),
        "Every entry is 1/m of the gradient: 1/m is applied twice (once in the loss, once more when averaging). "
        "Apply it once.",
    ),
    Misconception(
        "no 2, no 1/m",
        lambda a, y, yhat: a.T @ error(y, yhat),
        "Every entry is m/2 times the gradient: both the 1/m and the factor 2 are missing.",
    ),
    # m read from the wrong axis of a's shape: a.shape[1] is u.
    Misconception(
        "m taken as u",
        lambda a, y, yhat: 2 / a.shape[1] * a.T @ error(y, yhat),
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
        lambda a, y, yhat: 2 / len(a) * a @ error(y, yhat),
        "This multiplies a itself by ŷ - y, which only runs because m = u here. The sum over the examples is "
        "aᵀ(ŷ - y), (u, m) times (m, 1).",
    ),
    Misconception(
        "the stacked (m, u) matrix",
        lambda a, y, yhat: 2 * error(y, yhat) * a,
        "This is eq. (11)'s stacked (m, u) matrix, one row per example. The gradient of the mean is one (u, 1) "
        "column: sum the rows (axis=0), divide by m once, and make it a column.",
    ),
    Misconception(
        "the stacked matrix, averaged by entry",
        lambda a, y, yhat: 2 * error(y, yhat) * a / len(a),
        "This is eq. (11)'s stacked (m, u) matrix divided by m: its rows still have to be summed (axis=0) into "
        "one (u, 1) column.",
    ),
    Misconception(
        "one column per example",
        lambda a, y, yhat: 2 / len(a) * a.T * error(y, yhat).T,
        "The result has one column per example, shape (u, m): the examples were multiplied but not added. "
        "aᵀ(ŷ - y) with a matrix product sums over the examples.",
    ),
    Misconception(
        "a row",
        lambda a, y, yhat: 2 / len(a) * error(y, yhat).T @ a,
        "The numbers are right but the shape is (1, u): (ŷ - y)ᵀa is a row. Write aᵀ(ŷ - y), a column.",
    ),
    Misconception(
        "a flat vector",
        lambda a, y, yhat: 2 * np.mean(error(y, yhat) * a, axis=0),
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
        lambda a, y, yhat: 2 / len(a) * error(y, yhat),
        "The result has one entry per example, shape (m, 1): that is the gradient with respect to ŷ. The chain "
        "rule multiplies it by ∂ŷ/∂W_out, which brings in aᵀ.",
    ),
    Misconception(
        "the gradient with respect to b",
        lambda a, y, yhat: 2 * np.mean(error(y, yhat)),
        "That one number is the gradient with respect to the bias b, (2/m) Σ (ŷ - y). The gradient with respect "
        "to W_out has one entry per weight, shape (u, 1).",
    ),
    Misconception(
        "sum over the units",
        lambda a, y, yhat: 2 / len(a) * np.sum(error(y, yhat) * a, axis=1, keepdims=True),
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


def structural_hint(answer: np.ndarray, problem: Problem) -> str | None:
    """A hint for an answer of the right shape that is one constant factor off the gradient."""
    factor = constant_factor(answer, mse_grad_wrt_weights(*problem.arguments))
    if factor is None:
        return None
    return (
        f"Every entry is {factor:.3g} times the gradient: a constant factor is off. Recount the 2, the 1/m and "
        "the sign."
    )


WEIGHT_GRADIENT = FunctionExercise(
    what="the gradient",
    problems=PROBLEMS,
    expected=mse_grad_wrt_weights,
    misconceptions=WEIGHT_GRADIENT_MISTAKES,
    structural=structural_hint,
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
