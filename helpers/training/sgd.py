"""Minibatch stochastic gradient descent, with momentum and weight decay as options, for ``helpers.training.network``.

``train`` is the whole loop: it checks its arguments once, then runs on arrays known to be good, so no kernel in
the loop checks its inputs again at every step. Its settings travel together in one ``TrainingSettings``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import numpy as np
from threadpoolctl import ThreadpoolController

from helpers.kernels.activations import Activation, activation_named
from helpers.kernels.validation import (
    as_instance,
    as_learning_rate,
    as_matrix,
    as_positive_integer,
    as_real_number,
    as_seed,
)
from helpers.training.data import LabelledSplit, RegressionSplit, Split
from helpers.training.history import History
from helpers.training.network import (
    OutputLayer,
    Parameters,
    check_parameters,
    unchecked_backward_into,
    unchecked_forward,
)


@dataclass(frozen=True)
class TrainingSettings:
    """Everything that decides a training run besides the data, the initial parameters and the output layer.

    Checked when made, so a bad value is refused by name before any training starts.

    Attributes
    ----------
    eta : float
        The learning rate η, > 0.
    epochs : int
        Passes over the training examples, >= 1.
    batch_size : int
        Examples per minibatch, >= 1 (the last batch of an epoch may be shorter).
    momentum : float
        In [0, 1); 0 is plain SGD.
    weight_decay : float
        λ >= 0: the L2 penalty (λ/2) ‖W‖² on the weights (not the biases), whose gradient λW each step adds.
    activation : str
        The hidden layer's g: "relu" or "sigmoid".
    seed : int
        Seeds the order in which the examples are visited.
    """

    eta: float
    epochs: int
    batch_size: int = 32
    momentum: float = 0.0
    weight_decay: float = 0.0
    activation: str = "relu"
    seed: int = 0

    def __post_init__(self) -> None:
        as_learning_rate(self.eta)
        as_positive_integer(self.epochs, "epochs")
        as_positive_integer(self.batch_size, "batch_size")
        as_real_number(self.momentum, "momentum", "in [0, 1)", at_least=0, below=1)
        as_real_number(self.weight_decay, "weight_decay", "a finite number >= 0", at_least=0)
        activation_named(self.activation)
        as_seed(self.seed)


EpochCallback = Callable[[int, History], None]


# The BLAS libraries loaded when they were last looked up, and how many modules Python had imported then.
_blas_libraries: tuple[int, ThreadpoolController] | None = None


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which every BLAS library loaded so far runs on one thread.

    The loop multiplies small matrices (a minibatch of 32 rows by a hidden layer of about a hundred units), for which
    a second BLAS thread costs more in hand-over than it saves; on a machine busy with other work it made training
    four times slower. The libraries are looked up again whenever a module has been imported since the last look,
    since a BLAS comes with an import (SciPy's, when scikit-learn is first used): a look takes 0.7 ms, about 1 % of
    a training run, which the check of ``len(sys.modules)`` saves on every later run.
    """
    global _blas_libraries
    if _blas_libraries is None or _blas_libraries[0] != len(sys.modules):
        controller = ThreadpoolController()
        _blas_libraries = (len(sys.modules), controller)
    return _blas_libraries[1].limit(limits=1, user_api="blas")


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


def weight_decay_term(params: Parameters, weight_decay: float) -> Parameters:
    """What the loop's update adds to each parameter's gradient for the weight decay, read off ``sgd_step`` itself:
    with zero gradients, no momentum and η = 1, one step moves θ by exactly -(that term). It should be λW for each
    weight array, the gradient of (λ/2) ‖W‖², and 0 for each bias.

    Returns
    -------
    dict
        The same keys and shapes as ``params``.
    """
    flat = FlatParameters(params, weight_decay)  # its gradients start at 0
    before = flat.theta.copy()
    flat.step(eta=1.0, momentum=0.0)
    added = FlatParameters(params, 0.0)
    added.theta[...] = before - flat.theta
    return {name: value.copy() for name, value in added.params.items()}


def epoch_order(rng: np.random.Generator, m: int, batch_size: int) -> list[np.ndarray]:
    """One epoch's minibatches: a fresh permutation of the m example indices, cut into runs of ``batch_size``
    (the last may be shorter). Every example appears exactly once."""
    order = rng.permutation(m)
    return [order[start : start + batch_size] for start in range(0, m, batch_size)]


def evaluate_into(
    history: History, params: Parameters, data: Split, output: OutputLayer, hidden_activation: Activation
) -> None:
    """Append the loss (and accuracy) on the whole training part and the whole held-out part to ``history``."""
    x_train, targets_train, x_held_out, targets_held_out = data
    for x, targets, losses, accuracies in (
        (x_train, targets_train, history.train_loss, history.train_accuracy),
        (x_held_out, targets_held_out, history.held_out_loss, history.held_out_accuracy),
    ):
        a_L = unchecked_forward(params, x, hidden_activation).a_L
        loss, _ = output.loss_and_grad(a_L, targets)
        losses.append(loss)
        if output.reports_accuracy:
            accuracies.append(float(np.mean(np.argmax(a_L, axis=1) == targets)))  # argmax of a_L is argmax of ŷ


def checked_split(data: Split, params: Parameters, output: OutputLayer) -> Split:
    """``data`` with each array checked against ``params``' sizes and ``output``'s targets, an error naming it."""
    as_instance(data, "data", LabelledSplit, RegressionSplit)
    n_inputs, k = params["W_hidden"].shape[0], params["W_out"].shape[1]
    x_train, targets_train, x_held_out, targets_held_out = data
    x_name, targets_name, x_held_out_name, targets_held_out_name = (f"data.{name}" for name in data._fields)
    x_train = as_matrix(x_train, x_name, (None, n_inputs))
    x_held_out = as_matrix(x_held_out, x_held_out_name, (None, n_inputs))
    targets_train = output.check_targets(targets_train, x_train.shape[0], k, targets_name)
    targets_held_out = output.check_targets(targets_held_out, x_held_out.shape[0], k, targets_held_out_name)
    return type(data)(x_train, targets_train, x_held_out, targets_held_out)


def train(
    params: Parameters,
    data: Split,
    output: OutputLayer,
    *,
    settings: TrainingSettings,
    on_epoch: EpochCallback | None = None,
    record: bool = True,
) -> History:
    """Train ``params`` (as ``init_parameters`` makes them) in place by minibatch SGD on ``data.x_train``.

    ``output`` is ``SoftmaxCrossEntropy()`` with a ``LabelledSplit`` or ``LinearMSE()`` with a ``RegressionSplit``.
    Returns the loss (and accuracy) on both parts of ``data`` before training and after each epoch;
    ``record=False`` skips that evaluation (the training is the same). ``on_epoch(epoch, history)`` is called
    after each epoch, e.g. by a progress bar.
    """
    as_instance(settings, "settings", TrainingSettings)
    data = checked_split(data, check_parameters(params), output)  # once: nothing below checks again
    x_train, targets_train, _, _ = data
    hidden_activation = activation_named(settings.activation)  # relu or the sigmoid, and its derivative
    rng = np.random.default_rng(settings.seed)  # the order of the examples: the same for the same seed
    flat = FlatParameters(params, settings.weight_decay)  # parameters, gradients, velocities: three flat arrays
    history = History()
    with one_blas_thread():
        if record:
            evaluate_into(history, flat.params, data, output, hidden_activation)  # entry 0: before training
        for epoch in range(1, settings.epochs + 1):
            for batch in epoch_order(rng, x_train.shape[0], settings.batch_size):  # shuffle, then cut
                cache = unchecked_forward(flat.params, x_train[batch], hidden_activation)  # a_1, h = g(a_1), a_L
                _, grad_a_L = output.loss_and_grad(cache.a_L, targets_train[batch])  # e.g. (Ŷ - E)/m
                unchecked_backward_into(
                    flat.grads, flat.params, cache, grad_a_L, hidden_activation
                )  # every ∇, into flat.grad
                flat.step(settings.eta, settings.momentum)  # v ← μ v - η (∇ + λ W),  θ ← θ + v
            if record:
                evaluate_into(history, flat.params, data, output, hidden_activation)  # after epoch `epoch`
            if on_epoch is not None:
                on_epoch(epoch, history)
    for name, value in flat.params.items():
        params[name][...] = value  # into the caller's arrays
    return history
