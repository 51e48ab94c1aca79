"""Notebook 4's training loop against scikit-learn's MLPClassifier: time on one split, accuracy on five."""

from __future__ import annotations

from benchmarks.common import print_table, verdict
from helpers.training.data import digits_split
from helpers.training.digits_training import HIDDEN, SETTINGS, mlp_test_accuracy, our_test_accuracy
from helpers.training.timing import median_seconds

SPLIT_SEEDS = (0, 1, 2, 3, 4)  # random_state of the train/test split, also the seed of both models


def run(quick: bool = False) -> None:
    overrides = {"epochs": 2} if quick else {}
    epochs = overrides.get("epochs", SETTINGS.epochs)
    repeats = 1 if quick else 7
    seeds = SPLIT_SEEDS[:1] if quick else SPLIT_SEEDS

    data = digits_split(random_state=0)
    seconds_ours = median_seconds(lambda: our_test_accuracy(data, seed=0, **overrides), repeats)
    seconds_library = median_seconds(lambda: mlp_test_accuracy(data, seed=0), max(1, repeats // 2))
    speedup = seconds_library / seconds_ours

    rows, as_accurate = [], []
    for seed in seeds:
        split = digits_split(random_state=seed)
        ours, library = our_test_accuracy(split, seed=seed, **overrides), mlp_test_accuracy(split, seed=seed)
        as_accurate.append(ours >= library)
        rows.append([str(seed), f"{100 * ours:.2f}%", f"{100 * library:.2f}%", verdict(ours >= library)])
    print_table(
        f"3. training on the digits (hidden {HIDDEN}, {epochs} epochs of SGD) against MLPClassifier",
        ["split seed", "notebook 4", "MLPClassifier", "at least as accurate"],
        rows,
    )
    print(
        f"time to train on split seed 0, MLPClassifier / ours: {speedup:.1f} "
        f"(goal at least 10: {verdict(speedup >= 10)}); "
        f"at least as accurate on every seed: {verdict(all(as_accurate))} ({sum(as_accurate)} of {len(seeds)})"
    )
