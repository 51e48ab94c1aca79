"""The widget figures of notebooks 1 and 2: ŷ, e(ℓ) and a gradient as bars, and the softmax Jacobian as a heatmap.

Both are built and laid out once, with fixed axes, and redrawn by blitting
(``helpers.display.rendering``). They draw a reading they are given; the
explorers of ``helpers.display.explorers`` compute it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

from helpers.display.descriptions import describe_grad_wrt_yhat, describe_jacobian, describe_softmax_gradient
from helpers.display.palette import BLUE, ORANGE
from helpers.display.readings import GradWrtYhatReading, SoftmaxGradientReading
from helpers.display.rendering import BlittedFigure, DescribedFigure

# Okabe and Ito's orange and blue (helpers.display.palette); the true class's bar is also hatched.
TRUE_CLASS_COLOR = ORANGE
TRUE_CLASS_HATCH = "//"
JACOBIAN_LIMIT = 0.5  # every entry of (diag(ŷ) - ŷŷᵀ)/T lies in [-0.25/T, 0.25/T], within ±0.5 for T >= 0.5
OTHER_CLASS_COLOR = BLUE


def _bar_panel(ax, k: int, title: str, ylabel: str, ylim: tuple[float, float]):
    """Draw k zero-height bars on ``ax`` with labelled axes; return the bars to update later."""
    bars = ax.bar(np.arange(k), np.zeros(k))
    ax.set_title(title)
    ax.set_xlabel("class i (0-based)")
    ax.set_ylabel(ylabel)
    ax.set_xticks(np.arange(k))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(*ylim)
    return bars


def _jacobian_panel(ax, k: int):
    """An image of a (k, k) Jacobian on ``ax``: row i is the output ŷ_i, column j the logit a_Lj, fixed colours."""
    image = ax.imshow(np.zeros((k, k)), cmap="RdBu_r", vmin=-JACOBIAN_LIMIT, vmax=JACOBIAN_LIMIT)
    ax.set_title("Jacobian ∂ŷ_i/∂a_Lj")
    ax.set_xlabel("logit a_Lj, j (0-based)")
    ax.set_ylabel("output ŷ_i, i (0-based)")
    ax.set_xticks(np.arange(k))
    ax.set_yticks(np.arange(k))
    ax.figure.colorbar(image, ax=ax)
    return image


def jacobian_figure(jacobian: np.ndarray) -> DescribedFigure:
    """A static heatmap of a (k, k) softmax Jacobian, drawn as in ``SoftmaxGradientFigure``, each cell's value on it.

    The numbers (3 decimals) make a small k readable without the colour bar; for k much above 6 they would crowd.
    """
    figure = DescribedFigure(figsize=(4.2, 3.4), dpi=80, layout="constrained")
    figure.description = describe_jacobian(jacobian)
    image = _jacobian_panel(figure.subplots(), jacobian.shape[0])
    image.set_data(jacobian)
    for (row, column), value in np.ndenumerate(jacobian):
        image.axes.text(column, row, f"{value:.3f}".replace("-", "−"), ha="center", va="center", fontsize=8)
    return figure


def _set_bars(bars, heights: np.ndarray, l: int) -> None:
    """Set the bar heights, the true class ``l`` in orange and hatched."""
    for i, (bar, height) in enumerate(zip(bars, heights, strict=True)):
        bar.set_height(height)
        # Face and edge apart (not set_color, which paints the hatch the face's colour too, hiding it).
        bar.set_facecolor(TRUE_CLASS_COLOR if i == l else OTHER_CLASS_COLOR)
        bar.set_edgecolor("black" if i == l else OTHER_CLASS_COLOR)
        bar.set_hatch(TRUE_CLASS_HATCH if i == l else "")


class GradWrtYhatFigure(BlittedFigure):
    """Bars of ŷ, e(ℓ) and ∂L/∂ŷ = -(1/ŷ_ℓ) e(ℓ) for k classes, the true class in orange.

    The gradient panel uses a symmetric-log scale down to -1e5, so its one
    non-zero bar visibly grows without bound as ŷ_ℓ shrinks.
    """

    def __init__(self, k: int = 4) -> None:
        self.k = k
        self.figure = Figure(figsize=(9.0, 3.0), dpi=80, layout="constrained")
        axes = self.figure.subplots(1, 3)
        self.bars = [
            _bar_panel(axes[0], k, "ŷ = softmax(a_L)", "ŷ_i", (0, 1)),
            _bar_panel(axes[1], k, "e(ℓ)", "e(ℓ)_i", (0, 1.05)),
            _bar_panel(axes[2], k, "∂ℒ/∂ŷ", "∂ℒ/∂ŷ_i (symmetric log scale)", (-1, 1)),
        ]
        axes[2].set_yscale("symlog", linthresh=1)
        axes[2].set_ylim(-1e5, 1)
        axes[2].yaxis.set_major_locator(FixedLocator([-1e5, -1e4, -1e3, -1e2, -10, -1, 0]))
        axes[2].yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}".replace("-", "−")))
        axes[2].yaxis.set_minor_locator(FixedLocator([]))
        self.value_labels = [axes[2].text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in range(k)]
        self.title = self.figure.suptitle(" ")
        self._prepare([*[bar for bars in self.bars for bar in bars], *self.value_labels, self.title])

    def draw(self, reading: GradWrtYhatReading) -> None:
        """Update the bars to ``reading``'s ŷ, e(ℓ) and ∂ℒ/∂ŷ."""
        l = reading.l
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad), strict=True):
            _set_bars(bars, heights, l)
        for i, label in enumerate(self.value_labels):
            label.set_text(f"{reading.grad[i]:.3g}" if i == l else "0")
            label.set_y(reading.grad[i])
            label.set_verticalalignment("top" if i == l else "bottom")
        self.title.set_text(f"true class ℓ = {l},   ℒ = −log ŷ_ℓ = {reading.loss:.4f}")
        self.description = describe_grad_wrt_yhat(reading)


class SoftmaxGradientFigure(BlittedFigure):
    """Bars of ŷ, e(ℓ) and ∂L/∂a_L = (ŷ - e(ℓ))/T, and a heatmap of the Jacobian ∂ŷ/∂a_L.

    The axes are fixed for temperatures T ≥ 0.5: every gradient entry lies in
    [-1/T, 1/T] ⊂ [-2, 2] and every Jacobian entry in [-0.25/T, 0.25/T] ⊂ [-0.5, 0.5].
    """

    def __init__(self, k: int = 4) -> None:
        self.k = k
        self.figure = Figure(figsize=(12.0, 3.0), dpi=80, layout="constrained")
        axes = self.figure.subplots(1, 4, width_ratios=[1, 1, 1, 1.1])
        self.bars = [
            _bar_panel(axes[0], k, "ŷ = softmax(a_L / T)", "ŷ_i", (0, 1)),
            _bar_panel(axes[1], k, "e(ℓ)", "e(ℓ)_i", (0, 1.05)),
            _bar_panel(axes[2], k, "∂ℒ/∂a_L", "∂ℒ/∂a_Li", (-2, 2)),
        ]
        self.heatmap = _jacobian_panel(axes[3], k)
        self.title = self.figure.suptitle(" ")
        self._prepare([*[bar for bars in self.bars for bar in bars], self.heatmap, self.title])

    def draw(self, reading: SoftmaxGradientReading) -> None:
        """Update the bars and the heatmap to ``reading``'s ŷ, e(ℓ), ∂ℒ/∂a_L and Jacobian."""
        l = reading.l
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad), strict=True):
            _set_bars(bars, heights, l)
        self.heatmap.set_data(reading.jacobian)
        self.title.set_text(
            f"true class ℓ = {l},   T = {reading.T:.2f},   ℒ = {reading.loss:.4f},   "
            f"sum of ∂ℒ/∂a_L = {reading.gradient_sum:.4f}"
        )
        self.description = describe_softmax_gradient(reading)
