"""Notebook 4's training loop against scikit-learn's MLPClassifier on the same digits split."""

from __future__ import annotations

from benchmarks.common import print_table, verdict
from helpers.training.data import digits_split
from helpers.training.digits_training import HIDDEN, SETTINGS, mlp_test_accuracy, our_test_accuracy
from helpers.training.timing import median_seconds


def run(quick: bool = False) -> None:
    data = digits_split()
    overrides = {"epochs": 2} if quick else {}
    epochs = overrides.get("epochs", SETTINGS["epochs"])
    repeats = 1 if quick else 5

    def ours():
        return our_test_accuracy(data, seed=0, **overrides)

    def library():
        return mlp_test_accuracy(data, seed=0)

    accuracy_ours, accuracy_library = ours(), library()
    seconds_ours = median_seconds(ours, repeats)
    seconds_library = median_seconds(library, max(1, repeats // 2))
    speedup = seconds_library / seconds_ours
    print_table(
        f"3. training on the digits (hidden {HIDDEN}, {epochs} epochs of SGD) against MLPClassifier (seed 0)",
        ["", "test accuracy", "time to train / ours"],
        [
            ["notebook 4", f"{100 * accuracy_ours:.2f}%", "1.0"],
            ["MLPClassifier", f"{100 * accuracy_library:.2f}%", f"{speedup:.1f}"],
        ],
    )
    print(
        f"goal at least as accurate: {verdict(accuracy_ours >= accuracy_library)}; "
        f"goal at least 10x faster: {verdict(speedup >= 10)} ({speedup:.1f}x)"
    )
