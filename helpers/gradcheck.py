"""Numerical gradients by central differences, and the relative error used to compare them.

A gradient derived by hand is trusted only once it matches

    ∂f/∂x_j ≈ (f(x + h e_j) - f(x - h e_j)) / 2h

for every entry j. In float64 with h = 1e-5 the two agree to about 1e-10 in
relative error when the derivation is right; a wrong sign, factor or index
shows up as a relative error near 1.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from numpy.typing import ArrayLike

from helpers.validation import as_real_array


def numerical_gradient(f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of a scalar function ``f`` at ``x``, in float64.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns a scalar.
    x : array_like, any shape
        The point; it is copied to float64 and never modified.
    h : float
        The step.

    Returns
    -------
    ndarray of float64, same shape as ``x``
    """
    if not callable(f):
        raise TypeError(f"f must be a callable that returns a scalar; got {type(f).__name__}")
    if not (isinstance(h, (int, float)) and np.isfinite(h) and h > 0):
        raise ValueError(f"h must be a positive finite step; got {h!r}")
    point = as_real_array(x, "x").astype(np.float64)
    grad = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + h
        f_plus = f(point.copy())
        point[index] = original - h
        f_minus = f(point.copy())
        point[index] = original
        grad[index] = (float(f_plus) - float(f_minus)) / (2 * h)
    return grad


def describe_relative_error(error: float, tolerance: float = 1e-7) -> str:
    """Say how small a relative error is by its order of magnitude, e.g. ``'< 1e-11 (passes: below 1e-07)'``.

    The last digits of an error near 1e-12 depend on how the machine rounds
    exp and log, so the notebooks print only the power of ten above it.
    """
    if error >= tolerance:
        return f"= {error:.2g} (FAILS: not below {tolerance:.0e})"
    verdict = f"passes: below {tolerance:.0e}"
    if error == 0:
        return f"= 0 ({verdict})"
    return f"< 1e{int(np.floor(np.log10(error))) + 1:d} ({verdict})"


def relative_error(x: ArrayLike, y: ArrayLike) -> float:
    """max over entries of |x - y| / max(1e-8, |x| + |y|), as CS231n defines it.

    Parameters
    ----------
    x, y : array_like, the same shape

    Returns
    -------
    float
        Below 1e-7 means the two agree to float64 gradient-check precision.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape; got x {x.shape} and y {y.shape}")
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))


def norm_relative_error(x: ArrayLike, y: ArrayLike) -> float:
    """‖x - y‖ / (‖x‖ + ‖y‖) over all entries at once (0 when both are zero).

    For a whole layer of weights this is the measure to use: the entrywise
    ``relative_error`` is dominated by the few entries whose true gradient is
    smaller than central differences can resolve in float64 (about 1e-11 in
    absolute terms for a loss near 1), even when the backward pass is exact.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape; got x {x.shape} and y {y.shape}")
    total = np.linalg.norm(x) + np.linalg.norm(y)
    return 0.0 if total == 0 else float(np.linalg.norm(x - y) / total)
