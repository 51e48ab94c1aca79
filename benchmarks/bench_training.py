"""Notebook 4's training loop against its peers: scikit-learn's MLPClassifier (time on one split, accuracy on five)
and, where PyTorch is installed, the same loop written in PyTorch (``benchmarks.torch_peer``).

Every peer runs on as many BLAS threads as the loop does, so that a busy machine, which slows a second thread far
more than the first, does not tilt the ratio: ``train`` and ``mlp_held_out_accuracy`` each set a limit of one thread
themselves, and PyTorch is given the number read inside the loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from threadpoolctl import threadpool_info, threadpool_limits

from benchmarks.common import optional_module, print_table, verdict
from benchmarks.timing import median_seconds
from benchmarks.torch_peer import torch_test_accuracy
from helpers.training.data import LabelledSplit, digits_split
from helpers.training.digits_training import (
    DIGITS_HIDDEN,
    DIGITS_SETTINGS,
    mlp_held_out_accuracy,
    network_held_out_accuracy,
)
from helpers.training.network import SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import train

SPLIT_SEEDS = (0, 1, 2, 3, 4)  # random_state of the train/test split, also the seed of both models
Result = TypeVar("Result")


def blas_threads() -> int:
    """How many threads the BLAS libraries loaded in this process would use now (the most, if several are)."""
    return max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


def blas_threads_of_our_loop(data: LabelledSplit) -> int:
    """How many BLAS threads notebook 4's loop runs on, read from inside it during one epoch."""
    seen = []
    params = init_parameters(data.x_train.shape[1], DIGITS_HIDDEN, data.k, seed=0)
    one_epoch = replace(DIGITS_SETTINGS, epochs=1)
    train(params, data, SoftmaxCrossEntropy(), settings=one_epoch, record=False,
          on_epoch=lambda epoch, history: seen.append(blas_threads()))  # fmt: skip
    return seen[0]


def on_threads(threads: int, work: Callable[[], Result], torch=None) -> Result:
    """``work()`` with BLAS (and PyTorch's own pool, when ``torch`` is given) limited to ``threads`` threads."""
    before = torch.get_num_threads() if torch is not None else None
    try:
        if torch is not None:
            torch.set_num_threads(threads)
        with threadpool_limits(limits=threads, user_api="blas"):
            return work()
    finally:
        if torch is not None:
            torch.set_num_threads(before)


def run(quick: bool = False) -> None:
    overrides = {"epochs": 2} if quick else {}
    epochs = overrides.get("epochs", DIGITS_SETTINGS.epochs)
    repeats = 1 if quick else 7
    seeds = SPLIT_SEEDS[:1] if quick else SPLIT_SEEDS
    torch = optional_module("torch")

    data = digits_split(random_state=0)
    threads = blas_threads_of_our_loop(data)
    seconds_ours = median_seconds(lambda: network_held_out_accuracy(data, seed=0, **overrides), repeats)
    seconds_library = median_seconds(lambda: mlp_held_out_accuracy(data, seed=0), max(1, repeats // 2))
    speedup = seconds_library / seconds_ours
    if torch is not None:
        # Untimed: PyTorch's first training run pays a one-time set-up of its operators (seconds, not milliseconds).
        on_threads(threads, lambda: torch_test_accuracy(torch, data, seed=0, epochs=1), torch)
        seconds_torch = median_seconds(
            lambda: on_threads(threads, lambda: torch_test_accuracy(torch, data, seed=0, **overrides), torch), repeats
        )

    rows, as_accurate = [], []
    for seed in seeds:
        split = digits_split(random_state=seed)
        ours, library = (
            network_held_out_accuracy(split, seed=seed, **overrides),
            mlp_held_out_accuracy(split, seed=seed),
        )
        as_accurate.append(ours >= library)
        row = [str(seed), f"{100 * ours:.2f}%", f"{100 * library:.2f}%", verdict(ours >= library)]
        if torch is not None:
            same_loop = on_threads(threads, lambda split=split, seed=seed: torch_test_accuracy(
                torch, split, seed=seed, **overrides), torch)  # fmt: skip
            row.append(f"{100 * same_loop:.2f}%")
        rows.append(row)
    headers = ["split seed", "notebook 4", "MLPClassifier", "at least as accurate"]
    print_table(
        f"3. training on the digits (hidden {DIGITS_HIDDEN}, {epochs} epochs of SGD) against MLPClassifier"
        f"{' and the same loop in PyTorch' if torch is not None else ''}, every one on {threads} BLAS thread(s)",
        headers + (["PyTorch, same loop"] if torch is not None else []),
        rows,
    )
    print(
        f"time to train on split seed 0, MLPClassifier / ours: {speedup:.1f} "
        f"(goal at least 10: {verdict(speedup >= 10)}); "
        f"at least as accurate on every seed: {verdict(all(as_accurate))} ({sum(as_accurate)} of {len(seeds)})"
    )
    if torch is None:
        print("the same loop in PyTorch: skipped, PyTorch is not installed (.venv/bin/pip install torch to add it)")
    else:
        print(
            f"time to train on split seed 0, the same loop in PyTorch / ours: {seconds_torch / seconds_ours:.1f} "
            f"(PyTorch {torch.__version__}, float64 as ours, same initial weights and minibatches)"
        )
