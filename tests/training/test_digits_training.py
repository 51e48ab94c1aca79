"""Notebook 4's settings on the digits and the comparison with MLPClassifier, per seed."""

import numpy as np

from helpers.training.data import digits_split
from helpers.training.digits_training import DIGITS_HIDDEN, DIGITS_SETTINGS, SeedComparison, network_held_out_accuracy
from helpers.training.network import SoftmaxCrossEntropy, init_parameters, predict_classes
from helpers.training.sgd import TrainingSettings, train


def test_settings_are_one_frozen_training_settings():
    assert isinstance(DIGITS_SETTINGS, TrainingSettings)
    assert (DIGITS_HIDDEN, DIGITS_SETTINGS.weight_decay, DIGITS_SETTINGS.epochs) == (128, 0.01, 18)


def test_network_held_out_accuracy_trains_with_the_settings_and_the_overrides_from_the_seed():
    data = digits_split()
    accuracy = network_held_out_accuracy(data, seed=2, epochs=1)
    params = init_parameters(64, DIGITS_HIDDEN, 10, seed=2)
    settings = TrainingSettings(eta=0.05, epochs=1, batch_size=32, momentum=0.9, weight_decay=1e-2, seed=2)
    train(params, data, SoftmaxCrossEntropy(), settings=settings, record=False)
    assert accuracy == np.mean(predict_classes(params, data.x_held_out) == data.labels_held_out)


def test_a_seed_comparison_counts_the_difference_of_the_means_in_test_images():
    comparison = SeedComparison(seeds=(0, 1), ours=(0.95, 0.97), library=(0.96, 0.98), n_test=200)
    assert abs(comparison.mean_difference_in_images - 2.0) < 1e-9
    text = str(comparison)
    assert "   1         97.00%         98.00%" in text
    assert "the means differ by 2.0 of one image" in text


def test_mlpclassifier_fits_on_one_blas_thread_as_the_network_trains(monkeypatch):
    import sklearn.neural_network
    from threadpoolctl import threadpool_info, threadpool_limits

    from helpers.training.digits_training import mlp_held_out_accuracy

    seen = []

    class Recording:
        def __init__(self, **settings):
            pass

        def fit(self, x, labels):
            seen.append(max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"))
            return self

        def score(self, x, labels):
            return 1.0

    monkeypatch.setattr(sklearn.neural_network, "MLPClassifier", Recording)
    with threadpool_limits(limits=2, user_api="blas"):
        mlp_held_out_accuracy(digits_split(), seed=0)
    assert seen == [1]
