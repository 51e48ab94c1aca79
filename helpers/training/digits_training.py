"""Notebook 4's training settings on the digits, and the two runs it compares: this network and MLPClassifier."""

from __future__ import annotations

import warnings

import numpy as np
from sklearn.neural_network import MLPClassifier

from helpers.training.data import Split
from helpers.training.network import SoftmaxCrossEntropy, init_parameters, predict_classes
from helpers.training.sgd import train

# Chosen in notebook 4 on a validation split carved from the training set (weight decay, then hidden units, then
# epochs); η, the batch size and momentum are fixed, not tuned.
HIDDEN = 128
SETTINGS = dict(eta=0.05, epochs=18, batch_size=32, momentum=0.9, weight_decay=1e-2)


def our_test_accuracy(data: Split, seed: int, **overrides) -> float:
    """Train this network (``HIDDEN`` ReLU units, ``SETTINGS`` unless overridden) from ``seed``; its test accuracy."""
    params = init_parameters(data.a_train.shape[1], HIDDEN, int(data.y_train.max()) + 1, seed=seed)
    train(params, data, SoftmaxCrossEntropy(), **{**SETTINGS, **overrides}, seed=seed, record=False)
    return float(np.mean(predict_classes(params, data.a_test) == data.y_test))


def mlp_test_accuracy(data: Split, seed: int) -> float:
    """Train scikit-learn's MLPClassifier with the same hidden size and its defaults otherwise; its test accuracy.

    A convergence warning is raised as an error: a model stopped before it converged would make the comparison unfair.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), max_iter=300, random_state=seed)
        return float(model.fit(data.a_train, data.y_train).score(data.a_test, data.y_test))
