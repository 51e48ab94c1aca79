"""Notebook 4's regression run: curves in the original units, one per seed, beside the closed-form linear model."""

import numpy as np
import pytest

from helpers import linear_output, mse
from helpers.training.data import diabetes_validation_split, with_standardised_target
from helpers.training.diabetes_training import REGRESSION_SETTINGS, RegressionCurves, regression_curves
from helpers.training.linear_regression import least_squares


@pytest.fixture(scope="module")
def regression():
    return with_standardised_target(diabetes_validation_split())


def test_curves_are_per_seed_in_the_original_units(regression):
    split, target_std = regression
    curves = regression_curves(split, target_std, seeds=(0, 1))
    assert curves.train.shape == curves.validation.shape == (2, REGRESSION_SETTINGS.epochs + 1)
    assert not np.array_equal(curves.validation[0], curves.validation[1])
    W_out, b = least_squares(split.x_train, split.y_train)
    linear = mse(split.y_held_out, linear_output(split.x_held_out, W_out, b)) * target_std**2
    assert curves.linear_validation == pytest.approx(linear, rel=1e-12)
    # before training, W_out is small, so ŷ ≈ 0 and the MSE is the standardised target's mean square times σ²
    assert curves.train[0, 0] == pytest.approx(np.mean(split.y_train**2) * target_std**2, rel=0.05)


def test_always_above_linear_looks_at_every_epoch_after_the_first():
    curves = RegressionCurves(np.ones((2, 3)), np.array([[9.0, 5.0, 6.0], [9.0, 4.0, 6.0]]), 1.0, 4.5)
    assert not curves.always_above_linear
    assert "stays above the linear model's at every epoch: False" in str(curves)
    assert RegressionCurves(np.ones((1, 2)), np.array([[1.0, 5.0]]), 1.0, 4.5).always_above_linear  # not epoch 0
