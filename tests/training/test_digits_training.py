"""Notebook 4's settings on the digits and the comparison with MLPClassifier, per seed."""

import numpy as np

from helpers.training.data import digits_split
from helpers.training.digits_training import HIDDEN, SETTINGS, SeedComparison, our_test_accuracy
from helpers.training.network import SoftmaxCrossEntropy, init_parameters, predict_classes
from helpers.training.sgd import TrainingSettings, train


def test_settings_are_one_frozen_training_settings():
    assert isinstance(SETTINGS, TrainingSettings)
    assert (HIDDEN, SETTINGS.weight_decay, SETTINGS.epochs) == (128, 0.01, 18)


def test_our_test_accuracy_trains_with_the_settings_and_the_overrides_from_the_seed():
    data = digits_split()
    accuracy = our_test_accuracy(data, seed=2, epochs=1)
    params = init_parameters(64, HIDDEN, 10, seed=2)
    settings = TrainingSettings(eta=0.05, epochs=1, batch_size=32, momentum=0.9, weight_decay=1e-2, seed=2)
    train(params, data, SoftmaxCrossEntropy(), settings=settings, record=False)
    assert accuracy == np.mean(predict_classes(params, data.a_held_out) == data.y_held_out)


def test_a_seed_comparison_counts_the_difference_of_the_means_in_test_images():
    comparison = SeedComparison(seeds=(0, 1), ours=(0.95, 0.97), library=(0.96, 0.98), n_test=200)
    assert abs(comparison.mean_difference_in_images - 2.0) < 1e-9
    text = str(comparison)
    assert "   1         97.00%         98.00%" in text
    assert "the means differ by 2.0 of one image" in text


def test_the_comparison_runs_both_models_on_one_blas_thread(monkeypatch):
    from threadpoolctl import threadpool_info

    from helpers.training import digits_training

    def blas_threads(data, seed):
        return float(max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"))

    monkeypatch.setattr(digits_training, "our_test_accuracy", blas_threads)
    monkeypatch.setattr(digits_training, "mlp_test_accuracy", blas_threads)
    comparison = digits_training.compare_with_mlp(digits_split(), seeds=(0, 1))
    assert comparison.ours == comparison.library == (1.0, 1.0)
