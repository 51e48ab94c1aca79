"""Notebook 4's exercise: the output gradient, put into a whole network and gradient-checked."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.feedback import report
from helpers.kernels.cross_entropy import cross_entropy, grad_wrt_logits
from helpers.kernels.validation import as_class_labels
from helpers.training.network import gradient_check, init_parameters

OutputGradFunction = Callable[[np.ndarray, np.ndarray], np.ndarray]


def diagnose_output_gradient(student: OutputGradFunction) -> tuple[str | None, dict[str, float]]:
    """Put ``student(a_L, labels)`` in place of ``grad_wrt_logits`` in a small network and gradient-check it.

    Returns the hint (None when every parameter passes) and the norm-based
    relative error of each parameter.
    """

    rng = np.random.default_rng(11)
    x, labels = rng.normal(size=(6, 5)), rng.integers(0, 4, size=6)
    params = init_parameters(5, 7, 4, seed=11)
    params["W_out"] = rng.normal(0.0, 0.5, size=(7, 4))

    class StudentOutput:
        """Cross-entropy, with the student's function as its gradient."""

        reports_accuracy = True

        def check_targets(self, targets: np.ndarray, m: int, k: int) -> np.ndarray:
            return as_class_labels(targets, k, m, name="targets")

        def loss_and_grad(self, a_L: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
            return cross_entropy(a_L, targets), np.asarray(student(a_L.copy(), targets), dtype=np.float64)

    try:
        checks = gradient_check(params, x, labels, StudentOutput())
    except NotImplementedError:
        return "The function still raises NotImplementedError: replace that line with your code.", {}
    except (TypeError, ValueError) as error:
        return f"The gradient could not be used in the backward pass ({error}); it must have shape (m, k).", {}
    errors = {name: check.norm_error for name, check in checks.items()}
    if max(errors.values()) < 1e-7:
        return None, errors
    a_L = rng.normal(size=(6, 4))
    answer = np.asarray(student(a_L.copy(), labels), dtype=np.float64)
    right = grad_wrt_logits(a_L, labels)
    m = len(labels)
    for candidate, hint in [
        (-right, "The sign is flipped: dL/da_L = yhat - e(l), so the true class's entry is negative."),
        (right * m, "The 1/m of the mean loss is missing: divide by the number of rows."),
        (right / m, "1/m is applied twice."),
        (right + np.eye(4)[labels] / m, "Only the softmax is left: subtract e(l) for each row's true class."),
    ]:
        if answer.shape == right.shape and np.allclose(answer, candidate):
            return hint, errors
    return "The gradient check fails; compare your result with (softmax(a_L) - E)/m row by row.", errors


def check_output_gradient(student: OutputGradFunction) -> None:
    """Gradient-check a network that uses ``student`` as its output gradient; print each parameter's error
    and a hint."""
    hint, errors = diagnose_output_gradient(student)
    for name, error in errors.items():
        print(f"  {name:9s} relative error (norm) {error:.1e}")
    report(hint)
