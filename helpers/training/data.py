"""The real data sets the notebooks train on, from scikit-learn's bundled copies (no download).

Features are standardised with the training split's mean and standard
deviation only, so nothing about the test split leaks into training.

Every function returns a ``Split``: a training part and a *held-out* part. For
``diabetes_split`` and ``digits_split`` the held-out part is the test set. The
``*_validation_split`` functions carve a validation part out of the same
training split (the test examples are never in it), for choosing settings
without looking at the test set: there the held-out part is that validation
part, standardised with the remaining training part's statistics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.datasets import load_diabetes, load_digits
from sklearn.model_selection import train_test_split


@dataclass(frozen=True)
class Split:
    """A training part and a held-out part (the test set, or a validation part: the function that made the split
    says which): ``a_*`` of shape (m, u); ``y_*`` of shape (m, 1) for regression, (m,) labels for classes."""

    a_train: np.ndarray
    y_train: np.ndarray
    a_held_out: np.ndarray
    y_held_out: np.ndarray


def _standardise(a_train: np.ndarray, a_held_out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = a_train.mean(axis=0)
    std = a_train.std(axis=0)
    std[std == 0] = 1.0  # a constant feature (a blank pixel) stays 0 rather than dividing by 0
    return (a_train - mean) / std, (a_held_out - mean) / std


def diabetes_split(test_size: float = 0.2, random_state: int = 0) -> Split:
    """scikit-learn's diabetes data (442 patients, 10 features, a disease-progression score), split and standardised.

    Returns
    -------
    Split
        ``a_train`` (353, 10), ``y_train`` (353, 1); the held-out part is the test set, ``a_held_out`` (89, 10),
        ``y_held_out`` (89, 1).
    """
    a_train, a_test, y_train, y_test = _diabetes_raw_split(test_size, random_state)
    a_train, a_test = _standardise(a_train, a_test)
    return Split(a_train, y_train.reshape(-1, 1), a_test, y_test.reshape(-1, 1))


def _diabetes_raw_split(test_size: float, random_state: int) -> tuple[np.ndarray, ...]:
    features, target = load_diabetes(return_X_y=True)
    return tuple(train_test_split(features, target, test_size=test_size, random_state=random_state))


def diabetes_validation_split(validation: float = 0.2, test_size: float = 0.2, random_state: int = 0) -> Split:
    """``diabetes_split``'s training part split again into a fitting part and a validation part (``a_held_out``).

    Returns
    -------
    Split
        ``a_train`` (282, 10), ``y_train`` (282, 1), ``a_held_out`` (71, 10), ``y_held_out`` (71, 1) with the defaults;
        the 89 test patients of ``diabetes_split`` are in neither part.
    """
    a_train, _, y_train, _ = _diabetes_raw_split(test_size, random_state)
    a_fit, a_val, y_fit, y_val = train_test_split(a_train, y_train, test_size=validation, random_state=random_state)
    a_fit, a_val = _standardise(a_fit, a_val)
    return Split(a_fit, y_fit.reshape(-1, 1), a_val, y_val.reshape(-1, 1))


def _digits_raw_split(test_size: float, random_state: int) -> tuple[np.ndarray, ...]:
    images, labels = load_digits(return_X_y=True)
    return tuple(train_test_split(images, labels, test_size=test_size, random_state=random_state, stratify=labels))


def digits_split(test_size: float = 0.2, random_state: int = 0) -> Split:
    """scikit-learn's 8×8 digits (1,797 images, 10 classes), a stratified split, pixels standardised.

    Returns
    -------
    Split
        ``a_train`` (1437, 64), ``y_train`` (1437,) int labels; the held-out part is the test set, ``a_held_out``
        (360, 64), ``y_held_out`` (360,).
    """
    a_train, a_test, y_train, y_test = _digits_raw_split(test_size, random_state)
    a_train, a_test = _standardise(a_train, a_test)
    return Split(a_train, y_train, a_test, y_test)


def digits_validation_split(validation: float = 0.2, test_size: float = 0.2, random_state: int = 0) -> Split:
    """``digits_split``'s training part split again, stratified and seeded, into a fitting part and a validation
    part (``a_held_out``), pixels standardised with the fitting part's statistics only.

    Returns
    -------
    Split
        ``a_train`` (1149, 64), ``y_train`` (1149,), ``a_held_out`` (288, 64), ``y_held_out`` (288,) with the defaults;
        the 360 test images of ``digits_split`` are in neither part.
    """
    a_train, _, y_train, _ = _digits_raw_split(test_size, random_state)
    a_fit, a_val, y_fit, y_val = train_test_split(
        a_train, y_train, test_size=validation, random_state=random_state, stratify=y_train
    )
    a_fit, a_val = _standardise(a_fit, a_val)
    return Split(a_fit, y_fit, a_val, y_val)


def digits_test_images(test_size: float = 0.2, random_state: int = 0) -> np.ndarray:
    """The test split's images as they are (pixel values 0 to 16), for looking at: shape (360, 64)."""
    return _digits_raw_split(test_size, random_state)[1]


def with_standardised_target(split: Split) -> tuple[Split, float]:
    """The same split with y rescaled to mean 0 and standard deviation 1 on the training set.

    Returns
    -------
    Split, float
        The rescaled split and the training target's standard deviation σ: an MSE on the
        rescaled targets times σ² is the MSE in the original units.
    """
    mean = float(split.y_train.mean())
    std = float(split.y_train.std())
    return Split(split.a_train, (split.y_train - mean) / std, split.a_held_out, (split.y_held_out - mean) / std), std
