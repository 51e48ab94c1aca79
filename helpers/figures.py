"""Figures for the output layer: ŷ, e(ℓ) and a gradient as three rows of bars.

A figure is built once and then only its bar heights and labels change, so
redrawing it for new logits costs one render and no new artists.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from helpers.cross_entropy import cross_entropy, grad_wrt_yhat, one_hot
from helpers.softmax import softmax

TRUE_CLASS_COLOR = "tab:orange"
OTHER_CLASS_COLOR = "tab:blue"


def format_vector(v: np.ndarray, digits: int = 4) -> str:
    """``[0.2424, 0.0892]``: each entry to ``digits`` significant digits, independent of numpy's print options."""
    return "[" + ", ".join(f"{x:.{digits}g}" for x in v) + "]"


@dataclass(frozen=True)
class GradWrtYhatReading:
    """What the figure of notebook 1 shows for logits ``a`` (shape (k,)) and true class ``l``."""

    a: np.ndarray
    l: int
    yhat: np.ndarray
    e: np.ndarray
    grad: np.ndarray
    loss: float

    def __str__(self) -> str:
        return (
            f"true class l = {self.l}\n"
            f"yhat            = {format_vector(self.yhat)}\n"
            f"e(l)            = {format_vector(self.e)}\n"
            f"L = -log yhat_l = {self.loss:.4f}\n"
            f"dL/dyhat        = {format_vector(self.grad)}"
        )


def read_grad_wrt_yhat(a: np.ndarray, l: int) -> GradWrtYhatReading:
    """Compute ŷ, e(ℓ), L and ∂L/∂ŷ for one example's logits ``a`` (shape (k,)) and class ``l``."""
    a = np.asarray(a, dtype=np.float64)
    yhat = softmax(a)
    return GradWrtYhatReading(
        a=a,
        l=l,
        yhat=yhat,
        e=one_hot(l, a.shape[0]),
        grad=grad_wrt_yhat(yhat, l),
        loss=cross_entropy(a, l),
    )


class GradWrtYhatFigure:
    """Bars of ŷ, e(ℓ) and ∂L/∂ŷ = -(1/ŷ_ℓ) e(ℓ) for k classes, the true class in orange.

    The gradient panel uses a symmetric-log scale down to -1e5, so its one
    non-zero bar visibly grows without bound as ŷ_ℓ shrinks.
    """

    def __init__(self, k: int = 4) -> None:
        self.k = k
        self.figure = Figure(figsize=(9.0, 3.0), dpi=80, layout="constrained")
        axes = self.figure.subplots(1, 3)
        classes = np.arange(k)
        self.bars = [ax.bar(classes, np.zeros(k)) for ax in axes]
        panels = [
            (r"$\hat{y} = \mathrm{softmax}(a_L)$", r"$\hat{y}_i$", (0, 1)),
            (r"$e(\ell)$", r"$e(\ell)_i$", (0, 1.05)),
            (r"$\partial L / \partial \hat{y}$", r"$\partial L / \partial \hat{y}_i$ (symlog)", (-1e5, 1)),
        ]
        for ax, (title, ylabel, ylim) in zip(axes, panels):
            ax.set_title(title)
            ax.set_xlabel("class $i$")
            ax.set_ylabel(ylabel)
            ax.set_xticks(classes)
            ax.axhline(0, color="black", linewidth=0.8)
        axes[2].set_yscale("symlog", linthresh=1)
        for ax, (_, _, ylim) in zip(axes, panels):
            ax.set_ylim(*ylim)
        self.axes = axes
        self.value_labels = [axes[2].text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in classes]

    def draw(self, a: np.ndarray, l: int) -> GradWrtYhatReading:
        """Update the bars for logits ``a`` (shape (k,)) and true class ``l``; return the numbers shown."""
        reading = read_grad_wrt_yhat(a, l)
        colors = [TRUE_CLASS_COLOR if i == l else OTHER_CLASS_COLOR for i in range(self.k)]
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad)):
            for bar, height, color in zip(bars, heights, colors):
                bar.set_height(height)
                bar.set_color(color)
        for i, label in enumerate(self.value_labels):
            label.set_text(f"{reading.grad[i]:.3g}" if i == l else "0")
            label.set_y(reading.grad[i])
            label.set_verticalalignment("top" if i == l else "bottom")
        self.figure.suptitle(f"true class $\\ell$ = {l},   $L = -\\log \\hat{{y}}_\\ell$ = {reading.loss:.4f}")
        return reading

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        return buffer.getvalue()
