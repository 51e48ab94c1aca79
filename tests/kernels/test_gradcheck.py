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
    [
        (3.7e-12, "< 1e-08 (passes: below 1e-07)"),
        (0.0, "< 1e-08 (passes"),
        (9.99e-9, "< 1e-08 (passes"),
        (3e-8, "< 1e-07 (passes"),
        (1e-7, "= 1e-07 (FAILS"),
        (0.5, "= 0.5 (FAILS"),
    ],
)
def test_describe_relative_error_reports_only_what_every_machine_agrees_on(error, text):
    assert describe_relative_error(error).startswith(text)


def test_numerical_gradient_names_an_f_that_does_not_return_one_finite_number():
    with pytest.raises(TypeError, match=r"f must return a scalar; got an array of shape \(2,\) at x\[0\] \+ h"):
        numerical_gradient(lambda x: x, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"f must return a finite value; got nan at x\[1\]"):
        numerical_gradient(lambda x: x[0] if x[1] == 0 else float("nan"), [1.0, 0.0])
    with pytest.raises(TypeError, match="f must return a real number"):
        numerical_gradient(lambda x: "loss", [1.0])
