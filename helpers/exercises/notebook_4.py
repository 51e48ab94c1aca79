"""Notebook 4's exercises: one line of the backward pass, and the batch output gradient put into a whole network.
The public threads where a catalogue entry's mistake was seen are named in the comments above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.catalogue import FunctionExercise, Misconception, Problem, checked_on, constant_factor, diagnose
from helpers.exercises.protocol import Hint, as_array, call_student, report
from helpers.kernels.activations import sigmoid
from helpers.kernels.cross_entropy import cross_entropy, grad_wrt_logits
from helpers.kernels.softmax import softmax
from helpers.kernels.validation import as_class_labels
from helpers.training.backward_steps import grad_through_relu, grad_wrt_h
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


def grad_h(grad_a_L: np.ndarray, W_out: np.ndarray) -> np.ndarray:
    """∇_h = ∇_{a_L} W_outᵀ."""
    return grad_wrt_h(grad_a_L, W_out)


BACKWARD_MISTAKES = (
    Misconception(
        "no mask",
        lambda g, W, a1: grad_h(g, W),
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
        lambda g, W, a1: grad_h(g, W) * (a1 < 0),
        "The mask is inverted: ReLU passes the gradient where a₁ > 0 (there h = a₁) and blocks it where a₁ < 0 "
        "(there h = 0).",
    ),
    Misconception(
        "times a₁",
        lambda g, W, a1: grad_h(g, W) * a1,
        "This multiplies by a₁ itself. ReLU's derivative is the mask 1(a₁ > 0): 1 or 0, not a₁.",
    ),
    # Grokking-Deep-Learning#56 and #9 discuss which of a₁ and h the derivative takes; the value is a third slip.
    Misconception(
        "times relu(a₁)",
        lambda g, W, a1: grad_h(g, W) * np.maximum(a1, 0),
        "This multiplies by h = relu(a₁), the activation's value; the chain rule needs its derivative, 1(a₁ > 0).",
    ),
    Misconception(
        "mask from the gradient",
        lambda g, W, a1: grad_h(g, W) * (grad_h(g, W) > 0),
        "The mask is taken from the gradient's sign; it comes from the forward pass: 1(a₁ > 0).",
    ),
    Misconception(
        "the sigmoid's derivative",
        lambda g, W, a1: grad_h(g, W) * sigmoid(a1) * (1 - sigmoid(a1)),
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
    generic=(
        "The entries do not match the gradient at a₁. Take the two lines of section 3 in turn: first the gradient "
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


def output_structural_hint(answer: np.ndarray, problem: Problem) -> str | None:
    a_L, labels = problem.arguments
    factor = constant_factor(answer, grad_wrt_logits(a_L, labels))
    if factor is not None:
        return f"Every entry is {factor:.3g} times the gradient: recount the 1/m and the sign."
    if not np.allclose(answer.sum(axis=1), 0.0, atol=1e-12):
        return (
            "The rows do not sum to 0, but each must: ŷ sums to 1 over the classes and so does e(ℓ). Check that "
            "your softmax normalises each row and that you subtract one 1 per row, at its true class."
        )
    return None


OUTPUT_GRADIENT = FunctionExercise(
    what="∇_{a_L}",
    problems=OUTPUT_PROBLEMS,
    expected=grad_wrt_logits,
    misconceptions=OUTPUT_MISTAKES,
    structural=output_structural_hint,
    shape_hint=lambda answer, problem: (
        f"∇_{{a_L}} has a_L's shape, (m, k) = {problem.arguments[0].shape}; got {answer.shape}."
    ),
    generic=(
        "The entries do not match the gradient. Start from notebook 2's result for one example, row by row, then "
        "account for the mean over the m rows."
    ),
    size_example="a_L.shape for m and k",
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
