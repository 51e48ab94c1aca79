"""Minibatch stochastic gradient descent, with momentum and weight decay as options, for ``helpers.training.network``.

``train`` checks its arguments once, then runs the loop on arrays known to be
good: no kernel in the loop checks its inputs again at every step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import ThreadpoolController

from helpers.kernels.activations import Activation, activation_named
from helpers.kernels.validation import as_matrix
from helpers.training.data import Split
from helpers.training.network import OutputLayer, Parameters, _forward, _gradients_into, check_parameters


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

# The loop multiplies small matrices (a minibatch of 32 rows by a hidden layer of about a hundred units), for which
# a second BLAS thread costs more in hand-over than it saves; on a machine busy with other work it made training
# four times slower. So the loop runs on one BLAS thread.
BLAS = ThreadpoolController()


def sgd_step(
    theta: np.ndarray, grad: np.ndarray, velocity: np.ndarray, eta: float, momentum: float, decay: np.ndarray
) -> None:
    """One update, in place, of parameters ``theta`` with gradient ``grad`` (all arrays of one shape):

        v ← momentum · v - η (∇L + decay · θ),   θ ← θ + v

    ``decay`` is weight_decay on the weights' entries and 0 on the biases' (see ``FlatParameters``): the
    gradient of the L2 penalty (weight_decay/2) ‖W‖². Plain SGD when momentum = 0 and decay = 0.
    ``grad`` is overwritten with ∇L + decay · θ.
    """
    grad += decay * theta
    velocity *= momentum
    velocity -= eta * grad
    theta += velocity


class FlatParameters:
    """Every parameter, its gradient and its velocity as views into three flat arrays, so that one
    ``sgd_step`` updates the whole network in five numpy operations instead of five per array.

    ``params`` and ``grads`` are dicts of views shaped like the network's arrays; ``decay`` holds
    ``weight_decay`` on the weights' entries (names starting with ``W``) and 0 on the biases'.
    """

    def __init__(self, params: Parameters, weight_decay: float) -> None:
        sizes = [value.size for value in params.values()]
        self.theta, self.grad, self.velocity, self.decay = (np.zeros(sum(sizes)) for _ in range(4))
        self.params, self.grads = {}, {}
        start = 0
        for (name, value), size in zip(params.items(), sizes, strict=True):
            piece = slice(start, start + size)
            self.params[name] = self.theta[piece].reshape(value.shape)
            self.params[name][...] = value
            self.grads[name] = self.grad[piece].reshape(value.shape)
            self.decay[piece] = weight_decay if name.startswith("W") else 0.0
            start += size

    def step(self, eta: float, momentum: float) -> None:
        """``sgd_step`` on every parameter, from the gradients written into ``self.grads``."""
        sgd_step(self.theta, self.grad, self.velocity, eta, momentum, self.decay)


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
    y_train = output.check_targets(data.y_train, a_train.shape[0], k, "data.y_train")
    y_test = output.check_targets(data.y_test, a_test.shape[0], k, "data.y_test")
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
    record: bool = True,
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
    record : bool
        Evaluate the loss (and accuracy) on the whole train and test sets before training and after each
        epoch. False skips that evaluation and returns an empty ``History``; the training is the same.

    Returns
    -------
    History
        Losses (and accuracies, when ``output.reports_accuracy``) before training and after each epoch.
    """
    if isinstance(eta, (bool, np.bool_)) or not (
        isinstance(eta, (int, float, np.floating)) and np.isfinite(eta) and eta > 0
    ):
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

    with BLAS.limit(limits=1, user_api="blas"):
        history = _train_checked(
            params, data, output, eta, epochs, batch_size, momentum, weight_decay, g, seed, on_epoch, record
        )
    return history


def _train_checked(
    params: Parameters,
    data: Split,
    output: OutputLayer,
    eta: float,
    epochs: int,
    batch_size: int,
    momentum: float,
    weight_decay: float,
    g: Activation,
    seed: int,
    on_epoch: EpochCallback | None,
    record: bool,
) -> History:
    rng = np.random.default_rng(seed)
    flat = FlatParameters(params, weight_decay)
    history = History()
    if record:
        _record(history, flat.params, data, output, g)
    for epoch in range(1, epochs + 1):
        for batch in epoch_order(rng, data.a_train.shape[0], batch_size):
            _gradients_into(flat.grads, flat.params, data.a_train[batch], data.y_train[batch], output, g)
            flat.step(eta, momentum)
        if record:
            _record(history, flat.params, data, output, g)
        if on_epoch is not None:
            on_epoch(epoch, history)
    for name, value in flat.params.items():
        params[name][...] = value
    return history
