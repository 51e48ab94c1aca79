"""Notebook 4's exercises: one line of the backward pass, and the batch output gradient put into a whole network.
The public threads where a catalogue entry's mistake was seen are named in the comments above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.catalogue import (
    FunctionExercise,
    Misconception,
    Problem,
    checked_on,
    diagnose,
    largest_logit,
)
from helpers.exercises.layouts import (
    another_class,
    batch_properties,
    change_first_row,
    class_parts,
    class_variants,
    diagonal_parts,
    logit_gradient_terms,
    mask_parts,
    probability_factors,
    relu_factors,
    upstream_properties,
)
from helpers.exercises.probes import Factor, linearity, rows_independent, rows_sum_to_zero
from helpers.exercises.protocol import Hint, as_array, call_student, report
from helpers.kernels.activations import sigmoid
from helpers.kernels.cross_entropy import cross_entropy, grad_wrt_logits
from helpers.kernels.softmax import softmax
from helpers.kernels.validation import as_class_labels
from helpers.training.backward_steps import grad_through_relu, grad_wrt_bias, grad_wrt_h, grad_wrt_weights
from helpers.training.network import gradient_check, init_parameters

BackwardLineFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], Any]
OutputGradFunction = Callable[[np.ndarray, np.ndarray], Any]


def backward_problem(m: int, u: int, k: int, seed: int) -> Problem:
    """∇_{a_L} (m, k), W_out (u, k) and a₁ (m, u) with every |a₁| ≥ 0.1, away from ReLU's kink at 0."""
    rng = np.random.default_rng(seed)
    a_1 = rng.normal(size=(m, u))
    a_1 += np.where(a_1 >= 0, 0.1, -0.1)
    return Problem((rng.normal(size=(m, k)), rng.normal(size=(u, k)), a_1), f"m = {m}, u = {u} and k = {k}")


# u = k in the last one, where ∇_{a_L} W_out (no transpose) runs.
BACKWARD_PROBLEMS = (
    backward_problem(6, 5, 3, seed=13),
    backward_problem(4, 7, 2, seed=14),
    backward_problem(5, 3, 3, seed=15),
)


def backward_to_hidden(grad_a_L: np.ndarray, W_out: np.ndarray, a_1: np.ndarray) -> np.ndarray:
    """∇_{a₁} = (∇_{a_L} W_outᵀ) ⊙ 1(a₁ > 0), shape (m, u)."""
    return grad_through_relu(grad_wrt_h(grad_a_L, W_out), a_1)


BACKWARD_MISTAKES = (
    Misconception(
        "no mask",
        lambda g, W, a1: grad_wrt_h(g, W),
        "This is ∇_h = ∇_{a_L} W_outᵀ, the gradient at the ReLU's output. Pass it back through the ReLU: multiply "
        "by its derivative, 1 where a₁ > 0 and 0 elsewhere.",
    ),
    # smile#528: the backward pass returned the activation's derivative and dropped the gradient arriving from above.
    Misconception(
        "the mask alone",
        lambda g, W, a1: (a1 > 0) * 1.0,
        "This is ReLU's derivative 1(a₁ > 0) alone: the gradient arriving from above, ∇_h = ∇_{a_L} W_outᵀ, was "
        "dropped. The chain rule multiplies the two.",
    ),
    Misconception(
        "inverted mask",
        lambda g, W, a1: grad_wrt_h(g, W) * (a1 < 0),
        "The mask is inverted: ReLU passes the gradient where a₁ > 0 (there h = a₁) and blocks it where a₁ < 0 "
        "(there h = 0).",
    ),
    Misconception(
        "times a₁",
        lambda g, W, a1: grad_wrt_h(g, W) * a1,
        "This multiplies by a₁ itself. ReLU's derivative is the mask 1(a₁ > 0): 1 or 0, not a₁.",
    ),
    # Grokking-Deep-Learning#56 and #9 discuss which of a₁ and h the derivative takes; the value is a third slip.
    Misconception(
        "times relu(a₁)",
        lambda g, W, a1: grad_wrt_h(g, W) * np.maximum(a1, 0),
        "This multiplies by h = relu(a₁), the activation's value; the chain rule needs its derivative, 1(a₁ > 0).",
    ),
    Misconception(
        "mask from the gradient",
        lambda g, W, a1: grad_wrt_h(g, W) * (grad_wrt_h(g, W) > 0),
        "The mask is taken from the gradient's sign; it comes from the forward pass: 1(a₁ > 0).",
    ),
    Misconception(
        "the sigmoid's derivative",
        lambda g, W, a1: grad_wrt_h(g, W) * sigmoid(a1) * (1 - sigmoid(a1)),
        "This is the sigmoid's derivative, sigma(a₁)(1 - sigma(a₁)); the hidden layer here is a ReLU, whose "
        "derivative is the mask 1(a₁ > 0).",
    ),
    Misconception(
        "sign flipped",
        lambda g, W, a1: -backward_to_hidden(g, W, a1),
        "Every entry has the wrong sign: the chain rule adds no minus sign here.",
    ),
    Misconception(
        "1/m again",
        lambda g, W, a1: backward_to_hidden(g, W, a1) / len(g),
        "Every entry is 1/m of the right value: ∇_{a_L} already holds the mean's 1/m; do not divide again.",
    ),
    Misconception(
        "W_out not transposed",
        lambda g, W, a1: (g @ W) * (a1 > 0),
        "This multiplies by W_out, which only runs because u = k here: ∇_h = ∇_{a_L} W_outᵀ, (m, k) times (k, u).",
    ),
    Misconception(
        "transposed",
        lambda g, W, a1: backward_to_hidden(g, W, a1).T,
        "The result has shape (u, m), one column per example: it is transposed. ∇_{a₁} has a₁'s shape (m, u); "
        "∇_{a_L} W_outᵀ is (m, k) times (k, u).",
    ),
)


def backward_shape_hint(answer: np.ndarray, problem: Problem) -> str:
    m, u = problem.arguments[2].shape
    return f"∇_{{a₁}} has a₁'s shape, (m, u) = ({m}, {u}); got {answer.shape}."


BACKWARD_TO_HIDDEN = FunctionExercise(
    what="∇_{a₁}",
    problems=BACKWARD_PROBLEMS,
    expected=backward_to_hidden,
    misconceptions=BACKWARD_MISTAKES,
    shape_hint=backward_shape_hint,
    parts=lambda g, W, a_1: mask_parts(a_1),
    factors=lambda g, W, a_1: relu_factors(a_1),
    properties=(
        linearity(0, "grad_a_L"),
        rows_independent(change_first_row((0, 2)), "example's inputs"),
    ),
    generic=(
        "The entries do not match the gradient at a₁. Take the backward pass's two lines in turn: first the gradient "
        "at h = relu(a₁), through W_out, then through the ReLU."
    ),
    size_example="a_1.shape for m and u",
)


def diagnose_backward_to_hidden(student: BackwardLineFunction) -> str | None:
    """None if ``student(grad_a_L, W_out, a_1)`` is ∇_{a₁} (m, u) on every problem, else the first mistake's hint."""
    return diagnose(BACKWARD_TO_HIDDEN, student)


def check_backward_to_hidden(student: BackwardLineFunction) -> None:
    """Print whether ``student(grad_a_L, W_out, a_1)`` returns ∇_{a₁}, with a hint about the mistake if not."""
    report(diagnose_backward_to_hidden(student), checked_on(BACKWARD_TO_HIDDEN))


def output_problem(a_L: np.ndarray, labels: np.ndarray, note: str = "") -> Problem:
    m, k = a_L.shape
    return Problem((a_L, labels), f"m = {m} examples and k = {k} classes{note}")


def random_output_problem(m: int, k: int, seed: int) -> Problem:
    rng = np.random.default_rng(seed)
    return output_problem(rng.normal(size=(m, k)), rng.integers(0, k, size=m))


# m = k in the third (labels broadcast against a row there without an error); the last two have logits whose exp
# overflows, and rows so far apart that one maximum for the whole batch leaves a row of zeros (as in
# lzx1413/PytorchSSD#22's x.data.max()): numpy warns there, and the protocol answers with a hint about the max.
OUTPUT_PROBLEMS = (
    random_output_problem(6, 4, seed=11),
    random_output_problem(5, 3, seed=12),
    random_output_problem(4, 4, seed=16),
    random_output_problem(3, 10, seed=17),
    output_problem(
        np.array([[1000.0, 999.0, 995.0], [2.0, 1000.0, 998.0], [-5.0, 3.0, 1001.0], [800.0, -800.0, 0.0]]),
        np.array([0, 2, 1, 1]),
        ", logits near ±1000",
    ),
    output_problem(
        np.array([[1000.0, 999.0, 995.0], [-1000.0, -1001.0, -998.0]]), np.array([1, 0]), ", rows 2000 apart"
    ),
)


def one_hot_rows(a_L: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """E, the one-hot rows of the labels, shape (m, k)."""
    return np.eye(a_L.shape[1])[labels]


def softmax_over(a_L: np.ndarray, axis: int | None) -> np.ndarray:
    """The softmax normalised over ``axis`` (None: over the whole matrix), max subtracted over the same axis."""
    exp = np.exp(a_L - a_L.max(axis=axis, keepdims=True))
    return exp / exp.sum(axis=axis, keepdims=True)


OUTPUT_MISTAKES = (
    Misconception(
        "sign flipped",
        lambda a, labels: -grad_wrt_logits(a, labels),
        "The sign is flipped: raising the true class's logit lowers the loss, so that entry of each row must be "
        "negative, and every other entry positive.",
    ),
    # The mean's 1/N asked about in CS231n's softmax_loss ("why do we divide dx by N?") and CS224n's margin /= N.
    Misconception(
        "no 1/m",
        lambda a, labels: grad_wrt_logits(a, labels) * len(a),
        "The 1/m of the mean loss is missing: divide by the number of rows.",
    ),
    Misconception("1/m twice", lambda a, labels: grad_wrt_logits(a, labels) / len(a), "1/m is applied twice."),
    # np.mean over an (m, k) array of -y log p averages over every entry, m·k of them, not over the m examples.
    Misconception(
        "mean over every entry",
        lambda a, labels: grad_wrt_logits(a, labels) / a.shape[1],
        "Every entry is 1/k of the right value: the loss was averaged over all m·k entries (np.mean of an (m, k) "
        "array) instead of summed over the classes and averaged over the m examples.",
    ),
    Misconception(
        "summed over the examples",
        lambda a, labels: grad_wrt_logits(a, labels).sum(axis=0),
        "You summed over the examples: one number per class is ∇_{b_out}, the bias's gradient. ∇_{a_L} keeps one "
        "row per example, shape (m, k).",
    ),
    # The issue tracker's example: only the true class's path, Y ⊙ (P - 1).
    Misconception(
        "the true class's path only",
        lambda a, labels: one_hot_rows(a, labels) * (softmax(a) - 1) / len(a),
        "Only the true class's entry is non-zero: that is the path through yhat_l alone, Y ⊙ (P - 1). Every "
        "logit reaches yhat_l through the softmax's shared denominator, so every class gets +yhat_i/m.",
    ),
    Misconception(
        "softmax only",
        lambda a, labels: softmax(a) / len(a),
        "Only the softmax is left: subtract e(ℓ) for each row's true class.",
    ),
    Misconception(
        "softmax only, no 1/m",
        lambda a, labels: softmax(a),
        "Only the softmax is left, and the 1/m is missing: subtract e(ℓ), then divide by m.",
    ),
    Misconception(
        "-e(ℓ) only",
        lambda a, labels: -one_hot_rows(a, labels) / len(a),
        "Only -e(ℓ)/m is left: the softmax's part, which every class gets through the shared denominator, is missing.",
    ),
    # The softmax's axis: over the batch (axis=0) or over the whole matrix (no axis), as in the widely copied 1-D
    # softmax `np.exp(x) / np.sum(np.exp(x), axis=0)` applied to an (m, k) batch.
    Misconception(
        "softmax over the batch (axis=0)",
        lambda a, labels: (softmax_over(a, 0) - one_hot_rows(a, labels)) / len(a),
        "Your softmax normalises each column (axis=0), over the examples. Each example's probabilities are a "
        "row of a_L: sum over the classes, axis=1 with keepdims=True, so that every row sums to 1.",
    ),
    Misconception(
        "softmax over the whole matrix",
        lambda a, labels: (softmax_over(a, None) - one_hot_rows(a, labels)) / len(a),
        "Your softmax divides by the sum over the whole batch (np.sum with no axis): each example's "
        "probabilities must sum to 1 on their own. Sum over axis=1 with keepdims=True.",
    ),
    # CS231n's `dscores = probs - y` with the labels themselves, not one-hot rows (it runs where m = k).
    Misconception(
        "labels subtracted as numbers",
        lambda a, labels: (softmax(a) - labels) / len(a),
        "The labels were subtracted as numbers, broadcast along each row (this runs only because m = k here). "
        "Turn them into one-hot rows first: E = np.eye(k)[labels], shape (m, k).",
    ),
    Misconception(
        "labels as a column",
        lambda a, labels: (softmax(a) - labels.reshape(-1, 1)) / len(a),
        "Each row had its label's number subtracted from every entry. Turn the labels into one-hot rows first: "
        "E = np.eye(k)[labels], shape (m, k).",
    ),
    Misconception(
        "∂ℒ/∂ŷ for ∂ℒ/∂a_L",
        lambda a, labels: -one_hot_rows(a, labels) / (softmax(a) * len(a)),
        "That is ∂ℒ/∂ŷ (notebook 1), -e(ℓ)/(m ŷ_ℓ); this exercise asks for the gradient at the logits a_L, one "
        "factor further along the chain: (ŷ - e(ℓ))/m.",
    ),
    Misconception(
        "the sigmoid for the softmax",
        lambda a, labels: (sigmoid(a) - one_hot_rows(a, labels)) / len(a),
        "You used the sigmoid of each logit: the output layer here is a softmax over each row's k logits.",
    ),
    Misconception(
        "transposed",
        lambda a, labels: grad_wrt_logits(a, labels).T,
        "The result is (k, m), one column per example; ∇_{a_L} has a_L's shape, (m, k).",
    ),
)


def output_gradient_factors(a_L: np.ndarray, labels: np.ndarray) -> tuple[Factor, ...]:
    """ŷ's factors, and one minus the gradient itself (an activation's derivative taken of the gradient)."""
    return (
        *probability_factors(softmax(a_L)),
        Factor("1 - (yhat - E)/m", 1 - grad_wrt_logits(a_L, labels), "one minus the gradient itself"),
    )


OUTPUT_GRADIENT = FunctionExercise(
    what="∇_{a_L}",
    problems=OUTPUT_PROBLEMS,
    expected=grad_wrt_logits,
    misconceptions=OUTPUT_MISTAKES,
    parts=lambda a_L, labels: class_parts(a_L, labels),
    factors=lambda a_L, labels: output_gradient_factors(a_L, labels),
    variants=lambda a_L, labels: class_variants((a_L, labels), 1, a_L.shape[1]),
    terms=lambda a_L, labels: logit_gradient_terms(softmax(a_L), one_hot_rows(a_L, labels), len(a_L)),
    properties=(
        *batch_properties((0, 1), "mean loss", shift=True),
        rows_sum_to_zero("Your rows do not sum to 0, but each must: yhat sums to 1 over the classes and so does e(l)."),
        another_class(1, lambda arguments: arguments[0].shape[1]),
    ),
    shape_hint=lambda answer, problem: (
        f"∇_{{a_L}} has a_L's shape, (m, k) = {problem.arguments[0].shape}; got {answer.shape}."
    ),
    generic=(
        "The entries do not match the gradient. Start from notebook 2's result for one example, row by row, then "
        "account for the mean over the m rows."
    ),
    size_example="a_L.shape for m and k",
    input_scale=largest_logit,
    takes_logits=True,
)


def diagnose_output_gradient(student: OutputGradFunction) -> str | None:
    """None if ``student(a_L, labels)`` is (softmax(a_L) - E)/m on every problem, large logits included, else the
    hint for the first mistake."""
    return diagnose(OUTPUT_GRADIENT, student)


class StudentOutput:
    """Cross-entropy with the student's function as its gradient, for ``gradient_check``."""

    reports_accuracy = True

    def __init__(self, student: OutputGradFunction) -> None:
        self.student = student

    def check_targets(self, targets: np.ndarray, m: int, k: int, name: str = "targets") -> np.ndarray:
        return as_class_labels(targets, k, m, name=name)

    def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        return cross_entropy(a_L, targets), as_array(call_student(self.student, a_L, targets), a_L.shape, "∇_{a_L}")


def network_errors(student: OutputGradFunction) -> dict[str, float]:
    """The norm-based relative error of each parameter's gradient in a small network whose output gradient is
    ``student``'s (empty when the student's function cannot be used there)."""
    rng = np.random.default_rng(11)
    x, labels = rng.normal(size=(6, 5)), rng.integers(0, 4, size=6)
    params = init_parameters(5, 7, 4, seed=11)
    params["W_out"] = rng.normal(0.0, 0.5, size=(7, 4))
    try:
        checks = gradient_check(params, x, labels, StudentOutput(student))
    except Hint:
        return {}
    return {name: check.norm_error for name, check in checks.items()}


def check_output_gradient(student: OutputGradFunction) -> None:
    """Gradient-check a network that uses ``student`` as its output gradient; print each parameter's error and the
    verdict, with a hint about the mistake if there is one."""
    errors = network_errors(student)
    if errors:
        print("Gradient check in a small network (logits near 0):")
    for name, error in errors.items():
        verdict = "< 1e-07" if error < 1e-7 else f"about {error:.0e}"
        print(f"  {name:9s} relative error (norm) {verdict}")
    report(diagnose_output_gradient(student), checked_on(OUTPUT_GRADIENT))


def pre_activation_problem(values: list[float]) -> Problem:
    """a₁ (u,) for one example, as the one argument; no entry at ReLU's kink 0, where its derivative is not defined."""
    return Problem((np.array(values),), f"u = {len(values)} hidden units")


RELU_PROBLEMS = (
    pre_activation_problem([0.5, -1.2, 2.0, -0.3]),
    pre_activation_problem([1.5, 0.2, -0.7]),
    pre_activation_problem([-2.0, 0.9]),
    pre_activation_problem([0.4, 1.1, -0.6, -2.5, 3.0, 0.05]),
    pre_activation_problem([-0.8, -0.1, -1.0]),
)


def relu_jacobian(a_1: np.ndarray) -> np.ndarray:
    """∂h/∂a₁ for one example: diag(1(a₁ > 0)), (u, u)."""
    return np.diag((a_1 > 0).astype(np.float64))


RELU_JACOBIAN_MISTAKES = (
    Misconception(
        "relu's values on the diagonal",
        lambda a1: np.diag(np.maximum(a1, 0.0)),
        "The diagonal holds relu(a₁), the activation's values; the Jacobian holds its derivative, 1 where a₁ > 0 "
        "and 0 elsewhere.",
    ),
    Misconception(
        "inverted mask",
        lambda a1: np.diag((a1 < 0).astype(float)),
        "The mask is inverted: h = a₁ where a₁ > 0 (slope 1) and h = 0 where a₁ < 0 (slope 0).",
    ),
    Misconception(
        "the mask in every row",
        lambda a1: np.tile((a1 > 0).astype(float), (len(a1), 1)),
        "Every row holds the whole mask, so entries off the diagonal are 1 too. h_r depends on a₁_r alone: "
        "∂h_r/∂a₁_s = 0 for s != r.",
    ),
    Misconception(
        "the outer product of the mask",
        lambda a1: np.outer(a1 > 0, a1 > 0).astype(float),
        "Entries off the diagonal are non-zero: h_r depends on a₁_r alone, so ∂h_r/∂a₁_s = 0 for s != r.",
    ),
    Misconception(
        "identity",
        lambda a1: np.eye(len(a1)),
        "That is the identity, the Jacobian of h = a₁. ReLU blocks the units where a₁ < 0: their slope is 0.",
    ),
    Misconception(
        "the sigmoid's derivative",
        lambda a1: np.diag(sigmoid(a1) * (1 - sigmoid(a1))),
        "That is the sigmoid's derivative on the diagonal; ReLU's is 1 where a₁ > 0 and 0 elsewhere.",
    ),
)


def relu_shape_hint(answer: np.ndarray, problem: Problem) -> str:
    (a_1,) = problem.arguments
    u = len(a_1)
    flat = ": one number per unit is only the diagonal (np.diag puts a vector on one)" if answer.shape == (u,) else ""
    return f"The Jacobian of u = {u} outputs in u inputs is a u × u matrix; got shape {answer.shape}{flat}."


RELU_JACOBIAN = FunctionExercise(
    what="the Jacobian",
    problems=RELU_PROBLEMS,
    expected=relu_jacobian,
    misconceptions=RELU_JACOBIAN_MISTAKES,
    shape_hint=relu_shape_hint,
    generic="It disagrees with ∂h_r/∂a₁_s for h = relu(a₁).",
    parts=lambda a_1: diagonal_parts(len(a_1)),
    factors=lambda a_1: tuple(Factor(f.name, np.diag(f.values), f.meaning) for f in relu_factors(a_1)),
    size_example="len(a_1) for u",
)


def diagnose_relu_jacobian(student: Callable[[np.ndarray], Any]) -> str | None:
    """None if ``student(a_1)`` is diag(1(a₁ > 0)) on every problem, else a hint."""
    return diagnose(RELU_JACOBIAN, student)


def check_relu_jacobian(student: Callable[[np.ndarray], Any]) -> None:
    """Print whether ``student(a_1)`` returns ReLU's Jacobian diag(1(a₁ > 0)), with a hint if it does not."""
    report(diagnose_relu_jacobian(student), checked_on(RELU_JACOBIAN))


def weights_problem(u: int, k: int, seed: int) -> Problem:
    """W_out (u, k) as the one argument."""
    return Problem((np.random.default_rng(seed).normal(size=(u, k)),), f"u = {u} units and k = {k} classes")


# u = k in the third, where W_out itself has W_outᵀ's shape.
OUTPUT_LAYER_PROBLEMS = (
    weights_problem(5, 3, seed=51),
    weights_problem(2, 4, seed=52),
    weights_problem(3, 3, seed=53),
    weights_problem(6, 2, seed=54),
)

OUTPUT_LAYER_MISTAKES = (
    Misconception(
        "W_out itself",
        lambda W: W,
        "That is W_out itself (it has W_outᵀ's shape only because u = k here). Row i of the Jacobian is output "
        "a_Li, column r is unit h_r, and a_Li = Σ_r h_r W_out[r, i]: entry (i, r) is W_out[r, i].",
    ),
    Misconception(
        "sign flipped",
        lambda W: -W.T,
        "Every entry has the wrong sign: a_L = h W_out + b_outᵀ adds no minus.",
    ),
    Misconception(
        "identity",
        lambda W: np.eye(*W.T.shape),
        "That is an identity: a_L depends on h through W_out.",
    ),
)


def output_layer_shape_hint(answer: np.ndarray, problem: Problem) -> str:
    (W_out,) = problem.arguments
    u, k = W_out.shape
    swapped = ": rows and columns are swapped, row i is output a_Li" if answer.shape == (u, k) else ""
    return f"∂a_L/∂h has one row per output and one column per unit, (k, u) = ({k}, {u}); got {answer.shape}{swapped}."


OUTPUT_LAYER_JACOBIAN = FunctionExercise(
    what="the Jacobian",
    problems=OUTPUT_LAYER_PROBLEMS,
    expected=lambda W_out: W_out.T,
    misconceptions=OUTPUT_LAYER_MISTAKES,
    shape_hint=output_layer_shape_hint,
    generic="It disagrees with ∂a_Li/∂h_r for a_L = h W_out + b_outᵀ.",
    size_example="W_out.shape for u and k",
)


def diagnose_output_layer_jacobian(student: Callable[[np.ndarray], Any]) -> str | None:
    """None if ``student(W_out)`` is ∂a_L/∂h = W_outᵀ (k, u) on every problem, else a hint."""
    return diagnose(OUTPUT_LAYER_JACOBIAN, student)


def check_output_layer_jacobian(student: Callable[[np.ndarray], Any]) -> None:
    """Print whether ``student(W_out)`` returns the per-example ∂a_L/∂h = W_outᵀ, with a hint if it does not."""
    report(diagnose_output_layer_jacobian(student), checked_on(OUTPUT_LAYER_JACOBIAN))


def upstream_problem(m: int, k: int, seed: int) -> Problem:
    """∇_{a_L} (m, k) of the mean loss, (Ŷ - E)/m for random logits and labels, as the one argument."""
    rng = np.random.default_rng(seed)
    return Problem((grad_wrt_logits(rng.normal(size=(m, k)), rng.integers(0, k, size=m)),), f"m = {m}, k = {k}")


OUTPUT_BIAS_PROBLEMS = (
    upstream_problem(6, 3, seed=61),
    upstream_problem(4, 5, seed=62),
    upstream_problem(3, 3, seed=63),
    upstream_problem(7, 2, seed=64),
)


def bias_column(grad_out: np.ndarray) -> np.ndarray:
    """The column sum of ``grad_out``'s rows, (k, 1)."""
    return grad_out.sum(axis=0).reshape(-1, 1)


BIAS_COLUMN_MISTAKES = (
    Misconception(
        "mean over the examples",
        lambda g: g.mean(axis=0).reshape(-1, 1),
        "That is the mean of the rows, 1/m of the gradient: ∇_{a_L} already carries the mean loss's 1/m, so its "
        "rows are summed, not averaged again.",
    ),
    Misconception(
        "summed over the classes",
        lambda g: g.sum(axis=1, keepdims=True),
        "The sum ran over the classes (axis=1), one number per example. b_out is added to every example's row, so "
        "the sum runs over the examples, axis=0.",
    ),
    Misconception(
        "a row",
        lambda g: g.sum(axis=0, keepdims=True),
        "The numbers are right but the shape is (1, k), a row: b_out is a (k, 1) column, and b_out - η·(1, k) "
        "would broadcast to (k, k). Return a column.",
    ),
    Misconception(
        "flat",
        lambda g: g.sum(axis=0),
        "The numbers are right but the shape is flat, (k,): .sum(axis=0) drops the axis, and b_out - η·(k,) "
        "with b_out (k, 1) broadcasts to (k, k). Return a (k, 1) column (.reshape(-1, 1)).",
    ),
)

GRAD_WRT_OUTPUT_BIAS = FunctionExercise(
    what="∇_{b_out}",
    problems=OUTPUT_BIAS_PROBLEMS,
    expected=bias_column,
    misconceptions=BIAS_COLUMN_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"∇_{{b_out}} has b_out's shape, (k, 1) = ({problem.arguments[0].shape[1]}, 1); got {answer.shape}."
    ),
    generic="It disagrees with the gradient with respect to b_out, which is added to every row of a_L.",
    properties=upstream_properties(0, (0,)),
    size_example="grad_a_L.shape for m and k",
)


def diagnose_grad_wrt_output_bias(student: Callable[[np.ndarray], Any]) -> str | None:
    """None if ``student(grad_a_L)`` is the column sum of ∇_{a_L}'s rows, (k, 1), on every problem, else a hint."""
    return diagnose(GRAD_WRT_OUTPUT_BIAS, student)


def check_grad_wrt_output_bias(student: Callable[[np.ndarray], Any]) -> None:
    """Print whether ``student(grad_a_L)`` returns ∇_{b_out}, with a hint if it does not."""
    report(diagnose_grad_wrt_output_bias(student), checked_on(GRAD_WRT_OUTPUT_BIAS))


def grad_wrt_hidden_bias(grad_a_L: np.ndarray, W_out: np.ndarray, a_1: np.ndarray) -> np.ndarray:
    """∇_{b_hidden}: the column sum of ∇_{a₁} = (∇_{a_L} W_outᵀ) ⊙ 1(a₁ > 0), (u, 1)."""
    return grad_wrt_bias(backward_to_hidden(grad_a_L, W_out, a_1))


# The same problems as the backward line's, with ∇_{a_L} the mean loss's.
HIDDEN_BIAS_MISTAKES = (
    Misconception(
        "no mask",
        lambda g, W, a1: bias_column(grad_wrt_h(g, W)),
        "The ReLU is missing: this sums ∇_h = ∇_{a_L} W_outᵀ. b_hidden sits before the ReLU, so the gradient "
        "passes through it first: multiply by 1(a₁ > 0), then sum.",
    ),
    Misconception(
        "mean over the examples",
        lambda g, W, a1: bias_column(backward_to_hidden(g, W, a1)) / len(g),
        "That is 1/m of the gradient: ∇_{a_L} already carries the mean loss's 1/m; sum the rows, do not average.",
    ),
    Misconception(
        "summed over the units",
        lambda g, W, a1: backward_to_hidden(g, W, a1).sum(axis=1, keepdims=True),
        "The sum ran over the units (axis=1), one number per example; it runs over the examples, axis=0.",
    ),
    Misconception(
        "the output bias's gradient",
        lambda g, W, a1: bias_column(g),
        "That is ∇_{b_out}, the column sum of ∇_{a_L}. b_hidden is one layer further back: through W_outᵀ and "
        "the ReLU first.",
    ),
    Misconception(
        "flat",
        lambda g, W, a1: backward_to_hidden(g, W, a1).sum(axis=0),
        "The numbers are right but the shape is flat, (u,): return a (u, 1) column like b_hidden.",
    ),
    Misconception(
        "times relu(a₁)",
        lambda g, W, a1: bias_column(grad_wrt_h(g, W) * np.maximum(a1, 0)),
        "This multiplies by h = relu(a₁), the activation's value; the chain rule needs its derivative, 1(a₁ > 0).",
    ),
)

GRAD_WRT_HIDDEN_BIAS = FunctionExercise(
    what="∇_{b_hidden}",
    problems=BACKWARD_PROBLEMS,
    expected=grad_wrt_hidden_bias,
    misconceptions=HIDDEN_BIAS_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"∇_{{b_hidden}} has b_hidden's shape, (u, 1) = ({problem.arguments[2].shape[1]}, 1); got {answer.shape}."
    ),
    generic="It disagrees with the gradient with respect to b_hidden, which is added to every row of a₁.",
    properties=upstream_properties(0, (0, 2)),
    size_example="a_1.shape for m and u",
)


def diagnose_grad_wrt_hidden_bias(student: Callable[..., Any]) -> str | None:
    """None if ``student(grad_a_L, W_out, a_1)`` is ∇_{b_hidden} (u, 1) on every problem, else a hint."""
    return diagnose(GRAD_WRT_HIDDEN_BIAS, student)


def check_grad_wrt_hidden_bias(student: Callable[..., Any]) -> None:
    """Print whether ``student(grad_a_L, W_out, a_1)`` returns ∇_{b_hidden}, with a hint if it does not."""
    report(diagnose_grad_wrt_hidden_bias(student), checked_on(GRAD_WRT_HIDDEN_BIAS))


def hidden_weights_problem(m: int, n: int, u: int, k: int, seed: int) -> Problem:
    """x (m, n), then the backward line's ∇_{a_L} (m, k), W_out (u, k) and a₁ (m, u)."""
    rng = np.random.default_rng(seed)
    rest = backward_problem(m, u, k, seed=seed + 100).arguments
    return Problem((rng.normal(size=(m, n)), *rest), f"m = {m}, n = {n}, u = {u} and k = {k}")


# m = n in the third, where x (no transpose) runs; u = k in the last, where W_out (no transpose) runs.
HIDDEN_WEIGHTS_PROBLEMS = (
    hidden_weights_problem(6, 4, 5, 3, seed=71),
    hidden_weights_problem(4, 2, 7, 2, seed=72),
    hidden_weights_problem(5, 5, 4, 3, seed=73),
    hidden_weights_problem(3, 6, 3, 3, seed=74),
)


def grad_wrt_hidden_weights(x: np.ndarray, grad_a_L: np.ndarray, W_out: np.ndarray, a_1: np.ndarray) -> np.ndarray:
    """∇_{W_hidden} = xᵀ[(∇_{a_L} W_outᵀ) ⊙ 1(a₁ > 0)], (n, u)."""
    return grad_wrt_weights(x, backward_to_hidden(grad_a_L, W_out, a_1))


HIDDEN_WEIGHTS_MISTAKES = (
    Misconception(
        "no mask",
        lambda x, g, W, a1: x.T @ grad_wrt_h(g, W),
        "The ReLU is missing: between ∇_h = ∇_{a_L} W_outᵀ and xᵀ, the gradient passes through the ReLU, ⊙ 1(a₁ > 0).",
    ),
    Misconception(
        "1/m again",
        lambda x, g, W, a1: grad_wrt_hidden_weights(x, g, W, a1) / len(x),
        "Every entry is 1/m of the right value: ∇_{a_L} already carries the mean loss's 1/m; do not divide again.",
    ),
    Misconception(
        "transposed",
        lambda x, g, W, a1: grad_wrt_hidden_weights(x, g, W, a1).T,
        "The result is (u, n): it is transposed. ∇_{W_hidden} has W_hidden's shape (n, u): xᵀ (n, m) times "
        "∇_{a₁} (m, u).",
    ),
    Misconception(
        "times relu(a₁)",
        lambda x, g, W, a1: x.T @ (grad_wrt_h(g, W) * np.maximum(a1, 0)),
        "This multiplies by h = relu(a₁), the activation's value; the chain rule needs its derivative, 1(a₁ > 0).",
    ),
    Misconception(
        "h for x",
        lambda x, g, W, a1: np.maximum(a1, 0).T @ backward_to_hidden(g, W, a1),
        "The first factor is hᵀ, the hidden layer's output; W_hidden multiplies the input x, so the factor is xᵀ.",
    ),
    Misconception(
        "W_out not transposed",
        lambda x, g, W, a1: x.T @ ((g @ W) * (a1 > 0)),
        "This multiplies by W_out, which only runs because u = k here: ∇_h = ∇_{a_L} W_outᵀ, (m, k) times (k, u).",
    ),
    Misconception(
        "sign flipped",
        lambda x, g, W, a1: -grad_wrt_hidden_weights(x, g, W, a1),
        "Every entry has the wrong sign: the chain rule adds no minus sign here.",
    ),
)

GRAD_WRT_HIDDEN_WEIGHTS = FunctionExercise(
    what="∇_{W_hidden}",
    problems=HIDDEN_WEIGHTS_PROBLEMS,
    expected=grad_wrt_hidden_weights,
    misconceptions=HIDDEN_WEIGHTS_MISTAKES,
    shape_hint=lambda answer, problem: (
        f"∇_{{W_hidden}} has W_hidden's shape, (n, u) = ({problem.arguments[0].shape[1]}, "
        f"{problem.arguments[3].shape[1]}); got {answer.shape}."
    ),
    generic="It disagrees with xᵀ[(∇_{a_L} W_outᵀ) ⊙ 1(a₁ > 0)]: take the roadmap's factors one at a time.",
    factors=lambda x, g, W, a_1: (),
    properties=upstream_properties(1, (0, 1, 3)),
    size_example="x.shape and a_1.shape for the sizes",
)


def diagnose_grad_wrt_hidden_weights(student: Callable[..., Any]) -> str | None:
    """None if ``student(x, grad_a_L, W_out, a_1)`` is ∇_{W_hidden} (n, u) on every problem, else a hint."""
    return diagnose(GRAD_WRT_HIDDEN_WEIGHTS, student)


def check_grad_wrt_hidden_weights(student: Callable[..., Any]) -> None:
    """Print whether ``student(x, grad_a_L, W_out, a_1)`` returns ∇_{W_hidden}, with a hint if it does not."""
    report(diagnose_grad_wrt_hidden_weights(student), checked_on(GRAD_WRT_HIDDEN_WEIGHTS))
