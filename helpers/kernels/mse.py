"""A linear output layer ŷ = a W_out + bᵀ with the mean squared error, and its gradients.

Shapes follow the lecture note on the output weights: m examples, u units in
the last hidden layer, one output.

    a      (m, u)   activations of the last hidden layer
    W_out  (u, 1)   output weights
    b      (1, 1)   output bias
    y, ŷ   (m, 1)   targets and predictions ((m,) is accepted too, but both the same)

The project's one convention: L = (1/m) Σ_i (ŷ_i - y_i)², a scalar, so its
gradient (2/m) aᵀ(ŷ - y) already holds the 1/m and the update is W_out ← W_out - η ∇L.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.validation import as_matrix, as_targets


def linear_output(a: ArrayLike, W_out: ArrayLike, b: ArrayLike) -> np.ndarray:
    """ŷ = a W_out + bᵀ.

    Parameters
    ----------
    a : array_like, shape (m, u)
    W_out : array_like, shape (u, 1)
    b : array_like, shape (1, 1)

    Returns
    -------
    ndarray, shape (m, 1)
    """
    a = as_matrix(a, "a", (None, None))
    W_out = as_matrix(W_out, "W_out", (a.shape[1], 1))
    b = as_matrix(b, "b", (1, 1))
    return unchecked_linear_output(a, W_out, b)


def mse(y: ArrayLike, yhat: ArrayLike) -> float:
    """L = (1/m) Σ_i (y_i - ŷ_i)².

    Parameters
    ----------
    y, yhat : array_like, both of shape (m,) or both of shape (m, 1)

    Returns
    -------
    float
    """
    y, yhat = as_targets(y, yhat)
    return unchecked_mse(y, yhat)


def mse_grad_wrt_yhat(y: ArrayLike, yhat: ArrayLike) -> np.ndarray:
    """∂L/∂ŷ = (2/m)(ŷ - y), the gradient that flows back from the output; ∂L/∂W_out = aᵀ (∂L/∂ŷ).

    Parameters
    ----------
    y, yhat : array_like, both of shape (m,) or both of shape (m, 1)

    Returns
    -------
    ndarray, the shape of ``yhat``
    """
    y, yhat = as_targets(y, yhat)
    return (2.0 / y.shape[0]) * (yhat - y)


def unchecked_mse_and_grad_wrt_yhat(y: np.ndarray, yhat: np.ndarray) -> tuple[float, np.ndarray]:
    """``mse`` and ``mse_grad_wrt_yhat`` without the input checks, for a training loop whose data was checked once.

    ``y`` and ``yhat`` must be finite float arrays of the same shape, (m,) or (m, 1).
    """
    difference = yhat - y
    return float(np.mean(difference**2)), (2.0 / y.shape[0]) * difference


def mse_grad_wrt_weights_per_example(a: ArrayLike, y: ArrayLike, yhat: ArrayLike) -> np.ndarray:
    """The lecture's stacked matrix (eq. 11): row i is ∂l_i/∂W_out = 2(ŷ_i - y_i) a_i.

    Here l_i = (y_i - ŷ_i)² is example i's loss without the 1/m.

    Parameters
    ----------
    a : array_like, shape (m, u)
    y, yhat : array_like, shape (m, 1) or (m,)

    Returns
    -------
    ndarray, shape (m, u)
    """
    y, yhat = as_targets(y, yhat)
    a = as_matrix(a, "a", (y.shape[0], None))
    return 2.0 * (yhat - y).reshape(-1, 1) * a


def mse_grad_wrt_weights(a: ArrayLike, y: ArrayLike, yhat: ArrayLike) -> np.ndarray:
    """∂L/∂W_out = (2/m) aᵀ(ŷ - y), as one matrix product.

    Equal to the mean over the rows of ``mse_grad_wrt_weights_per_example``,
    without building that (m, u) matrix.

    Parameters
    ----------
    a : array_like, shape (m, u)
    y, yhat : array_like, shape (m, 1) or (m,)

    Returns
    -------
    ndarray, shape (u, 1)
    """
    y, yhat = as_targets(y, yhat)
    a = as_matrix(a, "a", (y.shape[0], None))
    return unchecked_mse_grad_wrt_weights(a, y, yhat)


def mse_grad_wrt_bias(y: ArrayLike, yhat: ArrayLike) -> np.ndarray:
    """∂L/∂b = (2/m) Σ_i (ŷ_i - y_i).

    Parameters
    ----------
    y, yhat : array_like, shape (m, 1) or (m,)

    Returns
    -------
    ndarray, shape (1, 1)
    """
    y, yhat = as_targets(y, yhat)
    return unchecked_mse_grad_wrt_bias(y, yhat)


# The same formulas without the input checks, for a training loop whose arrays were checked once
# (a: (m, u), W_out: (u, 1), b: (1, 1), y and yhat: (m, 1), all finite floats).


def unchecked_linear_output(a: np.ndarray, W_out: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``linear_output`` without the input checks."""
    return a @ W_out + b.T


def unchecked_mse(y: np.ndarray, yhat: np.ndarray) -> float:
    """``mse`` without the input checks."""
    return float(np.mean((y - yhat) ** 2))


def unchecked_mse_grad_wrt_weights(a: np.ndarray, y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """``mse_grad_wrt_weights`` without the input checks."""
    return (2.0 / y.shape[0]) * (a.T @ (yhat - y).reshape(-1, 1))


def unchecked_mse_grad_wrt_bias(y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """``mse_grad_wrt_bias`` without the input checks."""
    return np.full((1, 1), 2.0 * np.mean(yhat - y))
