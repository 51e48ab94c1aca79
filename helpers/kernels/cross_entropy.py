"""Cross-entropy loss L = -log ŷ_ℓ and its gradients with respect to ŷ and to a_L.

Single example: logits ``a`` of shape (k,) and an int class ``l``.
Batch: logits of shape (m, k) and an (m,) int array of labels; the loss is the
mean over the m rows, and each gradient is the gradient of that mean.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.softmax import unchecked_log_softmax
from helpers.kernels.validation import (
    as_class_labels,
    as_logits_and_labels,
    as_positive_integer,
    as_probabilities_and_labels,
)


def one_hot(l: int | ArrayLike, k: int) -> np.ndarray:
    """e(ℓ): the k-vector whose ℓ-th entry is 1 and every other entry is 0.

    Parameters
    ----------
    l : int or array_like of int, shape (m,)
        True class(es).
    k : int
        Number of classes.

    Returns
    -------
    ndarray of float64, shape (k,) for an int ``l``, (m, k) for an (m,) array
    """
    k = as_positive_integer(k, "k", "number of classes")
    if np.ndim(l) == 0:
        e = np.zeros(k)
        e[as_class_labels(l, k, m=None)] = 1.0
        return e
    labels = as_class_labels(l, k, m=len(l))
    e = np.zeros((len(labels), k))
    e[np.arange(len(labels)), labels] = 1.0
    return e


def cross_entropy(a: ArrayLike, l: int | ArrayLike) -> float:
    """L = -log ŷ_ℓ computed from the logits, never through log(softmax(a)).

    Parameters
    ----------
    a : array_like, shape (k,) or (m, k)
        Logits a_L.
    l : int or array_like of int, shape (m,)
        True class(es).

    Returns
    -------
    float
        The loss of the example, or the mean loss over the m rows of a batch.
    """
    a, l = as_logits_and_labels(a, l)
    return unchecked_cross_entropy(a, l)


def negative_log_likelihood(yhat: ArrayLike, l: int | ArrayLike) -> float:
    """L = -log ŷ_ℓ as a function of the probabilities ŷ (the loss that ``grad_wrt_yhat`` differentiates).

    Parameters
    ----------
    yhat : array_like, shape (k,) or (m, k)
        Probabilities in [0, 1] with ŷ_ℓ > 0.
    l : int or array_like of int, shape (m,)

    Returns
    -------
    float
        -log ŷ_ℓ, or its mean over the m rows of a batch.
    """
    yhat, l = as_probabilities_and_labels(yhat, l)
    if yhat.ndim == 1:
        return float(-np.log(yhat[l]))
    return float(-np.log(yhat[np.arange(yhat.shape[0]), l]).mean())


def grad_wrt_yhat(yhat: ArrayLike, l: int | ArrayLike) -> np.ndarray:
    """∂L/∂ŷ = -(1/ŷ_ℓ) e(ℓ): zero everywhere but at the true class.

    Parameters
    ----------
    yhat : array_like, shape (k,) or (m, k)
        Probabilities in [0, 1] with ŷ_ℓ > 0.
    l : int or array_like of int, shape (m,)

    Returns
    -------
    ndarray, same shape as ``yhat``
        For a batch, row i is -(1/(m ŷ_iℓ_i)) e(ℓ_i), the gradient of the mean loss.
    """
    yhat, l = as_probabilities_and_labels(yhat, l)
    grad = np.zeros_like(yhat)
    if yhat.ndim == 1:
        grad[l] = -1.0 / yhat[l]
        return grad
    m = yhat.shape[0]
    rows = np.arange(m)
    grad[rows, l] = -1.0 / (m * yhat[rows, l])
    return grad


def grad_wrt_logits(a: ArrayLike, l: int | ArrayLike) -> np.ndarray:
    """∂L/∂a_L = -(e(ℓ) - ŷ) = ŷ - e(ℓ).

    Parameters
    ----------
    a : array_like, shape (k,) or (m, k)
        Logits a_L.
    l : int or array_like of int, shape (m,)

    Returns
    -------
    ndarray, same shape as ``a``
        For a batch, (Ŷ - E)/m: the gradient of the mean ``cross_entropy``.
        Every row sums to 0.
    """
    return cross_entropy_and_grad(a, l)[1]


def cross_entropy_and_grad(a: ArrayLike, l: int | ArrayLike) -> tuple[float, np.ndarray]:
    """``cross_entropy(a, l)`` and its gradient ŷ - e(ℓ) (for a batch, (Ŷ - E)/m) from one softmax.

    The loss equals ``cross_entropy`` bit for bit (the same operations on the
    same numbers); ``grad_wrt_logits`` is this function's gradient. Written
    for speed without hiding the formula: one (m, k) array is allocated and
    then updated in place, and for a batch the 1/m is folded into the
    softmax's division, so the array is passed over once fewer.

    Parameters
    ----------
    a : array_like, shape (k,) or (m, k)
    l : int or array_like of int, shape (m,)

    Returns
    -------
    loss : float
    grad : ndarray, same shape and dtype as ``a``
    """
    a, l = as_logits_and_labels(a, l)
    return unchecked_cross_entropy_and_grad(a, l)


def unchecked_cross_entropy(a: np.ndarray, l: int | np.ndarray) -> float:
    """``cross_entropy`` without the input checks, for logits and labels checked once (as ``cross_entropy`` checks)."""
    log_yhat = unchecked_log_softmax(a)
    if a.ndim == 1:
        return float(-log_yhat[l])
    return float(-log_yhat[np.arange(a.shape[0]), l].mean())


def unchecked_cross_entropy_and_grad(a: np.ndarray, l: int | np.ndarray) -> tuple[float, np.ndarray]:
    """``cross_entropy_and_grad`` without the input checks, for a training loop whose data was checked once.

    ``a`` must be a finite float array of shape (k,) or (m, k) whose rows span less than the largest float, and
    ``l`` an int or an (m,) int array of labels in 0..k-1, as ``cross_entropy_and_grad`` checks.
    """
    grad = a - a.max(axis=-1, keepdims=True)  # shifted logits, every entry <= 0
    if a.ndim == 1:
        true_class_shifted = grad[l]
    else:
        m = a.shape[0]
        rows = np.arange(m)
        true_class_shifted = grad[rows, l]  # a copy, taken before exp overwrites grad
    np.exp(grad, out=grad)
    total = grad.sum(axis=-1, keepdims=True)
    log_yhat_true = true_class_shifted - np.log(total[..., 0])  # log ŷ_ℓ by log-sum-exp
    if a.ndim == 1:
        grad /= total  # ŷ
        grad[l] -= 1.0  # ŷ - e(ℓ)
        return float(-log_yhat_true), grad
    grad *= 1.0 / (m * total)  # Ŷ/m
    grad[rows, l] -= 1.0 / m  # (Ŷ - E)/m
    return float(-log_yhat_true.mean()), grad
