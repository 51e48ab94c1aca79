"""Notebook 4's figures name the held-out set they show, and draw what they are given."""

import numpy as np

from helpers.display.training_figures import (
    averaged_regression_curves,
    learning_curves,
    validation_loss_curves,
)
from helpers.training.diabetes_training import RegressionCurves
from helpers.training.history import History


def _history(rng, epochs=4):
    losses = list(np.sort(rng.uniform(0.1, 2.0, size=epochs + 1))[::-1])
    accuracies = list(np.sort(rng.uniform(0.5, 1.0, size=epochs + 1)))
    return History(losses, losses, accuracies, accuracies)


def test_learning_curves_label_the_held_out_set(rng):
    figure = learning_curves(_history(rng), held_out="validation")
    labels = [text.get_text() for ax in figure.axes for text in ax.get_legend().get_texts()]
    assert labels.count("validation") == 2 and "test" not in labels


def test_validation_loss_curves_draw_one_line_per_setting(rng):
    curves = {"λ = 0": _history(rng).held_out_loss, "λ = 0.01": _history(rng).held_out_loss}
    (ax,) = validation_loss_curves(curves, "64 hidden units").axes
    assert [line.get_label() for line in ax.get_lines()] == ["λ = 0", "λ = 0.01"]
    np.testing.assert_array_equal(ax.get_lines()[1].get_ydata(), curves["λ = 0.01"])


def test_averaged_regression_curves_draw_the_mean_of_the_seeds(rng):
    train, validation = rng.uniform(2500, 3000, size=(3, 6)), rng.uniform(3000, 4000, size=(3, 6))
    (ax,) = averaged_regression_curves(RegressionCurves(train, validation, 2700.0, 2800.0)).axes
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), validation.mean(axis=0))


def test_the_learning_curves_figure_draws_a_history_without_training():
    from helpers.display.training_figures import LearningCurvesFigure

    history = History(
        train_loss=[2.3, 0.5], held_out_loss=[2.3, 0.6], train_accuracy=[0.1, 0.9], held_out_accuracy=[0.1, 0.85]
    )
    figure = LearningCurvesFigure(epochs=1, held_out="validation")
    figure.draw(history)
    np.testing.assert_array_equal(figure.lines[3].get_ydata(), [10.0, 85.0])
    assert figure.to_png().startswith(b"\x89PNG")


def test_the_output_gradient_image_shows_the_gradient_on_a_scale_symmetric_about_zero(rng):
    from helpers import grad_wrt_logits
    from helpers.display.training_figures import output_gradient_image

    labels = rng.integers(0, 4, size=6)
    grad = grad_wrt_logits(rng.normal(size=(6, 4)), labels)
    figure = output_gradient_image(grad)
    image = figure.axes[0].get_images()[0]
    np.testing.assert_array_equal(image.get_array(), grad)
    low, high = image.get_clim()
    assert low == -high == -np.abs(grad).max()
