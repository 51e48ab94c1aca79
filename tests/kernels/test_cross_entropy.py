"""Cross-entropy and its gradients with respect to ŷ and to the logits a_L."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import (
    cross_entropy,
    grad_wrt_logits,
    grad_wrt_yhat,
    negative_log_likelihood,
    numerical_gradient,
    one_hot,
    relative_error,
    softmax,
    softmax_jacobian,
)
from tests.strategies import logits_and_class


def test_one_hot_single_and_batch():
    np.testing.assert_array_equal(one_hot(2, 4), [0, 0, 1, 0])
    np.testing.assert_array_equal(one_hot(np.array([0, 3]), 4), [[1, 0, 0, 0], [0, 0, 0, 1]])


def test_cross_entropy_is_minus_log_of_true_class_probability():
    a = np.array([2.0, 1.0, 0.1])
    assert cross_entropy(a, 0) == pytest.approx(-np.log(softmax(a)[0]), rel=1e-15)


def test_cross_entropy_of_uniform_logits_is_log_k():
    assert cross_entropy(np.zeros(10), 3) == pytest.approx(np.log(10), rel=1e-15)


@pytest.mark.parametrize("k, l", [(3, 0), (4, 2), (10, 9)])
def test_grad_wrt_yhat_matches_finite_differences(k, l, rng):
    yhat = softmax(rng.normal(size=k))
    numeric = numerical_gradient(lambda p: negative_log_likelihood(p, l), yhat, h=1e-7)
    assert relative_error(grad_wrt_yhat(yhat, l), numeric) < 1e-7


def test_grad_wrt_yhat_is_indicator_over_yhat_l(rng):
    yhat = softmax(rng.normal(size=5))
    np.testing.assert_array_equal(grad_wrt_yhat(yhat, 3), -(1 / yhat[3]) * one_hot(3, 5))


def test_batch_grad_wrt_yhat_matches_finite_differences_of_the_mean(rng):
    yhat = softmax(rng.normal(size=(4, 3)))
    l = np.array([0, 2, 1, 2])
    numeric = numerical_gradient(lambda p: negative_log_likelihood(p, l), yhat, h=1e-7)
    assert relative_error(grad_wrt_yhat(yhat, l), numeric) < 1e-7


@pytest.mark.parametrize("k, l", [(2, 1), (4, 0), (10, 7)])
def test_grad_wrt_logits_matches_finite_differences(k, l, rng):
    a = rng.normal(size=k)
    numeric = numerical_gradient(lambda x: cross_entropy(x, l), a)
    assert relative_error(grad_wrt_logits(a, l), numeric) < 1e-7


def test_batch_grad_wrt_logits_matches_finite_differences_of_the_mean(rng):
    a = rng.normal(size=(5, 4))
    l = np.array([3, 0, 0, 2, 1])
    numeric = numerical_gradient(lambda x: cross_entropy(x, l), a)
    assert relative_error(grad_wrt_logits(a, l), numeric) < 1e-7


def test_batch_functions_agree_with_a_loop_over_examples(rng):
    a = rng.normal(size=(6, 5))
    l = rng.integers(0, 5, size=6)
    m = len(l)
    assert cross_entropy(a, l) == pytest.approx(np.mean([cross_entropy(a[i], l[i]) for i in range(m)]), rel=1e-14)
    np.testing.assert_allclose(grad_wrt_logits(a, l), np.stack([grad_wrt_logits(a[i], l[i]) for i in range(m)]) / m)
    yhat = softmax(a)
    np.testing.assert_allclose(grad_wrt_yhat(yhat, l), np.stack([grad_wrt_yhat(yhat[i], l[i]) for i in range(m)]) / m)
    np.testing.assert_array_equal(one_hot(l, 5), np.stack([one_hot(int(c), 5) for c in l]))


@given(logits_and_class(bound=30.0))
def test_chain_rule_jacobian_transpose_times_grad_wrt_yhat_is_grad_wrt_logits(a_and_l):
    a, l = a_and_l
    chained = softmax_jacobian(a).T @ grad_wrt_yhat(softmax(a), l)
    np.testing.assert_allclose(chained, grad_wrt_logits(a, l), atol=1e-12)


@given(logits_and_class())
def test_logit_gradient_sums_to_zero_and_is_yhat_minus_e(a_and_l):
    a, l = a_and_l
    grad = grad_wrt_logits(a, l)
    assert abs(grad.sum()) < 1e-12
    np.testing.assert_array_equal(grad, softmax(a) - one_hot(l, a.shape[0]))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@given(data=st.data())
def test_loss_and_gradient_stay_finite_for_logits_within_1e4(dtype, data):
    a, l = data.draw(logits_and_class(dtype=dtype))
    assert np.isfinite(cross_entropy(a, l))
    grad = grad_wrt_logits(a, l)
    assert grad.dtype == dtype
    assert np.all(np.isfinite(grad))


def test_loss_of_a_confidently_wrong_prediction_is_exact_not_infinite():
    a = np.array([1e4, -1e4])
    assert cross_entropy(a, 1) == pytest.approx(2e4)
    np.testing.assert_array_equal(grad_wrt_logits(a, 1), [1.0, -1.0])


def independent_grad_wrt_logits(a: np.ndarray, l) -> np.ndarray:
    """ŷ - e(ℓ) (for a batch, (Ŷ - E)/m) written from the lecture's formula with numpy alone, in float64."""
    a = np.asarray(a, dtype=np.float64)
    exp_shifted = np.exp(a - a.max(axis=-1, keepdims=True))
    yhat = exp_shifted / exp_shifted.sum(axis=-1, keepdims=True)
    e = np.eye(a.shape[-1])[l]
    return yhat - e if a.ndim == 1 else (yhat - e) / a.shape[0]


@given(logits_and_class())
def test_fused_loss_equals_cross_entropy_and_its_gradient_the_lectures_formula(a_and_l):
    from helpers import cross_entropy_and_grad

    a, l = a_and_l
    loss, grad = cross_entropy_and_grad(a, l)
    assert loss == cross_entropy(a, l)
    np.testing.assert_allclose(grad, independent_grad_wrt_logits(a, l), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fused_batch_matches_the_lectures_formula_and_finite_differences(dtype, rng):
    from helpers import cross_entropy_and_grad

    a = (rng.normal(size=(64, 10)) * 50).astype(dtype)
    l = rng.integers(0, 10, size=64)
    loss, grad = cross_entropy_and_grad(a, l)
    assert loss == cross_entropy(a, l)
    assert grad.dtype == dtype
    tolerance = 1e-12 if dtype == np.float64 else 1e-6
    np.testing.assert_allclose(grad, independent_grad_wrt_logits(a, l), rtol=tolerance, atol=tolerance / 64)
    small = rng.normal(size=(4, 10))  # logits of order 1: central differences resolve every entry
    _, small_grad = cross_entropy_and_grad(small, l[:4])
    assert relative_error(small_grad, numerical_gradient(lambda x: cross_entropy(x, l[:4]), small)) < 1e-7
