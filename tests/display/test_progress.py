"""The progress bar is a plain on_epoch callback: training knows nothing of widgets."""

from helpers.display.progress import ProgressBar
from helpers.training.data import LabelledSplit
from helpers.training.network import SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import TrainingSettings, train


def test_the_bar_follows_the_epochs_of_a_training_run(rng):
    features, labels = rng.normal(size=(10, 3)), rng.integers(0, 2, size=10)
    bar = ProgressBar(epochs=3)
    assert (bar.bar.value, bar.bar.max) == (0, 3)
    data = LabelledSplit(features, labels, features, labels)
    train(
        init_parameters(3, 4, 2),
        data,
        SoftmaxCrossEntropy(),
        settings=TrainingSettings(eta=0.1, epochs=3),
        on_epoch=bar,
    )
    assert bar.bar.value == 3
