"""Each figure describes itself in words made from the numbers it draws, carries that description as its alt text, and
tells its series apart by more than colour."""

import re

import ipywidgets as widgets
import numpy as np
from IPython.core.interactiveshell import InteractiveShell
from matplotlib.colors import to_rgba

from helpers.display.explorers import SoftmaxGradientExplorer
from helpers.display.gradient_descent_figure import GradientDescentFigure
from helpers.display.logit_figures import TRUE_CLASS_HATCH, GradWrtYhatFigure, SoftmaxGradientFigure, jacobian_figure
from helpers.display.readings import read_grad_wrt_yhat, read_softmax_gradient
from helpers.display.roadmap import chain_roadmap
from helpers.display.tex_to_text import plain_text
from helpers.display.training_figures import (
    LearningCurvesFigure,
    averaged_regression_curves,
    confusion_matrix_figure,
    learning_curves,
    misclassified_digits,
    validation_loss_curves,
)
from helpers.display.widgets import FigurePanel, class_picker, logit_sliders, set_controls
from helpers.kernels.softmax import softmax_jacobian
from helpers.training.diabetes_training import RegressionCurves
from helpers.training.history import History


def numbers_in(text: str) -> list[float]:
    return [float(number.replace("−", "-")) for number in re.findall(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?", text)]


def shown(figure) -> tuple[dict, dict]:
    """What a notebook shows for ``figure``: IPython's display data and metadata."""
    return InteractiveShell.instance().display_formatter.format(figure)


def test_a_figure_shows_its_description_as_the_alt_text_of_its_png():
    figure = chain_roadmap([0])
    data, metadata = shown(figure)
    assert metadata == {"image/png": {"alt": figure.description}}
    assert data["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert f'alt="{figure.description}"' in data["text/html"] and data["image/png"] in data["text/html"]
    assert data["text/plain"] == figure.description


def test_the_roadmap_names_the_highlighted_factors_and_outlines_them():
    figure = chain_roadmap([0, 1])
    assert "highlighted (orange, with a thick outline): ∂ℒ/∂ŷ, ∂ŷ/∂a_3." in figure.description
    outlines = [patch.get_linewidth() for patch in figure.axes[0].patches]
    assert outlines[:2] == [2.5, 2.5] and set(outlines[2:]) == {0}


def test_mathtext_is_written_as_characters():
    assert plain_text(r"$\dfrac{\partial a_1}{\partial W_{111}}$") == "∂a_1/∂W_111"
    assert plain_text(r"$\hat{y} = a_3$, so $\partial \hat{y} / \partial a_3 = 1$") == "ŷ = a_3, so ∂ŷ / ∂a_3 = 1"


def test_the_gradient_bars_describe_the_numbers_they_draw_and_hatch_the_true_class(rng):
    figure = GradWrtYhatFigure(k=4)
    a, l = rng.normal(size=4), 1
    reading = read_grad_wrt_yhat(a, l)
    figure.draw(reading)
    described = numbers_in(figure.description)
    for value in (*reading.yhat, reading.grad[l], reading.loss):
        assert any(np.isclose(value, number, rtol=1e-3) for number in described), value
    assert f"ℓ = {l}" in figure.description
    for bars in figure.bars:
        assert [bar.get_hatch() or "" for bar in bars] == ["", TRUE_CLASS_HATCH, "", ""]
        # and the hatch is drawn in another colour than the bar's face, or it would not show
        hatch_colour = bars[l].get_hatchcolor() if hasattr(bars[l], "get_hatchcolor") else bars[l].get_edgecolor()
        assert to_rgba(hatch_colour) != to_rgba(bars[l].get_facecolor())
    _, metadata = shown(figure)
    assert metadata["image/png"]["alt"] == figure.description


def test_the_softmax_figure_describes_its_gradient_and_its_jacobian(rng):
    figure = SoftmaxGradientFigure(k=4)
    reading = read_softmax_gradient(rng.normal(size=4), 3, T=2.0)
    figure.draw(reading)
    described = numbers_in(figure.description)
    for value in (*reading.grad, *np.diag(reading.jacobian), reading.loss, reading.T):
        assert any(np.isclose(value, number, rtol=1e-3, atol=5e-5) for number in described), value


def test_the_jacobian_heatmap_describes_its_diagonal_and_its_range():
    jacobian = softmax_jacobian(np.array([2.0, 1.0, 0.1, -1.0]))
    description = jacobian_figure(jacobian).description
    off_diagonal = jacobian[~np.eye(4, dtype=bool)]
    assert f"from {off_diagonal.min():.4g} to {off_diagonal.max():.4g}" in description
    assert all(f"{value:.4g}" in description for value in np.diag(jacobian))
    assert "each row sums to 0." in description


def test_a_widget_puts_the_description_of_each_picture_on_its_image():
    panel = FigurePanel(SoftmaxGradientExplorer(k=4))
    explorer = widgets.interactive(panel.update, l=class_picker(4, initial=2), **logit_sliders([2.0, 1.0, 0.1, -1.0]))
    first = panel.image.tooltip
    reading = set_controls(explorer, l=0, a_L1=-3.0)
    assert panel.image.tooltip != first
    assert panel.image.tooltip == panel.explorer.description
    assert "ℓ = 0" in panel.image.tooltip
    assert f"{read_softmax_gradient(np.array([2.0, -3.0, 0.1, -1.0]), 0).loss:.4f}" in panel.image.tooltip
    assert reading.l == 0
    # The page draws an image's tooltip as its title only beside an empty description, which a plain Image lacks.
    assert panel.image.get_state()["description"] == ""


def test_learning_curves_describe_their_ends_and_differ_in_line_style():
    history = History(train_loss=[2.3, 0.5, 0.2], held_out_loss=[2.3, 0.6, 0.4], train_accuracy=[0.1, 0.9, 0.95],
                      held_out_accuracy=[0.1, 0.85, 0.9])  # fmt: skip
    for figure in (learning_curves(history), LearningCurvesFigure(epochs=2, held_out="validation")):
        if isinstance(figure, LearningCurvesFigure):
            figure.draw(history)
            lines = figure.lines
        else:
            lines = [line for ax in figure.axes for line in ax.get_lines()]
        assert "train from 2.3 to 0.2" in figure.description
        assert "validation from 2.3 to 0.4" in figure.description
        assert "validation from 10.0% to 90.0%" in figure.description
        assert lines[0].get_linestyle() != lines[1].get_linestyle()
        assert lines[0].get_marker() != lines[1].get_marker()


def test_validation_curves_name_each_setting_and_its_lowest_loss():
    curves = {"λ = 0": [1, 0.5, 0.7], "λ = 0.01": [1, 0.6, 0.3]}
    figure = validation_loss_curves(curves, "64 hidden units")
    assert "λ = 0 from 1 to 0.7 (lowest 0.5, at 1)" in figure.description
    assert "λ = 0.01 from 1 to 0.3 (lowest 0.3, at 2)" in figure.description
    styles = {(line.get_linestyle(), line.get_marker()) for line in figure.axes[0].get_lines()}
    assert len(styles) == 2


def test_regression_curves_describe_the_means_and_the_linear_model(rng):
    train, validation = rng.uniform(2500, 3000, size=(3, 6)), rng.uniform(3000, 4000, size=(3, 6))
    figure = averaged_regression_curves(RegressionCurves(train, validation, 2700.0, 2800.0))
    assert f"to {validation.mean(axis=0)[-1]:.0f}" in figure.description
    assert "2800" in figure.description and "mean of 3 seeds" in figure.description


def test_the_gradient_descent_figure_describes_its_run():
    history = History(train_loss=[9e4, 5e4], held_out_loss=[8e4, 6e4])
    figure = GradientDescentFigure(closed_form_test_loss=3000.0)
    figure.draw(history, eta=0.1)
    assert "from 90000 to 50000" in figure.description and "from 80000 to 60000" in figure.description
    assert "η = 0.1000" in figure.description and "3000.00" in figure.description


def test_the_digit_figures_describe_the_mistakes_and_the_counts():
    true, predicted = np.array([0, 1, 2, 3, 3]), np.array([0, 7, 2, 5, 5])
    described = misclassified_digits(np.zeros((5, 64)), true, predicted).description
    assert "3 of 5 test digits misclassified" in described and "1 as 7, 3 as 5, 3 as 5." in described
    matrix = np.array([[5, 1], [3, 9]])
    description = confusion_matrix_figure(matrix).description
    assert "14 on the diagonal (77.8% right)" in description
    assert "Errors per true class: 0: 1, 1: 3." in description
    assert "true 1 taken for 0, 3 times" in description


def test_the_palette_tells_the_true_class_from_the_others_in_lightness_too():
    from helpers.display.logit_figures import OTHER_CLASS_COLOR, TRUE_CLASS_COLOR

    def luminance(colour):
        r, g, b, _ = to_rgba(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert abs(luminance(TRUE_CLASS_COLOR) - luminance(OTHER_CLASS_COLOR)) > 0.2
