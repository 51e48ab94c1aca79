"""A network with one hidden layer, built from the output-layer kernels of notebooks 1 to 3.

    a_1    = x W_hidden + b_hiddenᵀ      (m, hidden)   pre-activation of the hidden layer
    h      = g(a_1)                       (m, hidden)   g is ReLU or the sigmoid
    a_L    = h W_out + b_outᵀ             (m, k)        the output layer's pre-activation

The output layer decides the loss and the one gradient that starts the
backward pass, ∂L/∂a_L (it already holds the 1/m of the mean):

- ``SoftmaxCrossEntropy``: ŷ = softmax(a_L), L = mean of -log ŷ_ℓ, ∂L/∂a_L = (Ŷ - E)/m   (notebooks 1-2)
- ``LinearMSE``:           ŷ = a_L,          L = mean of (ŷ - y)²,   ∂L/∂a_L = (2/m)(ŷ - y) (notebook 3)

Everything after that gradient is the same for both: the lines of
``helpers.training.backward_steps``, in a row (``unchecked_backward_into``).

``forward`` and ``backward`` check their arguments; ``unchecked_forward`` and
``unchecked_backward_into`` do the same arithmetic on arrays already checked,
and are what the training loop calls at every step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from helpers.kernels.activations import Activation, activation_named
from helpers.kernels.cross_entropy import unchecked_cross_entropy_and_grad
from helpers.kernels.gradcheck import entrywise_relative_error, norm_relative_error, numerical_gradient
from helpers.kernels.mse import unchecked_mse_and_grad_wrt_yhat
from helpers.kernels.validation import as_class_labels, as_matrix, as_positive_integer, as_seed
from helpers.training.backward_steps import grad_through_activation, grad_wrt_bias, grad_wrt_h, grad_wrt_weights

Parameters = dict[str, np.ndarray]
PARAMETER_NAMES = ("W_hidden", "b_hidden", "W_out", "b_out")


class OutputLayer(Protocol):
    """The loss at the output, and its gradient with respect to the output pre-activation a_L."""

    reports_accuracy: bool  # whether the outputs are classes, so that an accuracy means something

    def check_targets(self, targets: object, m: int, k: int, name: str = "targets") -> np.ndarray:
        """The targets of m examples for k outputs, checked; an error naming ``name`` if they do not fit."""
        ...

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        """The mean loss over the rows and ∂L/∂a_L, shape (m, k), on arrays already checked."""
        ...


class SoftmaxCrossEntropy:
    """Softmax output with cross-entropy; ``targets`` are (m,) int class labels."""

    reports_accuracy = True

    def check_targets(self, targets: object, m: int, k: int, name: str = "targets") -> np.ndarray:
        return as_class_labels(targets, k, m, name=name)

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        return unchecked_cross_entropy_and_grad(a_L, targets)


class LinearMSE:
    """Linear output with the mean squared error; ``targets`` are (m, k) values, (m, 1) for one output."""

    reports_accuracy = False

    def check_targets(self, targets: object, m: int, k: int, name: str = "targets") -> np.ndarray:
        return as_matrix(targets, name, (m, k))

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        return unchecked_mse_and_grad_wrt_yhat(targets, a_L)


def init_parameters(n_inputs: int, hidden: int, k: int, seed: int = 0) -> Parameters:
    """Seeded weights and zero biases: He initialisation (variance 2/fan-in) for the hidden layer and small
    output weights (standard deviation 0.01), so that every ŷ starts near 1/k and the first loss near ln k.

    Returns
    -------
    dict
        ``W_hidden`` (n_inputs, hidden), ``b_hidden`` (hidden, 1), ``W_out`` (hidden, k), ``b_out`` (k, 1).
    """
    n_inputs = as_positive_integer(n_inputs, "n_inputs", "number of input features")
    hidden = as_positive_integer(hidden, "hidden", "number of hidden units")
    k = as_positive_integer(k, "k", "number of outputs")
    rng = np.random.default_rng(as_seed(seed))
    return {
        "W_hidden": rng.normal(0.0, np.sqrt(2.0 / n_inputs), size=(n_inputs, hidden)),
        "b_hidden": np.zeros((hidden, 1)),
        "W_out": rng.normal(0.0, 0.01, size=(hidden, k)),
        "b_out": np.zeros((k, 1)),
    }


def check_parameters(params: Parameters) -> Parameters:
    """Check that ``params`` holds the four arrays of ``init_parameters``, finite and of matching shapes."""
    if not isinstance(params, dict) or set(params) != set(PARAMETER_NAMES):
        got = sorted(params) if isinstance(params, dict) else type(params).__name__
        raise ValueError(f"params must be a dict with keys {list(PARAMETER_NAMES)}; got {got}")
    n_inputs, hidden = as_matrix(params["W_hidden"], "params['W_hidden']", (None, None)).shape
    k = as_matrix(params["W_out"], "params['W_out']", (hidden, None)).shape[1]
    as_matrix(params["b_hidden"], "params['b_hidden']", (hidden, 1))
    as_matrix(params["b_out"], "params['b_out']", (k, 1))
    return params


@dataclass
class ForwardCache:
    """What the backward pass needs from the forward pass."""

    x: np.ndarray
    a_1: np.ndarray
    h: np.ndarray
    a_L: np.ndarray


def unchecked_forward(params: Parameters, x: np.ndarray, activation: Activation) -> ForwardCache:
    """``forward`` on arrays already checked (the training loop's), with the ``Activation`` itself."""
    a_1 = x @ params["W_hidden"]
    a_1 += params["b_hidden"].T
    h = activation.function(a_1)
    a_L = h @ params["W_out"]
    a_L += params["b_out"].T
    return ForwardCache(x=x, a_1=a_1, h=h, a_L=a_L)


def unchecked_backward_into(
    grads: Parameters, params: Parameters, cache: ForwardCache, grad_a_L: np.ndarray, activation: Activation
) -> Parameters:
    """``backward`` on arrays already checked, written into the arrays of ``grads`` (the training loop's, which
    reuses them at every step): the lines of ``helpers.training.backward_steps`` in a row."""
    grad_h = grad_wrt_h(grad_a_L, params["W_out"])
    grad_a_1 = grad_through_activation(grad_h, cache.a_1, activation.derivative, out=grad_h)  # in place
    grad_wrt_weights(cache.x, grad_a_1, out=grads["W_hidden"])
    grad_wrt_bias(grad_a_1, out=grads["b_hidden"])
    grad_wrt_weights(cache.h, grad_a_L, out=grads["W_out"])
    grad_wrt_bias(grad_a_L, out=grads["b_out"])
    return grads


def _check_inputs(params: Parameters, x: object) -> np.ndarray:
    check_parameters(params)
    return as_matrix(x, "x", (None, params["W_hidden"].shape[0]))


def forward(params: Parameters, x: np.ndarray, activation: str = "relu") -> ForwardCache:
    """Run the network on a batch ``x`` of shape (m, n_inputs); ``cache.a_L`` (m, k) is the output pre-activation."""
    return unchecked_forward(params, _check_inputs(params, x), activation_named(activation))


def backward(params: Parameters, cache: ForwardCache, grad_a_L: np.ndarray, activation: str = "relu") -> Parameters:
    """Gradients of the loss with respect to every parameter, given ∂L/∂a_L of shape (m, k).

    Returns
    -------
    dict
        The same keys and shapes as ``params``.
    """
    hidden_activation = activation_named(activation)
    check_parameters(params)
    grad_a_L = as_matrix(grad_a_L, "grad_a_L", cache.a_L.shape)
    grads = {name: np.empty_like(value) for name, value in params.items()}
    return unchecked_backward_into(grads, params, cache, grad_a_L, hidden_activation)


@dataclass(frozen=True)
class ParameterCheck:
    """The backward pass against central differences for one parameter array."""

    norm_error: float  # ‖analytic - numeric‖ / (‖analytic‖ + ‖numeric‖)
    worst_entry_difference: float  # |analytic - numeric| at that entry


def gradient_check(
    params: Parameters, x: np.ndarray, targets: np.ndarray, output: OutputLayer, activation: str = "relu"
) -> dict[str, ParameterCheck]:
    """Compare the backward pass with central differences of the loss, for every parameter.

    The loss is ``output.loss_and_grad(...)[0]``, so an output layer whose
    gradient does not match its loss shows up here. Use a few examples.
    """
    cache = forward(params, x, activation)
    targets = output.check_targets(targets, cache.x.shape[0], params["W_out"].shape[1])
    analytic = backward(params, cache, output.loss_and_grad(cache.a_L, targets)[1], activation)
    hidden_activation = activation_named(activation)
    checks = {}
    for name in params:

        def loss_at(value: np.ndarray, name: str = name) -> float:  # checked once above: called twice per entry
            a_L = unchecked_forward({**params, name: value}, cache.x, hidden_activation).a_L
            return output.loss_and_grad(a_L, targets)[0]

        numeric = numerical_gradient(loss_at, params[name])
        entry_errors = entrywise_relative_error(analytic[name], numeric)
        worst = np.unravel_index(np.argmax(entry_errors), entry_errors.shape)
        checks[name] = ParameterCheck(
            norm_error=norm_relative_error(analytic[name], numeric),
            worst_entry_difference=float(abs(analytic[name][worst] - numeric[worst])),
        )
    return checks


def predict_classes(params: Parameters, x: np.ndarray, activation: str = "relu") -> np.ndarray:
    """The most probable class of each row of ``x``, shape (m,): the argmax of a_L, which is the argmax of
    ŷ = softmax(a_L) because the softmax keeps the order of the logits."""
    return np.argmax(forward(params, x, activation).a_L, axis=1)
