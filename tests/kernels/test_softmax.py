"""softmax, the log-softmax cross_entropy uses, and softmax_jacobian: gradient checks and identities."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import numerical_gradient, relative_error, softmax, softmax_jacobian
from helpers.kernels.softmax import unchecked_log_softmax
from tests.strategies import logits


@given(logits())
def test_softmax_rows_are_probabilities_summing_to_one(a):
    yhat = softmax(a)
    assert np.all(yhat >= 0)
    assert yhat.sum() == pytest.approx(1.0, abs=1e-12)


@given(logits(bound=1e3), st.floats(-1e3, 1e3))
def test_softmax_is_shift_invariant(a, c):
    np.testing.assert_allclose(softmax(a + c), softmax(a), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@given(data=st.data())
def test_extreme_logits_stay_finite(dtype, data):
    a = data.draw(logits(dtype=dtype))
    assert softmax(a).dtype == dtype
    assert np.all(np.isfinite(softmax(a)))
    assert np.all(np.isfinite(unchecked_log_softmax(a)))
    assert np.all(np.isfinite(softmax_jacobian(a)))


def test_log_softmax_at_huge_gap_is_finite_where_softmax_underflows():
    a = np.array([1e4, -1e4, 0.0])
    assert softmax(a)[1] == 0.0
    assert unchecked_log_softmax(a)[1] == pytest.approx(-2e4)


def test_log_softmax_equals_log_of_softmax_for_moderate_logits(rng):
    a = rng.normal(size=(5, 7))
    np.testing.assert_allclose(unchecked_log_softmax(a), np.log(softmax(a)), rtol=1e-13)


def test_batch_softmax_equals_a_loop_over_rows(rng):
    a = rng.normal(size=(6, 4))
    np.testing.assert_array_equal(softmax(a), np.stack([softmax(row) for row in a]))


@pytest.mark.parametrize("k", [2, 3, 10])
def test_softmax_jacobian_matches_finite_differences(k, rng):
    a = rng.normal(size=k)
    numeric = np.stack([numerical_gradient(lambda x, i=i: softmax(x)[i], a) for i in range(k)])
    assert relative_error(softmax_jacobian(a), numeric) < 1e-7


@pytest.mark.parametrize("k", [2, 5])
def test_log_softmax_gradient_matches_finite_differences(k, rng):
    a = rng.normal(size=k)
    yhat = softmax(a)
    for i in range(k):
        analytic = np.eye(k)[i] - yhat  # ∂ log ŷ_i / ∂a = e(i) - ŷ
        assert relative_error(analytic, numerical_gradient(lambda x, i=i: unchecked_log_softmax(x)[i], a)) < 1e-7


@given(logits())
def test_softmax_jacobian_is_symmetric_with_rows_summing_to_zero(a):
    J = softmax_jacobian(a)
    np.testing.assert_array_equal(J, J.T)
    np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)


def test_softmax_jacobian_has_rank_k_minus_one(rng):
    J = softmax_jacobian(rng.normal(size=6))
    assert np.linalg.matrix_rank(J) == 5
