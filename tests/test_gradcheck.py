"""numerical_gradient and relative_error themselves."""

import numpy as np
import pytest

from helpers import describe_relative_error, numerical_gradient, relative_error


def test_numerical_gradient_of_a_known_function():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    numeric = numerical_gradient(lambda z: float(np.sum(z**3)), x)
    assert relative_error(numeric, 3 * x**2) < 1e-9


def test_numerical_gradient_leaves_its_input_unchanged_and_works_in_float64():
    x = np.array([1.0, 2.0], dtype=np.float32)
    before = x.copy()
    grad = numerical_gradient(lambda z: float(z.sum()), x)
    np.testing.assert_array_equal(x, before)
    assert grad.dtype == np.float64


def test_relative_error_follows_the_cs231n_definition():
    assert relative_error([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert relative_error([1.0], [3.0]) == pytest.approx(0.5)
    assert relative_error([1e-10], [0.0]) == pytest.approx(1e-10 / 1e-8)


def test_relative_error_flags_a_sign_error():
    assert relative_error([0.3, -0.3], [-0.3, 0.3]) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "error, text",
    [(3.7e-12, "< 1e-11 (passes: below 1e-07)"), (1e-12, "< 1e-11 (passes"), (0.0, "= 0 (passes"), (0.5, "= 0.5 (FAILS")],
)
def test_describe_relative_error_gives_the_power_of_ten_above(error, text):
    assert describe_relative_error(error).startswith(text)
