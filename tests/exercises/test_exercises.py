"""The exercise checkers of notebooks 3 and 4 accept a right answer and name each classic mistake."""

import pytest

from helpers.exercises import diagnose_learning_rate_limit, diagnose_mse_grad_wrt_weights


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
