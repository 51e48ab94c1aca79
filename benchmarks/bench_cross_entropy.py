"""The loss and its logit gradient on a batch: the fused kernel against the separate ones, PyTorch and a copy."""

from __future__ import annotations

import numpy as np

from benchmarks.common import optional_module, print_table, verdict
from benchmarks.timing import median_seconds
from helpers import cross_entropy, cross_entropy_and_grad, one_hot, softmax


def torch_forward_backward(torch, logits, labels):
    """A function that computes PyTorch's mean cross-entropy of ``logits`` and its gradient, the fused kernel's
    peer."""

    def loss_and_grad():
        x = logits.detach().requires_grad_(True)
        loss = torch.nn.functional.cross_entropy(x, labels)
        loss.backward()
        return loss.item(), x.grad

    return loss_and_grad


def separate_loss_and_grad(a: np.ndarray, l: np.ndarray) -> tuple[float, np.ndarray]:
    """The loss and the gradient as two computations, each with its own softmax: the fused kernel's peer."""
    return cross_entropy(a, l), (softmax(a) - one_hot(l, a.shape[1])) / a.shape[0]


def run(quick: bool = False) -> None:
    m, k = (64, 10) if quick else (4096, 1000)
    repeats = 3 if quick else 15
    torch = optional_module("torch")
    if torch is not None:
        torch.set_num_threads(1)
    rows = []
    for dtype in (np.float32, np.float64):
        rng = np.random.default_rng(0)
        a = (5 * rng.normal(size=(m, k))).astype(dtype)
        l = rng.integers(0, k, size=m)
        out = np.empty_like(a)
        fused = median_seconds(lambda a=a, l=l: cross_entropy_and_grad(a, l), repeats)
        separate = median_seconds(lambda a=a, l=l: separate_loss_and_grad(a, l), repeats)
        copy = median_seconds(lambda a=a, out=out: np.copyto(out, a), repeats)
        if torch is not None:
            peer = median_seconds(torch_forward_backward(torch, torch.from_numpy(a), torch.from_numpy(l)), repeats)
            against_torch = f"{fused / peer:.2f} (goal <= 1.0: {verdict(fused <= peer)})"
        else:
            against_torch = "PyTorch not installed (pip install torch to compare)"
        against_copy = f"{fused / copy:.1f} (goal <= 3: {verdict(fused <= 3 * copy)})"
        rows.append([np.dtype(dtype).name, f"{separate / fused:.2f}", against_torch, against_copy])
    print_table(
        f"1. cross-entropy loss and logit gradient, m = {m}, k = {k} (PyTorch on 1 thread)",
        ["dtype", "separate / fused", "fused / PyTorch fwd+bwd", "fused / numpy copy of the same bytes"],
        rows,
    )
