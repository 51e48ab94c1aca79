"""Notebook 4's training loop written in PyTorch, as a student would write it instead: the peer that does the same
work, for `make bench`'s training table. PyTorch is not a dependency; the caller passes the module in.

The same network (``nn.Linear``, ReLU, ``nn.Linear``) from the same initial weights (``init_parameters``), the same
float64 arithmetic, ``torch.optim.SGD`` with the same η and momentum and the weight decay on the two weight matrices
only, the same minibatches in the same order (``epoch_order`` from a generator seeded as ``train`` seeds it). Both
loops then compute the same numbers, up to rounding: a test compares the trained weights.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from helpers.training.data import LabelledSplit
from helpers.training.digits_training import DIGITS_HIDDEN, DIGITS_SETTINGS
from helpers.training.network import Parameters, init_parameters
from helpers.training.sgd import epoch_order


def torch_train(torch, data: LabelledSplit, seed: int, **overrides) -> tuple[object, Parameters]:
    """Train the PyTorch network on ``data`` with ``DIGITS_SETTINGS`` (unless overridden) from ``seed``; the model, and
    its trained parameters in this package's layout (``W_hidden`` (n_inputs, hidden), ``b_hidden`` (hidden, 1), ...)."""
    settings = replace(DIGITS_SETTINGS, **overrides)
    n_inputs, k = data.x_train.shape[1], data.k
    start = init_parameters(n_inputs, DIGITS_HIDDEN, k, seed=seed)
    hidden = torch.nn.Linear(n_inputs, DIGITS_HIDDEN, dtype=torch.float64)
    output = torch.nn.Linear(DIGITS_HIDDEN, k, dtype=torch.float64)
    with torch.no_grad():  # nn.Linear holds its weight as (out, in): the transpose of W
        hidden.weight.copy_(torch.from_numpy(start["W_hidden"].T))
        hidden.bias.copy_(torch.from_numpy(start["b_hidden"][:, 0]))
        output.weight.copy_(torch.from_numpy(start["W_out"].T))
        output.bias.copy_(torch.from_numpy(start["b_out"][:, 0]))
    model = torch.nn.Sequential(hidden, torch.nn.ReLU(), output)
    optimizer = torch.optim.SGD(
        [
            {"params": [hidden.weight, output.weight], "weight_decay": settings.weight_decay},
            {"params": [hidden.bias, output.bias], "weight_decay": 0.0},
        ],
        lr=settings.eta,
        momentum=settings.momentum,
    )
    x, y = torch.from_numpy(data.x_train), torch.from_numpy(data.labels_train).long()
    rng = np.random.default_rng(seed)
    for _ in range(settings.epochs):
        for batch in epoch_order(rng, x.shape[0], settings.batch_size):
            rows = torch.from_numpy(batch)
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(x[rows]), y[rows]).backward()
            optimizer.step()
    trained = {
        "W_hidden": hidden.weight.detach().numpy().T,
        "b_hidden": hidden.bias.detach().numpy()[:, None],
        "W_out": output.weight.detach().numpy().T,
        "b_out": output.bias.detach().numpy()[:, None],
    }
    return model, trained


def torch_test_accuracy(torch, data: LabelledSplit, seed: int, **overrides) -> float:
    """Train as ``torch_train`` does; the test accuracy."""
    model, _ = torch_train(torch, data, seed, **overrides)
    with torch.no_grad():
        predicted = model(torch.from_numpy(data.x_held_out)).argmax(dim=1).numpy()
    return float(np.mean(predicted == data.labels_held_out))
