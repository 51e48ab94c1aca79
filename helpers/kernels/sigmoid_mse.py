"""A sigmoid output with squared error, the pairing that softmax with cross-entropy replaces.

For one output z with target y ∈ {0, 1}: ŷ = σ(z) and L = (ŷ - y)², so

    ∂L/∂z = 2(ŷ - y) σ(z)(1 - σ(z)),

and the factor σ(z)(1 - σ(z)) vanishes when the unit saturates, even when it
is saturated at the wrong answer.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.activations import sigmoid


def sigmoid_mse(z: ArrayLike, y: float) -> np.ndarray:
    """L = (σ(z) - y)², elementwise."""
    return (sigmoid(z) - y) ** 2


def sigmoid_mse_grad_wrt_logit(z: ArrayLike, y: float) -> np.ndarray:
    """∂L/∂z = 2(σ(z) - y) σ(z)(1 - σ(z)), elementwise.

    Parameters
    ----------
    z : array_like, any shape
        Logits.
    y : float
        The target.

    Returns
    -------
    ndarray, same shape as ``z``
    """
    yhat = sigmoid(z)
    return 2.0 * (yhat - y) * yhat * (1.0 - yhat)
