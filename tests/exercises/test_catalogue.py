"""Every exercise's catalogue, row by row: each wrong formula gets its own hint, the reference solution gets None,
a random answer gets a fallback, no hint shows the expected values, and each catalogue entry is a real mistake on
at least one problem (it differs from the right answer there)."""

import re

import numpy as np
import pytest

from helpers.exercises import notebook_1, notebook_2, notebook_3, notebook_4
from helpers.exercises.catalogue import FunctionExercise, diagnose, evaluate
from instructor.solutions import solution
from tests.exercises import reference_answers

VECTOR_EXERCISES = {
    "notebook 1, ∂ℒ/∂ŷ": (notebook_1.GRAD_WRT_YHAT, reference_answers.grad_wrt_yhat),
    "notebook 2, softmax Jacobian": (
        notebook_2.SOFTMAX_JACOBIAN,
        solution("further/02_softmax_in_depth.ipynb", "my_softmax_jacobian"),
    ),
    "notebook 3, MSE weight gradient": (
        notebook_3.WEIGHT_GRADIENT,
        reference_answers.mse_grad_wrt_weights,
    ),
    "notebook 4, backward to the hidden layer": (
        notebook_4.BACKWARD_TO_HIDDEN,
        reference_answers.backward_to_hidden,
    ),
    "notebook 4, batch output gradient": (
        notebook_4.OUTPUT_GRADIENT,
        reference_answers.output_gradient,
    ),
    # The exercises the notebooks set: their right answers are the instructor notebooks' solutions.
    "notebook 1, soft-label ∂ℒ/∂ŷ": (
        notebook_1.SOFT_LABEL_GRAD_WRT_YHAT,
        solution("01_grad_wrt_yhat.ipynb", "my_soft_label_grad"),
    ),
    "notebook 1, batch ∂ℒ/∂Ŷ": (
        notebook_1.BATCH_GRAD_WRT_YHAT,
        solution("01_grad_wrt_yhat.ipynb", "my_batch_grad"),
    ),
    "notebook 2, soft-label ∂ℒ/∂a_L": (
        notebook_2.SOFT_LABEL_GRAD_WRT_LOGITS,
        solution("02_softmax_quotient_rule.ipynb", "my_soft_label_grad_wrt_logits"),
    ),
    "notebook 2, ∂ℒ/∂a_L at temperature T": (
        notebook_2.GRAD_WRT_LOGITS_AT_TEMPERATURE,
        solution("02_softmax_quotient_rule.ipynb", "my_grad_wrt_logits_at_temperature"),
    ),
    "notebook 3, MSE bias gradient": (
        notebook_3.GRAD_WRT_BIAS,
        solution("03_batched_mse_weight_gradient.ipynb", "my_bias_gradient"),
    ),
    "notebook 3, multi-output weight gradient": (
        notebook_3.MULTI_OUTPUT_GRADIENT,
        solution("03_batched_mse_weight_gradient.ipynb", "my_multi_output_gradient"),
    ),
    "notebook 4, ReLU Jacobian": (notebook_4.RELU_JACOBIAN, solution("04_training_loop.ipynb", "my_relu_jacobian")),
    "notebook 4, output layer Jacobian": (notebook_4.OUTPUT_LAYER_JACOBIAN, lambda W_out: W_out.T),
    "notebook 4, output bias gradient": (
        notebook_4.GRAD_WRT_OUTPUT_BIAS,
        solution("04_training_loop.ipynb", "my_output_bias_gradient"),
    ),
    "notebook 4, hidden bias gradient": (
        notebook_4.GRAD_WRT_HIDDEN_BIAS,
        solution("04_training_loop.ipynb", "my_hidden_bias_gradient"),
    ),
    "notebook 4, hidden weights gradient": (
        notebook_4.GRAD_WRT_HIDDEN_WEIGHTS,
        lambda x, grad_a_L, W_out, a_1: x.T @ ((grad_a_L @ W_out.T) * (a_1 > 0)),
    ),
}
# The partial-derivative exercises ask one entry at a time; their catalogues are those of the vector they build.
PARTIAL_EXERCISES = {
    "notebook 1, ∂ℒ/∂ŷ_i": (notebook_1.PARTIAL_WRT_YHAT, reference_answers.partial_wrt_yhat),
    "notebook 2, ∂ℒ/∂a_Li": (notebook_2.PARTIAL_WRT_LOGITS, reference_answers.partial_wrt_logits),
}
ALL = {**VECTOR_EXERCISES, **PARTIAL_EXERCISES}


def as_student(exercise: FunctionExercise, formula):
    """The student's function that computes ``formula``: itself, or one entry of it for a partial exercise."""
    if exercise in [entry for entry, _ in PARTIAL_EXERCISES.values()]:
        return lambda yhat, l, i: formula(yhat, l)[i]
    return formula


ROWS = [
    pytest.param(exercise, misconception, id=f"{name}: {misconception.name}")
    for name, (exercise, _) in ALL.items()
    for misconception in exercise.misconceptions
]


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_reference_solution_is_accepted(name):
    exercise, reference = ALL[name]
    assert diagnose(exercise, reference) is None


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_students_stub_is_told_it_returns_nothing(name):
    # The students' copy holds each exercise as a function whose body is a comment: it returns None.
    exercise, _ = ALL[name]
    message = diagnose(exercise, lambda *arguments: None)
    assert message is not None and "returns None" in message and "nan" not in message, message


@pytest.mark.parametrize("name", sorted(VECTOR_EXERCISES))
def test_an_answer_of_zeros_is_told_so_and_nothing_else(name):
    exercise, _ = VECTOR_EXERCISES[name]
    for student in (lambda *arguments: 0.0, lambda *arguments: np.zeros_like(exercise.expected(*arguments))):
        message = diagnose(exercise, student)
        assert message is not None and "Every entry is 0" in message, message
        assert "summed" not in message and "integer" not in message.lower(), message


@pytest.mark.parametrize("exercise, misconception", ROWS)
def test_each_wrong_formula_gets_its_own_hint(exercise, misconception):
    message = diagnose(exercise, as_student(exercise, misconception.wrong))
    if evaluate(misconception, exercise.problems[0]) is None:
        # Shapes that fit only where m = u (or u = k, or m = k) fail on the first problem: that failure is the hint.
        assert "matrix product" in message or "elementwise operation" in message, message
        return
    assert message is not None and message.endswith(misconception.hint), message


@pytest.mark.parametrize("exercise, misconception", ROWS)
def test_each_entry_is_wrong_somewhere(exercise, misconception):
    differs = []
    for problem in exercise.problems:
        wrong = evaluate(misconception, problem)
        expected = exercise.expected(*problem.arguments)
        differs.append(wrong is not None and (wrong.shape != expected.shape or not np.allclose(wrong, expected)))
    assert any(differs)


@pytest.mark.parametrize("name", sorted(VECTOR_EXERCISES))
def test_a_random_answer_gets_a_fallback_not_a_catalogue_hint(name):
    exercise, _ = VECTOR_EXERCISES[name]
    rng = np.random.default_rng(0)

    def random_answer(*arguments):
        return rng.normal(size=exercise.expected(*arguments).shape)

    message = diagnose(exercise, random_answer)
    assert message is not None
    assert not any(message.endswith(misconception.hint) for misconception in exercise.misconceptions), message


@pytest.mark.parametrize("name", sorted(VECTOR_EXERCISES))
def test_no_hint_shows_the_expected_values(name):
    exercise, _ = VECTOR_EXERCISES[name]
    expected = np.concatenate([exercise.expected(*problem.arguments).ravel() for problem in exercise.problems])
    expected = expected[np.abs(expected) > 1e-3]
    for misconception in exercise.misconceptions:
        message = diagnose(exercise, misconception.wrong)
        shown = [float(number) for number in re.findall(r"-?\d+\.\d+", message)]
        assert not any(np.isclose(value, expected, rtol=1e-3).any() for value in shown), message


@pytest.mark.parametrize("name", sorted(VECTOR_EXERCISES))
def test_a_number_fixed_to_the_first_problem_is_caught(name):
    exercise, reference = VECTOR_EXERCISES[name]
    first = exercise.problems[0]
    fixed = reference(*first.arguments)

    def hard_coded(*arguments):
        return fixed

    message = diagnose(exercise, hard_coded)
    assert message is not None and "right for" in message and "is a number fixed in it?" in message, message


def test_the_catalogues_name_their_entries_once():
    for exercise, _ in ALL.values():
        names = [misconception.name for misconception in exercise.misconceptions]
        assert len(names) == len(set(names))
