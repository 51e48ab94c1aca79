"""The one-hidden-layer network: its backward pass, training, and both output layers."""

import numpy as np
import pytest

from helpers import norm_relative_error
from helpers.training.data import diabetes_split, digits_split, with_standardised_target
from helpers.training.network import (
    LinearMSE,
    SoftmaxCrossEntropy,
    forward,
    gradient_check,
    init_parameters,
    predict_classes,
)
from helpers.training.sgd import TrainingSettings, train


@pytest.fixture(scope="module")
def digits():
    return digits_split()


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_backward_pass_matches_finite_differences_for_every_parameter(digits, activation):
    params = init_parameters(64, 32, 10, seed=0)
    checks = gradient_check(params, digits.x_train[:5], digits.labels_train[:5], SoftmaxCrossEntropy(), activation)
    assert set(checks) == {"W_hidden", "b_hidden", "W_out", "b_out"}
    for check in checks.values():
        assert check.norm_error < 1e-7
        assert check.worst_entry_difference < 1e-9


def test_mse_output_backward_pass_matches_finite_differences():
    data, _ = with_standardised_target(diabetes_split())
    checks = gradient_check(init_parameters(10, 8, 1, seed=0), data.x_train[:5], data.y_train[:5], LinearMSE())
    assert max(check.norm_error for check in checks.values()) < 1e-7


def test_initial_loss_is_close_to_log_k(digits):
    params = init_parameters(64, 64, 10, seed=0)
    loss, _ = SoftmaxCrossEntropy().loss_and_grad(forward(params, digits.x_train).a_L, digits.labels_train)
    assert loss == pytest.approx(np.log(10), abs=0.01)


def test_training_is_seeded_and_learns_the_digits(digits):
    runs = []
    for _ in range(2):
        params = init_parameters(64, 64, 10, seed=0)
        settings = TrainingSettings(eta=0.05, epochs=10, batch_size=32, momentum=0.9, weight_decay=1e-3, seed=0)
        history = train(params, digits, SoftmaxCrossEntropy(), settings=settings)
        runs.append((history.held_out_accuracy[-1], params["W_out"].copy()))
    assert runs[0][0] == runs[1][0]
    np.testing.assert_array_equal(runs[0][1], runs[1][1])
    assert runs[0][0] > 0.95
    assert np.mean(predict_classes(params, digits.x_held_out) == digits.labels_held_out) == runs[0][0]


def test_norm_relative_error():
    assert norm_relative_error([3.0, 4.0], [3.0, 4.0]) == 0.0
    assert norm_relative_error([0.0], [0.0]) == 0.0
    assert norm_relative_error([1.0, 0.0], [-1.0, 0.0]) == pytest.approx(1.0)
