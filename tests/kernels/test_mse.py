"""The linear output layer with MSE: gradients with respect to W_out and b."""

import numpy as np
import pytest

from helpers import (
    linear_output,
    mse,
    mse_grad_wrt_bias,
    mse_grad_wrt_weights,
    mse_grad_wrt_weights_per_example,
    numerical_gradient,
    relative_error,
)

m, u = 5, 4


@pytest.fixture
def layer(rng):
    a = rng.normal(size=(m, u))
    W_out = rng.normal(size=(u, 1))
    b = rng.normal(size=(1, 1))
    y = rng.normal(size=(m, 1))
    return a, W_out, b, y


def test_linear_output_is_a_w_plus_b(layer):
    a, W_out, b, _ = layer
    yhat = linear_output(a, W_out, b)
    assert yhat.shape == (m, 1)
    np.testing.assert_allclose(yhat[:, 0], [a[i] @ W_out[:, 0] + b[0, 0] for i in range(m)])


def test_mse_is_mean_of_squared_errors():
    assert mse(np.array([1.0, 2.0, 3.0]), np.array([1.0, 0.0, 6.0])) == pytest.approx((0 + 4 + 9) / 3)


def test_weight_gradient_matches_finite_differences(layer):
    a, W_out, b, y = layer
    numeric = numerical_gradient(lambda W: mse(y, linear_output(a, W, b)), W_out)
    assert relative_error(mse_grad_wrt_weights(a, y, linear_output(a, W_out, b)), numeric) < 1e-7


def test_bias_gradient_matches_finite_differences(layer):
    a, W_out, b, y = layer
    numeric = numerical_gradient(lambda bias: mse(y, linear_output(a, W_out, bias)), b)
    assert relative_error(mse_grad_wrt_bias(y, linear_output(a, W_out, b)), numeric) < 1e-7


def test_per_example_rows_match_finite_differences_of_each_example_loss(layer):
    a, W_out, b, y = layer
    stacked = mse_grad_wrt_weights_per_example(a, y, linear_output(a, W_out, b))
    assert stacked.shape == (m, u)
    for i in range(m):

        def loss_i(W, i=i):
            return float(((y[i] - linear_output(a[i : i + 1], W, b)) ** 2).item())

        assert relative_error(stacked[i], numerical_gradient(loss_i, W_out)[:, 0]) < 1e-7


def test_matrix_product_equals_mean_of_stacked_rows_and_a_loop(layer):
    a, W_out, b, y = layer
    yhat = linear_output(a, W_out, b)
    stacked_mean = mse_grad_wrt_weights_per_example(a, y, yhat).mean(axis=0).reshape(u, 1)
    loop = sum(2 * (yhat[i, 0] - y[i, 0]) * a[i] for i in range(m)).reshape(u, 1) / m
    np.testing.assert_allclose(mse_grad_wrt_weights(a, y, yhat), stacked_mean, rtol=1e-13)
    np.testing.assert_allclose(mse_grad_wrt_weights(a, y, yhat), loop, rtol=1e-13)


def test_flat_targets_give_the_same_results_as_column_targets(layer):
    a, W_out, b, y = layer
    yhat = linear_output(a, W_out, b)
    assert mse(y[:, 0], yhat[:, 0]) == mse(y, yhat)
    np.testing.assert_array_equal(mse_grad_wrt_weights(a, y[:, 0], yhat[:, 0]), mse_grad_wrt_weights(a, y, yhat))
    np.testing.assert_array_equal(mse_grad_wrt_bias(y[:, 0], yhat[:, 0]), mse_grad_wrt_bias(y, yhat))


def test_a_gradient_step_lowers_the_loss(layer):
    a, W_out, b, y = layer
    yhat = linear_output(a, W_out, b)
    W_next = W_out - 0.01 * mse_grad_wrt_weights(a, y, yhat)
    assert mse(y, linear_output(a, W_next, b)) < mse(y, yhat)


def test_grad_wrt_yhat_matches_finite_differences_and_feeds_the_weight_gradient(layer):
    from helpers import mse_grad_wrt_yhat

    a, W_out, b, y = layer
    yhat = linear_output(a, W_out, b)
    numeric = numerical_gradient(lambda p: mse(y, p), yhat)
    assert relative_error(mse_grad_wrt_yhat(y, yhat), numeric) < 1e-7
    np.testing.assert_allclose(a.T @ mse_grad_wrt_yhat(y, yhat), mse_grad_wrt_weights(a, y, yhat), rtol=1e-14)
