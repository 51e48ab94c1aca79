"""Notebook 1's checkers accept the reference solutions and answer each plausible mistake with its own hint."""

import numpy as np
import pytest

from helpers import one_hot, softmax
from helpers.derivation.student_steps import wrong_pairs_wrt_yhat
from helpers.exercises import (
    check_grad_wrt_yhat,
    diagnose_grad_wrt_yhat,
    diagnose_partial_wrt_yhat,
    diagnose_probability_for_gradient,
)
from helpers.exercises.feedback import UNFINISHED
from instructor.solutions import solution

# The reference solutions of exercises 2 and 1, -(1/ŷ_ℓ) e(ℓ) and -1_(i=ℓ)/ŷ_ℓ, as the instructor notebook solves them
# (the latter in plain arithmetic, so that SymPy can run it too).
reference_grad = solution("01_grad_wrt_yhat.ipynb", "my_grad_wrt_yhat")
reference_partial = solution("01_grad_wrt_yhat.ipynb", "my_partial")


def stub(*arguments):
    raise NotImplementedError


WRONG_GRADIENTS = [
    (lambda yhat, l: one_hot(l, len(yhat)) / yhat[l], "sign is flipped"),
    (lambda yhat, l: -one_hot(l, len(yhat)), "not the factor 1/yhat_l"),
    (lambda yhat, l: one_hot(l, len(yhat)), "neither the minus sign"),
    (lambda yhat, l: -1 / yhat, "-1/yhat_i at every class"),
    (lambda yhat, l: 1 / yhat, "1/yhat_i at every class, with the wrong sign"),
    (lambda yhat, l: yhat - one_hot(l, len(yhat)), "gradient with respect to the logits"),
    (lambda yhat, l: one_hot(l, len(yhat)) - yhat, "minus the gradient with respect to the logits"),
    (lambda yhat, l: -one_hot(l, len(yhat)) / softmax(yhat)[l], "softmax to yhat again"),
    (lambda yhat, l: -np.log(yhat[l]) * one_hot(l, len(yhat)), "the loss -log yhat_l itself"),
    (lambda yhat, l: -one_hot((l + 1) % len(yhat), len(yhat)) / yhat[l], "not l + 1 or l - 1"),
    (lambda yhat, l: -one_hot(l, len(yhat)) / yhat[l] - 0.1, "More than one entry is non-zero"),
    (lambda yhat, l: 2 * reference_grad(yhat, l), "wrong size"),
    (lambda yhat, l: np.zeros(len(yhat)), "Every entry is 0"),
]
NOT_AN_ARRAY = [
    (stub, UNFINISHED),
    (lambda yhat, l: None, "returns None"),
    (lambda yhat, l: "the gradient", "returns the text"),
    (lambda yhat, l: reference_grad(yhat, l)[:-1], "shape"),
    (lambda yhat, l: [1.0, "a"], "numbers only"),
    (lambda yhat, l: yhat[l + 5], "raised IndexError"),
    (lambda yhat, l: np.where(one_hot(l, len(yhat)) == 1, -np.inf, 0.0), "inf or nan"),
]


def test_the_reference_solutions_are_accepted():
    assert diagnose_grad_wrt_yhat(reference_grad) is None
    assert diagnose_partial_wrt_yhat(reference_partial, symbolic=wrong_pairs_wrt_yhat) is None


@pytest.mark.parametrize("student, hint", WRONG_GRADIENTS + NOT_AN_ARRAY)
def test_the_gradient_checker_names_the_mistake(student, hint):
    message = diagnose_grad_wrt_yhat(student)
    assert message is not None and hint in message


@pytest.mark.parametrize("student, hint", WRONG_GRADIENTS)
def test_the_partial_checker_names_the_same_mistakes_entry_by_entry(student, hint):
    message = diagnose_partial_wrt_yhat(lambda yhat, l, i: student(yhat, l)[i])
    assert message is not None and hint in message


@pytest.mark.parametrize(
    "student, hint",
    [
        (stub, UNFINISHED),
        (lambda yhat, l, i: None, "returns None for i = 0"),
        (lambda yhat, l, i: reference_grad(yhat, l), "is one number"),
    ],
)
def test_the_partial_checker_answers_a_non_number_with_a_hint(student, hint):
    message = diagnose_partial_wrt_yhat(student)
    assert message is not None and hint in message


def test_no_hint_gives_away_the_expected_values():
    for student, _ in WRONG_GRADIENTS:
        message = diagnose_grad_wrt_yhat(student)
        expected = reference_grad(softmax(np.array([2.0, 1.0, 0.1, -1.0])), 2)
        assert f"{expected[2]:.4g}"[:5] not in message


def test_a_step_that_fails_on_symbols_gets_a_hint_not_a_traceback():
    def with_numpy_bool(yhat, l, i):
        return -np.float64(i == l) / yhat[l] if isinstance(yhat, np.ndarray) else -(i == l) / yhat[l] - (i == l)

    message = diagnose_partial_wrt_yhat(with_numpy_bool, symbolic=wrong_pairs_wrt_yhat)
    assert message is not None and "fails on SymPy symbols" in message


def test_a_step_right_only_on_the_test_numbers_is_caught_by_sympy():
    def right_only_on_floats(yhat, l, i):
        return reference_partial(yhat, l, i) if isinstance(yhat, np.ndarray) else -1 / yhat[i]

    message = diagnose_partial_wrt_yhat(right_only_on_floats, symbolic=wrong_pairs_wrt_yhat)
    assert message is not None and "SymPy finds it differs" in message


def test_check_prints_the_verdict_and_how_it_was_checked(capsys):
    check_grad_wrt_yhat(reference_grad)
    assert capsys.readouterr().out.startswith("Correct.\n(checked against finite differences")
    check_grad_wrt_yhat(stub)
    assert capsys.readouterr().out == f"Not yet. {UNFINISHED}\n"


@pytest.mark.parametrize(
    "answer, hint",
    [
        (None, "number"),
        ("0.25", "number"),
        ([0.25, 0.5], "one number"),
        (-0.25, "cannot be negative"),
        (1.5, "(0, 1]"),
        (4.0, "size of the gradient"),
        (0.5, "-2"),
    ],
)
def test_the_probability_checker_names_the_mistake(answer, hint):
    message = diagnose_probability_for_gradient(answer)
    assert message is not None and hint in message


def test_the_probability_checker_accepts_one_quarter():
    assert diagnose_probability_for_gradient(0.25) is None
    assert diagnose_probability_for_gradient(np.float64(0.25)) is None
