"""Choosing settings on a validation split: each setting trained from several seeds, compared by its lowest
validation loss, and the number of epochs read off the chosen setting's mean curve."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np

from helpers.kernels.validation import as_real_number
from helpers.training.data import LabelledSplit
from helpers.training.history import History
from helpers.training.network import SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import TrainingSettings, train

Key = TypeVar("Key", bound=Hashable)


def epochs_to_reach(losses: Sequence[float], tolerance: float) -> int:
    """The first epoch whose loss is within a fraction ``tolerance`` of the lowest, ``losses[0]`` being before
    training: the epochs worth spending, since later ones gain less than that fraction."""
    if len(losses) < 2:
        raise ValueError("losses must hold the loss before training and after at least one epoch")
    tolerance = as_real_number(tolerance, "tolerance", "a fraction >= 0", at_least=0)
    target = min(losses) * (1 + tolerance)
    epoch = next((epoch for epoch, loss in enumerate(losses) if epoch > 0 and loss <= target), None)
    if epoch is None:
        raise ValueError(
            f"losses must come within {tolerance:.0%} of their lowest after some epoch; the lowest, "
            f"{min(losses):.4g}, is the loss before training (did the run diverge?)"
        )
    return epoch


@dataclass(frozen=True)
class SeededRuns:
    """One setting trained from several seeds: each seed's ``History`` on the same split."""

    seeds: tuple[int, ...]
    histories: tuple[History, ...]

    @property
    def lowest_per_seed(self) -> np.ndarray:
        """Each seed's lowest held-out loss over its epochs, shape (seeds,)."""
        return np.array([min(history.held_out_loss) for history in self.histories])

    @property
    def mean_lowest(self) -> float:
        """The mean over the seeds of ``lowest_per_seed``: the setting's score (lower is better)."""
        return float(self.lowest_per_seed.mean())

    @property
    def mean_curve(self) -> np.ndarray:
        """The held-out loss at each epoch averaged over the seeds, shape (epochs + 1,)."""
        return np.mean([history.held_out_loss for history in self.histories], axis=0)

    def first(self, epochs: int) -> SeededRuns:
        """The same runs cut to their first ``epochs`` epochs (``History.first``): a shorter budget's runs."""
        return SeededRuns(self.seeds, tuple(history.first(epochs) for history in self.histories))

    def __str__(self) -> str:
        low, high = self.lowest_per_seed.min(), self.lowest_per_seed.max()
        seeds, best_epoch = len(self.seeds), int(np.argmin(self.mean_curve))
        return (
            f"each seed's lowest validation loss, averaged: {self.mean_lowest:.4f} ({seeds} seeds; {low:.4f} to "
            f"{high:.4f}); the mean curve is lowest at epoch {best_epoch}, at {self.mean_curve[best_epoch]:.4f}"
        )


def validation_runs(
    split: LabelledSplit, hidden: int, settings: TrainingSettings, seeds: Sequence[int] = (0, 1, 2)
) -> SeededRuns:
    """Train a softmax network with ``hidden`` ReLU units on ``split`` with ``settings``, once per seed (the seed
    both of the initial weights and of the order of the examples), recording both parts after every epoch."""
    histories = []
    for seed in seeds:
        params = init_parameters(split.x_train.shape[1], hidden, split.k, seed=seed)
        histories.append(train(params, split, SoftmaxCrossEntropy(), settings=replace(settings, seed=seed)))
    return SeededRuns(seeds=tuple(seeds), histories=tuple(histories))


def lowest_mean(runs: Mapping[Key, SeededRuns]) -> Key:
    """The setting whose ``mean_lowest`` is lowest."""
    return min(runs, key=lambda setting: runs[setting].mean_lowest)


def smallest_within_spread(runs: Mapping[int, SeededRuns]) -> int:
    """The smallest setting (e.g. hidden size) whose ``mean_lowest`` lies within the seeds' spread of the best
    setting: at or below the highest of the best setting's ``lowest_per_seed``."""
    ceiling = runs[lowest_mean(runs)].lowest_per_seed.max()
    return min(setting for setting, run in runs.items() if run.mean_lowest <= ceiling)
