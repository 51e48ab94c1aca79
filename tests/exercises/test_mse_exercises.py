"""Notebook 3's checkers accept the reference solutions and answer each plausible mistake with its own hint."""

import re

import numpy as np
import pytest

from helpers.exercises import diagnose_learning_rate_limit, diagnose_mse_grad_wrt_weights
from tests.exercises import solutions_mse as solutions


def test_weight_gradient_checker_accepts_the_solution():
    assert diagnose_mse_grad_wrt_weights(solutions.mse_grad_wrt_weights) is None


def test_weight_gradient_checker_answers_the_stub_with_a_hint():
    assert "returns None" in diagnose_mse_grad_wrt_weights(solutions.mse_grad_wrt_weights_stub)


@pytest.mark.parametrize("name", sorted(solutions.WRONG_WEIGHT_GRADIENTS))
def test_weight_gradient_checker_names_the_mistake(name):
    student, hint = solutions.WRONG_WEIGHT_GRADIENTS[name]
    message = diagnose_mse_grad_wrt_weights(student)
    assert message is not None and hint in message, message


def test_weight_gradient_hints_never_show_the_expected_values():
    from helpers.exercises.mse import _weight_gradient_problem

    expected = _weight_gradient_problem()[3].ravel()
    for student, _ in solutions.WRONG_WEIGHT_GRADIENTS.values():
        hint = diagnose_mse_grad_wrt_weights(student)
        shown = [float(number) for number in re.findall(r"-?\d+\.\d+", hint)]
        assert not any(np.isclose(value, expected, rtol=1e-3).any() for value in shown), hint


def test_weight_gradient_checker_asks_for_the_function_not_its_result():
    assert "without calling it" in diagnose_mse_grad_wrt_weights(None)


@pytest.mark.parametrize("lambda_max", [2.0, 8.2886])
def test_threshold_checker_accepts_the_solution_and_rejects_the_stub(lambda_max):
    assert diagnose_learning_rate_limit(solutions.eta_threshold(lambda_max), lambda_max) is None
    assert "number" in diagnose_learning_rate_limit(solutions.ETA_THRESHOLD_STUB, lambda_max)


@pytest.mark.parametrize("name", sorted(solutions.WRONG_THRESHOLDS))
def test_threshold_checker_names_the_mistake(name):
    answer, hint = solutions.WRONG_THRESHOLDS[name]
    message = diagnose_learning_rate_limit(answer(8.2886), lambda_max=8.2886)
    assert message is not None and hint in message, message
