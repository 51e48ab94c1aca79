"""The peers of `make bench`'s training table do the same work on equal terms: PyTorch (where it is installed) on as
many BLAS threads as notebook 4's loop, computing the very weights the loop does. (MLPClassifier sets the loop's one
thread itself: tests/training/test_digits_training.py.)"""

from dataclasses import replace

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from benchmarks import bench_training
from benchmarks.bench_training import blas_threads_of_our_loop
from benchmarks.torch_peer import torch_train
from helpers.training.data import digits_split
from helpers.training.digits_training import DIGITS_HIDDEN, DIGITS_SETTINGS
from helpers.training.network import SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import train


@pytest.fixture(scope="module")
def digits():
    return digits_split(random_state=0)


def test_the_loops_thread_count_is_read_inside_the_loop(digits):
    with threadpool_limits(limits=2, user_api="blas"):  # the loop sets its own limit inside this one
        inside = blas_threads_of_our_loop(digits)
    assert inside == 1, "train() runs on one BLAS thread (helpers/training/sgd.py)"


def test_the_pytorch_loop_trains_the_same_weights_as_notebook_4s(digits):
    torch = pytest.importorskip("torch", reason="PyTorch is not a dependency: make bench skips its peer without it")
    ours = init_parameters(digits.x_train.shape[1], DIGITS_HIDDEN, 10, seed=3)
    train(ours, digits, SoftmaxCrossEntropy(), settings=replace(DIGITS_SETTINGS, epochs=2, seed=3), record=False)
    _, theirs = torch_train(torch, digits, seed=3, epochs=2)
    for name, value in ours.items():
        np.testing.assert_allclose(theirs[name], value, rtol=1e-9, atol=1e-12, err_msg=name)


def test_without_pytorch_its_peer_is_skipped_with_a_printed_line(monkeypatch, capsys):
    monkeypatch.setattr(bench_training, "optional_module", lambda name: None)
    bench_training.run(quick=True)
    printed = capsys.readouterr().out
    assert "the same loop in PyTorch: skipped, PyTorch is not installed" in printed
    assert "PyTorch, same loop" not in printed  # no column for it in the table
