"""The data splits standardise with the training split's statistics only."""

import numpy as np
from sklearn.datasets import load_diabetes, load_digits
from sklearn.model_selection import train_test_split

from helpers.training.data import diabetes_split, digits_split


def test_diabetes_test_split_is_standardised_with_the_training_splits_mean_and_deviation():
    features, target = load_diabetes(return_X_y=True)
    raw_train, raw_test, _, _ = train_test_split(features, target, test_size=0.2, random_state=0)
    split = diabetes_split()
    np.testing.assert_allclose(
        split.x_held_out, (raw_test - raw_train.mean(axis=0)) / raw_train.std(axis=0), rtol=1e-12
    )
    assert np.abs(split.x_held_out.mean(axis=0)).max() > 0.01  # the test split's own mean is not removed


def test_digits_test_split_uses_the_training_statistics_and_keeps_blank_pixels_at_zero():
    images, labels = load_digits(return_X_y=True)
    raw_train, raw_test, _, _ = train_test_split(images, labels, test_size=0.2, random_state=0, stratify=labels)
    std = raw_train.std(axis=0)
    std[std == 0] = 1.0
    np.testing.assert_allclose(digits_split().x_held_out, (raw_test - raw_train.mean(axis=0)) / std, rtol=1e-12)
