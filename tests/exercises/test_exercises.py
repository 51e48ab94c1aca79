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


from helpers.exercises import diagnose_learning_rate_limit, diagnose_mse_grad_wrt_weights  # noqa: E402


def right_weight_gradient(a, y, yhat):
    return 2 / a.shape[0] * a.T @ (yhat - y)


@pytest.mark.parametrize(
    "student, hint",
    [
        (lambda a, y, yhat: -right_weight_gradient(a, y, yhat), "sign"),
        (lambda a, y, yhat: right_weight_gradient(a, y, yhat) / 2, "factor 2"),
        (lambda a, y, yhat: right_weight_gradient(a, y, yhat) / a.shape[0], "twice"),
        (lambda a, y, yhat: right_weight_gradient(a, y, yhat) * a.shape[0], "missing"),
        (lambda a, y, yhat: right_weight_gradient(a, y, yhat).T, "(ŷ - y)ᵀa"),
        (lambda a, y, yhat: None, "None"),
        (lambda a, y, yhat: right_weight_gradient(a, y, yhat) + 1, "Expected"),
    ],
)
def test_weight_gradient_checker_names_the_mistake(student, hint):
    message = diagnose_mse_grad_wrt_weights(student)
    assert message is not None and hint in message


def test_weight_gradient_checker_accepts_the_right_answer():
    assert diagnose_mse_grad_wrt_weights(right_weight_gradient) is None


@pytest.mark.parametrize(
    "eta, hint", [(None, "number"), (0.5, "top eigenvector starts"), (2.0, "λ_max itself"), (0.3, "-1")]
)
def test_learning_rate_checker(eta, hint):
    message = diagnose_learning_rate_limit(eta, lambda_max=2.0)
    assert message is not None and hint in message
    assert diagnose_learning_rate_limit(1.0, lambda_max=2.0) is None
