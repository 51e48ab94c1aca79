"""Right answers pass, however they are written: loops, einsum, bool indicators, np.heaviside, the log-softmax route,
central differences of the loss, one-number answers of any shape where the shape cannot matter."""

import numpy as np
import pytest

from helpers import exercises
from helpers.kernels.softmax import softmax


def log_softmax(a):
    """The log-softmax as a student writes it: a - max - log Σ exp(a - max), row by row."""
    shifted = a - a.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def central_differences(f, x, h=1e-5):
    """The gradient of the scalar ``f`` at ``x`` by central differences, as notebook 2 computes it."""
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x, dtype=float)
        step[index] = h
        grad[index] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def stable_softmax_rows(a):
    exp = np.exp(a - a.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def jacobian_by_central_differences(a):
    k = len(a)
    J = np.zeros((k, k))
    for j in range(k):
        step = np.zeros(k)
        step[j] = 1e-5
        J[:, j] = (softmax(a + step) - softmax(a - step)) / 2e-5
    return J


def partial_with_bool_indicator(yhat, l, i):
    return yhat[i] - (i == l)


def partial_wrt_yhat_with_bool(yhat, l, i):
    return -(i == l) / yhat[l]


def grad_wrt_yhat_loop(yhat, l):
    grad = []
    for i in range(len(yhat)):
        grad.append(-1 / yhat[l] if i == l else 0.0)
    return np.array(grad)


def batch_grad_wrt_yhat_loop(Yhat, labels):
    m = Yhat.shape[0]
    grad = np.zeros_like(Yhat)
    for n in range(m):
        grad[n, labels[n]] = -1 / (m * Yhat[n, labels[n]])
    return grad


def batch_grad_wrt_logits_log_softmax(A_L, labels):
    return (np.exp(log_softmax(A_L)) - np.eye(A_L.shape[1])[labels]) / len(A_L)


def batch_grad_wrt_logits_bool(A_L, labels):
    k = A_L.shape[1]
    return (stable_softmax_rows(A_L) - (np.arange(k) == labels[:, None])) / A_L.shape[0]


def temperature_gradient_loop(a_L, l, T):
    z = np.exp((a_L - a_L.max()) / T)
    grad = np.zeros(len(a_L))
    for i in range(len(a_L)):
        grad[i] = (z[i] / z.sum() - (1.0 if i == l else 0.0)) / T
    return grad


def temperature_gradient_log_softmax(a_L, l, T):
    return (np.exp(log_softmax(a_L / T)) - np.eye(len(a_L))[l]) / T


def bias_loop(a, y, W_out, b):
    m = len(a)
    total = 0.0
    for n in range(m):
        total += 2 * ((a[n] @ W_out + b[0])[0] - y[n, 0]) / m
    return total


def multi_output_einsum(a, Y, W_out, b):
    error = np.einsum("mu,uk->mk", a, W_out) + b.T - Y
    return 2 / len(a) * np.einsum("mu,mk->uk", a, error)


def multi_output_loop(a, Y, W_out, b):
    grad = np.zeros_like(W_out)
    for a_i, y_i in zip(a, Y, strict=True):  # one example at a time: the outer product 2 a_iᵀ (ŷ_i - y_i), averaged
        grad += 2 * np.outer(a_i, a_i @ W_out + b[:, 0] - y_i) / len(a)
    return grad


def relu_jacobian_heaviside(a_1):
    return np.diag(np.heaviside(a_1, 0.0))


def relu_jacobian_bool(a_1):
    return np.diag(a_1 > 0)


def output_layer_jacobian_loop(W_out):
    u, k = W_out.shape
    return np.array([[W_out[r, i] for r in range(u)] for i in range(k)])


def output_bias_einsum(grad_a_L):
    return np.einsum("mk->k", grad_a_L)[:, None]


def hidden_bias_heaviside(grad_a_L, W_out, a_1):
    return ((grad_a_L @ W_out.T) * np.heaviside(a_1, 0)).sum(axis=0, keepdims=True).T


def hidden_weights_einsum(x, grad_a_L, W_out, a_1):
    return np.einsum("mn,mu->nu", x, np.einsum("mk,uk->mu", grad_a_L, W_out) * (a_1 > 0))


def hidden_weights_loop(x, grad_a_L, W_out, a_1):
    grad = np.zeros((x.shape[1], a_1.shape[1]))
    for n in range(len(x)):
        grad += np.outer(x[n], (grad_a_L[n] @ W_out.T) * (a_1[n] > 0))
    return grad


RIGHT_ANSWERS = [
    ("diagnose_partial_wrt_logits", partial_with_bool_indicator),
    ("diagnose_partial_wrt_yhat", partial_wrt_yhat_with_bool),
    ("diagnose_grad_wrt_yhat", grad_wrt_yhat_loop),
    ("diagnose_softmax_jacobian", jacobian_by_central_differences),
    ("diagnose_softmax_jacobian", lambda a: np.einsum("i,ij->ij", softmax(a), np.eye(len(a)) - softmax(a)[None, :])),
    ("diagnose_soft_label_grad_wrt_yhat", lambda yhat, t: -t / yhat),
    (
        "diagnose_soft_label_grad_wrt_logits",
        lambda a_L, t: central_differences(lambda a: -np.sum(t * log_softmax(a)), a_L),
    ),
    ("diagnose_soft_label_grad_wrt_logits", lambda a_L, t: np.exp(log_softmax(a_L)) - t),
    ("diagnose_batch_grad_wrt_yhat", batch_grad_wrt_yhat_loop),
    ("diagnose_batch_grad_wrt_logits", batch_grad_wrt_logits_log_softmax),
    ("diagnose_batch_grad_wrt_logits", batch_grad_wrt_logits_bool),
    (
        "diagnose_batch_grad_wrt_logits",
        lambda A_L, labels: central_differences(lambda a: -np.mean(log_softmax(a)[np.arange(len(a)), labels]), A_L),
    ),
    ("diagnose_output_gradient", batch_grad_wrt_logits_log_softmax),
    ("diagnose_grad_wrt_logits_at_temperature", temperature_gradient_loop),
    ("diagnose_grad_wrt_logits_at_temperature", temperature_gradient_log_softmax),
    (
        "diagnose_grad_wrt_logits_at_temperature",
        lambda a_L, l, T: central_differences(lambda a: -log_softmax(a / T)[l], a_L, h=1e-6),
    ),
    ("diagnose_mse_grad_wrt_bias", bias_loop),
    ("diagnose_mse_grad_wrt_bias", lambda a, y, W_out, b: np.array([2 * np.mean(a @ W_out + b - y)])),
    ("diagnose_mse_grad_wrt_weights_multi_output", multi_output_einsum),
    ("diagnose_mse_grad_wrt_weights_multi_output", multi_output_loop),
    (
        "diagnose_mse_grad_wrt_weights_multi_output",
        lambda a, Y, W_out, b: central_differences(lambda W: np.mean(np.sum((a @ W + b.T - Y) ** 2, axis=1)), W_out),
    ),
    ("diagnose_relu_jacobian", relu_jacobian_heaviside),
    ("diagnose_relu_jacobian", relu_jacobian_bool),
    ("diagnose_output_layer_jacobian", output_layer_jacobian_loop),
    ("diagnose_grad_wrt_output_bias", output_bias_einsum),
    ("diagnose_grad_wrt_hidden_bias", hidden_bias_heaviside),
    ("diagnose_grad_wrt_hidden_weights", hidden_weights_einsum),
    ("diagnose_grad_wrt_hidden_weights", hidden_weights_loop),
]


@pytest.mark.parametrize(
    "diagnose_name, student", RIGHT_ANSWERS, ids=[f"{name}-{i}" for i, (name, _) in enumerate(RIGHT_ANSWERS)]
)
def test_a_right_answer_passes_however_it_is_written(diagnose_name, student):
    assert getattr(exercises, diagnose_name)(student) is None


def test_every_checker_has_its_diagnosis():
    names = set(exercises.__all__)
    for name in names:
        partner = (
            name.replace("check_", "diagnose_") if name.startswith("check_") else name.replace("diagnose_", "check_")
        )
        assert partner in names, name


def test_a_bool_indicator_passes_the_symbolic_check_too():
    from helpers.derivation.student_steps import wrong_pairs_wrt_logits, wrong_pairs_wrt_yhat

    assert exercises.diagnose_partial_wrt_logits(partial_with_bool_indicator, symbolic=wrong_pairs_wrt_logits) is None
    assert exercises.diagnose_partial_wrt_yhat(partial_wrt_yhat_with_bool, symbolic=wrong_pairs_wrt_yhat) is None
    assert (
        exercises.diagnose_partial_wrt_logits(lambda yhat, l, i: yhat[i] - (l == i), symbolic=wrong_pairs_wrt_logits)
        is None
    )
    assert (
        exercises.diagnose_partial_wrt_logits(
            lambda yhat, l, i: yhat[i] - float(i == l), symbolic=wrong_pairs_wrt_logits
        )
        is None
    )


@pytest.mark.parametrize(
    "diagnose_name, student", RIGHT_ANSWERS, ids=[f"{name}-{i}" for i, (name, _) in enumerate(RIGHT_ANSWERS)]
)
def test_each_checker_prints_correct_and_what_it_checked_for_a_right_answer(diagnose_name, student, capsys):
    getattr(exercises, diagnose_name.replace("diagnose_", "check_"))(student)
    out = capsys.readouterr().out
    assert "Correct.\n(checked on " in out and "Not yet" not in out, out
