"""The validation split keeps the test set out; settings are scored over seeds; the epoch rule picks the first
epoch near the best."""

import numpy as np
import pytest

from helpers.training.data import diabetes_split, diabetes_validation_split, digits_split, digits_validation_split
from helpers.training.history import History
from helpers.training.model_selection import (
    SeededRuns,
    epochs_to_reach,
    lowest_mean,
    smallest_within_spread,
    validation_runs,
)
from helpers.training.sgd import TrainingSettings


def test_digits_validation_split_is_stratified_and_standardised_on_the_fitting_part():
    split = digits_validation_split()
    assert split.x_train.shape == (1149, 64) and split.x_held_out.shape == (288, 64)
    assert np.allclose(split.x_train.mean(axis=0), 0)
    counts = np.bincount(split.labels_held_out)
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
    np.testing.assert_allclose(digits_validation_split().x_held_out, expected, rtol=1e-12)
    np.testing.assert_array_equal(digits_split().labels_held_out, labels[test_rows])
    diabetes = diabetes_validation_split()
    assert diabetes.x_train.shape[0] + diabetes.x_held_out.shape[0] == diabetes_split().x_train.shape[0]


def test_validation_split_is_seeded():
    assert np.array_equal(digits_validation_split().labels_held_out, digits_validation_split().labels_held_out)
    assert not np.array_equal(
        digits_validation_split().labels_held_out, digits_validation_split(random_state=1).labels_held_out
    )


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


def _runs(*lowest_losses_per_seed):
    """SeededRuns whose seed i reaches lowest_losses_per_seed[i] at epoch 1."""
    histories = tuple(History(train_loss=[2.3, 0.1], held_out_loss=[2.3, low]) for low in lowest_losses_per_seed)
    return SeededRuns(seeds=tuple(range(len(histories))), histories=histories)


def test_seeded_runs_score_a_setting_by_the_mean_of_each_seeds_lowest_loss():
    runs = _runs(0.2, 0.4)
    np.testing.assert_array_equal(runs.lowest_per_seed, [0.2, 0.4])
    assert runs.mean_lowest == pytest.approx(0.3)
    np.testing.assert_allclose(runs.mean_curve, [2.3, 0.3])
    assert (
        str(runs)
        == "each seed's lowest validation loss, averaged: 0.3000 (2 seeds; 0.2000 to 0.4000); the mean curve is lowest "
        "at epoch 1, at 0.3000"
    )


def test_the_lowest_mean_and_the_smallest_setting_within_the_best_settings_spread():
    # losses that binary floating point holds exactly, so that "at or below" is tested at its edge
    by_hidden = {16: _runs(0.5, 0.625), 32: _runs(0.25, 0.5), 64: _runs(0.25, 0.375), 128: _runs(0.125, 0.375)}
    assert lowest_mean(by_hidden) == 128
    assert smallest_within_spread(by_hidden) == 32  # mean 0.375 = the highest of 128's seeds; 16's 0.5625 is above
    assert smallest_within_spread({16: _runs(0.5, 0.625), 128: _runs(0.125, 0.375)}) == 128


def test_validation_runs_train_one_network_per_seed_and_repeat():
    split = digits_validation_split()
    settings = TrainingSettings(eta=0.05, epochs=2, momentum=0.9)
    runs = validation_runs(split, hidden=8, settings=settings, seeds=(0, 1))
    assert runs.seeds == (0, 1) and all(len(history.held_out_loss) == 3 for history in runs.histories)
    assert runs.histories[0].held_out_loss != runs.histories[1].held_out_loss
    assert validation_runs(split, 8, settings, seeds=(1,)).histories[0].held_out_loss == runs.histories[1].held_out_loss


def test_seeded_runs_cut_to_fewer_epochs_keep_every_seed():
    cut = SeededRuns((0, 1), (History([3.0, 2.0, 1.0], [3.0, 2.5, 0.5]), History([3.0, 2.0, 1.0], [3.0, 1.5, 0.5])))
    assert cut.first(1).mean_lowest == 2.0 and cut.mean_lowest == 0.5
