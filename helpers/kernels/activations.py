"""The hidden layer's activations g and their derivatives g', elementwise.

    ReLU:     g(z) = max(z, 0)             g'(z) = 1 where z > 0, else 0
    sigmoid:  g(z) = 1 / (1 + exp(-z))     g'(z) = g(z) (1 - g(z))

``sigmoid`` checks its input (notebook 2 and the exercises call it). The
``unchecked_*`` functions, and the ``Activation`` pairs built from them, do
not: they are for the training loop, whose arrays were checked once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.validation import as_real_array


def unchecked_relu(z: np.ndarray) -> np.ndarray:
    """``relu`` without the input check."""
    return np.maximum(z, 0.0)


def unchecked_relu_derivative(z: np.ndarray) -> np.ndarray:
    """1(z > 0) as a boolean mask, which numpy multiplies as 1.0 and 0.0; ReLU has no derivative at 0, and 0 is
    taken there."""
    return z > 0


def unchecked_sigmoid(z: np.ndarray) -> np.ndarray:
    """``sigmoid`` without the input check."""
    # exp(-log(1 + exp(-z))): never overflows, unlike 1 / (1 + exp(-z)) for z far below 0
    return np.exp(-np.logaddexp(0.0, -z))


def unchecked_sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    """σ(z)(1 - σ(z)), without the input check."""
    s = unchecked_sigmoid(z)
    return s * (1.0 - s)


@dataclass(frozen=True)
class Activation:
    """An activation g and its derivative g', both elementwise on an array already checked."""

    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]


ACTIVATIONS = {
    "relu": Activation(unchecked_relu, unchecked_relu_derivative),
    "sigmoid": Activation(unchecked_sigmoid, unchecked_sigmoid_derivative),
}


def activation_named(name: str) -> Activation:
    """The ``Activation`` called ``name`` ("relu" or "sigmoid"); an error naming the choices for anything else."""
    if not isinstance(name, str):
        raise TypeError(f"activation must be one of {sorted(ACTIVATIONS)}, a string; got {type(name).__name__}")
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {name!r}")
    return ACTIVATIONS[name]


def sigmoid(z: ArrayLike) -> np.ndarray:
    """σ(z) = 1 / (1 + exp(-z)), elementwise, computed as exp(-log(1 + exp(-z))) so that it never overflows.

    Parameters
    ----------
    z : array_like, any shape

    Returns
    -------
    ndarray, same shape as ``z``
    """
    return unchecked_sigmoid(as_real_array(z, "z"))
