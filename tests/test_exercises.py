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


@pytest.mark.parametrize("answer, hint", [(None, "number"), (-0.25, "(0, 1]"), (4.0, "size of the gradient"), (0.5, "-2")])
def test_probability_checker_names_the_mistake(answer, hint):
    message = diagnose_probability_for_gradient(answer)
    assert message is not None and hint in message


def test_probability_checker_accepts_one_quarter():
    assert diagnose_probability_for_gradient(0.25) is None
