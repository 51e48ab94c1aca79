"""The numbers a widget shows beside its figure: what the kernels compute for the widget's settings.

Each reading is a small frozen dataclass whose ``str`` is the text shown in
the widget and printed in the notebooks; it computes nothing that the
kernels do not, so a test can compare it with them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.cross_entropy import (
    grad_wrt_yhat,
    one_hot,
    unchecked_cross_entropy,
    unchecked_cross_entropy_and_grad,
)
from helpers.kernels.softmax import unchecked_softmax, unchecked_softmax_jacobian
from helpers.kernels.validation import as_logits_and_labels, as_real_number


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
            f"true class ℓ = {self.l} (0-based)\n"
            f"a_L          = {format_vector(self.a)}\n"
            f"ŷ            = {format_vector(self.yhat)}\n"
            f"e(ℓ)         = {format_vector(self.e)}\n"
            f"ℒ = -log ŷ_ℓ = {self.loss:.4f}\n"
            f"∂ℒ/∂ŷ        = {format_vector(self.grad)}"
        )


def read_grad_wrt_yhat(a: ArrayLike, l: int) -> GradWrtYhatReading:
    """Compute ŷ, e(ℓ), ℒ and ∂ℒ/∂ŷ for one example's logits ``a`` (shape (k,)) and class ``l``, checking them once."""
    a, l = as_logits_and_labels(np.asarray(a, dtype=np.float64), l, ndims=(1,))
    yhat = unchecked_softmax(a)
    return GradWrtYhatReading(
        a=a,
        l=l,
        yhat=yhat,
        e=one_hot(l, a.shape[0]),
        grad=grad_wrt_yhat(yhat, l),  # checks ŷ, not the logits: ŷ_ℓ may round to 0, where -1/ŷ_ℓ is infinite
        loss=unchecked_cross_entropy(a, l),
    )


@dataclass(frozen=True)
class SoftmaxGradientReading:
    """What the figure of notebook 2 shows for logits ``a`` (shape (k,)), true class ``l`` and temperature ``T``.

    The output is ŷ = softmax(a_L / T), so ∂ℒ/∂a_L = (ŷ - e(ℓ)) / T and the
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

    @property
    def gradient_sum(self) -> float:
        """Σ_i ∂ℒ/∂a_Li, 0 up to rounding, rounded to 12 places (+ 0.0 makes a negative zero print as 0)."""
        return round(float(self.grad.sum()), 12) + 0.0

    def __str__(self) -> str:
        return (
            f"true class ℓ = {self.l} (0-based), temperature T = {self.T:.2f}\n"
            f"a_L                = {format_vector(self.a)}\n"
            f"ŷ = softmax(a_L/T) = {format_vector(self.yhat)}\n"
            f"e(ℓ)               = {format_vector(self.e)}\n"
            f"∂ℒ/∂a_L            = {format_vector(self.grad)}\n"
            f"sum of ∂ℒ/∂a_L     = {self.gradient_sum:.4f}\n"
            f"ℒ = -log ŷ_ℓ       = {self.loss:.4f}"
        )


def read_softmax_gradient(a: ArrayLike, l: int, T: float = 1.0) -> SoftmaxGradientReading:
    """Compute ŷ, e(ℓ), ∂ℒ/∂a_L, the Jacobian and ℒ for logits ``a`` (shape (k,)) at temperature ``T``, checking the
    logits the kernels see, a_L / T, once."""
    T = as_real_number(T, "T", "a positive temperature", above=0)
    a = np.asarray(a, dtype=np.float64)
    scaled, l = as_logits_and_labels(a / T, l, ndims=(1,))
    loss, grad = unchecked_cross_entropy_and_grad(scaled, l)
    return SoftmaxGradientReading(
        a=a,
        l=l,
        T=T,
        yhat=unchecked_softmax(scaled),
        e=one_hot(l, a.shape[0]),
        grad=grad / T,
        jacobian=unchecked_softmax_jacobian(scaled) / T,
        loss=loss,
    )


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


@dataclass(frozen=True)
class LoopReading:
    """The result of one run of a training loop written on a notebook's page, after its last epoch; ``held_out``
    names the part the held-out numbers were measured on."""

    eta: float
    hidden: int
    final_train_loss: float
    final_held_out_loss: float
    final_train_accuracy: float
    final_held_out_accuracy: float
    held_out: str = "validation"

    def __str__(self) -> str:
        return (
            f"eta = {self.eta:.3g}, hidden units = {self.hidden}\n"
            f"loss: train {self.final_train_loss:.3g}, {self.held_out} {self.final_held_out_loss:.3g}\n"
            f"accuracy: train {100 * self.final_train_accuracy:.1f}%, "
            f"{self.held_out} {100 * self.final_held_out_accuracy:.1f}%"
        )
