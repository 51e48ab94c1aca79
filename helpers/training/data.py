"""The real data sets the notebooks train on, from scikit-learn's bundled copies (no download).

Inputs are standardised with the training part's mean and standard
deviation only, so nothing about the held-out part leaks into training.

Each function returns a training part and a *held-out* part, named for what
they hold: a ``LabelledSplit`` for the digits (inputs ``x`` and class labels),
a ``RegressionSplit`` for the diabetes data (inputs ``x`` and the lecture's
regression target ``y``, shape (m, 1)). For ``digits_split`` and
``diabetes_split`` the held-out part is the test set. The
``*_validation_split`` functions carve a validation part out of the same
training part (the test examples are never in it), for choosing settings
without looking at the test set: there the held-out part is that validation
part, standardised with the remaining training part's statistics.

Both splits are named tuples with the same order, (training inputs, training
targets, held-out inputs, held-out targets), so that the training loop can
take either and unpack it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class LabelledSplit(NamedTuple):
    """Inputs and class labels, for a training part and a held-out part (the test set, or a validation part: the
    function that made the split says which).

    Attributes
    ----------
    x_train : ndarray, shape (m, n)
    labels_train : ndarray of int, shape (m,)
        The true class ℓ of each training example, 0..k-1.
    x_held_out : ndarray, shape (m_held_out, n)
    labels_held_out : ndarray of int, shape (m_held_out,)
    """

    x_train: np.ndarray
    labels_train: np.ndarray
    x_held_out: np.ndarray
    labels_held_out: np.ndarray

    @property
    def k(self) -> int:
        """The number of classes: one more than the largest training label."""
        return int(self.labels_train.max()) + 1


class RegressionSplit(NamedTuple):
    """Inputs and regression targets, for a training part and a held-out part (the test set, or a validation part:
    the function that made the split says which).

    Attributes
    ----------
    x_train : ndarray, shape (m, n)
    y_train : ndarray, shape (m, 1)
        The lecture's target y of each training example.
    x_held_out : ndarray, shape (m_held_out, n)
    y_held_out : ndarray, shape (m_held_out, 1)
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_held_out: np.ndarray
    y_held_out: np.ndarray


Split = LabelledSplit | RegressionSplit


def _standardise(x_train: np.ndarray, x_held_out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std[std == 0] = 1.0  # a constant feature (a blank pixel) stays 0 rather than dividing by 0
    return (x_train - mean) / std, (x_held_out - mean) / std


# scikit-learn is imported where it is used: it takes a second to import, and most of the package never needs it.


def _diabetes_raw_split(test_size: float, random_state: int) -> tuple[np.ndarray, ...]:
    from sklearn.datasets import load_diabetes
    from sklearn.model_selection import train_test_split

    features, target = load_diabetes(return_X_y=True)
    return tuple(train_test_split(features, target, test_size=test_size, random_state=random_state))


def _digits_raw_split(test_size: float, random_state: int) -> tuple[np.ndarray, ...]:
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    images, labels = load_digits(return_X_y=True)
    return tuple(train_test_split(images, labels, test_size=test_size, random_state=random_state, stratify=labels))


def diabetes_split(test_size: float = 0.2, random_state: int = 0) -> RegressionSplit:
    """scikit-learn's diabetes data (442 patients, 10 features, a disease-progression score), split and standardised.

    Returns
    -------
    RegressionSplit
        ``x_train`` (353, 10), ``y_train`` (353, 1); the held-out part is the test set, ``x_held_out`` (89, 10),
        ``y_held_out`` (89, 1).
    """
    x_train, x_test, y_train, y_test = _diabetes_raw_split(test_size, random_state)
    x_train, x_test = _standardise(x_train, x_test)
    return RegressionSplit(x_train, y_train.reshape(-1, 1), x_test, y_test.reshape(-1, 1))


def diabetes_validation_split(
    validation: float = 0.2, test_size: float = 0.2, random_state: int = 0
) -> RegressionSplit:
    """``diabetes_split``'s training part split again into a fitting part and a validation part (``x_held_out``).

    Returns
    -------
    RegressionSplit
        ``x_train`` (282, 10), ``y_train`` (282, 1), ``x_held_out`` (71, 10), ``y_held_out`` (71, 1) with the
        defaults; the 89 test patients of ``diabetes_split`` are in neither part.
    """
    from sklearn.model_selection import train_test_split

    x_train, _, y_train, _ = _diabetes_raw_split(test_size, random_state)
    x_fit, x_val, y_fit, y_val = train_test_split(x_train, y_train, test_size=validation, random_state=random_state)
    x_fit, x_val = _standardise(x_fit, x_val)
    return RegressionSplit(x_fit, y_fit.reshape(-1, 1), x_val, y_val.reshape(-1, 1))


def digits_split(test_size: float = 0.2, random_state: int = 0) -> LabelledSplit:
    """scikit-learn's 8×8 digits (1,797 images, 10 classes), a stratified split, pixels standardised.

    Returns
    -------
    LabelledSplit
        ``x_train`` (1437, 64), ``labels_train`` (1437,) int labels; the held-out part is the test set,
        ``x_held_out`` (360, 64), ``labels_held_out`` (360,).
    """
    x_train, x_test, labels_train, labels_test = _digits_raw_split(test_size, random_state)
    x_train, x_test = _standardise(x_train, x_test)
    return LabelledSplit(x_train, labels_train, x_test, labels_test)


def digits_validation_split(validation: float = 0.2, test_size: float = 0.2, random_state: int = 0) -> LabelledSplit:
    """``digits_split``'s training part split again, stratified and seeded, into a fitting part and a validation
    part (``x_held_out``), pixels standardised with the fitting part's statistics only.

    Returns
    -------
    LabelledSplit
        ``x_train`` (1149, 64), ``labels_train`` (1149,), ``x_held_out`` (288, 64), ``labels_held_out`` (288,) with
        the defaults; the 360 test images of ``digits_split`` are in neither part.
    """
    from sklearn.model_selection import train_test_split

    x_train, _, labels_train, _ = _digits_raw_split(test_size, random_state)
    x_fit, x_val, labels_fit, labels_val = train_test_split(
        x_train, labels_train, test_size=validation, random_state=random_state, stratify=labels_train
    )
    x_fit, x_val = _standardise(x_fit, x_val)
    return LabelledSplit(x_fit, labels_fit, x_val, labels_val)


def digits_test_images(test_size: float = 0.2, random_state: int = 0) -> np.ndarray:
    """The test split's images as they are (pixel values 0 to 16), for looking at: shape (360, 64)."""
    return _digits_raw_split(test_size, random_state)[1]


def with_standardised_target(split: RegressionSplit) -> tuple[RegressionSplit, float]:
    """The same split with y rescaled to mean 0 and standard deviation 1 on the training part.

    Returns
    -------
    RegressionSplit, float
        The rescaled split and the training target's standard deviation σ: an MSE on the
        rescaled targets times σ² is the MSE in the original units.
    """
    mean = float(split.y_train.mean())
    std = float(split.y_train.std())
    return split._replace(y_train=(split.y_train - mean) / std, y_held_out=(split.y_held_out - mean) / std), std
