"""Each explorer computes what the layers below compute for its controls, has its figure draw it, and returns the
reading shown beside it."""

import numpy as np

from helpers.display.explorers import (
    GradientDescentExplorer,
    GradWrtYhatExplorer,
    LoopExplorer,
    SoftmaxGradientExplorer,
)
from helpers.display.readings import LoopReading, read_grad_wrt_yhat, read_softmax_gradient
from helpers.training.data import diabetes_split
from helpers.training.history import History
from helpers.training.linear_regression import gradient_descent


def test_the_logit_explorers_read_the_kernels_and_draw_that(rng):
    a = rng.normal(size=4)
    explorer = GradWrtYhatExplorer(k=4)
    reading = explorer.draw(a, 2)
    np.testing.assert_array_equal(reading.grad, read_grad_wrt_yhat(a, 2).grad)
    assert f"{reading.loss:.4f}" in explorer.description
    softmax_explorer = SoftmaxGradientExplorer(k=4)
    reading = softmax_explorer.draw(a, 1, T=2.0)
    np.testing.assert_array_equal(reading.jacobian, read_softmax_gradient(a, 1, 2.0).jacobian)
    assert "T = 2.00" in softmax_explorer.description
    assert softmax_explorer.to_png().startswith(b"\x89PNG")


def test_the_gradient_descent_explorer_shows_what_gradient_descent_computes():
    split = diabetes_split()
    explorer = GradientDescentExplorer(split)
    reading = explorer.draw(0.2, 50)
    history = gradient_descent(split, 0.2, 50)
    assert reading.final_train_loss == history.train_loss[-1]
    assert reading.final_test_loss == history.held_out_loss[-1]
    np.testing.assert_array_equal(explorer.figure.test_line.get_ydata(), history.held_out_loss)


def test_the_loop_explorer_runs_the_function_it_is_given_and_draws_its_history():
    calls = []

    def run(eta, hidden):  # a stand-in for the page's loop: a history of 3 epochs that depends on both controls
        calls.append((eta, hidden))
        return History(
            train_loss=[2.3, 1.0, eta],
            held_out_loss=[2.3, 1.2, hidden / 100],
            train_accuracy=[0.1, 0.5, 0.9],
            held_out_accuracy=[0.1, 0.4, 0.8],
        )

    explorer = LoopExplorer(run, epochs=2)
    reading = explorer.draw(eta=0.5, hidden=16)
    assert calls == [(0.5, 16)]
    assert isinstance(reading, LoopReading)
    assert (reading.final_train_loss, reading.final_held_out_loss) == (0.5, 0.16)
    assert "validation 0.16" in str(reading) and "validation 80.0%" in str(reading)
    lines = [line for axes in explorer.figure.figure.axes for line in axes.get_lines()]
    assert any(list(line.get_ydata()) == [2.3, 1.0, 0.5] for line in lines)
    assert explorer.to_png().startswith(b"\x89PNG")
