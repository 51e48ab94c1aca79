"""The validation split keeps the test set out, and the epoch rule picks the first epoch near the best."""

import numpy as np
import pytest

from helpers.training.data import diabetes_split, diabetes_validation_split, digits_split, digits_validation_split
from helpers.training.model_selection import epochs_to_reach


def test_digits_validation_split_is_stratified_and_standardised_on_the_fitting_part():
    split = digits_validation_split()
    assert split.a_train.shape == (1149, 64) and split.a_test.shape == (288, 64)
    assert np.allclose(split.a_train.mean(axis=0), 0)
    counts = np.bincount(split.y_test)
    assert counts.max() - counts.min() <= 1


def test_validation_parts_hold_no_test_example():
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    images, labels = load_digits(return_X_y=True)
    rows = np.arange(len(images))
    train_rows, test_rows = train_test_split(rows, test_size=0.2, random_state=0, stratify=labels)
    fit_rows, validation_rows = train_test_split(train_rows, test_size=0.2, random_state=0, stratify=labels[train_rows])
    assert not set(test_rows) & (set(fit_rows) | set(validation_rows))
    # ... and those are the rows the validation split holds: the validation part is exactly these images,
    # standardised with the fitting part's statistics
    std = images[fit_rows].std(axis=0)
    std[std == 0] = 1.0
    expected = (images[validation_rows] - images[fit_rows].mean(axis=0)) / std
    np.testing.assert_allclose(digits_validation_split().a_test, expected, rtol=1e-12)
    np.testing.assert_array_equal(digits_split().y_test, labels[test_rows])
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


def test_epochs_to_reach_names_a_run_that_never_improved():
    with pytest.raises(ValueError, match="the lowest, 1, is the loss before training"):
        epochs_to_reach([1.0, 2.0, 3.0], 0.1)
    with pytest.raises(ValueError, match="tolerance must be a fraction >= 0"):
        epochs_to_reach([3.0, 2.0, 1.0], -0.1)
