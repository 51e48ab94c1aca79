"""The one-change pairings: sigmoid with cross-entropy keeps its push, softmax with squared error loses it."""

import numpy as np
import pytest

from helpers import numerical_gradient, one_hot, relative_error, softmax, softmax_jacobian
from helpers.kernels.output_pairings import (
    sigmoid_cross_entropy,
    sigmoid_cross_entropy_grad_wrt_logit,
    softmax_mse_grad_wrt_logits,
)


@pytest.mark.parametrize("y", [0.0, 0.3, 1.0])
def test_sigmoid_cross_entropy_gradient_matches_finite_differences(y, rng):
    z = rng.normal(scale=3.0, size=6)
    numeric = numerical_gradient(lambda x: float(sigmoid_cross_entropy(x, y).sum()), z)
    assert relative_error(sigmoid_cross_entropy_grad_wrt_logit(z, y), numeric) < 1e-7


def test_sigmoid_cross_entropy_is_the_negative_log_likelihood_and_stays_finite(rng):
    z = rng.normal(size=5)
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(sigmoid_cross_entropy(z, 0.25), -(0.25 * np.log(p) + 0.75 * np.log(1 - p)), rtol=1e-12)
    extreme = np.array([-1e4, 1e4])
    np.testing.assert_array_equal(sigmoid_cross_entropy(extreme, 1.0), [1e4, 0.0])
    np.testing.assert_array_equal(sigmoid_cross_entropy_grad_wrt_logit(extreme, 1.0), [-1.0, 0.0])


@pytest.mark.parametrize("k", [2, 5])
def test_softmax_mse_gradient_matches_finite_differences_and_the_jacobian(k, rng):
    a, l = rng.normal(size=k), k - 1
    gradient = softmax_mse_grad_wrt_logits(a, l)

    def squared_error(logits):  # L = Σ_i (ŷ_i - e(ℓ)_i)², written here as the lecture writes it
        return float(np.sum((softmax(logits) - one_hot(l, k)) ** 2))

    assert relative_error(gradient, numerical_gradient(squared_error, a)) < 1e-7
    np.testing.assert_allclose(gradient, softmax_jacobian(a).T @ (2 * (softmax(a) - one_hot(l, k))), atol=1e-15)


def test_only_the_loss_decides_whether_a_badly_wrong_class_still_gets_pushed():
    wrong = np.array([-20.0, 0.0, 0.0, 0.0])  # the true class 0 far below the others
    assert sigmoid_cross_entropy_grad_wrt_logit(-20.0, 1.0) == pytest.approx(-1.0, abs=1e-8)
    assert abs(softmax_mse_grad_wrt_logits(wrong, 0)[0]) < 1e-8
    assert np.all(np.isfinite(softmax_mse_grad_wrt_logits(np.array([-1e4, 0.0, 1e4]), 0)))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: sigmoid_cross_entropy(0.0, 2.0), ValueError, "y must be a target in"),
        (lambda: sigmoid_cross_entropy_grad_wrt_logit([0.0, np.nan], 1.0), ValueError, "z must be finite"),
        (lambda: softmax_mse_grad_wrt_logits(np.zeros((2, 3)), 0), ValueError, "a must be 1-D"),
        (lambda: softmax_mse_grad_wrt_logits(np.zeros(3), 3), ValueError, "l must be a class index"),
        (lambda: softmax_mse_grad_wrt_logits(np.zeros(3), 1.0), TypeError, "l must be an integer"),
    ],
)
def test_bad_input_is_refused_by_name(call, error, words):
    with pytest.raises(error, match=words):
        call()
