"""Notebook 3's figures draw a history they are given, without training."""

import numpy as np

from helpers.display.gradient_descent_figure import GradientDescentFigure
from helpers.training.history import History


def test_the_figure_draws_a_history_without_training():
    history = History(train_loss=[9e4, 5e4], held_out_loss=[8e4, 6e4])
    figure = GradientDescentFigure(closed_form_test_loss=3000.0)
    figure.draw(history, eta=0.1)
    np.testing.assert_array_equal(figure.train_line.get_ydata(), [9e4, 5e4])
    np.testing.assert_array_equal(figure.test_line.get_ydata(), [8e4, 6e4])
    assert figure.to_png().startswith(b"\x89PNG")


def test_the_settling_figure_marks_the_three_steps_on_the_test_gap_in_percent():
    from helpers.display.gradient_descent_figure import descent_and_settling_figure
    from helpers.training.linear_regression import settling

    history = History(
        train_loss=[9.0, 5.0, 4.0, 4.0, 4.0],
        held_out_loss=[200.0, 100.5, 103.0, 100.2, 100.0],
    )
    test = settling(history.held_out_loss, reference=100.0, tolerance=0.01)
    figure = descent_and_settling_figure(history, 100.0, test, eta=0.1)
    loss_axes, gap_axes = figure.axes
    np.testing.assert_allclose(gap_axes.get_lines()[0].get_ydata(), [100.0, 0.5, 3.0, 0.2, 0.0])
    marked = [line.get_xdata()[0] for line in gap_axes.get_lines()[1:]]
    assert marked == [test.first_within, test.worst, test.stays_within] == [1, 2, 3]
