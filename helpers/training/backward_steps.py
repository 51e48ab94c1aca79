"""The backward pass of the one-hidden-layer network, one line of the chain rule per function.

In the slides' letters for one hidden layer (``ForwardCache`` holds x, a_1, h and a_L):

    a₁  = x W_hidden + b_hiddenᵀ   (m, u)     h = g(a₁)   (m, u)     a_L = h W_out + b_outᵀ   (m, k)

Each line maps the gradient at a layer's output, G, to the gradient at one
of its inputs. These functions are the backward pass: notebook 4 explains
them one by one, and ``helpers.training.network.backward``, which the
training loop runs at every step, calls them in a row. For that loop each
takes ``out``, an array to write the result into instead of allocating one.

A line is checked alone by a *probe*: the scalar P = Σ G ⊙ (the layer's
output), whose exact gradient with respect to that input is what the line
returns, so central differences of P test the line and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.kernels.activations import unchecked_relu_derivative
from helpers.kernels.gradcheck import norm_relative_error, numerical_gradient


def grad_wrt_h(grad_a_L: np.ndarray, W_out: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """∇_h = ∇_{a_L} W_outᵀ: (m, k) times (k, u) gives (m, u), h's shape."""
    return np.matmul(grad_a_L, W_out.T, out=out)


def grad_through_activation(
    grad_h: np.ndarray, a_1: np.ndarray, derivative: Callable[[np.ndarray], np.ndarray], out: np.ndarray | None = None
) -> np.ndarray:
    """∇_{a₁} = ∇_h ⊙ g'(a₁), (m, u): h = g(a₁) acts entry by entry, so each entry's gradient is scaled by its own
    slope. ``out`` may be ``grad_h`` itself."""
    return np.multiply(grad_h, derivative(a_1), out=out)


def grad_through_relu(grad_h: np.ndarray, a_1: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """∇_{a₁} = ∇_h ⊙ 1(a₁ > 0): h_ir = max(0, a₁_ir) passes the gradient where a₁_ir > 0 and blocks it elsewhere."""
    return grad_through_activation(grad_h, a_1, unchecked_relu_derivative, out)


def grad_wrt_weights(inputs: np.ndarray, grad_out: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """∇_W = (inputs)ᵀ ∇_{out}: (n, m) times (m, k) gives (n, k), W's shape; notebook 3's aᵀ(...) pattern."""
    return np.matmul(inputs.T, grad_out, out=out)


def grad_wrt_bias(grad_out: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """∇_b = the sum of ∇_{out}'s rows, as a column (k, 1): b is added to every row, so every row's gradient counts."""
    if out is None:
        out = np.empty((grad_out.shape[1], 1), dtype=grad_out.dtype)
    grad_out.sum(axis=0, out=out[:, 0])
    return out


def probe_check(
    layer: Callable[[np.ndarray], np.ndarray], point: np.ndarray, upstream: np.ndarray, claimed: np.ndarray
) -> float:
    """The norm-based relative error between ``claimed`` and central differences of P(v) = Σ upstream ⊙ layer(v)
    at ``point`` (norm-based, as for a whole layer in ``network.gradient_check``: a few entries with tiny true
    gradients would dominate an entrywise maximum).

    Parameters
    ----------
    layer : callable
        The forward map from the input being differentiated to the layer's output (shape of ``upstream``).
    point : ndarray
        Where to differentiate; ``claimed`` has its shape.
    upstream : ndarray
        The gradient G arriving at the layer's output.
    claimed : ndarray
        What the backward line returns for G.
    """
    numeric = numerical_gradient(lambda v: float(np.sum(upstream * layer(v))), point)
    return norm_relative_error(claimed, numeric)


def near_kinks(a_1: np.ndarray, margin: float) -> int:
    """How many pre-activations lie within ``margin`` of ReLU's kink at 0.

    A central difference that moves such an a₁ across 0 differentiates a
    different linear piece at x + h than at x - h, and the gradient check
    fails although the backward pass is right.
    """
    return int(np.sum(np.abs(a_1) < margin))
