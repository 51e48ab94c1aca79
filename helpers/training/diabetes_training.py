"""Notebook 4's regression run: the same network and loop with the MSE output on the diabetes data, from several
seeds, beside the linear model's closed form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from helpers.kernels.mse import linear_output, mse
from helpers.training.data import RegressionSplit
from helpers.training.linear_regression import least_squares
from helpers.training.network import LinearMSE, init_parameters
from helpers.training.sgd import TrainingSettings, train

REGRESSION_HIDDEN = 16
REGRESSION_SETTINGS = TrainingSettings(eta=0.01, epochs=50, batch_size=32, momentum=0.9, weight_decay=1e-3)


@dataclass(frozen=True)
class RegressionCurves:
    """MSE in the target's original units, one row per seed and one column per epoch (entry 0: before training),
    and the linear model's MSE on the same two parts."""

    train: np.ndarray
    validation: np.ndarray
    linear_train: float
    linear_validation: float

    @property
    def always_above_linear(self) -> bool:
        """Whether every seed's validation MSE is above the linear model's after every epoch."""
        return bool(np.all(self.validation[:, 1:] > self.linear_validation))

    def __str__(self) -> str:
        seeds, epochs = self.train.shape[0], self.train.shape[1] - 1
        return (
            f"after {epochs} epochs, {seeds} seeds: train MSE mean {self.train[:, -1].mean():.0f}, validation MSE "
            f"mean {self.validation[:, -1].mean():.0f}, lowest {self.validation[:, -1].min():.0f}\n"
            f"linear model (closed form): train MSE {self.linear_train:.0f}, "
            f"validation MSE {self.linear_validation:.0f}\n"
            f"every seed's validation MSE stays above the linear model's at every epoch: {self.always_above_linear}"
        )


def regression_curves(
    split: RegressionSplit,
    target_std: float,
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    hidden: int = REGRESSION_HIDDEN,
    settings: TrainingSettings = REGRESSION_SETTINGS,
) -> RegressionCurves:
    """Train the ReLU network with a linear MSE output on ``split`` (targets standardised, as
    ``with_standardised_target`` makes them) once per seed, and fit the linear model in closed form.

    ``target_std`` is the training target's standard deviation σ: an MSE times σ² is in the original units.
    """
    scale = target_std**2
    train_curves, validation_curves = [], []
    for seed in seeds:
        params = init_parameters(split.x_train.shape[1], hidden, 1, seed=seed)
        history = train(params, split, LinearMSE(), settings=replace(settings, seed=seed))
        train_curves.append(np.array(history.train_loss) * scale)
        validation_curves.append(np.array(history.held_out_loss) * scale)
    W_out, b = least_squares(split.x_train, split.y_train)
    return RegressionCurves(
        train=np.array(train_curves),
        validation=np.array(validation_curves),
        linear_train=mse(split.y_train, linear_output(split.x_train, W_out, b)) * scale,
        linear_validation=mse(split.y_held_out, linear_output(split.x_held_out, W_out, b)) * scale,
    )
