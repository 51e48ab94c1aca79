"""Figures for the output layer: ŷ, e(ℓ) and a gradient as bars, and the softmax Jacobian as a heatmap.

A figure is built once and then only its bar heights and labels change, so
redrawing it for new logits costs one render and no new artists.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from helpers.cross_entropy import cross_entropy, grad_wrt_logits, grad_wrt_yhat, one_hot
from helpers.softmax import softmax, softmax_jacobian

TRUE_CLASS_COLOR = "tab:orange"
OTHER_CLASS_COLOR = "tab:blue"


def format_vector(v: np.ndarray, digits: int = 4) -> str:
    """``[0.2424, 0.0892]``: each entry to ``digits`` significant digits, independent of numpy's print options."""
    return "[" + ", ".join(f"{x:.{digits}g}" for x in v) + "]"


def _bar_panel(ax, k: int, title: str, ylabel: str, ylim: tuple[float, float]):
    """Draw k zero-height bars on ``ax`` with labelled axes; return the bars to update later."""
    bars = ax.bar(np.arange(k), np.zeros(k))
    ax.set_title(title)
    ax.set_xlabel("class $i$")
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


def render_png(figure: Figure) -> bytes:
    """Render a figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


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
        self.bars = [
            _bar_panel(axes[0], k, r"$\hat{y} = \mathrm{softmax}(a_L)$", r"$\hat{y}_i$", (0, 1)),
            _bar_panel(axes[1], k, r"$e(\ell)$", r"$e(\ell)_i$", (0, 1.05)),
            _bar_panel(axes[2], k, r"$\partial L / \partial \hat{y}$", r"$\partial L / \partial \hat{y}_i$ (symlog)", (-1, 1)),
        ]
        axes[2].set_yscale("symlog", linthresh=1)
        axes[2].set_ylim(-1e5, 1)
        self.value_labels = [axes[2].text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in range(k)]

    def draw(self, a: np.ndarray, l: int) -> GradWrtYhatReading:
        """Update the bars for logits ``a`` (shape (k,)) and true class ``l``; return the numbers shown."""
        reading = read_grad_wrt_yhat(a, l)
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad)):
            _set_bars(bars, heights, l)
        for i, label in enumerate(self.value_labels):
            label.set_text(f"{reading.grad[i]:.3g}" if i == l else "0")
            label.set_y(reading.grad[i])
            label.set_verticalalignment("top" if i == l else "bottom")
        self.figure.suptitle(f"true class $\\ell$ = {l},   $L = -\\log \\hat{{y}}_\\ell$ = {reading.loss:.4f}")
        return reading

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes."""
        return render_png(self.figure)


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


class SoftmaxGradientFigure:
    """Bars of ŷ, e(ℓ) and ∂L/∂a_L = (ŷ - e(ℓ))/T, and a heatmap of the Jacobian ∂ŷ/∂a_L."""

    def __init__(self, k: int = 4) -> None:
        self.k = k
        self.figure = Figure(figsize=(12.0, 3.0), dpi=80, layout="constrained")
        axes = self.figure.subplots(1, 4, width_ratios=[1, 1, 1, 1.1])
        self.bars = [
            _bar_panel(axes[0], k, r"$\hat{y} = \mathrm{softmax}(a_L / T)$", r"$\hat{y}_i$", (0, 1)),
            _bar_panel(axes[1], k, r"$e(\ell)$", r"$e(\ell)_i$", (0, 1.05)),
            _bar_panel(axes[2], k, r"$\partial L / \partial a_L = (\hat{y} - e(\ell))/T$", r"$\partial L / \partial a_{Li}$", (-1, 1)),
        ]
        self.gradient_axes = axes[2]
        self.heatmap = axes[3].imshow(np.zeros((k, k)), cmap="RdBu_r", vmin=-0.25, vmax=0.25)
        axes[3].set_title(r"Jacobian $\partial \hat{y}_i / \partial a_{Lj}$")
        axes[3].set_xlabel("$j$ (logit)")
        axes[3].set_ylabel("$i$ (output)")
        axes[3].set_xticks(np.arange(k))
        axes[3].set_yticks(np.arange(k))
        self.figure.colorbar(self.heatmap, ax=axes[3])

    def draw(self, a: np.ndarray, l: int, T: float = 1.0) -> SoftmaxGradientReading:
        """Update the bars and the heatmap for logits ``a`` (shape (k,)), class ``l`` and temperature ``T``."""
        reading = read_softmax_gradient(a, l, T)
        for bars, heights in zip(self.bars, (reading.yhat, reading.e, reading.grad)):
            _set_bars(bars, heights, l)
        limit = max(1.0, 1.0 / reading.T)
        self.gradient_axes.set_ylim(-limit, limit)
        self.heatmap.set_data(reading.jacobian)
        scale = 0.25 / min(reading.T, 1.0)
        self.heatmap.set_clim(-scale, scale)
        self.figure.suptitle(
            f"true class $\\ell$ = {l},   T = {reading.T:.2f},   $L$ = {reading.loss:.4f},"
            f"   sum of $\\partial L/\\partial a_L$ = {round(float(reading.grad.sum()), 12) + 0.0:.4f}"
        )
        return reading

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes."""
        return render_png(self.figure)


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

    def __init__(self, split) -> None:
        from helpers.linear_regression import least_squares
        from helpers.mse import linear_output, mse

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

    def draw(self, eta: float, steps: int) -> GradientDescentReading:
        """Train from zeros with learning rate ``eta`` for ``steps`` steps and redraw the loss curves."""
        from helpers.linear_regression import gradient_descent

        history = gradient_descent(self.split.a_train, self.split.y_train, eta, steps, self.split.a_test, self.split.y_test)
        steps_run = np.arange(len(history.train_loss))
        self.train_line.set_data(steps_run, history.train_loss)
        self.test_line.set_data(steps_run, history.test_loss)
        self.ax.set_xlim(0, max(steps, 1))
        self.ax.set_ylim(1e3, max(1e5, min(1e13, max(history.train_loss) * 2)))
        self.ax.set_title(f"gradient descent, $\\eta$ = {eta:.4f}" + ("  (diverged)" if history.diverged else ""))
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
