"""Minibatch SGD, pinned step by step: the update rule, weight decay, the order of the examples, the callback."""

from dataclasses import replace

import numpy as np
import pytest

from helpers import grad_wrt_logits
from helpers.training.data import LabelledSplit, RegressionSplit
from helpers.training.network import LinearMSE, SoftmaxCrossEntropy, backward, forward, init_parameters, predict_classes
from helpers.training.sgd import FlatParameters, TrainingSettings, epoch_order, train, weight_decay_term


def parameters(rng):
    return {
        "W_hidden": rng.normal(size=(3, 4)),
        "b_hidden": rng.normal(size=(4, 1)),
        "W_out": rng.normal(size=(4, 2)),
        "b_out": rng.normal(size=(2, 1)),
    }


def test_one_step_with_momentum_and_weight_decay_is_the_update_written_by_hand(rng):
    before, grads, v_before = parameters(rng), parameters(rng), parameters(rng)
    eta, momentum, decay = 0.1, 0.9, 0.01
    flat = FlatParameters(before, decay)
    flat.velocity[:] = np.concatenate([value.ravel() for value in v_before.values()])
    for name, value in grads.items():
        flat.grads[name][...] = value
    flat.step(eta, momentum)
    start = 0
    for name in before:
        penalty = decay * before[name] if name.startswith("W") else 0.0
        v = momentum * v_before[name] - eta * (grads[name] + penalty)
        np.testing.assert_allclose(flat.velocity[start : start + v.size].reshape(v.shape), v, rtol=1e-14)
        np.testing.assert_allclose(flat.params[name], before[name] + v, rtol=1e-14)
        start += v.size


def test_biases_are_not_decayed(rng):
    before = parameters(rng)
    flat = FlatParameters(before, weight_decay=0.1)
    flat.step(eta=0.5, momentum=0.0)  # zero gradients: only the decay moves anything
    for name in ("b_hidden", "b_out"):
        np.testing.assert_array_equal(flat.params[name], before[name])
    for name in ("W_hidden", "W_out"):
        np.testing.assert_allclose(flat.params[name], before[name] * (1 - 0.5 * 0.1), rtol=1e-14)


def test_train_updates_the_callers_arrays_in_place(rng):
    features, labels = rng.normal(size=(12, 3)), rng.integers(0, 2, size=12)
    params = init_parameters(3, 4, 2)
    W_out = params["W_out"]
    before = W_out.copy()
    train(
        params,
        LabelledSplit(features, labels, features, labels),
        SoftmaxCrossEntropy(),
        settings=TrainingSettings(0.5, 2),
    )
    assert params["W_out"] is W_out and not np.array_equal(W_out, before)


def test_an_epoch_cuts_a_permutation_into_minibatches(rng):
    batches = epoch_order(rng, m=10, batch_size=4)
    assert [len(batch) for batch in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches)) == list(range(10))


class RecordingMSE(LinearMSE):
    """The MSE output, remembering which targets each step saw (each target is its example's index)."""

    def __init__(self):
        self.seen = []

    def loss_and_grad(self, a_L, targets):
        self.seen.append(targets[:, 0].astype(int).copy())
        return super().loss_and_grad(a_L, targets)


def visit_order(seed, epochs=3, m=20, batch_size=6):
    features = np.random.default_rng(0).normal(size=(m, 3))
    index_targets = np.arange(m, dtype=float).reshape(-1, 1)
    data = RegressionSplit(features, index_targets, features[:7], index_targets[:7])  # no minibatch has 7 rows
    output = RecordingMSE()
    settings = TrainingSettings(eta=1e-6, epochs=epochs, batch_size=batch_size, seed=seed)
    train(init_parameters(3, 4, 1, seed=0), data, output, settings=settings)
    # after each epoch the loss is recorded on the whole train set (m rows) and held-out set (7 rows): leave those out
    steps = [seen for seen in output.seen if len(seen) not in (m, 7)]
    per_epoch = -(-m // batch_size)
    return [np.concatenate(steps[e * per_epoch : (e + 1) * per_epoch]) for e in range(epochs)]


def test_each_epoch_visits_every_example_once_in_a_new_order_that_repeats_for_a_seed():
    epochs = visit_order(seed=1)
    for order in epochs:
        assert sorted(order) == list(range(20))
    assert not np.array_equal(epochs[0], epochs[1]) and not np.array_equal(epochs[1], epochs[2])
    assert not np.array_equal(epochs[0], np.arange(20))
    for same, again in zip(epochs, visit_order(seed=1), strict=True):
        np.testing.assert_array_equal(same, again)
    assert not np.array_equal(epochs[0], visit_order(seed=2)[0])


def test_on_epoch_is_called_after_each_epoch_with_the_history_so_far(rng):
    features, labels = rng.normal(size=(12, 3)), rng.integers(0, 2, size=12)
    calls = []
    history = train(
        init_parameters(3, 4, 2),
        LabelledSplit(features, labels, features, labels),
        SoftmaxCrossEntropy(),
        settings=TrainingSettings(eta=0.1, epochs=3),
        on_epoch=lambda epoch, history: calls.append((epoch, len(history.train_loss))),
    )
    assert calls == [(1, 2), (2, 3), (3, 4)]
    assert len(history.train_accuracy) == 4


def test_an_output_layer_without_classes_records_no_accuracy(rng):
    features, targets = rng.normal(size=(12, 3)), rng.normal(size=(12, 1))
    data = RegressionSplit(features, targets, features, targets)
    history = train(init_parameters(3, 4, 1), data, LinearMSE(), settings=TrainingSettings(eta=0.01, epochs=2))
    assert history.train_accuracy == [] and len(history.train_loss) == 3


@pytest.mark.parametrize(
    "settings, words",
    [
        ({"eta": 0.0}, "eta must be a positive learning rate"),
        ({"eta": float("nan")}, "eta"),
        ({"eta": True}, "eta"),
        ({"momentum": 1.0}, "momentum"),
        ({"weight_decay": -1.0}, "weight_decay"),
        ({"batch_size": 0}, "batch_size must be a positive integer"),
        ({"epochs": 2.5}, "epochs must be a positive integer"),
        ({"activation": "tanh"}, "activation must be one of"),
        ({"seed": -1}, "seed must be an integer >= 0"),
        ({"seed": None}, "seed"),
    ],
)
def test_settings_refuse_bad_values_by_name_when_made(settings, words):
    with pytest.raises(ValueError, match=words):
        TrainingSettings(**{"eta": 0.1, "epochs": 1, **settings})


def test_settings_are_frozen_and_train_takes_them_by_name_only(rng):
    settings = TrainingSettings(eta=0.1, epochs=1)
    with pytest.raises(AttributeError):
        settings.eta = 0.2
    features, labels = rng.normal(size=(6, 3)), rng.integers(0, 2, size=6)
    data = LabelledSplit(features, labels, features, labels)
    with pytest.raises(TypeError):
        train(init_parameters(3, 4, 2), data, SoftmaxCrossEntropy(), settings)
    with pytest.raises(TypeError, match="settings must be a TrainingSettings; got dict"):
        train(init_parameters(3, 4, 2), data, SoftmaxCrossEntropy(), settings={"eta": 0.1, "epochs": 1})


def test_train_checks_the_data_once_at_its_boundary(rng):
    features = rng.normal(size=(6, 3))
    with pytest.raises(ValueError, match="data.labels_train must hold class indices in 0..1"):
        train(
            init_parameters(3, 4, 2),
            LabelledSplit(features, np.full(6, 5), features, np.zeros(6, int)),
            SoftmaxCrossEntropy(),
            settings=TrainingSettings(eta=0.1, epochs=1),
        )
    with pytest.raises(ValueError, match=r"data.x_train must have shape \(any, 3\)"):
        train(
            init_parameters(3, 4, 2),
            LabelledSplit(features[:, :2], np.zeros(6, int), features, np.zeros(6, int)),
            SoftmaxCrossEntropy(),
            settings=TrainingSettings(eta=0.1, epochs=1),
        )


def test_train_is_the_loop_written_out_with_the_checked_kernels(rng):
    """Shuffle, minibatches, forward, ∇_{a_L}, backward, momentum update with decay on the weights: by hand, with
    the public checked functions, the same parameters as ``train`` to the last bit."""
    features, labels = rng.normal(size=(23, 5)), rng.integers(0, 3, size=23)
    settings = TrainingSettings(eta=0.1, epochs=2, batch_size=4, momentum=0.9, weight_decay=0.01, seed=3)
    trained = init_parameters(5, 6, 3, seed=1)
    train(trained, LabelledSplit(features, labels, features, labels), SoftmaxCrossEntropy(), settings=settings)

    params = init_parameters(5, 6, 3, seed=1)
    velocity = {name: np.zeros_like(value) for name, value in params.items()}
    order = np.random.default_rng(settings.seed)
    for _ in range(settings.epochs):
        for batch in epoch_order(order, 23, settings.batch_size):
            cache = forward(params, features[batch])
            grads = backward(params, cache, grad_wrt_logits(cache.a_L, labels[batch]))
            for name in params:
                decay = settings.weight_decay * params[name] if name.startswith("W") else 0.0
                velocity[name] = settings.momentum * velocity[name] - settings.eta * (grads[name] + decay)
                params[name] = params[name] + velocity[name]
    for name in params:
        np.testing.assert_array_equal(trained[name], params[name])


def test_train_records_both_parts_of_the_split_under_their_names(rng):
    x_train, x_held_out = rng.normal(size=(10, 3)), rng.normal(size=(4, 3))
    labels_train, labels_held_out = np.arange(10) % 2, np.array([0, 0, 0, 0])
    params = init_parameters(3, 4, 2)
    before_train = SoftmaxCrossEntropy().loss_and_grad(forward(params, x_train).a_L, labels_train)[0]
    before_held_out = SoftmaxCrossEntropy().loss_and_grad(forward(params, x_held_out).a_L, labels_held_out)[0]
    data = LabelledSplit(x_train, labels_train, x_held_out, labels_held_out)
    history = train(params, data, SoftmaxCrossEntropy(), settings=TrainingSettings(eta=0.1, epochs=1))
    assert history.train_loss[0] == before_train and history.held_out_loss[0] == before_held_out
    assert history.held_out_accuracy[-1] == np.mean(predict_classes(params, x_held_out) == labels_held_out)


def test_the_first_epochs_of_a_longer_run_are_the_shorter_run(rng):
    features, labels = rng.normal(size=(15, 3)), rng.integers(0, 2, size=15)
    data = LabelledSplit(features, labels, features[:5], labels[:5])
    settings = TrainingSettings(eta=0.1, epochs=4, batch_size=4, momentum=0.9, weight_decay=0.01, seed=2)
    longer = train(init_parameters(3, 4, 2), data, SoftmaxCrossEntropy(), settings=settings)
    shorter = train(init_parameters(3, 4, 2), data, SoftmaxCrossEntropy(), settings=replace(settings, epochs=2))
    assert longer.first(2) == shorter and len(longer.train_loss) == 5
    with pytest.raises(ValueError, match="epochs must be at most the 4 epochs recorded; got 5"):
        longer.first(5)


def test_the_weight_decay_term_is_lambda_w_on_the_weights_and_zero_on_the_biases(rng):
    params = parameters(rng)
    added = weight_decay_term(params, 0.01)
    for name in ("W_hidden", "W_out"):
        np.testing.assert_allclose(added[name], 0.01 * params[name], rtol=1e-12)
    for name in ("b_hidden", "b_out"):
        np.testing.assert_array_equal(added[name], 0.0)
