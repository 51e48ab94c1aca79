"""Bad input raises ValueError or TypeError naming the argument, never a warning or a NaN."""

import numpy as np
import pytest

import helpers as h
from helpers.kernels.validation import as_instance, as_learning_rate, as_positive_integer, as_real_number, as_seed

a3 = np.array([0.5, -1.0, 2.0])
yhat3 = np.array([0.2, 0.3, 0.5])
A = np.zeros((4, 3))
W = np.zeros((3, 1))
b = np.zeros((1, 1))
y_col = np.zeros((4, 1))

CASES = [
    # (call, exception, words the message must contain)
    (lambda: h.softmax(np.zeros((2, 3, 4))), ValueError, ["a", "1-D or 2-D", "(2, 3, 4)"]),
    (lambda: h.softmax(np.array([])), ValueError, ["a", "empty"]),
    (lambda: h.softmax([1.0, np.nan]), ValueError, ["a", "finite", "NaN"]),
    (lambda: h.softmax([1.0, np.inf]), ValueError, ["a", "finite"]),
    (lambda: h.softmax(["x", "y"]), TypeError, ["a", "real numbers"]),
    (lambda: h.softmax([True, False]), TypeError, ["a", "bool"]),
    (lambda: h.softmax([1 + 2j, 0j]), TypeError, ["a", "complex"]),
    (lambda: h.softmax(5.0), ValueError, ["a", "0-D"]),
    (lambda: h.softmax_jacobian(A), ValueError, ["a", "1-D", "(4, 3)"]),
    (lambda: h.cross_entropy(a3, 3), ValueError, ["l", "0..2", "3"]),
    (lambda: h.cross_entropy(a3, -1), ValueError, ["l", "0..2", "-1"]),
    (lambda: h.cross_entropy(a3, 1.0), TypeError, ["l", "integer", "float"]),
    (lambda: h.cross_entropy(a3, True), TypeError, ["l", "integer", "bool"]),
    (lambda: h.cross_entropy(A, np.array([0, 1, 2])), ValueError, ["l", "(4,)", "(3,)"]),
    (lambda: h.cross_entropy(A, np.array([0, 1, 2, 5])), ValueError, ["l", "0..2", "5"]),
    (lambda: h.cross_entropy(A, np.array([0.0, 1, 2, 1])), TypeError, ["l", "integer", "float64"]),
    (lambda: h.cross_entropy(A, 1), ValueError, ["l", "(4,)", "()"]),
    (lambda: h.grad_wrt_logits(a3, 7), ValueError, ["l", "0..2", "7"]),
    (lambda: h.grad_wrt_logits([np.nan, 0.0], 0), ValueError, ["a", "finite"]),
    (lambda: h.grad_wrt_yhat(np.array([0.5, 1.5, -1.0]), 0), ValueError, ["yhat", "[0, 1]", "-1", "1.5"]),
    (lambda: h.grad_wrt_yhat(np.array([0.0, 1.0]), 0), ValueError, ["yhat", "true class", "0"]),
    (lambda: h.grad_wrt_yhat(yhat3, 3), ValueError, ["l", "0..2"]),
    (lambda: h.grad_wrt_yhat(np.array([0.5, np.nan]), 0), ValueError, ["yhat", "finite"]),
    (lambda: h.negative_log_likelihood(np.array([0.0, 1.0]), 0), ValueError, ["yhat", "true class"]),
    (lambda: h.one_hot(4, 4), ValueError, ["l", "0..3", "4"]),
    (lambda: h.one_hot(1, 0), ValueError, ["k", "positive", "0"]),
    (lambda: h.one_hot(1, 2.0), ValueError, ["k", "positive", "2.0"]),
    (lambda: h.one_hot("1", 3), TypeError, ["l", "integer", "str"]),
    (lambda: h.mse(np.zeros(4), np.zeros((4, 1))), ValueError, ["y", "yhat", "same shape", "(4,)", "(4, 1)"]),
    (lambda: h.mse(np.zeros((4, 2)), np.zeros((4, 2))), ValueError, ["y", "(m,) or (m, 1)", "(4, 2)"]),
    (lambda: h.mse(np.zeros(3), np.zeros(4)), ValueError, ["same shape", "(3,)", "(4,)"]),
    (lambda: h.mse(np.zeros(3), np.array([0.0, np.inf, 0.0])), ValueError, ["yhat", "finite"]),
    (lambda: h.mse([], []), ValueError, ["y", "empty"]),
    (lambda: h.linear_output(A, np.zeros((2, 1)), b), ValueError, ["W_out", "(3, 1)", "(2, 1)"]),
    (lambda: h.linear_output(A, W, np.zeros((1, 2))), ValueError, ["b", "(1, 1)", "(1, 2)"]),
    (lambda: h.linear_output(np.zeros(3), W, b), ValueError, ["a", "2-D", "(3,)"]),
    (lambda: h.mse_grad_wrt_weights(np.zeros((5, 3)), y_col, y_col), ValueError, ["a", "(4, any)", "(5, 3)"]),
    (lambda: h.mse_grad_wrt_weights_per_example(A, y_col, np.zeros(4)), ValueError, ["same shape"]),
    (lambda: h.mse_grad_wrt_bias(y_col, np.zeros((4, 1, 1))), ValueError, ["yhat", "1-D or 2-D"]),
    (lambda: h.numerical_gradient("f", a3), TypeError, ["f", "callable", "str"]),
    (lambda: h.numerical_gradient(np.sum, a3, h=0.0), ValueError, ["h", "positive", "0.0"]),
    (lambda: h.relative_error(np.zeros(2), np.zeros(3)), ValueError, ["x", "y", "(2,)", "(3,)"]),
]


@pytest.mark.parametrize("call, exception, words", CASES)
def test_bad_input_raises_a_clear_error(call, exception, words):
    with pytest.raises(exception) as info:
        call()
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} missing from: {message}"


def test_no_numpy_warning_is_raised_for_bad_input():
    with np.errstate(all="raise"):
        with pytest.raises(ValueError):
            h.grad_wrt_yhat(np.array([0.0, 1.0]), 0)


def test_fused_kernel_and_mse_grad_wrt_yhat_check_their_input_too():
    with pytest.raises(ValueError, match="l must be a class index"):
        h.cross_entropy_and_grad(a3, 5)
    with pytest.raises(ValueError, match="same shape"):
        h.mse_grad_wrt_yhat(np.zeros(3), np.zeros((3, 1)))


def test_logits_further_apart_than_the_largest_float_get_a_named_error_not_a_warning():
    with pytest.raises(ValueError, match=r"a must have rows whose logits lie within 1.8e\+308"):
        h.softmax([-1e308, 1e308])
    with pytest.raises(ValueError, match="a must have rows"):
        h.cross_entropy_and_grad(np.array([[0.0, 1.0], [1e308, -1e308]]), np.array([0, 1]))
    # a wide but representable spread still gives finite results
    assert np.all(np.isfinite(h.grad_wrt_logits([-8e307, 8e307], 0)))
    assert h.cross_entropy([-8e307, 8e307], 1) == 0.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: h.softmax(np.ma.masked_array([1.0, 2.0, 3.0], mask=[0, 1, 0])),
        lambda: h.cross_entropy(a3, np.ma.masked_array(1, mask=True)),
        lambda: h.cross_entropy(A, np.ma.masked_array([0, 1, 2, 0], mask=[0, 0, 1, 0])),
        lambda: h.mse(np.ma.masked_array([1.0, 2.0]), np.array([1.0, 2.0])),
    ],
)
def test_a_masked_array_is_refused_by_name_rather_than_its_mask_ignored(call):
    with pytest.raises(TypeError, match="masked array"):
        call()


@pytest.mark.parametrize("value", [0, -3, 2.0, True, np.bool_(True), "3", None])
def test_a_count_must_be_a_positive_integer(value):
    with pytest.raises(ValueError, match=r"epochs must be a positive integer; got"):
        as_positive_integer(value, "epochs")


def test_a_count_names_what_it_counts_and_comes_back_as_an_int():
    with pytest.raises(ValueError, match="k must be a positive integer number of classes; got 0"):
        as_positive_integer(0, "k", "number of classes")
    assert as_positive_integer(np.int64(3), "k") == 3 and type(as_positive_integer(np.int64(3), "k")) is int


@pytest.mark.parametrize("value", [0.0, -0.1, float("nan"), float("inf"), True, "0.1", None])
def test_a_learning_rate_must_be_finite_and_positive(value):
    with pytest.raises(ValueError, match="eta must be a positive learning rate"):
        as_learning_rate(value)


def test_a_learning_rate_comes_back_as_a_float():
    assert as_learning_rate(np.float32(0.5)) == 0.5 and as_learning_rate(1) == 1.0


@pytest.mark.parametrize("value", [-1, 1.0, None, True, [1, 2]])
def test_a_seed_must_be_an_integer_at_least_zero(value):
    with pytest.raises(ValueError, match="seed must be an integer >= 0"):
        as_seed(value)


def test_a_seed_of_zero_is_a_seed():
    assert as_seed(0) == 0 and as_seed(np.uint8(7)) == 7


@pytest.mark.parametrize(
    "value, bounds",
    [(1.0, {"below": 1}), (-0.1, {"at_least": 0}), (0, {"above": 0}), (1.5, {"at_most": 1}), (True, {}), ("1", {})],
)
def test_a_real_number_out_of_its_bounds_is_refused_with_what_was_expected(value, bounds):
    with pytest.raises(ValueError, match=r"momentum must be in \[0, 1\); got"):
        as_real_number(value, "momentum", "in [0, 1)", **bounds)


def test_a_real_number_within_its_bounds_comes_back_as_a_float():
    assert as_real_number(np.float32(0.5), "x", "", above=0, below=1) == 0.5
    assert type(as_real_number(1, "x", "", at_least=1, at_most=1)) is float


def test_an_instance_of_another_type_is_named_with_the_types_expected():
    with pytest.raises(TypeError, match="split must be a tuple or a list; got dict"):
        as_instance({}, "split", tuple, list)
    assert as_instance([], "split", tuple, list) == []
