"""The hidden layer's activations: values, derivatives against central differences, and named errors."""

import numpy as np
import pytest

from helpers import numerical_gradient, relative_error
from helpers.kernels.activations import ACTIVATIONS, activation_named, sigmoid


def test_relu_and_sigmoid_values():
    np.testing.assert_array_equal(ACTIVATIONS["relu"].function(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])
    np.testing.assert_allclose(sigmoid([0.0, np.log(3.0)]), [0.5, 0.75], rtol=1e-15)
    assert np.all(np.isfinite(sigmoid([-1e4, 1e4]))) and sigmoid([-1e4])[0] == 0.0


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_each_derivative_matches_central_differences_away_from_kinks(name, rng):
    z = rng.normal(size=12)
    z[np.abs(z) < 1e-3] = 0.5  # ReLU has no derivative at 0
    activation = activation_named(name)
    for j in range(z.size):
        numeric = numerical_gradient(lambda x, j=j: activation.function(x)[j], z)
        analytic = np.zeros_like(z)
        analytic[j] = activation.derivative(z)[j]
        assert relative_error(analytic, numeric) < 1e-7


def test_an_unknown_activation_is_named_with_the_choices():
    with pytest.raises(ValueError, match=r"activation must be one of \['relu', 'sigmoid'\]; got 'tanh'"):
        activation_named("tanh")
    with pytest.raises(TypeError, match="activation must be one of"):
        activation_named(None)


def test_the_checked_activations_refuse_bad_input_by_name():
    with pytest.raises(ValueError, match="z must be finite"):
        sigmoid([1.0, np.nan])
    with pytest.raises(TypeError, match="z must be an array of real numbers"):
        sigmoid(["a"])
