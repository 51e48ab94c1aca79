"""Minibatch stochastic gradient descent, with momentum as an option, for ``helpers.network``."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from helpers.network import OutputLayer, Parameters, SoftmaxCrossEntropy, forward, loss_and_gradients


@dataclass
class History:
    """Per-epoch loss (and, for classes, accuracy) on the train and test sets; entry 0 is before training."""

    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)


class ProgressBar:
    """An ipywidgets progress bar for the epochs; it updates widget state only, so it adds no text to a cell."""

    def __init__(self, epochs: int) -> None:
        import ipywidgets as widgets
        from IPython.display import display

        self.bar = widgets.IntProgress(value=0, min=0, max=epochs, description="epochs")
        display(self.bar)

    def step(self) -> None:
        self.bar.value += 1


def _record(history: History, params: Parameters, data, output: OutputLayer, activation: str) -> None:
    for x, targets, losses, accuracies in (
        (data.a_train, data.y_train, history.train_loss, history.train_accuracy),
        (data.a_test, data.y_test, history.test_loss, history.test_accuracy),
    ):
        a_L = forward(params, x, activation).a_L
        loss, _ = output.loss_and_grad(a_L, targets)
        losses.append(loss)
        if isinstance(output, SoftmaxCrossEntropy):
            accuracies.append(float(np.mean(np.argmax(a_L, axis=1) == targets)))  # argmax of a_L is argmax of ŷ


def train(
    params: Parameters,
    data,
    output: OutputLayer,
    eta: float,
    epochs: int,
    batch_size: int = 32,
    momentum: float = 0.0,
    weight_decay: float = 0.0,
    activation: str = "relu",
    seed: int = 0,
    progress: bool = False,
) -> History:
    """Train ``params`` in place by minibatch SGD on ``data`` (a ``helpers.data.Split``).

    Each epoch shuffles the training set with a generator seeded by ``seed``
    and takes one step per minibatch:

        v ← momentum · v - η (∇L(batch) + weight_decay · θ),   θ ← θ + v

    (plain SGD when momentum = 0). Weight decay applies to the weights W, not
    to the biases; it is the gradient of (weight_decay/2) ||W||², an L2 penalty.

    Returns
    -------
    History
        Losses (and accuracies, for ``SoftmaxCrossEntropy``) before training and after each epoch.
    """
    if not eta > 0:
        raise ValueError(f"eta must be a positive learning rate; got {eta!r}")
    if not 0 <= momentum < 1:
        raise ValueError(f"momentum must be in [0, 1); got {momentum!r}")
    if not (isinstance(batch_size, (int, np.integer)) and batch_size >= 1):
        raise ValueError(f"batch_size must be a positive integer; got {batch_size!r}")
    rng = np.random.default_rng(seed)
    velocity = {name: np.zeros_like(value) for name, value in params.items()}
    history = History()
    _record(history, params, data, output, activation)
    bar = ProgressBar(epochs) if progress else None
    m = data.a_train.shape[0]
    for _ in range(epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            batch = order[start : start + batch_size]
            _, grads = loss_and_gradients(params, data.a_train[batch], data.y_train[batch], output, activation)
            for name in params:
                if name.startswith("W"):
                    grads[name] += weight_decay * params[name]
                velocity[name] = momentum * velocity[name] - eta * grads[name]
                params[name] += velocity[name]
        _record(history, params, data, output, activation)
        if bar is not None:
            bar.step()
    return history
