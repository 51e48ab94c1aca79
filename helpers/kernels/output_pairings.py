"""The two output-and-loss pairings that change one thing from notebook 2's comparison.

Notebook 2 sets a sigmoid with squared error against softmax with
cross-entropy, which changes the output function and the loss at once. These
two change one thing each:

- a sigmoid with (binary) cross-entropy, L = -(y log σ(z) + (1 - y) log(1 - σ(z))),
  whose gradient is ∂L/∂z = σ(z) - y: prediction minus target, like softmax with cross-entropy;
- softmax with squared error, L = Σ_i (ŷ_i - e(ℓ)_i)², whose gradient is
  ∇_{a_L} L = Jᵀ 2(ŷ - e(ℓ)), J = diag(ŷ) - ŷŷᵀ, which vanishes with ŷ_ℓ like a sigmoid with squared error.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.activations import sigmoid
from helpers.kernels.cross_entropy import one_hot
from helpers.kernels.softmax import softmax
from helpers.kernels.validation import as_logits_and_labels, as_real_array, as_real_number


def _check_target(y: float) -> float:
    return as_real_number(y, "y", "a target in [0, 1] for a sigmoid output", at_least=0, at_most=1)


def sigmoid_cross_entropy(z: ArrayLike, y: float) -> np.ndarray:
    """L = -(y log σ(z) + (1 - y) log(1 - σ(z))), elementwise, as max(z, 0) - y z + log(1 + exp(-|z|)).

    That form takes no log of a probability, so it stays finite where σ(z) rounds to 0 or 1 (|z| up to 1e4 and more).

    Parameters
    ----------
    z : array_like, any shape
        Logits.
    y : float
        The target, in [0, 1].

    Returns
    -------
    ndarray, same shape as ``z``
    """
    z = as_real_array(z, "z")
    y = _check_target(y)
    return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))


def sigmoid_cross_entropy_grad_wrt_logit(z: ArrayLike, y: float) -> np.ndarray:
    """∂L/∂z = σ(z) - y, elementwise: no σ'(z) factor is left to vanish.

    Parameters
    ----------
    z : array_like, any shape
        Logits.
    y : float
        The target, in [0, 1].

    Returns
    -------
    ndarray, same shape as ``z``
    """
    return sigmoid(z) - _check_target(y)


def softmax_mse_grad_wrt_logits(a: ArrayLike, l: int) -> np.ndarray:
    """∇_{a_L} L = Jᵀ 2(ŷ - e(ℓ)) with J = diag(ŷ) - ŷŷᵀ, computed as 2(ŷ ⊙ d - ŷ (ŷ · d)), d = ŷ - e(ℓ).

    Parameters
    ----------
    a : array_like, shape (k,)
        Logits.
    l : int
        True class, in 0 .. k-1.

    Returns
    -------
    ndarray, shape (k,)
    """
    a, l = as_logits_and_labels(a, l, ndims=(1,))
    yhat = softmax(a)
    d = 2.0 * (yhat - one_hot(l, a.shape[0]))
    return yhat * d - yhat * (yhat @ d)
