"""Minibatch stochastic gradient descent, with momentum and weight decay as options, for ``helpers.training.network``.

``train`` checks its arguments once, then runs the loop on arrays known to be
good: no kernel in the loop checks its inputs again at every step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from helpers.kernels.activations import Activation, activation_named
from helpers.kernels.validation import as_matrix
from helpers.training.data import Split
from helpers.training.network import OutputLayer, Parameters, _forward, _loss_and_gradients, check_parameters


@dataclass
class History:
    """Per-epoch loss (and, when the output layer reports one, accuracy) on the train and test sets.

    Entry 0 is before training; entry t is after epoch t.
    """

    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)


EpochCallback = Callable[[int, History], None]


def sgd_step(
    params: Parameters,
    grads: Parameters,
    velocity: Parameters,
    eta: float,
    momentum: float = 0.0,
    weight_decay: float = 0.0,
) -> None:
    """One update of every parameter, in place:

        v ← momentum · v - η (∇L + weight_decay · θ),   θ ← θ + v

    Weight decay, the gradient of the L2 penalty (weight_decay/2) ‖W‖², applies
    to the weights (names starting with ``W``), never to the biases.
    """
    for name in params:
        grad = grads[name] + weight_decay * params[name] if name.startswith("W") else grads[name]
        velocity[name] *= momentum
        velocity[name] -= eta * grad
        params[name] += velocity[name]


def epoch_order(rng: np.random.Generator, m: int, batch_size: int) -> list[np.ndarray]:
    """One epoch's minibatches: a fresh permutation of the m example indices, cut into runs of ``batch_size``
    (the last may be shorter). Every example appears exactly once."""
    order = rng.permutation(m)
    return [order[start : start + batch_size] for start in range(0, m, batch_size)]


def _record(history: History, params: Parameters, data: Split, output: OutputLayer, g: Activation) -> None:
    for x, targets, losses, accuracies in (
        (data.a_train, data.y_train, history.train_loss, history.train_accuracy),
        (data.a_test, data.y_test, history.test_loss, history.test_accuracy),
    ):
        a_L = _forward(params, x, g).a_L
        loss, _ = output.loss_and_grad(a_L, targets)
        losses.append(loss)
        if output.reports_accuracy:
            accuracies.append(float(np.mean(np.argmax(a_L, axis=1) == targets)))  # argmax of a_L is argmax of ŷ


def _check_data(data: Split, params: Parameters, output: OutputLayer) -> Split:
    n_inputs, k = params["W_hidden"].shape[0], params["W_out"].shape[1]
    a_train = as_matrix(data.a_train, "data.a_train", (None, n_inputs))
    a_test = as_matrix(data.a_test, "data.a_test", (None, n_inputs))
    y_train = output.check_targets(data.y_train, a_train.shape[0], k)
    y_test = output.check_targets(data.y_test, a_test.shape[0], k)
    return Split(a_train, y_train, a_test, y_test)


def train(
    params: Parameters,
    data: Split,
    output: OutputLayer,
    eta: float,
    epochs: int,
    batch_size: int = 32,
    momentum: float = 0.0,
    weight_decay: float = 0.0,
    activation: str = "relu",
    seed: int = 0,
    on_epoch: EpochCallback | None = None,
) -> History:
    """Train ``params`` in place by minibatch SGD on ``data``.

    Each epoch visits every training example once, in an order drawn from a
    generator seeded by ``seed`` (new each epoch, the same for the same seed),
    and takes one ``sgd_step`` per minibatch. Plain SGD when momentum = 0.

    Parameters
    ----------
    params : dict
        As ``init_parameters`` makes it; updated in place.
    data : Split
        ``a_train`` (m, n_inputs) and its targets, ``a_test`` and its targets, as ``output`` takes them.
    output : OutputLayer
        ``SoftmaxCrossEntropy()`` or ``LinearMSE()``.
    on_epoch : callable, optional
        Called as ``on_epoch(epoch, history)`` after each epoch (1 to ``epochs``), e.g. a progress bar.

    Returns
    -------
    History
        Losses (and accuracies, when ``output.reports_accuracy``) before training and after each epoch.
    """
    if not (isinstance(eta, (int, float, np.floating)) and np.isfinite(eta) and eta > 0):
        raise ValueError(f"eta must be a positive learning rate; got {eta!r}")
    if not (isinstance(momentum, (int, float, np.floating)) and 0 <= momentum < 1):
        raise ValueError(f"momentum must be in [0, 1); got {momentum!r}")
    if not (isinstance(weight_decay, (int, float, np.floating)) and np.isfinite(weight_decay) and weight_decay >= 0):
        raise ValueError(f"weight_decay must be a finite number >= 0; got {weight_decay!r}")
    for name, value in (("epochs", epochs), ("batch_size", batch_size)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}")
    g = activation_named(activation)
    check_parameters(params)
    data = _check_data(data, params, output)

    rng = np.random.default_rng(seed)
    velocity = {name: np.zeros_like(value) for name, value in params.items()}
    history = History()
    _record(history, params, data, output, g)
    for epoch in range(1, epochs + 1):
        for batch in epoch_order(rng, data.a_train.shape[0], batch_size):
            _, grads = _loss_and_gradients(params, data.a_train[batch], data.y_train[batch], output, g)
            sgd_step(params, grads, velocity, eta, momentum, weight_decay)
        _record(history, params, data, output, g)
        if on_epoch is not None:
            on_epoch(epoch, history)
    return history
