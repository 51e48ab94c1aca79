"""The exercise checkers accept a right answer and name each classic mistake."""

import numpy as np
import pytest

from helpers import one_hot
from helpers.exercises import diagnose_grad_wrt_yhat, diagnose_probability_for_gradient


def right(yhat, l):
    return -one_hot(l, len(yhat)) / yhat[l]


def unfinished(yhat, l):
    raise NotImplementedError


@pytest.mark.parametrize(
    "student, hint",
    [
        (lambda yhat, l: one_hot(l, len(yhat)) / yhat[l], "sign"),
        (lambda yhat, l: -one_hot(l, len(yhat)), "1/yhat_l"),
        (lambda yhat, l: -1 / yhat, "i != l"),
        (lambda yhat, l: -one_hot((l + 1) % len(yhat), len(yhat)) / yhat[l], "true class"),
        (lambda yhat, l: None, "None"),
        (lambda yhat, l: right(yhat, l)[:-1], "shape"),
        (unfinished, "NotImplementedError"),
        (lambda yhat, l: 2 * right(yhat, l), "gradient is"),
    ],
)
def test_grad_checker_names_the_mistake(student, hint):
    message = diagnose_grad_wrt_yhat(student)
    assert message is not None and hint in message


def test_grad_checker_accepts_the_right_answer():
    assert diagnose_grad_wrt_yhat(right) is None


@pytest.mark.parametrize(
    "answer, hint", [(None, "number"), (-0.25, "(0, 1]"), (4.0, "size of the gradient"), (0.5, "-2")]
)
def test_probability_checker_names_the_mistake(answer, hint):
    message = diagnose_probability_for_gradient(answer)
    assert message is not None and hint in message


def test_probability_checker_accepts_one_quarter():
    assert diagnose_probability_for_gradient(0.25) is None


from helpers import softmax, softmax_jacobian  # noqa: E402
from helpers.exercises import diagnose_softmax_jacobian, diagnose_temperature_for_half_gradient  # noqa: E402
from helpers.exercises.softmax import temperature_for_half_gradient, true_class_gradient  # noqa: E402


@pytest.mark.parametrize(
    "student, hint",
    [
        (lambda a: np.diag(softmax(a) * (1 - softmax(a))), "only the diagonal"),
        (lambda a: -softmax_jacobian(a), "sign"),
        (lambda a: -np.outer(softmax(a), softmax(a)), "diag(yhat)"),
        (lambda a: softmax_jacobian(a)[:, :1], "shape"),
        (lambda a: None, "None"),
        (lambda a: 2 * softmax_jacobian(a), "Jacobian is"),
    ],
)
def test_jacobian_checker_names_the_mistake(student, hint):
    message = diagnose_softmax_jacobian(student)
    assert message is not None and hint in message


def test_jacobian_checker_accepts_the_right_answer():
    assert diagnose_softmax_jacobian(lambda a: np.diag(softmax(a)) - np.outer(softmax(a), softmax(a))) is None


def test_temperature_solution_halves_the_true_class_gradient():
    a, l = np.array([2.0, 1.0, 0.1, -1.0]), 2
    T = temperature_for_half_gradient(a, l)
    assert true_class_gradient(a, l, T) == pytest.approx(0.5 * true_class_gradient(a, l, 1.0), rel=1e-12)
    assert diagnose_temperature_for_half_gradient(round(T, 4), a, l) is None


@pytest.mark.parametrize("T, hint", [(None, "number"), (-1.0, "positive"), (0.5, "below 1"), (3.0, "1/T")])
def test_temperature_checker_names_the_mistake(T, hint):
    message = diagnose_temperature_for_half_gradient(T, np.array([2.0, 1.0, 0.1, -1.0]), 2)
    assert message is not None and hint in message
