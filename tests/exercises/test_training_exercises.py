"""Notebook 4's checkers accept the reference solutions and answer each plausible mistake with its own hint."""

import pytest

from helpers.exercises import diagnose_backward_to_hidden, diagnose_output_gradient
from tests.exercises import solutions_training as solutions


def test_backward_checker_accepts_the_solution_and_answers_the_stub():
    assert diagnose_backward_to_hidden(solutions.backward_to_hidden) is None
    assert "returns None" in diagnose_backward_to_hidden(solutions.backward_to_hidden_stub)


@pytest.mark.parametrize("name", sorted(solutions.WRONG_BACKWARD_LINES))
def test_backward_checker_names_the_mistake(name):
    student, hint = solutions.WRONG_BACKWARD_LINES[name]
    message = diagnose_backward_to_hidden(student)
    assert message is not None and hint in message, message


def test_output_gradient_checker_accepts_the_solution_and_answers_the_stub():
    hint, errors = diagnose_output_gradient(solutions.output_gradient)
    assert hint is None and max(errors.values()) < 1e-7
    hint, errors = diagnose_output_gradient(solutions.output_gradient_stub)
    assert "returns None" in hint and errors == {}


@pytest.mark.parametrize("name", sorted(solutions.WRONG_OUTPUT_GRADIENTS))
def test_output_gradient_checker_names_the_mistake(name):
    student, hint = solutions.WRONG_OUTPUT_GRADIENTS[name]
    message, _ = diagnose_output_gradient(student)
    assert message is not None and hint in message, message
