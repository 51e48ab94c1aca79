"""The one place a student's function is called: every kind of answer becomes a hint, never a traceback, and the
student's inputs are copies."""

import numpy as np
import pytest

from helpers.exercises import diagnose_grad_wrt_yhat, diagnose_output_gradient, diagnose_softmax_jacobian
from helpers.exercises.catalogue import diagnose
from helpers.exercises.notebook_3 import WEIGHT_GRADIENT
from helpers.exercises.protocol import Hint, as_array, as_number, call_student, report


def unstable_softmax(a):
    exp = np.exp(a)
    return exp / exp.sum(axis=-1, keepdims=True)


@pytest.mark.parametrize(
    "student, hint",
    [
        (lambda yhat, l: None, "returns None"),
        (lambda yhat, l: "the gradient", "returns the text"),
        (lambda yhat, l: [0.0] * len(yhat), "Every entry is 0"),
        (lambda yhat, l: [1.0, "a"], "numbers only"),
        (lambda yhat, l: np.zeros(len(yhat) + 1), "shape"),
        (lambda yhat, l: yhat[l + 5], "raised IndexError"),
        (lambda yhat, l: 1 / 0, "ZeroDivisionError"),
        (lambda yhat, l: np.full(len(yhat), np.nan), "inf or nan"),
        (lambda yhat, l: np.log(yhat - 1.0), "numpy warned"),
    ],
)
def test_any_answer_becomes_a_hint(student, hint):
    message = diagnose_grad_wrt_yhat(student)
    assert message is not None and hint in message, message


def test_a_result_instead_of_a_function_is_answered():
    assert "without calling it" in diagnose_grad_wrt_yhat(np.zeros(4))


def test_the_student_gets_copies_of_the_inputs_and_is_told_of_an_edit_in_place():
    def edits_in_place(yhat, l):
        yhat[l] = -1.0 / yhat[l]  # right numbers, but the caller's yhat would change too
        yhat[np.arange(len(yhat)) != l] = 0.0
        return yhat

    message = diagnose_grad_wrt_yhat(edits_in_place)
    assert "changes its argument `yhat` in place" in message, message
    array = np.ones(3)
    with pytest.raises(Hint, match="in place"):
        call_student(lambda x: x.fill(5.0), array)
    assert np.all(array == 1.0)


@pytest.mark.parametrize(
    "shift",
    [lambda a: np.min(a, axis=-1, keepdims=True), lambda a: np.mean(a, axis=-1, keepdims=True)],
    ids=["minimum", "mean"],
)
def test_a_softmax_shifted_by_anything_but_the_maximum_is_refused(shift):
    def jacobian(a):
        exp = np.exp(a - shift(a))
        yhat = exp / exp.sum()
        return np.diag(yhat) - np.outer(yhat, yhat)

    def output_gradient(a_L, labels):
        exp = np.exp(a_L - shift(a_L))
        return (exp / exp.sum(axis=1, keepdims=True) - np.eye(a_L.shape[1])[labels]) / len(a_L)

    for message in (diagnose_softmax_jacobian(jacobian), diagnose_output_gradient(output_gradient)):
        assert message is not None and "numpy warned" in message, message


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda yhat, l: (np.zeros_like(yhat), 0.0), "returns a tuple of 2 values"),
        (lambda yhat, l: np.zeros(len(yhat)) + 0j, "complex"),
    ],
)
def test_a_tuple_or_complex_numbers_get_a_hint(answer, hint):
    assert hint in diagnose_grad_wrt_yhat(answer)


def test_integer_arithmetic_is_named():
    message = diagnose(WEIGHT_GRADIENT, lambda a, y, yhat: 2 // a.shape[0] * a.T @ (yhat - y))
    assert "Every entry is 0" in message and "//" in message, message
    message = diagnose(WEIGHT_GRADIENT, lambda a, y, yhat: (2 * a.T @ (yhat - y)) // a.shape[0])
    assert "whole number" in message, message


def test_an_array_read_from_the_notebook_is_named():
    namespace = {"yhat": np.array([0.5, 0.5]), "np": np}
    exec("def reads_global(a):\n    return np.diag(yhat) - np.outer(yhat, yhat)", namespace)
    message = diagnose_softmax_jacobian(namespace["reads_global"])
    assert "reads `yhat` from the notebook" in message, message


def test_an_overflowing_softmax_is_named_in_every_exercise_that_takes_logits():
    def jacobian(a):
        yhat = unstable_softmax(a)
        return np.diag(yhat) - np.outer(yhat, yhat)

    def output_gradient(a_L, labels):
        return (unstable_softmax(a_L) - np.eye(a_L.shape[1])[labels]) / len(a_L)

    for message in (diagnose_softmax_jacobian(jacobian), diagnose_output_gradient(output_gradient)):
        assert "overflow" in message and "Subtract the largest logit" in message, message


def test_one_maximum_for_a_whole_batch_is_named():
    def batch_max(a_L, labels):
        exp = np.exp(a_L - a_L.max())
        return (exp / exp.sum(axis=1, keepdims=True) - np.eye(a_L.shape[1])[labels]) / len(a_L)

    message = diagnose_output_gradient(batch_max)
    assert "each example's own largest logit" in message, message


def test_a_global_size_read_from_the_notebook_is_named():
    namespace = {"m": 5, "np": np}
    exec("def reads_global(a, y, yhat):\n    return 2 / m * a.T @ (yhat - y)", namespace)
    message = diagnose(WEIGHT_GRADIENT, namespace["reads_global"])
    assert "reads `m` from the notebook" in message and "m = 5" in message, message
    assert "a.shape[0]" not in diagnose_grad_wrt_yhat(lambda yhat, l: -np.eye(4)[2] / yhat[2])


def test_a_fixed_batch_size_is_named():
    message = diagnose(WEIGHT_GRADIENT, lambda a, y, yhat: 2 / 5 * a.T @ (yhat - y))
    assert "right for m = 5" in message and "not for m = 7" in message and "fixed" in message, message


def test_as_array_and_as_number_refuse_what_is_not_numbers():
    with pytest.raises(Hint, match="shape"):
        as_array([1.0, 2.0], (3,), "the vector")
    with pytest.raises(Hint, match="one number"):
        as_number([1.0, 2.0], "the answer")
    with pytest.raises(Hint, match="a number"):
        as_number(True, "the answer")
    assert as_number(np.float32(0.5), "the answer") == 0.5


def test_report_prints_the_verdict(capsys):
    report(None, "(checked)")
    report("a hint")
    assert capsys.readouterr().out == "Correct.\n(checked)\nNot yet. a hint\n"
