"""Every argument check of the package, in one place: the kernels', and the other layers' too.

Each check either returns a clean numpy array or raises a ``ValueError`` /
``TypeError`` whose message names the argument, says what was expected and
shows what was given. No kernel lets a bad input turn into a silent broadcast
or a NaN further down.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike


def as_real_array(x: ArrayLike, name: str, ndims: tuple[int, ...] | None = None) -> np.ndarray:
    """Return ``x`` as a non-empty, finite, floating-point array.

    Float32 and float64 inputs keep their dtype; integers become float64.

    Parameters
    ----------
    x : array_like
        The value to check.
    name : str
        The argument's name, used in error messages.
    ndims : tuple of int, optional
        The allowed numbers of dimensions; any when None.

    Raises
    ------
    TypeError
        If ``x`` is not an array of real numbers (bool, complex, strings).
    ValueError
        If ``x`` has the wrong number of dimensions, is empty or holds NaN or inf.
    """
    _refuse_masked(x, name)
    array = np.asarray(x)
    if array.dtype == bool or not np.issubdtype(array.dtype, np.number) or np.iscomplexobj(array):
        raise TypeError(f"{name} must be an array of real numbers; got dtype {array.dtype}")
    if ndims is not None and array.ndim not in ndims:
        expected = " or ".join(f"{n}-D" for n in ndims)
        raise ValueError(f"{name} must be {expected}; got shape {array.shape} ({array.ndim}-D)")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    if not np.issubdtype(array.dtype, np.floating):
        array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite; got {np.count_nonzero(~np.isfinite(array))} NaN or inf entries")
    return array


def _refuse_masked(x: object, name: str) -> None:
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(f"{name} must be a plain array; got a masked array, whose mask the computation would ignore")


def as_logits(a: ArrayLike, ndims: tuple[int, ...] = (1, 2)) -> np.ndarray:
    """Check logits ``a``: shape (k,) for one example or (m, k) for a batch (``ndims=(1,)``: one example only).

    Also refused: a row whose largest and smallest logits lie further apart
    than the largest float (e.g. -1e308 and 1e308), because every kernel
    subtracts the row's maximum and that difference would overflow.
    """
    a = as_real_array(a, "a", ndims=ndims)
    half_span = a.max(axis=-1) / 2 - a.min(axis=-1) / 2  # halves: the span itself may overflow
    if np.any(half_span > np.finfo(a.dtype).max / 2):
        raise ValueError(
            f"a must have rows whose logits lie within {np.finfo(a.dtype).max:.3g} of each other "
            f"(the largest {a.dtype} number); got a row from {a.min():.3g} to {a.max():.3g}"
        )
    return a


def as_class_labels(l: ArrayLike, k: int, m: int | None, name: str = "l") -> int | np.ndarray:
    """Check true-class labels ``l`` against ``k`` classes.

    Parameters
    ----------
    l : int or array_like of int
        One class index when ``m`` is None, else an (m,) array of indices.
    k : int
        The number of classes; every label must lie in ``0 .. k-1``.
    m : int or None
        The batch size, or None for a single example.

    Returns
    -------
    int or ndarray of shape (m,)
    """
    _refuse_masked(l, name)
    if m is None:
        if isinstance(l, (bool, np.bool_)) or not isinstance(l, numbers.Integral):
            raise TypeError(f"{name} must be an integer class index in 0..{k - 1}; got {type(l).__name__} {l!r}")
        if not 0 <= l < k:
            raise ValueError(f"{name} must be a class index in 0..{k - 1} (k = {k}); got {l}")
        return int(l)
    labels = np.asarray(l)
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"{name} must be an array of integer class indices; got dtype {labels.dtype}")
    if labels.shape != (m,):
        raise ValueError(f"{name} must have shape ({m},), one label per row; got shape {labels.shape}")
    out_of_range = (labels < 0) | (labels >= k)
    if np.any(out_of_range):
        bad = labels[out_of_range][0]
        raise ValueError(f"{name} must hold class indices in 0..{k - 1} (k = {k}); got {bad}")
    return labels


def as_logits_and_labels(
    a: ArrayLike, l: int | ArrayLike, ndims: tuple[int, ...] = (1, 2)
) -> tuple[np.ndarray, int | np.ndarray]:
    """Check logits ``a`` (``as_logits``) and their true classes ``l``: an int for (k,) logits, an (m,) int array for
    (m, k) logits."""
    a = as_logits(a, ndims)
    return a, as_class_labels(l, a.shape[-1], None if a.ndim == 1 else a.shape[0])


def as_probabilities_and_labels(yhat: ArrayLike, l: int | ArrayLike) -> tuple[np.ndarray, int | np.ndarray]:
    """Check probabilities ``yhat``, (k,) or (m, k), entries in [0, 1], and their true classes ``l``, at which
    ``yhat`` must be positive (-log 0 is infinite)."""
    yhat = as_real_array(yhat, "yhat", ndims=(1, 2))
    if np.any((yhat < 0) | (yhat > 1)):
        raise ValueError(
            f"yhat must hold probabilities in [0, 1]; got entries from {yhat.min():.6g} to {yhat.max():.6g}"
        )
    m = None if yhat.ndim == 1 else yhat.shape[0]
    labels = as_class_labels(l, yhat.shape[-1], m)
    true_class_probability = yhat[labels] if m is None else yhat[np.arange(m), labels]
    if np.any(true_class_probability == 0):
        raise ValueError("yhat must be positive at the true class l: -log(0) is infinite; got yhat_l = 0")
    return yhat, labels


def as_matrix(x: ArrayLike, name: str, shape: tuple[int | None, int | None]) -> np.ndarray:
    """Check that ``x`` is a finite 2-D array whose shape matches ``shape`` (None: any size)."""
    array = as_real_array(x, name, ndims=(2,))
    if any(want is not None and got != want for got, want in zip(array.shape, shape, strict=True)):
        expected = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
        raise ValueError(f"{name} must have shape {expected}; got shape {array.shape}")
    return array


def as_targets(y: ArrayLike, yhat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Check a pair of regression targets and predictions of the same shape, (m,) or (m, 1).

    An (m,) array against an (m, 1) array is refused: numpy would broadcast
    their difference to an (m, m) matrix and give a wrong loss without a word.
    """
    y_array = as_real_array(y, "y", ndims=(1, 2))
    yhat_array = as_real_array(yhat, "yhat", ndims=(1, 2))
    for name, array in (("y", y_array), ("yhat", yhat_array)):
        if array.ndim == 2 and array.shape[1] != 1:
            raise ValueError(f"{name} must have shape (m,) or (m, 1); got shape {array.shape}")
    if y_array.shape != yhat_array.shape:
        raise ValueError(
            f"y and yhat must have the same shape, (m,) or (m, 1); got y {y_array.shape} and yhat "
            f"{yhat_array.shape} (numpy would broadcast them to an (m, m) matrix)"
        )
    return y_array, yhat_array


def _is_integer(value: object) -> bool:
    # bool is an int subclass in Python, but True epochs or a False seed is a slip, not a number
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def as_positive_integer(value: object, name: str, what: str = "") -> int:
    """Return ``value`` as an ``int`` if it is an integer >= 1 (a count: classes, units, epochs, a batch size).

    ``what`` says what is counted, for the message (e.g. "number of classes"). Raises a ``ValueError`` naming
    ``name`` for anything else: a float such as 2.0, a bool, 0 or a negative number.
    """
    if not _is_integer(value) or value < 1:
        counted = f" {what}" if what else ""
        raise ValueError(f"{name} must be a positive integer{counted}; got {value!r}")
    return int(value)


def as_real_number(
    value: object,
    name: str,
    what: str,
    *,
    above: float | None = None,
    at_least: float | None = None,
    below: float | None = None,
    at_most: float | None = None,
) -> float:
    """Return ``value`` as a ``float`` if it is one finite real number within the bounds given.

    ``what`` says what was expected, for the message: ``f"{name} must be {what}; got {value!r}"``, a
    ``ValueError`` for anything else (a bool, a string, an array, NaN, infinity, a number out of bounds).
    """
    is_number = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
    if not (
        is_number
        and np.isfinite(value)
        and (above is None or value > above)
        and (at_least is None or value >= at_least)
        and (below is None or value < below)
        and (at_most is None or value <= at_most)
    ):
        raise ValueError(f"{name} must be {what}; got {value!r}")
    return float(value)


def as_learning_rate(value: object, name: str = "eta") -> float:
    """Return ``value`` as a ``float`` if it is a finite number > 0, the learning rate η of an update."""
    return as_real_number(value, name, "a positive learning rate, a finite number > 0", above=0)


def as_instance(value: object, name: str, *kinds: type) -> object:
    """Return ``value`` if it is an instance of one of ``kinds``; a ``TypeError`` naming them otherwise."""
    if not isinstance(value, kinds):
        expected = " or ".join(f"a {kind.__name__}" for kind in kinds)
        raise TypeError(f"{name} must be {expected}; got {type(value).__name__}")
    return value


def as_seed(value: object, name: str = "seed") -> int:
    """Return ``value`` as an ``int`` if it is an integer >= 0, a seed for ``numpy.random.default_rng``.

    numpy would also take None (a fresh, unrepeatable seed) or an array: both are refused, so that a run named
    by its seed repeats.
    """
    if not _is_integer(value) or value < 0:
        raise ValueError(f"{name} must be an integer >= 0, a seed that makes the run repeat; got {value!r}")
    return int(value)
