"""Three ways to the same gradient ∂L/∂W_out = (2/m) aᵀ(ŷ - y), for comparing their speed and memory.

All take ``a`` (m, u), ``y`` and ``yhat`` (m, 1) and return shape (u, 1).
"""

from __future__ import annotations

import numpy as np


def loop_over_examples(a: np.ndarray, y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """Add up 2(ŷ_i - y_i) a_i one example at a time in Python, then divide by m (the lecture's eq. 8, m times)."""
    m, u = a.shape
    total = np.zeros(u)
    for i in range(m):
        total += 2.0 * (yhat[i, 0] - y[i, 0]) * a[i]
    return (total / m).reshape(u, 1)


def broadcast_then_sum(a: np.ndarray, y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """Build the stacked (m, u) matrix 2(ŷ - y) * a by broadcasting (eq. 11), then average its rows (eq. 12)."""
    m, u = a.shape
    stacked = 2.0 * (yhat - y) * a
    return stacked.sum(axis=0).reshape(u, 1) / m


def matrix_product(a: np.ndarray, y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    """(2/m) aᵀ(ŷ - y): one matrix-vector product, no (m, u) intermediate."""
    return (2.0 / a.shape[0]) * (a.T @ (yhat - y))
