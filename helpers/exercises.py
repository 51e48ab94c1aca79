"""Checkers for the notebooks' exercises: each names the mistake it recognises and gives a hint.

``diagnose_*`` returns None for a correct answer and a hint otherwise (tests
use these); ``check_*`` prints the verdict for the reader.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.cross_entropy import grad_wrt_yhat, one_hot
from helpers.softmax import softmax, softmax_jacobian

GradFunction = Callable[[np.ndarray, int], np.ndarray]

_CASES = [(np.array([2.0, 1.0, 0.1, -1.0]), 2), (np.array([0.3, -0.2, 1.5]), 0), (np.array([1.0, 1.0]), 1)]


def _report(hint: str | None) -> None:
    print("Correct." if hint is None else f"Not yet. {hint}")


def diagnose_grad_wrt_yhat(student: GradFunction) -> str | None:
    """Compare ``student(yhat, l)`` with -(1/ŷ_ℓ) e(ℓ) and name the first mistake found."""
    for a, l in _CASES:
        yhat = softmax(a)
        k = yhat.shape[0]
        expected = grad_wrt_yhat(yhat, l)
        try:
            answer = student(yhat.copy(), l)
        except NotImplementedError:
            return "The function still raises NotImplementedError: replace that line with your code."
        if answer is None:
            return "The function returns None: it must return the gradient vector, shape (k,)."
        answer = np.asarray(answer, dtype=np.float64)
        if answer.shape != (k,):
            return f"For k = {k} classes the gradient has shape ({k},), one entry per yhat_i; got shape {answer.shape}."
        if np.allclose(answer, expected, rtol=1e-10, atol=0):
            continue
        if np.allclose(answer, -expected):
            return "The sign is flipped: L = -log yhat_l decreases as yhat_l grows, so dL/dyhat_l is negative."
        if np.allclose(answer, -one_hot(l, k)) or np.allclose(answer, one_hot(l, k)):
            return "You have the indicator e(l) but not the factor 1/yhat_l from d(log x)/dx = 1/x."
        if np.allclose(answer, -1.0 / yhat):
            return "Only the true class appears in L = -log yhat_l, so dL/dyhat_i = 0 for every i != l."
        nonzero = np.flatnonzero(answer)
        if len(nonzero) == 1 and nonzero[0] != l:
            return f"The non-zero entry sits at class {nonzero[0]}, but the true class is l = {l}: index with l."
        return f"For yhat = {np.round(yhat, 4)} and l = {l} the gradient is {np.round(expected, 4)}; got {np.round(answer, 4)}."
    return None


def check_grad_wrt_yhat(student: GradFunction) -> None:
    """Print whether ``student(yhat, l)`` returns -(1/ŷ_ℓ) e(ℓ), with a hint if it does not."""
    _report(diagnose_grad_wrt_yhat(student))


def diagnose_probability_for_gradient(yhat_l: float | None, target_gradient: float = -4.0) -> str | None:
    """Check the ŷ_ℓ at which ∂L/∂ŷ_ℓ equals ``target_gradient`` (the answer is -1/target_gradient)."""
    expected = -1.0 / target_gradient
    if yhat_l is None:
        return "Set the answer to a number."
    if np.isclose(yhat_l, expected, rtol=1e-9):
        return None
    if np.isclose(abs(yhat_l), abs(target_gradient)):
        return "That is the size of the gradient itself; the question asks for yhat_l, and dL/dyhat_l = -1/yhat_l."
    if not 0 < yhat_l <= 1:
        return f"yhat_l is a probability in (0, 1]; got {yhat_l}. Solve -1/yhat_l = {target_gradient} for yhat_l."
    return f"dL/dyhat_l = -1/yhat_l; at your yhat_l = {yhat_l} it is {-1.0 / yhat_l:.4g}, not {target_gradient}."


def check_probability_for_gradient(yhat_l: float | None, target_gradient: float = -4.0) -> None:
    """Print whether ``yhat_l`` makes ∂L/∂ŷ_ℓ equal ``target_gradient``, with a hint if it does not."""
    _report(diagnose_probability_for_gradient(yhat_l, target_gradient))


JacobianFunction = Callable[[np.ndarray], np.ndarray]


def diagnose_softmax_jacobian(student: JacobianFunction) -> str | None:
    """Compare ``student(a)`` with diag(ŷ) - ŷŷᵀ and name the first mistake found."""
    for a, _ in _CASES:
        yhat = softmax(a)
        k = yhat.shape[0]
        expected = softmax_jacobian(a)
        try:
            answer = student(a.copy())
        except NotImplementedError:
            return "The function still raises NotImplementedError: replace that line with your code."
        if answer is None:
            return "The function returns None: it must return the (k, k) Jacobian."
        answer = np.asarray(answer, dtype=np.float64)
        if answer.shape != (k, k):
            return f"The Jacobian of k = {k} outputs by k logits has shape ({k}, {k}); got shape {answer.shape}."
        if np.allclose(answer, expected, rtol=1e-10, atol=1e-15):
            continue
        if np.allclose(answer, np.diag(yhat * (1 - yhat))):
            return (
                "You have only the diagonal y_i(1 - y_i). Every output depends on every logit through the "
                "denominator: off the diagonal, d yhat_i / d a_j = -yhat_i yhat_j."
            )
        if np.allclose(answer, -expected):
            return "The sign is flipped: raising a_Li raises yhat_i, so the diagonal must be positive."
        if np.allclose(answer, -np.outer(yhat, yhat)):
            return "The diagonal misses the term from d exp(a_i)/d a_i: add diag(yhat)."
        return f"For a = {a} the Jacobian is\n{np.round(expected, 4)}\nbut got\n{np.round(answer, 4)}."
    return None


def check_softmax_jacobian(student: JacobianFunction) -> None:
    """Print whether ``student(a)`` returns diag(ŷ) - ŷŷᵀ, with a hint if it does not."""
    _report(diagnose_softmax_jacobian(student))


def true_class_gradient(a: np.ndarray, l: int, T: float) -> float:
    """∂L/∂a_Lℓ at temperature T: (softmax(a/T)_ℓ - 1) / T."""
    return float((softmax(np.asarray(a) / T)[l] - 1.0) / T)


def temperature_for_half_gradient(a: np.ndarray, l: int) -> float:
    """The T > 1 at which ∂L/∂a_Lℓ is half its value at T = 1, by bisection."""
    target = 0.5 * true_class_gradient(a, l, 1.0)
    low, high = 1.0, 1e4
    for _ in range(200):
        middle = 0.5 * (low + high)
        if true_class_gradient(a, l, middle) < target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def diagnose_temperature_for_half_gradient(T: float | None, a: np.ndarray, l: int) -> str | None:
    """Check a temperature at which the true class's logit gradient is half its value at T = 1."""
    if T is None:
        return "Set T to a number."
    if not T > 0:
        return f"A temperature is positive; got {T}."
    ratio = true_class_gradient(a, l, T) / true_class_gradient(a, l, 1.0)
    if abs(ratio - 0.5) < 1e-3:
        return None
    if T < 1:
        return (
            f"At T = {T} the ratio to T = 1 is {ratio:.4f}: a temperature below 1 sharpens the softmax and the "
            "gradient grows. Look above T = 1."
        )
    return (
        f"At T = {T} the gradient of the true class is {ratio:.4f} times its value at T = 1, not 0.5. "
        "Remember the chain-rule factor 1/T: dL/da_L = (softmax(a/T) - e(l)) / T."
    )


def check_temperature_for_half_gradient(T: float | None, a: np.ndarray, l: int) -> None:
    """Print whether ``T`` halves the true class's logit gradient, with a hint if it does not."""
    _report(diagnose_temperature_for_half_gradient(T, a, l))


WeightGradFunction = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def diagnose_mse_grad_wrt_weights(student: WeightGradFunction) -> str | None:
    """Compare ``student(a, y, yhat)`` with (2/m) aᵀ(ŷ - y) and name the first mistake found."""
    from helpers.mse import mse_grad_wrt_weights

    rng = np.random.default_rng(7)
    m, u = 5, 4
    a, y, yhat = rng.normal(size=(m, u)), rng.normal(size=(m, 1)), rng.normal(size=(m, 1))
    expected = mse_grad_wrt_weights(a, y, yhat)
    try:
        answer = student(a.copy(), y.copy(), yhat.copy())
    except NotImplementedError:
        return "The function still raises NotImplementedError: replace that line with your code."
    if answer is None:
        return "The function returns None: it must return the gradient, shape (u, 1)."
    answer = np.asarray(answer, dtype=np.float64)
    if answer.shape == (1, u) or answer.shape == (u,):
        return f"The gradient has W_out's shape, (u, 1) = ({u}, 1); got {answer.shape}. Try aᵀ(ŷ - y), not (ŷ - y)ᵀa."
    if answer.shape != (u, 1):
        return f"The gradient has W_out's shape, ({u}, 1); got {answer.shape}."
    if np.allclose(answer, expected, rtol=1e-10):
        return None
    for factor, hint in [
        (-1, "The sign is flipped: the lecture's eq. 8 is 2(ŷ - y) a, and descent subtracts it."),
        (0.5, "The factor 2 from differentiating the square is missing."),
        (1 / m, "1/m is applied twice: once in the loss and once more when averaging. Apply it once."),
        (m, "The 1/m of the mean is missing: this is the sum over examples, not the gradient of the mean."),
    ]:
        if np.allclose(answer, factor * expected, rtol=1e-10):
            return hint
    return f"Expected (2/m) aᵀ(ŷ - y) =\n{np.round(expected, 4)}\ngot\n{np.round(answer, 4)}."


def check_mse_grad_wrt_weights(student: WeightGradFunction) -> None:
    """Print whether ``student(a, y, yhat)`` returns (2/m) aᵀ(ŷ - y), with a hint if it does not."""
    _report(diagnose_mse_grad_wrt_weights(student))


def diagnose_learning_rate_limit(eta: float | None, lambda_max: float) -> str | None:
    """Check the largest learning rate at which gradient descent still converges, 2/λ_max."""
    if eta is None:
        return "Set eta to a number."
    limit = 2.0 / lambda_max
    if abs(eta / limit - 1) < 0.01:
        return None
    if abs(eta * lambda_max - 1) < 0.01:
        return (
            "1/λ_max is where the error along the top eigenvector starts to change sign each step; "
            "it still shrinks while |1 - η λ_max| < 1."
        )
    if abs(eta - lambda_max) / lambda_max < 0.01:
        return "That is λ_max itself; the limit on η is in units of 1/λ_max."
    return f"Along the top eigenvector the error is multiplied by 1 - η λ_max = {1 - eta * lambda_max:.3f} per step; find where that reaches -1."


def check_learning_rate_limit(eta: float | None, lambda_max: float) -> None:
    """Print whether ``eta`` is the largest convergent learning rate, with a hint if it is not."""
    _report(diagnose_learning_rate_limit(eta, lambda_max))


OutputGradFunction = Callable[[np.ndarray, np.ndarray], np.ndarray]


def diagnose_output_gradient(student: OutputGradFunction) -> tuple[str | None, dict[str, float]]:
    """Put ``student(a_L, labels)`` in place of ``grad_wrt_logits`` in a small network and gradient-check it.

    Returns the hint (None when every parameter passes) and the norm-based
    relative error of each parameter.
    """
    from helpers.cross_entropy import cross_entropy, grad_wrt_logits
    from helpers.network import gradient_check, init_parameters

    rng = np.random.default_rng(11)
    x, labels = rng.normal(size=(6, 5)), rng.integers(0, 4, size=6)
    params = init_parameters(5, 7, 4, seed=11)
    params["W_out"] = rng.normal(0.0, 0.5, size=(7, 4))

    class StudentOutput:
        name = "cross-entropy with your gradient"

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
    """Gradient-check a network that uses ``student`` as its output gradient; print each parameter's error and a hint."""
    hint, errors = diagnose_output_gradient(student)
    for name, error in errors.items():
        print(f"  {name:9s} relative error (norm) {error:.1e}")
    _report(hint)
