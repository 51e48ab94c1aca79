"""Each line of the backward pass matches central differences of its own forward map, writes into ``out`` what it
returns, and together they are ``network.backward``."""

import numpy as np
import pytest

from helpers.kernels.activations import unchecked_sigmoid, unchecked_sigmoid_derivative
from helpers.training.backward_steps import (
    grad_through_activation,
    grad_through_relu,
    grad_wrt_bias,
    grad_wrt_h,
    grad_wrt_weights,
    near_kinks,
    probe_check,
)
from helpers.training.network import backward, forward, init_parameters


@pytest.fixture
def layer(rng):
    m, n, u, k = 6, 5, 4, 3
    params = init_parameters(n, u, k, seed=3)
    params["b_hidden"] = rng.normal(size=(u, 1))
    x = rng.normal(size=(m, n))
    return params, x, rng.normal(size=(m, k)), rng.normal(size=(m, u))


def test_each_line_passes_its_own_probe(layer):
    params, x, grad_a_L, grad_a_1 = layer
    cache = forward(params, x)
    assert near_kinks(cache.a_1, 1e-3) == 0
    W_out, b_out = params["W_out"], params["b_out"]
    assert probe_check(lambda h: h @ W_out + b_out.T, cache.h, grad_a_L, grad_wrt_h(grad_a_L, W_out)) < 1e-7
    assert probe_check(lambda z: np.maximum(z, 0), cache.a_1, grad_a_1, grad_through_relu(grad_a_1, cache.a_1)) < 1e-7
    assert probe_check(lambda W: x @ W, params["W_hidden"], grad_a_1, grad_wrt_weights(x, grad_a_1)) < 1e-7
    hidden_layer = lambda b: x @ params["W_hidden"] + b.T  # noqa: E731
    assert probe_check(hidden_layer, params["b_hidden"], grad_a_1, grad_wrt_bias(grad_a_1)) < 1e-7


def test_the_line_through_any_activation_passes_its_probe(layer):
    params, x, _, grad_a_1 = layer
    a_1 = forward(params, x).a_1
    claimed = grad_through_activation(grad_a_1, a_1, unchecked_sigmoid_derivative)
    assert probe_check(unchecked_sigmoid, a_1, grad_a_1, claimed) < 1e-7


def test_each_line_writes_into_out_what_it_returns(layer):
    params, x, grad_a_L, grad_a_1 = layer
    a_1 = forward(params, x).a_1
    for line, arguments in (
        (grad_wrt_h, (grad_a_L, params["W_out"])),
        (grad_through_relu, (grad_a_1, a_1)),
        (grad_wrt_weights, (x, grad_a_1)),
        (grad_wrt_bias, (grad_a_1,)),
    ):
        returned = line(*arguments)
        out = np.full_like(returned, np.nan)
        assert line(*arguments, out=out) is out
        np.testing.assert_array_equal(out, returned, err_msg=line.__name__)


def test_a_wrong_line_fails_its_probe(layer):
    params, _, grad_a_L, _ = layer
    h = np.abs(layer[3]) + 0.1
    wrong = grad_a_L @ params["W_out"].T * 2
    assert probe_check(lambda v: v @ params["W_out"], h, grad_a_L, wrong) > 0.1


def test_the_lines_in_a_row_are_network_backward(layer):
    params, x, grad_a_L, _ = layer
    cache = forward(params, x)
    grads = backward(params, cache, grad_a_L)
    grad_a_1 = grad_through_relu(grad_wrt_h(grad_a_L, params["W_out"]), cache.a_1)
    assert np.allclose(grads["W_out"], grad_wrt_weights(cache.h, grad_a_L))
    assert np.allclose(grads["b_out"], grad_wrt_bias(grad_a_L))
    assert np.allclose(grads["W_hidden"], grad_wrt_weights(x, grad_a_1))
    assert np.allclose(grads["b_hidden"], grad_wrt_bias(grad_a_1))


def test_near_kinks_counts_pre_activations_within_the_margin():
    assert near_kinks(np.array([[-2e-6, 5e-6, 0.1], [0.0, -1.0, 2e-5]]), 1e-5) == 3
