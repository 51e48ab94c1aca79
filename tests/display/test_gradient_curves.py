"""The three static curve plots of notebooks 1 to 3 describe themselves with the numbers they draw, and tell their
lines apart by more than colour."""

import numpy as np

from helpers.display.gradient_curves import grad_size_figure, learning_rate_runs_figure, true_logit_gradients_figure
from helpers.training.data import diabetes_split
from helpers.training.linear_regression import gradient_descent, largest_hessian_eigenvalue


def styles(figure):
    return {(line.get_linestyle(), line.get_marker()) for line in figure.axes[0].get_lines()}


def test_the_gradient_size_figure_states_its_ends():
    yhat_l = np.logspace(-4, 0, 50)
    figure = grad_size_figure(yhat_l)
    assert "from 1e-04 to 1" in figure.description and "1e+04 at the left" in figure.description
    np.testing.assert_allclose(figure.axes[0].get_lines()[0].get_ydata(), 1 / yhat_l)


def test_the_pairings_figure_states_each_curve_at_both_ends():
    z = np.linspace(-10, 5, 31)
    curves = {"first": np.exp(z), "second": np.full(31, 0.5)}
    figure = true_logit_gradients_figure(z, curves)
    assert f"first {np.exp(-10):.2g}" in figure.description and "second 0.5" in figure.description
    assert f"first {np.exp(5):.2g}" in figure.description
    assert len(styles(figure)) == 2


def test_the_learning_rate_figure_names_the_run_that_diverged():
    data = diabetes_split()
    threshold = 2 / largest_hessian_eigenvalue(data.x_train)
    runs = {factor: gradient_descent(data, eta=factor * threshold, steps=50) for factor in (0.5, 1.5)}
    figure = learning_rate_runs_figure(runs, ylim=(1e3, 1e13))
    assert runs[1.5].diverged and not runs[0.5].diverged
    assert "η = 1.50 × 2/λ_max diverged" in figure.description
    assert f"to {runs[0.5].train_loss[-1]:.4g} after 50 steps" in figure.description
    assert len(styles(figure)) == 2
