"""The hidden layer's activations g and their derivatives g', elementwise.

    ReLU:     g(z) = max(z, 0)             g'(z) = 1 where z > 0, else 0
    sigmoid:  g(z) = 1 / (1 + exp(-z))     g'(z) = g(z) (1 - g(z))

``relu`` and ``sigmoid`` check their input; ``ACTIVATIONS`` holds the same
formulas unchecked, for a training loop whose arrays were checked once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.validation import as_real_array


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _relu_derivative(z: np.ndarray) -> np.ndarray:
    return z > 0  # True (1) where z > 0: numpy multiplies a boolean mask as 1.0 and 0.0


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp(-log(1 + exp(-z))): never overflows, unlike 1 / (1 + exp(-z)) for z far below 0
    return np.exp(-np.logaddexp(0.0, -z))


def _sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    s = _sigmoid(z)
    return s * (1.0 - s)


@dataclass(frozen=True)
class Activation:
    """An activation ``g`` and its derivative ``derivative``, both elementwise on an unchecked array (the
    derivative may be a boolean mask, which multiplies as 1.0 and 0.0)."""

    g: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]


ACTIVATIONS = {
    "relu": Activation(_relu, _relu_derivative),
    "sigmoid": Activation(_sigmoid, _sigmoid_derivative),
}


def activation_named(activation: str) -> Activation:
    """The ``Activation`` called ``activation``; a ``ValueError`` naming the choices for any other name."""
    if not isinstance(activation, str):
        raise TypeError(f"activation must be one of {sorted(ACTIVATIONS)}, a string; got {type(activation).__name__}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {activation!r}")
    return ACTIVATIONS[activation]


def relu(z: ArrayLike) -> np.ndarray:
    """max(z, 0), elementwise.

    Parameters
    ----------
    z : array_like, any shape

    Returns
    -------
    ndarray, same shape as ``z``
    """
    return _relu(as_real_array(z, "z"))


def sigmoid(z: ArrayLike) -> np.ndarray:
    """σ(z) = 1 / (1 + exp(-z)), elementwise, computed as exp(-log(1 + exp(-z))) so that it never overflows.

    Parameters
    ----------
    z : array_like, any shape

    Returns
    -------
    ndarray, same shape as ``z``
    """
    return _sigmoid(as_real_array(z, "z"))
