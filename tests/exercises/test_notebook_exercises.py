"""What each notebook's checkers say to the mistakes named when the checkers were planned, to near misses, to the
value exercises' wrong numbers, and to a step that is right on numbers but not on SymPy symbols."""

import numpy as np
import pytest

from helpers import softmax
from helpers.derivation.student_steps import wrong_pairs_wrt_logits, wrong_pairs_wrt_yhat
from helpers.exercises import (
    check_grad_wrt_yhat,
    check_output_gradient,
    diagnose_grad_wrt_logits_at_temperature,
    diagnose_grad_wrt_yhat,
    diagnose_learning_rate_limit,
    diagnose_output_gradient,
    diagnose_partial_wrt_logits,
    diagnose_partial_wrt_yhat,
    diagnose_probability_for_gradient,
    diagnose_softmax_jacobian,
    diagnose_temperature_for_half_gradient,
    diagnose_uniform_prediction,
)
from helpers.exercises.catalogue import diagnose_value
from helpers.exercises.notebook_1 import probability_for_gradient, uniform_loss, uniform_probability
from helpers.exercises.notebook_2 import half_gradient_temperature, true_class_gradient
from helpers.exercises.notebook_3 import learning_rate_limit
from tests.exercises import reference_answers

A, L = np.array([2.0, 1.0, 0.1, -1.0]), 2


def test_the_four_planned_examples_get_hints_that_name_their_mistake():
    assert "indicator 1(i = l) was dropped" in diagnose_grad_wrt_yhat(lambda yhat, l: -np.ones_like(yhat) / yhat[l])

    def true_path_only(a_L, labels):
        Y = np.eye(a_L.shape[1])[labels]
        return Y * (softmax(a_L) - 1) / len(a_L)

    assert "path through yhat_l alone" in diagnose_output_gradient(true_path_only)

    def softmax_over_batch(a_L, labels):
        exp = np.exp(a_L - a_L.max(axis=0))
        return (exp / exp.sum(axis=0) - np.eye(a_L.shape[1])[labels]) / len(a_L)

    assert "normalises each column (axis=0)" in diagnose_output_gradient(softmax_over_batch)
    assert "identity matrix" in diagnose_softmax_jacobian(lambda a: np.eye(len(a)))


def test_partial_steps_are_proved_on_symbols_and_a_numbers_only_step_is_caught():
    right = reference_answers.partial_wrt_yhat
    assert diagnose_partial_wrt_yhat(right, symbolic=wrong_pairs_wrt_yhat) is None
    assert diagnose_partial_wrt_logits(reference_answers.partial_wrt_logits, symbolic=wrong_pairs_wrt_logits) is None

    def right_only_on_floats(yhat, l, i):
        return right(yhat, l, i) if isinstance(yhat, np.ndarray) else -1 / yhat[i]

    assert "SymPy finds it differs" in diagnose_partial_wrt_yhat(right_only_on_floats, symbolic=wrong_pairs_wrt_yhat)

    def numpy_on_symbols(yhat, l, i):
        return -np.float64(i == l) / np.asarray(yhat)[l] if isinstance(yhat, np.ndarray) else np.log(yhat[l])

    # Right on every number, but SymPy cannot run it: the numbers decide, and the check line says so.
    assert diagnose_partial_wrt_yhat(numpy_on_symbols, symbolic=wrong_pairs_wrt_yhat) is None
    assert "returns None for i = 0" in diagnose_partial_wrt_yhat(lambda yhat, l, i: None)
    assert "not a tuple" in diagnose_partial_wrt_yhat(lambda yhat, l, i: (right(yhat, l, i),))
    assert "one number" in diagnose_partial_wrt_yhat(lambda yhat, l, i: yhat)


@pytest.mark.parametrize(
    "exercise",
    [
        probability_for_gradient(-4.0),
        uniform_probability(4),
        uniform_loss(4),
        half_gradient_temperature(A, L),
        learning_rate_limit(8.2886),
    ],
    ids=["probability", "uniform ŷ_ℓ", "uniform loss", "temperature", "learning rate"],
)
def test_each_wrong_number_gets_its_own_hint(exercise):
    assert diagnose_value(exercise, exercise.expected) is None
    for misconception in exercise.misconceptions:
        assert diagnose_value(exercise, misconception.wrong()) == misconception.hint, misconception.name
    assert diagnose_value(exercise, None) is not None


def test_a_near_miss_is_called_one():
    message = diagnose_probability_for_gradient(0.2500001)
    assert message.startswith("Close, but not exact")
    assert diagnose_probability_for_gradient(0.25) is None
    assert diagnose_probability_for_gradient(1 / 4) is None
    assert "(0, 1]" in diagnose_probability_for_gradient(1.5)
    assert diagnose_probability_for_gradient(None).startswith("Set answer to a number")
    assert "it is -2.5, not -4" in diagnose_probability_for_gradient(0.4)


def test_the_temperature_checker_accepts_the_bisection_and_rejects_below_one():
    T = half_gradient_temperature(A, L).expected
    assert abs(true_class_gradient(A, L, T) / true_class_gradient(A, L, 1.0) - 0.5) < 1e-9
    assert diagnose_temperature_for_half_gradient(T * 1.0005, A, L) is None
    assert "below 1 sharpens" in diagnose_temperature_for_half_gradient(0.5, A, L)


def test_the_uniform_prediction_checker_checks_both_numbers():
    assert diagnose_uniform_prediction(0.25, np.log(4)) is None
    assert diagnose_uniform_prediction(0.25, 1.3863) is None  # as the widget prints it
    assert "natural" in diagnose_uniform_prediction(0.25, np.log10(4))
    assert "sum to 1" in diagnose_uniform_prediction(4, np.log(4))


def test_the_learning_rate_checker_reads_the_factor_per_step():
    assert "still converges" in diagnose_learning_rate_limit(0.15, 8.2886)
    assert "diverges" in diagnose_learning_rate_limit(0.3, 8.2886)


def test_the_network_check_prints_each_parameter_and_the_verdict(capsys):
    check_output_gradient(reference_answers.output_gradient)
    out = capsys.readouterr().out
    assert out.count("relative error (norm) < 1e-07") == 4 and "Correct." in out
    check_output_gradient(lambda a_L, labels: None)
    out = capsys.readouterr().out
    assert "relative error" not in out and out.startswith("Not yet. The function returns None")
    check_output_gradient(lambda a_L, labels: softmax(a_L) / len(a_L))
    out = capsys.readouterr().out
    assert "W_out     relative error (norm) about" in out and "subtract e(ℓ)" in out


def test_the_check_line_says_how_the_answer_was_checked(capsys):
    check_grad_wrt_yhat(reference_answers.grad_wrt_yhat)
    assert capsys.readouterr().out == "Correct.\n(checked on 5 problems of different sizes)\n"


@pytest.mark.parametrize("epsilon", [1e-7, 1e-5])
def test_an_epsilon_inside_the_log_is_named(epsilon):
    message = diagnose_grad_wrt_yhat(lambda yhat, l: -np.eye(len(yhat))[l] / (yhat[l] + epsilon))
    assert "ε added inside the log" in message, message


def test_a_right_step_sympy_cannot_run_passes_and_says_it_was_checked_on_numbers_only(capsys):
    from helpers.exercises import check_partial_wrt_yhat

    def with_numpy(yhat, l, i):
        return -np.float64(i == l) / np.float64(yhat[l])

    check_partial_wrt_yhat(with_numpy, symbolic=wrong_pairs_wrt_yhat)
    out = capsys.readouterr().out
    assert out.startswith("Correct.") and "SymPy could not run it on symbols" in out, out


def temperature_softmax(a_L, T):
    z = np.exp((a_L - a_L.max()) / T)
    return z / z.sum()


TEMPERATURE_MISTAKES = {
    "no 1/T": (
        lambda a_L, l, T: temperature_softmax(a_L, T) - np.eye(len(a_L))[l],
        ("T (T = 2.5) times the right value", "1/T of the chain rule is missing"),
    ),
    "T for 1/T": (
        lambda a_L, l, T: T * (temperature_softmax(a_L, T) - np.eye(len(a_L))[l]),
        ("T² (T = 2.5) times the right value", "multiplied by T where the chain rule gives 1/T"),
    ),
    "no softmax": (
        lambda a_L, l, T: (a_L / T - np.eye(len(a_L))[l]) / T,
        ("the softmax is missing", "do not sum to 0"),
    ),
    "sign": (
        lambda a_L, l, T: (np.eye(len(a_L))[l] - temperature_softmax(a_L, T)) / T,
        ("opposite sign", "sign is flipped"),
    ),
}


@pytest.mark.parametrize("name", sorted(TEMPERATURE_MISTAKES))
def test_each_temperature_mistake_is_named_and_no_expected_value_is_shown(name):
    student, named = TEMPERATURE_MISTAKES[name]
    hint = diagnose_grad_wrt_logits_at_temperature(student)
    assert hint is not None and all(words in hint for words in named), hint
    right = (temperature_softmax(A, 2.5) - np.eye(4)[L]) / 2.5
    assert not any(f"{value:.3f}" in hint or f"{value:.2f}" in hint for value in right if abs(value) > 0.01), hint


def test_the_temperature_gradient_reduces_to_the_lectures_at_T_1():
    right = lambda a_L, l, T: (temperature_softmax(a_L, T) - np.eye(len(a_L))[l]) / T  # noqa: E731
    assert diagnose_grad_wrt_logits_at_temperature(right) is None
    assert np.allclose(right(A, L, 1.0), softmax(A) - np.eye(4)[L])
