"""Notebook 4's exercises: one line of the backward pass, and the output gradient put into a whole network.

Both are judged against central differences: the backward line against
differences of the forward map it inverts (``helpers.training.backward_steps``'s
probe), the output gradient against differences of a small network's loss.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.kernels.cross_entropy import cross_entropy, grad_wrt_logits
from helpers.kernels.validation import as_class_labels
from helpers.training.backward_steps import grad_through_relu, grad_wrt_h, probe_check
from helpers.training.network import gradient_check, init_parameters

OutputGradFunction = Callable[[np.ndarray, np.ndarray], np.ndarray]
BackwardLineFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def _call(student: Callable, *args: np.ndarray) -> tuple[np.ndarray | None, str | None]:
    """``student(*args)`` as a float64 array, or a hint when it raises, returns None or returns something else."""
    if not callable(student):
        return None, "Pass the function itself, e.g. check(my_function), without calling it."
    try:
        raw = student(*(arg.copy() for arg in args))
    except NotImplementedError:
        return None, "The function still raises NotImplementedError: replace that line with your code."
    except ValueError as error:
        if "matmul" in str(error) or "aligned" in str(error):
            return None, (
                f"A matrix product failed ({error}). Write down each factor's shape: the product's inner sizes must "
                "agree, and a transpose is usually what is missing."
            )
        if "broadcast" in str(error):
            return None, (
                f"Two arrays of different shapes met in an elementwise operation ({error}). If one of them is "
                "labels, shape (m,), turn it into the one-hot rows E first: np.eye(k)[labels] is (m, k)."
            )
        return None, f"The function raised ValueError ({error})."
    except Exception as error:  # any other mistake in the student's code becomes a hint, not a traceback
        return None, f"The function raised {type(error).__name__} ({error})."
    if raw is None:
        return None, "The function returns None (did you forget `return`?)."
    if isinstance(raw, (str, bytes)):
        return None, f"The function returned the string {raw!r:.40}; it must return an array of numbers."
    try:
        return np.asarray(raw, dtype=np.float64), None
    except (TypeError, ValueError):
        return None, f"The function returned {type(raw).__name__}, not an array of numbers."


def _close(answer: np.ndarray, target: np.ndarray) -> bool:
    return answer.shape == target.shape and np.allclose(answer, target, rtol=1e-6, atol=1e-12)


def _backward_problem() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """∇_{a_L} (m, k), W_out (u, k), b_out (k, 1) and a₁ (m, u) with every |a₁| ≥ 0.1, away from ReLU's kink."""
    rng = np.random.default_rng(13)
    m, u, k = 6, 5, 3
    a_1 = rng.normal(size=(m, u))
    a_1 += np.where(a_1 >= 0, 0.1, -0.1)
    return rng.normal(size=(m, k)), rng.normal(size=(u, k)), rng.normal(size=(k, 1)), a_1


def diagnose_backward_to_hidden(student: BackwardLineFunction) -> str | None:
    """Check ``student(grad_a_L, W_out, a_1)`` = ∇_{a₁}, the gradient at the hidden pre-activation, shape (m, u).

    The answer is compared with central differences of P(a₁) = Σ ∇_{a_L} ⊙ (relu(a₁) W_out + b_outᵀ), whose
    gradient is exactly the two backward lines from a_L to a₁.
    """
    grad_a_L, W_out, b_out, a_1 = _backward_problem()
    m, u = a_1.shape
    answer, hint = _call(student, grad_a_L, W_out, a_1)
    if hint is not None:
        return hint
    grad_h = grad_wrt_h(grad_a_L, W_out)
    if answer.shape == (u, m):
        return (
            "The result has shape (u, m), one column per example: it is transposed. ∇_{a₁} has a₁'s shape (m, u); "
            "∇_{a_L} W_outᵀ is (m, k) times (k, u)."
        )
    if answer.shape != (m, u):
        return f"∇_{{a₁}} has a₁'s shape, (m, u) = ({m}, {u}); got {answer.shape}."
    if not np.all(np.isfinite(answer)):
        return "The result holds nan or inf."
    error = probe_check(lambda v: np.maximum(v, 0) @ W_out + b_out.T, a_1, grad_a_L, answer)
    if error < 1e-7:
        return None
    for wrong, wrong_hint in [
        (
            grad_h,
            "This is ∇_h = ∇_{a_L} W_outᵀ, the gradient at the ReLU's output. Pass it back through the ReLU: "
            "multiply by its derivative, 1 where a₁ > 0 and 0 elsewhere.",
        ),
        (
            grad_h * (a_1 < 0),
            "The mask is inverted: ReLU passes the gradient where a₁ > 0 (there h = a₁) and blocks "
            "it where a₁ < 0 (there h = 0).",
        ),
        (grad_h * a_1, "This multiplies by a₁ itself. ReLU's derivative is the mask 1(a₁ > 0): 1 or 0, not a₁."),
        (
            grad_h * np.maximum(a_1, 0),
            "This multiplies by h = relu(a₁), the activation's value; the chain rule needs its derivative, 1(a₁ > 0).",
        ),
        (
            grad_h * (grad_h > 0),
            "The mask is taken from the gradient's sign; it comes from the forward pass: 1(a₁ > 0).",
        ),
        (-grad_through_relu(grad_h, a_1), "Every entry has the wrong sign: the chain rule adds no minus sign here."),
        (
            grad_through_relu(grad_h, a_1) / m,
            "Every entry is 1/m of the right value: ∇_{a_L} already holds the mean's 1/m; do not divide again.",
        ),
    ]:
        if _close(answer, wrong):
            return wrong_hint
    return (
        "The entries do not match finite differences of a_L as a function of a₁. Take the two lines in turn: "
        "∇_h = ∇_{a_L} W_outᵀ, then ∇_{a₁} = ∇_h ⊙ 1(a₁ > 0)."
    )


def check_backward_to_hidden(student: BackwardLineFunction) -> None:
    """Print whether ``student(grad_a_L, W_out, a_1)`` returns ∇_{a₁}, with a hint about the mistake if not."""
    report(diagnose_backward_to_hidden(student))


def diagnose_output_gradient(student: OutputGradFunction) -> tuple[str | None, dict[str, float]]:
    """Put ``student(a_L, labels)`` in place of ``grad_wrt_logits`` in a small network and gradient-check it.

    Returns the hint (None when every parameter passes) and the norm-based
    relative error of each parameter (empty when the answer could not be used).
    """
    rng = np.random.default_rng(11)
    m, k = 6, 4
    x, labels = rng.normal(size=(m, 5)), rng.integers(0, k, size=m)
    params = init_parameters(5, 7, k, seed=11)
    params["W_out"] = rng.normal(0.0, 0.5, size=(7, k))
    a_L = rng.normal(size=(m, k))
    answer, hint = _call(student, a_L, labels)
    if hint is not None:
        return hint, {}
    if answer.shape != (m, k):
        if answer.shape == (k, m):
            return "The result is (k, m), one column per example; ∇_{a_L} has a_L's shape, (m, k).", {}
        return f"∇_{{a_L}} has a_L's shape, (m, k) = ({m}, {k}); got {answer.shape}.", {}

    class StudentOutput:
        """Cross-entropy, with the student's function as its gradient."""

        reports_accuracy = True

        def check_targets(self, targets: np.ndarray, m: int, k: int, name: str = "targets") -> np.ndarray:
            return as_class_labels(targets, k, m, name=name)

        def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
            return cross_entropy(a_L, targets), np.asarray(student(a_L.copy(), targets), dtype=np.float64)

    try:
        checks = gradient_check(params, x, labels, StudentOutput())
    except Exception as error:  # the function worked once but fails on the network's own a_L: a hint, not a traceback
        return f"The function failed inside the network ({type(error).__name__}: {error}).", {}
    errors = {name: check.norm_error for name, check in checks.items()}
    if max(errors.values()) < 1e-7:
        return None, errors
    right = grad_wrt_logits(a_L, labels)
    E = np.eye(k)[labels]
    for candidate, wrong_hint in [
        (-right, "The sign is flipped: ∇_{a_L} = (ŷ - e(ℓ))/m, so the true class's entry is negative."),
        (right * m, "The 1/m of the mean loss is missing: divide by the number of rows."),
        (right / m, "1/m is applied twice."),
        (right + E / m, "Only the softmax is left: subtract e(ℓ) for each row's true class."),
        (m * right + E, "Only the softmax is left, and the 1/m is missing: subtract e(ℓ), then divide by m."),
        (-E / m, "Only -e(ℓ)/m is left: add ŷ = softmax(a_L); the gradient is (ŷ - e(ℓ))/m."),
    ]:
        if _close(answer, candidate):
            return wrong_hint, errors
    return (
        "The gradient check fails. Notebook 2's result for one example is ŷ - e(ℓ) with ŷ = softmax(a_L); for the "
        "mean over m rows, each row is divided by m."
    ), errors


def check_output_gradient(student: OutputGradFunction) -> None:
    """Gradient-check a network that uses ``student`` as its output gradient; print each parameter's error
    and a hint."""
    hint, errors = diagnose_output_gradient(student)
    for name, error in errors.items():
        verdict = "< 1e-07" if error < 1e-7 else f"about {error:.0e}"
        print(f"  {name:9s} relative error (norm) {verdict}")
    report(hint)
