"""A network with one hidden layer, built from the output-layer kernels of notebooks 1 to 3.

    z      = x W_hidden + b_hiddenᵀ      (m, hidden)   pre-activation of the hidden layer
    h      = g(z)                         (m, hidden)   g is ReLU or the sigmoid
    a_L    = h W_out + b_outᵀ             (m, k)        the output layer's pre-activation

The output layer decides the loss and the one gradient that starts the
backward pass, ∂L/∂a_L (it already holds the 1/m of the mean):

- ``SoftmaxCrossEntropy``: ŷ = softmax(a_L), L = mean of -log ŷ_ℓ, ∂L/∂a_L = (Ŷ - E)/m   (notebooks 1-2)
- ``LinearMSE``:           ŷ = a_L,          L = mean of (ŷ - y)²,   ∂L/∂a_L = (2/m)(ŷ - y) (notebook 3)

Everything after that gradient is the same for both, and every weight
gradient is notebook 3's matrix product: (input)ᵀ (gradient at the output).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from helpers.cross_entropy import cross_entropy_and_grad
from helpers.mse import mse, mse_grad_wrt_yhat
from helpers.sigmoid_mse import sigmoid
from helpers.softmax import softmax

Parameters = dict[str, np.ndarray]
ACTIVATIONS = ("relu", "sigmoid")


class OutputLayer(Protocol):
    """The loss at the output, and its gradient with respect to the output pre-activation a_L."""

    name: str

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]: ...


class SoftmaxCrossEntropy:
    """Softmax output with cross-entropy; ``targets`` are (m,) int class labels."""

    name = "softmax + cross-entropy"

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        return cross_entropy_and_grad(a_L, targets)


class LinearMSE:
    """Linear output with the mean squared error; ``targets`` are (m, 1) values."""

    name = "linear + MSE"

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        return mse(targets, a_L), mse_grad_wrt_yhat(targets, a_L)


def init_parameters(n_inputs: int, hidden: int, k: int, seed: int = 0) -> Parameters:
    """Seeded weights and zero biases: He initialisation (variance 2/fan-in) for the hidden layer and small
    output weights (standard deviation 0.01), so that every ŷ starts near 1/k and the first loss near ln k.

    Returns
    -------
    dict
        ``W_hidden`` (n_inputs, hidden), ``b_hidden`` (hidden, 1), ``W_out`` (hidden, k), ``b_out`` (k, 1).
    """
    rng = np.random.default_rng(seed)
    return {
        "W_hidden": rng.normal(0.0, np.sqrt(2.0 / n_inputs), size=(n_inputs, hidden)),
        "b_hidden": np.zeros((hidden, 1)),
        "W_out": rng.normal(0.0, 0.01, size=(hidden, k)),
        "b_out": np.zeros((k, 1)),
    }


@dataclass
class ForwardCache:
    """What the backward pass needs from the forward pass."""

    x: np.ndarray
    z: np.ndarray
    h: np.ndarray
    a_L: np.ndarray


def forward(params: Parameters, x: np.ndarray, activation: str = "relu") -> ForwardCache:
    """Run the network on a batch ``x`` of shape (m, n_inputs); ``cache.a_L`` (m, k) is the output pre-activation."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}; got {activation!r}")
    z = x @ params["W_hidden"] + params["b_hidden"].T
    h = np.maximum(z, 0.0) if activation == "relu" else sigmoid(z)
    a_L = h @ params["W_out"] + params["b_out"].T
    return ForwardCache(x=x, z=z, h=h, a_L=a_L)


def backward(params: Parameters, cache: ForwardCache, grad_a_L: np.ndarray, activation: str = "relu") -> Parameters:
    """Gradients of the loss with respect to every parameter, given ∂L/∂a_L of shape (m, k).

    Returns
    -------
    dict
        The same keys and shapes as ``params``.
    """
    grad_h = grad_a_L @ params["W_out"].T
    if activation == "relu":
        grad_z = grad_h * (cache.z > 0)
    else:
        grad_z = grad_h * cache.h * (1.0 - cache.h)
    return {
        "W_hidden": cache.x.T @ grad_z,
        "b_hidden": grad_z.sum(axis=0).reshape(-1, 1),
        "W_out": cache.h.T @ grad_a_L,
        "b_out": grad_a_L.sum(axis=0).reshape(-1, 1),
    }


def loss_and_gradients(
    params: Parameters, x: np.ndarray, targets: np.ndarray, output: OutputLayer, activation: str = "relu"
) -> tuple[float, Parameters]:
    """One forward and one backward pass: the loss on the batch and the gradient of every parameter."""
    cache = forward(params, x, activation)
    loss, grad_a_L = output.loss_and_grad(cache.a_L, targets)
    return loss, backward(params, cache, grad_a_L, activation)


@dataclass(frozen=True)
class ParameterCheck:
    """The backward pass against central differences for one parameter array."""

    norm_error: float  # ‖analytic - numeric‖ / (‖analytic‖ + ‖numeric‖)
    max_entry_error: float  # CS231n's entrywise relative error, the largest over the entries
    worst_entry_difference: float  # |analytic - numeric| at that entry


def gradient_check(
    params: Parameters, x: np.ndarray, targets: np.ndarray, output: OutputLayer, activation: str = "relu"
) -> dict[str, ParameterCheck]:
    """Compare the backward pass with central differences of the loss, for every parameter.

    The loss is ``output.loss_and_grad(...)[0]``, so an output layer whose
    gradient does not match its loss shows up here. Use a few examples.
    """
    from helpers.gradcheck import norm_relative_error, numerical_gradient

    _, analytic = loss_and_gradients(params, x, targets, output, activation)
    checks = {}
    for name in params:

        def loss_at(value: np.ndarray, name: str = name) -> float:
            return output.loss_and_grad(forward({**params, name: value}, x, activation).a_L, targets)[0]

        numeric = numerical_gradient(loss_at, params[name])
        entry_errors = np.abs(analytic[name] - numeric) / np.maximum(1e-8, np.abs(analytic[name]) + np.abs(numeric))
        worst = np.unravel_index(np.argmax(entry_errors), entry_errors.shape)
        checks[name] = ParameterCheck(
            norm_error=norm_relative_error(analytic[name], numeric),
            max_entry_error=float(entry_errors[worst]),
            worst_entry_difference=float(abs(analytic[name][worst] - numeric[worst])),
        )
    return checks


def predict_classes(params: Parameters, x: np.ndarray, activation: str = "relu") -> np.ndarray:
    """The most probable class of each row of ``x``: argmax of softmax(a_L), shape (m,)."""
    return np.argmax(softmax(forward(params, x, activation).a_L), axis=1)
