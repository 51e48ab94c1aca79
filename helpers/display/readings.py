"""The numbers a widget shows beside its figure: what the kernels compute for the widget's settings.

Each reading is a small frozen dataclass whose ``str`` is the text shown in
the widget and printed in the notebooks; it computes nothing that the
kernels do not, so a test can compare it with them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.kernels.cross_entropy import cross_entropy, grad_wrt_logits, grad_wrt_yhat, one_hot
from helpers.kernels.softmax import softmax, softmax_jacobian


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
class TrainingReading:
    """The result of one training run in the explorer; ``held_out`` names the set that
    ``final_held_out_accuracy`` was measured on ("validation" while settings are being chosen)."""

    eta: float
    batch_size: int
    hidden: int
    final_train_accuracy: float
    final_held_out_accuracy: float
    held_out: str = "test"

    def __str__(self) -> str:
        return (
            f"eta = {self.eta:.3f}, batch size = {self.batch_size}, hidden units = {self.hidden}\n"
            f"train accuracy {100 * self.final_train_accuracy:.2f}%, "
            f"{self.held_out} accuracy {100 * self.final_held_out_accuracy:.2f}%"
        )
