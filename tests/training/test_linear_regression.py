"""Data splits, the three equal gradients, and gradient descent on the MSE output layer."""

import numpy as np
import pytest

from helpers import linear_output, mse
from helpers.kernels.mse_three_ways import broadcast_then_sum, loop_over_examples, matrix_product
from helpers.training.data import diabetes_split, digits_split
from helpers.training.linear_regression import gradient_descent, largest_hessian_eigenvalue, least_squares


@pytest.fixture(scope="module")
def diabetes():
    return diabetes_split()


def test_diabetes_split_shapes_and_standardised_train_features(diabetes):
    assert diabetes.x_train.shape == (353, 10) and diabetes.y_train.shape == (353, 1)
    assert diabetes.x_held_out.shape == (89, 10) and diabetes.y_held_out.shape == (89, 1)
    np.testing.assert_allclose(diabetes.x_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(diabetes.x_train.std(axis=0), 1, rtol=1e-12)


def test_digits_split_is_stratified_80_20():
    digits = digits_split()
    assert digits.x_train.shape == (1437, 64) and digits.x_held_out.shape == (360, 64)
    assert np.all(np.isfinite(digits.x_train))
    counts = np.bincount(digits.labels_held_out, minlength=10)
    assert counts.min() >= 35 and counts.max() <= 37


def test_three_ways_agree_to_float64_precision():
    rng = np.random.default_rng(4)
    a, y, yhat = rng.normal(size=(50, 7)), rng.normal(size=(50, 1)), rng.normal(size=(50, 1))
    reference = matrix_product(a, y, yhat)
    np.testing.assert_allclose(loop_over_examples(a, y, yhat), reference, rtol=1e-12)
    np.testing.assert_allclose(broadcast_then_sum(a, y, yhat), reference, rtol=1e-12)


def test_gradient_descent_reaches_the_closed_form_test_loss_within_one_percent(diabetes):
    W_out, b = least_squares(diabetes.x_train, diabetes.y_train)
    closed_form = mse(diabetes.y_held_out, linear_output(diabetes.x_held_out, W_out, b))
    history = gradient_descent(diabetes, 0.1, 1000)
    assert not history.diverged
    assert abs(history.held_out_loss[-1] / closed_form - 1) < 0.01
    assert np.all(np.diff(history.train_loss) <= 0)


def test_learning_rate_limit_is_two_over_lambda_max(diabetes):
    limit = 2 / largest_hessian_eigenvalue(diabetes.x_train)
    below = gradient_descent(diabetes, 0.98 * limit, 400)
    above = gradient_descent(diabetes, 1.02 * limit, 2000)
    assert not below.diverged and below.train_loss[-1] < below.train_loss[0]
    assert above.diverged


def test_gradient_descent_refuses_a_non_positive_learning_rate(diabetes):
    with pytest.raises(ValueError, match="eta"):
        gradient_descent(diabetes, 0.0, 10)


def test_digits_test_images_are_the_raw_pixels_of_the_same_split():
    from helpers.training.data import digits_test_images

    images, standardised = digits_test_images(), digits_split().x_held_out
    assert images.shape == (360, 64) and images.min() == 0 and images.max() == 16
    # the same rows: standardising is an increasing map per pixel, so the order of values in a column is kept
    column = 20
    assert np.array_equal(
        np.argsort(images[:, column], kind="stable"), np.argsort(standardised[:, column], kind="stable")
    )


def test_gradient_descent_checks_its_arrays_once_by_name(diabetes):
    with pytest.raises(ValueError, match="split.y_train must be 2-D"):
        gradient_descent(diabetes._replace(y_train=diabetes.y_train[:, 0]), 0.1, 10)
    with pytest.raises(ValueError, match=r"split.x_held_out must have shape \(any, 10\)"):
        gradient_descent(diabetes._replace(x_held_out=diabetes.x_held_out[:, :3]), 0.1, 10)
    with pytest.raises(TypeError, match="split must be a RegressionSplit"):
        gradient_descent(digits_split(), 0.1, 10)
    with pytest.raises(ValueError, match="steps must be a positive integer"):
        gradient_descent(diabetes, 0.1, 2.5)


def test_settling_finds_the_first_entry_the_excursion_and_the_step_from_which_it_stays():
    from helpers.training.linear_regression import settling

    # reference 100, tolerance 1%: within at step 2, out again (to +3%) at step 4, within for good from step 5
    result = settling([200.0, 150.0, 100.5, 101.5, 103.0, 100.2, 100.0], reference=100.0, tolerance=0.01)
    assert (result.first_within, result.worst, result.stays_within) == (2, 4, 5)
    np.testing.assert_allclose(result.gaps[[0, 4]], [1.0, 0.03])
    never_out = settling([100.5, 100.2], reference=100.0, tolerance=0.01)
    assert (never_out.first_within, never_out.worst, never_out.stays_within) == (0, 0, 0)
    with pytest.raises(ValueError, match="must end within 1.0% of the reference"):
        settling([100.0, 105.0], reference=100.0, tolerance=0.01)
