"""Minibatch SGD, pinned step by step: the update rule, weight decay, the order of the examples, the callback."""

import numpy as np
import pytest

from helpers.training.data import Split
from helpers.training.network import LinearMSE, SoftmaxCrossEntropy, init_parameters
from helpers.training.sgd import FlatParameters, epoch_order, train


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
    train(params, Split(features, labels, features, labels), SoftmaxCrossEntropy(), 0.5, 2)
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
    data = Split(features, index_targets, features[:7], index_targets[:7])  # no minibatch has 7 rows
    output = RecordingMSE()
    train(init_parameters(3, 4, 1, seed=0), data, output, 1e-6, epochs, batch_size, seed=seed)
    # after each epoch the loss is recorded on the whole train set (m rows) and test set (7 rows): leave those out
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
        Split(features, labels, features, labels),
        SoftmaxCrossEntropy(),
        0.1,
        3,
        on_epoch=lambda epoch, history: calls.append((epoch, len(history.train_loss))),
    )
    assert calls == [(1, 2), (2, 3), (3, 4)]
    assert len(history.train_accuracy) == 4


def test_an_output_layer_without_classes_records_no_accuracy(rng):
    features, targets = rng.normal(size=(12, 3)), rng.normal(size=(12, 1))
    history = train(init_parameters(3, 4, 1), Split(features, targets, features, targets), LinearMSE(), 0.01, 2)
    assert history.train_accuracy == [] and len(history.train_loss) == 3


@pytest.mark.parametrize(
    "settings, words",
    [
        ({"eta": 0.0}, "eta"),
        ({"eta": float("nan")}, "eta"),
        ({"momentum": 1.0}, "momentum"),
        ({"weight_decay": -1.0}, "weight_decay"),
        ({"batch_size": 0}, "batch_size"),
        ({"epochs": 2.5}, "epochs"),
        ({"activation": "tanh"}, "activation must be one of"),
    ],
)
def test_train_refuses_bad_settings_by_name(rng, settings, words):
    features, labels = rng.normal(size=(6, 3)), rng.integers(0, 2, size=6)
    data = Split(features, labels, features, labels)
    with pytest.raises(ValueError, match=words):
        train(init_parameters(3, 4, 2), data, SoftmaxCrossEntropy(), **{"eta": 0.1, "epochs": 1, **settings})


def test_train_checks_the_data_once_at_its_boundary(rng):
    features = rng.normal(size=(6, 3))
    with pytest.raises(ValueError, match="data.y_train must hold class indices in 0..1"):
        train(
            init_parameters(3, 4, 2),
            Split(features, np.full(6, 5), features, np.zeros(6, int)),
            SoftmaxCrossEntropy(),
            0.1,
            1,
        )
    with pytest.raises(ValueError, match=r"data.a_train must have shape \(any, 3\)"):
        train(
            init_parameters(3, 4, 2),
            Split(features[:, :2], np.zeros(6, int), features, np.zeros(6, int)),
            SoftmaxCrossEntropy(),
            0.1,
            1,
        )
