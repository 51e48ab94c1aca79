"""Softmax, log-softmax and the softmax Jacobian, stable for any finite logits.

For logits a_L the output layer computes

    ŷ_i = exp(a_Li) / Σ_i' exp(a_Li').

Subtracting max(a_L) from every logit leaves ŷ unchanged (the factor
exp(-max) cancels) and keeps every exponent ≤ 0, so exp never overflows.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.validation import as_logits


def softmax(a: ArrayLike) -> np.ndarray:
    """ŷ = softmax(a) along the last axis.

    Parameters
    ----------
    a : array_like, shape (k,) or (m, k)
        Logits a_L of one example or of a batch of m examples.

    Returns
    -------
    ndarray, same shape as ``a``
        Probabilities: every row is positive or zero and sums to 1.
    """
    return unchecked_softmax(as_logits(a))


def softmax_jacobian(a: ArrayLike) -> np.ndarray:
    """The Jacobian ∂ŷ/∂a_L = diag(ŷ) - ŷŷᵀ of one example.

    Entry (i, j) is ∂ŷ_i/∂a_Lj = ŷ_i (1_(i=j) - ŷ_j).

    Parameters
    ----------
    a : array_like, shape (k,)

    Returns
    -------
    ndarray, shape (k, k)
        Symmetric; every row sums to 0.
    """
    return unchecked_softmax_jacobian(as_logits(a, ndims=(1,)))


# The same formulas without the input checks, for callers that checked the logits once (a: finite floats, (k,) or
# (m, k), every row spanning less than the largest float).


def unchecked_softmax(a: np.ndarray) -> np.ndarray:
    """``softmax`` without the input check."""
    exp_shifted = np.exp(a - a.max(axis=-1, keepdims=True))
    return exp_shifted / exp_shifted.sum(axis=-1, keepdims=True)


def unchecked_log_softmax(a: np.ndarray) -> np.ndarray:
    """log ŷ along the last axis, by the log-sum-exp trick, on logits already checked (``cross_entropy``'s).

    log ŷ_i = (a_i - max a) - log Σ_i' exp(a_i' - max a), which stays finite
    even where ŷ_i itself underflows to 0.
    """
    shifted = a - a.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def unchecked_softmax_jacobian(a: np.ndarray) -> np.ndarray:
    """``softmax_jacobian`` without the input check (``a`` of shape (k,))."""
    yhat = unchecked_softmax(a)
    return np.diag(yhat) - np.outer(yhat, yhat)
