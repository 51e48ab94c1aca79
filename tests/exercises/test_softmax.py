"""Notebook 2's checkers accept the reference solutions and answer each plausible mistake with its own hint."""

import numpy as np
import pytest

from helpers import one_hot, softmax, softmax_jacobian
from helpers.derivation.student_steps import wrong_pairs_wrt_logits
from helpers.exercises import (
    diagnose_partial_wrt_logits,
    diagnose_softmax_jacobian,
    diagnose_temperature_for_half_gradient,
)
from helpers.exercises.feedback import UNFINISHED
from helpers.exercises.softmax import true_class_gradient
from instructor.solutions import solution

# The reference solutions of exercises 1 and 2, -(1_(ℓ=i) - ŷ_i) and diag(ŷ) - ŷŷᵀ, as the instructor notebook
# solves them.
reference_partial = solution("02_softmax_quotient_rule.ipynb", "my_partial")
reference_jacobian = solution("02_softmax_quotient_rule.ipynb", "my_softmax_jacobian")


def temperature_for_half_gradient(a: np.ndarray, l: int) -> float:
    """The T > 1 at which ∂L/∂a_Lℓ is half its value at T = 1, by bisection."""
    target = 0.5 * true_class_gradient(a, l, 1.0)
    low, high = 1.0, 1e4
    for _ in range(200):
        middle = 0.5 * (low + high)
        if true_class_gradient(a, l, middle) < target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def stub(*arguments):
    raise NotImplementedError


def as_partial(gradient):
    """A step (yhat, l, i) -> number from a whole-vector answer (yhat, l) -> (k,)."""
    return lambda yhat, l, i: gradient(yhat, l)[i]


WRONG_LOGIT_GRADIENTS = [
    (lambda yhat, l: one_hot(l, len(yhat)) - yhat, "sign is flipped"),
    (lambda yhat, l: -one_hot(l, len(yhat)) / yhat[l], "dL/dyhat from notebook 1"),
    (lambda yhat, l: yhat, "indicator term is missing"),
    (lambda yhat, l: -one_hot(l, len(yhat)), "yhat_i term is missing"),
    (lambda yhat, l: (yhat[l] - 1) * one_hot(l, len(yhat)), "diagonal-only"),
    (lambda yhat, l: yhat[l] - one_hot(l, len(yhat)), "yhat_l where yhat_i belongs"),
    (lambda yhat, l: yhat - one_hot((l + 1) % len(yhat), len(yhat)), "not l + 1 or l - 1"),
    (lambda yhat, l: yhat - 2 * one_hot(l, len(yhat)), "do not sum to 0"),
]


def test_the_reference_solutions_are_accepted():
    assert diagnose_partial_wrt_logits(reference_partial, symbolic=wrong_pairs_wrt_logits) is None
    assert diagnose_softmax_jacobian(reference_jacobian) is None


@pytest.mark.parametrize("gradient, hint", WRONG_LOGIT_GRADIENTS)
def test_the_logit_step_checker_names_the_mistake(gradient, hint):
    message = diagnose_partial_wrt_logits(as_partial(gradient))
    assert message is not None and hint in message


@pytest.mark.parametrize(
    "student, hint",
    [(stub, UNFINISHED), (lambda yhat, l, i: "yhat_i - 1", "number"), (lambda yhat, l, i: 1 / 0, "ZeroDivisionError")],
)
def test_the_logit_step_checker_answers_a_non_number_with_a_hint(student, hint):
    message = diagnose_partial_wrt_logits(student)
    assert message is not None and hint in message


def test_the_logit_step_checker_catches_with_sympy_what_the_numbers_miss():
    def right_only_on_floats(yhat, l, i):
        return reference_partial(yhat, l, i) if isinstance(yhat, np.ndarray) else yhat[i]

    message = diagnose_partial_wrt_logits(right_only_on_floats, symbolic=wrong_pairs_wrt_logits)
    assert message is not None and "SymPy finds it differs" in message


@pytest.mark.parametrize(
    "student, hint",
    [
        (lambda a: np.diag(softmax(a)) + np.outer(softmax(a), softmax(a)), "off-diagonal entries have the wrong sign"),
        (lambda a: np.diag(softmax(a) * (1 - softmax(a))), "only the diagonal"),
        (lambda a: -softmax_jacobian(a), "sign is flipped"),
        (lambda a: -np.outer(softmax(a), softmax(a)), "numerator"),
        (lambda a: np.diag(a) - np.outer(a, a), "logits a where the probabilities"),
        (lambda a: softmax_jacobian(a) + 0.01 * (1 - np.eye(len(a))), "The diagonal is right"),
        (lambda a: 2 * softmax_jacobian(a), "rows sum to 0 as they should"),
        (lambda a: softmax_jacobian(a) + 0.01, "rows do not sum to 0, but they must: row i summed over the logits"),
        (lambda a: softmax_jacobian(a)[:, :1], "shape"),
        (lambda a: None, "None"),
        (lambda a: "diag(yhat) - yhat yhat^T", "text"),
        (stub, UNFINISHED),
    ],
)
def test_the_jacobian_checker_names_the_mistake(student, hint):
    message = diagnose_softmax_jacobian(student)
    assert message is not None and hint in message


def test_a_transposed_jacobian_is_the_same_matrix_so_it_passes():
    assert diagnose_softmax_jacobian(lambda a: reference_jacobian(a).T) is None


def test_the_temperature_solution_halves_the_true_class_gradient():
    a, l = np.array([2.0, 1.0, 0.1, -1.0]), 2
    T = temperature_for_half_gradient(a, l)
    assert true_class_gradient(a, l, T) == pytest.approx(0.5 * true_class_gradient(a, l, 1.0), rel=1e-12)
    assert diagnose_temperature_for_half_gradient(round(T, 4), a, l) is None


@pytest.mark.parametrize(
    "T, hint", [(None, "number"), ("2", "number"), (-1.0, "positive"), (0.5, "below 1"), (3.0, "1/T")]
)
def test_the_temperature_checker_names_the_mistake(T, hint):
    message = diagnose_temperature_for_half_gradient(T, np.array([2.0, 1.0, 0.1, -1.0]), 2)
    assert message is not None and hint in message
