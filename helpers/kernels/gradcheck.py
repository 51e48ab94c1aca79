"""Numerical gradients by central differences, and the relative error used to compare them.

A gradient derived by hand is trusted only once it matches

    ∂f/∂x_j ≈ (f(x + h e_j) - f(x - h e_j)) / 2h

for every entry j. In float64 with h = 1e-5 the two agree to about 1e-10 in
relative error when the derivation is right; a wrong sign, factor or index
shows up as a relative error near 1.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from helpers.kernels.validation import as_real_array, as_real_number


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
    h = as_real_number(h, "h", "a positive finite step", above=0)
    point = as_real_array(x, "x").astype(np.float64)
    grad = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + h
        f_plus = _scalar_value(f, point, index, "+")
        point[index] = original - h
        f_minus = _scalar_value(f, point, index, "-")
        point[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def _scalar_value(f: Callable[[np.ndarray], float], point: np.ndarray, index: tuple[int, ...], sign: str) -> float:
    """f at a copy of ``point``, checked to be one finite number; ``index`` and ``sign`` say where, for the error."""
    value = f(point.copy())
    if isinstance(value, float) and np.isfinite(value):  # the usual case: one Python or numpy float64
        return float(value)
    where = f"x[{', '.join(map(str, index))}] {sign} h"
    if np.ndim(value) != 0:
        raise TypeError(f"f must return a scalar; got an array of shape {np.shape(value)} at {where}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"f must return a real number; got {type(value).__name__} {value!r} at {where}") from None
    if not np.isfinite(number):
        raise ValueError(f"f must return a finite value; got {number} at {where}")
    return number


def describe_relative_error(error: float, tolerance: float = 1e-7) -> str:
    """Say whether a relative error passes, e.g. ``'< 1e-08 (passes: below 1e-07)'``.

    A passing error is reported only as below tolerance/10 or below the
    tolerance. Its digits, and even its power of ten, depend on how the
    machine rounds exp, log and matrix products, so a finer report would
    print different text on different machines; a correct derivation lands
    near 1e-10, a wrong one near 1.
    """
    if error >= tolerance:
        return f"= {error:.2g} (FAILS: not below {tolerance:.0e})"
    bound = tolerance / 10 if error < tolerance / 10 else tolerance
    return f"< {bound:.0e} (passes: below {tolerance:.0e})"


def entrywise_relative_error(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """|x - y| / max(1e-8, |x| + |y|) at every entry, as CS231n defines it.

    Parameters
    ----------
    x, y : array_like, the same shape

    Returns
    -------
    ndarray of float64, the shape of ``x``
    """
    x, y = _same_shape_pair(x, y)
    return np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))


def relative_error(x: ArrayLike, y: ArrayLike) -> float:
    """The largest ``entrywise_relative_error`` of x and y: below 1e-7 means they agree to float64
    gradient-check precision.

    Parameters
    ----------
    x, y : array_like, the same shape

    Returns
    -------
    float
    """
    return float(np.max(entrywise_relative_error(x, y)))


def norm_relative_error(x: ArrayLike, y: ArrayLike) -> float:
    """‖x - y‖ / (‖x‖ + ‖y‖) over all entries at once (0 when both are zero).

    For a whole layer of weights this is the measure to use: the entrywise
    ``relative_error`` is dominated by the few entries whose true gradient is
    smaller than central differences can resolve in float64 (about 1e-11 in
    absolute terms for a loss near 1), even when the backward pass is exact.
    """
    x, y = _same_shape_pair(x, y)
    total = np.linalg.norm(x) + np.linalg.norm(y)
    return 0.0 if total == 0 else float(np.linalg.norm(x - y) / total)


def _same_shape_pair(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    x = as_real_array(x, "x").astype(np.float64, copy=False)
    y = as_real_array(y, "y").astype(np.float64, copy=False)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape; got x {x.shape} and y {y.shape}")
    return x, y
