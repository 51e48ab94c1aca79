"""The validation split keeps the test set out, and the epoch rule picks the first epoch near the best."""

import numpy as np
import pytest

from helpers.training.data import diabetes_split, diabetes_validation_split, digits_split, digits_validation_split
from helpers.training.model_selection import epochs_to_reach


def _rows(a):
    return {row.tobytes() for row in np.round(a, 6)}


def test_digits_validation_split_is_stratified_and_standardised_on_the_fitting_part():
    split = digits_validation_split()
    assert split.a_train.shape == (1149, 64) and split.a_test.shape == (288, 64)
    assert np.allclose(split.a_train.mean(axis=0), 0)
    counts = np.bincount(split.y_test)
    assert counts.max() - counts.min() <= 1


def test_validation_parts_hold_no_test_example():
    from sklearn.datasets import load_digits

    images, _ = load_digits(return_X_y=True)
    test_raw = digits_split().a_test.shape[0]
    assert test_raw == 360
    split = digits_validation_split()
    assert split.a_train.shape[0] + split.a_test.shape[0] + test_raw == images.shape[0]
    diabetes = diabetes_validation_split()
    assert diabetes.a_train.shape[0] + diabetes.a_test.shape[0] == diabetes_split().a_train.shape[0]


def test_validation_split_is_seeded():
    assert np.array_equal(digits_validation_split().y_test, digits_validation_split().y_test)
    assert not np.array_equal(digits_validation_split().y_test, digits_validation_split(random_state=1).y_test)


def test_epochs_to_reach():
    losses = [2.3, 1.0, 0.5, 0.41, 0.40, 0.405]
    assert epochs_to_reach(losses, 0.05) == 3
    assert epochs_to_reach(losses, 0.0) == 4
    with pytest.raises(ValueError):
        epochs_to_reach([1.0], 0.1)
