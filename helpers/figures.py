"""Figures for the output layer: ŷ, e(ℓ) and a gradient as bars, and the softmax Jacobian as a heatmap.

The two logit figures are built and laid out once, with fixed axes. Their
static parts (axes, ticks, labels) are rendered once into a background;
each redraw restores that background and draws only the artists that
change (bars, heatmap, titles), which is matplotlib's "blitting". That keeps
a widget update to a few tens of milliseconds instead of a full render.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter
from PIL import Image

from helpers.cross_entropy import cross_entropy, grad_wrt_logits, grad_wrt_yhat, one_hot
from helpers.linear_regression import gradient_descent, least_squares
from helpers.mse import linear_output, mse
from helpers.softmax import softmax, softmax_jacobian

if TYPE_CHECKING:
    from helpers.data import Split

TRUE_CLASS_COLOR = "tab:orange"
OTHER_CLASS_COLOR = "tab:blue"


def format_vector(v: np.ndarray, digits: int = 4) -> str:
    """``[0.2424, 0.0892]``: each entry to ``digits`` significant digits, independent of numpy's print options."""
    return "[" + ", ".join(f"{x:.{digits}g}" for x in v) + "]"


def _bar_panel(ax, k: int, title: str, ylabel: str, ylim: tuple[float, float]):
    """Draw k zero-height bars on ``ax`` with labelled axes; return the bars to update later."""
    bars = ax.bar(np.arange(k), np.zeros(k))
    ax.set_title(title)
    ax.set_xlabel("class i")
    ax.set_ylabel(ylabel)
    ax.set_xticks(np.arange(k))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(*ylim)
    return bars


def _set_bars(bars, heights: np.ndarray, l: int) -> None:
    """Set the bar heights, the true class ``l`` in orange."""
    for i, (bar, height) in enumerate(zip(bars, heights)):
        bar.set_height(height)
        bar.set_color(TRUE_CLASS_COLOR if i == l else OTHER_CLASS_COLOR)


def _freeze_layout(figure: Figure) -> None:
    """Lay the figure out once with its layout engine, then keep those positions for every later render."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")


def render_png(figure: Figure) -> bytes:
    """Render a figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


class BlittedFigure:
    """A figure whose ``dynamic`` artists are redrawn over a background rendered once.

    Subclasses build ``self.figure``, then call ``self._prepare(dynamic)``.
    In a notebook the object shows itself as the PNG that ``to_png`` makes.
    """

    figure: Figure

    def _prepare(self, dynamic: list[Artist]) -> None:
        _freeze_layout(self.figure)
        for artist in dynamic:
            artist.set_animated(True)  # left out of the background
        self._dynamic = dynamic
        self._canvas = FigureCanvasAgg(self.figure)
        self._canvas.draw()
        self._background = self._canvas.copy_from_bbox(self.figure.bbox)

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes: the kept background plus the changing artists."""
        self._canvas.restore_region(self._background)
        for artist in self._dynamic:
            self.figure.draw_artist(artist)
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(self._canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.to_png()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(k={self.k})"


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
            f"a_L             = {format_vector(self.a)}\n"
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
            _bar_panel(axes[2], k, "∂L/∂ŷ", "∂L/∂ŷ_i (symmetric log scale)", (-1, 1)),
        ]
        axes[2].set_yscale("symlog", linthresh=1)
        axes[2].set_ylim(-1e5, 1)
        axes[2].yaxis.set_major_locator(FixedLocator([-1e5, -1e4, -1e3, -1e2, -10, -1, 0]))
        axes[2].yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}".replace("-", "−")))
        axes[2].yaxis.set_minor_locator(FixedLocator([]))
        self.value_labels = [axes[2].text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in range(k)]
        self.title = self.figure.suptitle(" ")
        self._prepare([*[bar for bars in self.bars for bar in bars], *self.value_labels, self.title])

    def draw(self, a: np.ndarray, l: int) -> GradWrtYhatReading:
        """Update the bars for logits ``a`` (shape (k,)) and true class ``l``; return the numbers shown."""
        reading = read_grad_wrt_yhat(a, l)
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad)):
            _set_bars(bars, heights, l)
        for i, label in enumerate(self.value_labels):
            label.set_text(f"{reading.grad[i]:.3g}" if i == l else "0")
            label.set_y(reading.grad[i])
            label.set_verticalalignment("top" if i == l else "bottom")
        self.title.set_text(f"true class ℓ = {l},   L = −log ŷ_ℓ = {reading.loss:.4f}")
        return reading



@dataclass(frozen=True)
class SoftmaxGradientReading:
    """What the figure of notebook 2 shows for logits ``a`` (shape (k,)), true class ``l`` and temperature ``T``.

    The output is ŷ = softmax(a_L / T), so ∂L/∂a_L = (ŷ - e(ℓ)) / T and the
    Jacobian ∂ŷ/∂a_L = (diag(ŷ) - ŷŷᵀ) / T; at T = 1 they are the lecture's.
    """

    a: np.ndarray
    l: int
    T: float
    yhat: np.ndarray
    e: np.ndarray
    grad: np.ndarray
    jacobian: np.ndarray
    loss: float

    def __str__(self) -> str:
        gradient_sum = round(float(self.grad.sum()), 12) + 0.0  # + 0.0 prints a negative zero as 0
        return (
            f"true class l = {self.l}, temperature T = {self.T:.2f}\n"
            f"a_L                 = {format_vector(self.a)}\n"
            f"yhat = softmax(a/T) = {format_vector(self.yhat)}\n"
            f"e(l)                = {format_vector(self.e)}\n"
            f"dL/da_L             = {format_vector(self.grad)}\n"
            f"sum of dL/da_L      = {gradient_sum:.4f}\n"
            f"L = -log yhat_l     = {self.loss:.4f}"
        )


def read_softmax_gradient(a: np.ndarray, l: int, T: float = 1.0) -> SoftmaxGradientReading:
    """Compute ŷ, e(ℓ), ∂L/∂a_L, the Jacobian and L for logits ``a`` (shape (k,)) at temperature ``T``."""
    if not T > 0:
        raise ValueError(f"T must be a positive temperature; got {T!r}")
    a = np.asarray(a, dtype=np.float64)
    scaled = a / T
    return SoftmaxGradientReading(
        a=a,
        l=l,
        T=float(T),
        yhat=softmax(scaled),
        e=one_hot(l, a.shape[0]),
        grad=grad_wrt_logits(scaled, l) / T,
        jacobian=softmax_jacobian(scaled) / T,
        loss=cross_entropy(scaled, l),
    )


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
            _bar_panel(axes[2], k, "∂L/∂a_L = (ŷ − e(ℓ))/T", "∂L/∂a_Li", (-2, 2)),
        ]
        self.heatmap = axes[3].imshow(np.zeros((k, k)), cmap="RdBu_r", vmin=-0.5, vmax=0.5)
        axes[3].set_title("Jacobian ∂ŷ_i/∂a_Lj")
        axes[3].set_xlabel("j (logit)")
        axes[3].set_ylabel("i (output)")
        axes[3].set_xticks(np.arange(k))
        axes[3].set_yticks(np.arange(k))
        self.figure.colorbar(self.heatmap, ax=axes[3])
        self.title = self.figure.suptitle(" ")
        self._prepare([*[bar for bars in self.bars for bar in bars], self.heatmap, self.title])

    def draw(self, a: np.ndarray, l: int, T: float = 1.0) -> SoftmaxGradientReading:
        """Update the bars and the heatmap for logits ``a`` (shape (k,)), class ``l`` and temperature ``T``."""
        reading = read_softmax_gradient(a, l, T)
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad)):
            _set_bars(bars, heights, l)
        self.heatmap.set_data(reading.jacobian)
        gradient_sum = round(float(reading.grad.sum()), 12) + 0.0
        self.title.set_text(
            f"true class ℓ = {l},   T = {reading.T:.2f},   L = {reading.loss:.4f},   sum of ∂L/∂a_L = {gradient_sum:.4f}"
        )
        return reading



@dataclass(frozen=True)
class GradientDescentReading:
    """The outcome of gradient descent on the MSE output layer at learning rate ``eta`` for ``steps`` steps."""

    eta: float
    steps: int
    final_train_loss: float
    final_test_loss: float
    closed_form_test_loss: float
    diverged: bool

    def __str__(self) -> str:
        if self.diverged:
            outcome = "diverged: the loss passed 1e12 and the run stopped"
        else:
            gap = 100 * (self.final_test_loss / self.closed_form_test_loss - 1)
            outcome = f"test MSE {self.final_test_loss:.2f} ({gap:+.2f}% from the closed form)"
        return (
            f"eta = {self.eta:.4f}, steps = {self.steps}\n"
            f"train MSE {self.final_train_loss:.6g}\n"
            f"{outcome}\n"
            f"closed-form least squares: test MSE {self.closed_form_test_loss:.2f}"
        )


class GradientDescentFigure:
    """Train and test MSE against the step of gradient descent, beside the closed-form test MSE."""

    def __init__(self, split: Split) -> None:
        self.split = split
        W_out, b = least_squares(split.a_train, split.y_train)
        self.closed_form_test_loss = mse(split.y_test, linear_output(split.a_test, W_out, b))
        self.figure = Figure(figsize=(6.5, 3.6), dpi=80, layout="constrained")
        self.ax = self.figure.subplots()
        (self.train_line,) = self.ax.semilogy([], [], label="train MSE")
        (self.test_line,) = self.ax.semilogy([], [], label="test MSE")
        self.ax.axhline(self.closed_form_test_loss, color="black", linestyle="--", linewidth=1, label="closed-form test MSE")
        self.ax.set_xlabel("step of gradient descent")
        self.ax.set_ylabel("MSE")
        self.ax.legend(loc="upper right")
        self.title = self.ax.set_title(" ")
        _freeze_layout(self.figure)

    def draw(self, eta: float, steps: int) -> GradientDescentReading:
        """Train from zeros with learning rate ``eta`` for ``steps`` steps and redraw the loss curves."""
        history = gradient_descent(self.split.a_train, self.split.y_train, eta, steps, self.split.a_test, self.split.y_test)
        steps_run = np.arange(len(history.train_loss))
        self.train_line.set_data(steps_run, history.train_loss)
        self.test_line.set_data(steps_run, history.test_loss)
        self.ax.set_xlim(0, max(steps, 1))
        self.ax.set_ylim(1e3, max(1e5, min(1e13, max(history.train_loss) * 2)))
        self.title.set_text(f"gradient descent, η = {eta:.4f}" + ("  (diverged)" if history.diverged else ""))
        return GradientDescentReading(
            eta=float(eta),
            steps=int(steps),
            final_train_loss=history.train_loss[-1],
            final_test_loss=history.test_loss[-1],
            closed_form_test_loss=self.closed_form_test_loss,
            diverged=history.diverged,
        )

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes."""
        return render_png(self.figure)
