"""Notebook 4's training settings on the digits, and the two runs it compares: this network and MLPClassifier."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import numpy as np

from helpers.training.data import LabelledSplit
from helpers.training.network import SoftmaxCrossEntropy, init_parameters, predict_classes
from helpers.training.sgd import TrainingSettings, one_blas_thread, train

# Chosen in notebook 4 on a validation split carved from the training set, on three seeds (weight decay, then hidden
# units, then epochs); η, the batch size and momentum are fixed, not tuned.
DIGITS_HIDDEN = 128
DIGITS_SETTINGS = TrainingSettings(eta=0.05, epochs=18, batch_size=32, momentum=0.9, weight_decay=1e-2)


def network_held_out_accuracy(data: LabelledSplit, seed: int, **overrides: object) -> float:
    """Train this network (``DIGITS_HIDDEN`` ReLU units, ``DIGITS_SETTINGS`` with ``overrides``) from ``seed`` on
    ``data``'s training part; its accuracy on the held-out part (the test set, where notebook 4 calls it)."""
    settings = replace(DIGITS_SETTINGS, **overrides, seed=seed)
    params = init_parameters(data.x_train.shape[1], DIGITS_HIDDEN, data.k, seed=seed)
    train(params, data, SoftmaxCrossEntropy(), settings=settings, record=False)
    return float(np.mean(predict_classes(params, data.x_held_out) == data.labels_held_out))


def mlp_held_out_accuracy(data: LabelledSplit, seed: int) -> float:
    """Train scikit-learn's MLPClassifier with the same hidden size and its defaults otherwise, on one BLAS thread as
    this network trains; its accuracy on ``data``'s held-out part. On a machine busy with other work,
    MLPClassifier's two threads made its five fits ten times slower (110 s against 11 s, the same accuracies).

    A convergence warning is raised as an error: a model stopped before it converged would make the comparison unfair.
    """
    from sklearn.neural_network import MLPClassifier  # here, not above: scikit-learn takes two seconds to import

    with one_blas_thread(), warnings.catch_warnings():
        warnings.simplefilter("error")
        model = MLPClassifier(hidden_layer_sizes=(DIGITS_HIDDEN,), max_iter=300, random_state=seed)
        return float(model.fit(data.x_train, data.labels_train).score(data.x_held_out, data.labels_held_out))


@dataclass(frozen=True)
class SeedComparison:
    """Both models' test accuracies, one per seed, on one split with ``n_test`` test images."""

    seeds: tuple[int, ...]
    ours: tuple[float, ...]
    library: tuple[float, ...]
    n_test: int

    @property
    def mean_difference_in_images(self) -> float:
        """|mean(ours) - mean(library)| in test images (one image is 1/n_test of accuracy)."""
        return abs(float(np.mean(self.ours)) - float(np.mean(self.library))) * self.n_test

    def __str__(self) -> str:
        lines = [f"{'seed':>4s}  {'this notebook':>13s}  {'MLPClassifier':>13s}"]
        for seed, ours, library in zip(self.seeds, self.ours, self.library, strict=True):
            lines.append(f"{seed:4d}  {100 * ours:12.2f}%  {100 * library:12.2f}%")
        lines.append(f"{'mean':>4s}  {100 * np.mean(self.ours):12.2f}%  {100 * np.mean(self.library):12.2f}%")
        lines.append(
            f"one test image is {100 / self.n_test:.2f} percentage points; the means differ by "
            f"{self.mean_difference_in_images:.1f} of one image"
        )
        return "\n".join(lines)


def compare_with_mlp(data: LabelledSplit, seeds: tuple[int, ...] = (0, 1, 2, 3, 4)) -> SeedComparison:
    """``network_held_out_accuracy`` and ``mlp_held_out_accuracy`` on ``data`` for each seed (both on one BLAS
    thread)."""
    return SeedComparison(
        seeds=tuple(seeds),
        ours=tuple(network_held_out_accuracy(data, seed) for seed in seeds),
        library=tuple(mlp_held_out_accuracy(data, seed) for seed in seeds),
        n_test=len(data.labels_held_out),
    )
