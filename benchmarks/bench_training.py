"""Notebook 4's training loop against scikit-learn's MLPClassifier on the same digits split."""

from __future__ import annotations

import numpy as np
from sklearn.neural_network import MLPClassifier

from benchmarks.common import print_table, verdict
from helpers.data import digits_split
from helpers.network import SoftmaxCrossEntropy, init_parameters, predict_classes
from helpers.sgd import train
from helpers.timing import median_seconds

HIDDEN = 64
SETTINGS = dict(eta=0.05, epochs=15, batch_size=32, momentum=0.9, weight_decay=1e-3)  # notebook 4's


def run(quick: bool = False) -> None:
    data = digits_split()
    settings = {**SETTINGS, "epochs": 2} if quick else SETTINGS
    repeats = 1 if quick else 5

    def ours():
        params = init_parameters(64, HIDDEN, 10, seed=0)
        train(params, data, SoftmaxCrossEntropy(), **settings, seed=0)
        return np.mean(predict_classes(params, data.a_test) == data.y_test)

    def library():
        model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), max_iter=300, random_state=0)
        return model.fit(data.a_train, data.y_train).score(data.a_test, data.y_test)

    accuracy_ours, accuracy_library = ours(), library()
    seconds_ours = median_seconds(ours, repeats)
    seconds_library = median_seconds(library, max(1, repeats // 2))
    speedup = seconds_library / seconds_ours
    print_table(
        f"3. training on the digits (hidden {HIDDEN}, {settings['epochs']} epochs of SGD) against MLPClassifier (seed 0)",
        ["", "test accuracy", "time to train / ours"],
        [
            ["notebook 4", f"{100 * accuracy_ours:.2f}%", "1.0"],
            ["MLPClassifier", f"{100 * accuracy_library:.2f}%", f"{speedup:.1f}"],
        ],
    )
    print(f"goal at least as accurate: {verdict(accuracy_ours >= accuracy_library)}; "
          f"goal at least 10x faster: {verdict(speedup >= 10)} ({speedup:.1f}x)")
