"""The sigmoid-with-MSE comparison: its gradient is right and vanishes when saturated."""

import numpy as np

from helpers import numerical_gradient, relative_error
from helpers.kernels.sigmoid_mse import sigmoid, sigmoid_mse, sigmoid_mse_grad_wrt_logit


def test_gradient_matches_finite_differences():
    z = np.array([-2.0, -0.3, 0.0, 1.7])
    numeric = numerical_gradient(lambda x: float(sigmoid_mse(x, 1.0).sum()), z)
    assert relative_error(sigmoid_mse_grad_wrt_logit(z, 1.0), numeric) < 1e-7


def test_sigmoid_is_stable_and_symmetric():
    z = np.array([-1e4, -5.0, 0.0, 5.0, 1e4])
    s = sigmoid(z)
    assert np.all(np.isfinite(s))
    np.testing.assert_allclose(s + sigmoid(-z), 1.0, rtol=1e-15)


def test_gradient_vanishes_when_saturated_at_the_wrong_answer():
    assert abs(sigmoid_mse_grad_wrt_logit(np.array([-20.0]), 1.0)[0]) < 1e-7
