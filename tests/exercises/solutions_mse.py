"""Reference solutions to notebook 3's exercises, the stubs the notebook hands out (a body of `# Your code here`,
which returns None), and plausible wrong answers."""

import numpy as np

from instructor.solutions import solution

# Exercise 1: ∇_{W_out} L = (2/m) aᵀ(ŷ - y), shape (u, 1), as the instructor notebook solves it.
mse_grad_wrt_weights = solution("03_batched_mse_weight_gradient.ipynb", "my_mse_grad_wrt_weights")


def mse_grad_wrt_weights_stub(a, y, yhat):
    """A docstring, then `# Your code here`: the function returns None."""


def eta_threshold(lambda_max):
    """Exercise 2: gradient descent converges for every η below 2/λ_max and diverges above it."""
    return 2 / lambda_max


ETA_THRESHOLD_STUB = None


def stacked(a, y, yhat):
    return 2 * (yhat - y) * a


WRONG_WEIGHT_GRADIENTS = {
    # name: (function, a fragment of the intended hint)
    "unsummed stacked matrix": (stacked, "stacked (m, u) matrix"),
    "unsummed stacked matrix over m": (lambda a, y, yhat: stacked(a, y, yhat) / a.shape[0], "stacked (m, u) matrix"),
    "flat (u,) vector": (lambda a, y, yhat: stacked(a, y, yhat).sum(axis=0) / a.shape[0], "flat vector"),
    "mean over rows, flat": (lambda a, y, yhat: np.mean(stacked(a, y, yhat), axis=0), "flat vector"),
    "(ŷ - y)ᵀ a, a row": (lambda a, y, yhat: 2 / a.shape[0] * (yhat - y).T @ a, "(ŷ - y)ᵀa is a row"),
    "missing 2": (lambda a, y, yhat: mse_grad_wrt_weights(a, y, yhat) / 2, "factor 2"),
    "1/m twice": (lambda a, y, yhat: mse_grad_wrt_weights(a, y, yhat) / a.shape[0], "applied twice"),
    "sum loss, no 1/m": (lambda a, y, yhat: mse_grad_wrt_weights(a, y, yhat) * a.shape[0], "sum of the squared"),
    "sign": (lambda a, y, yhat: -mse_grad_wrt_weights(a, y, yhat), "wrong sign"),
    "y - ŷ": (lambda a, y, yhat: 2 / a.shape[0] * a.T @ (y - yhat), "wrong sign"),
    "no 1/m, no 2": (lambda a, y, yhat: a.T @ (yhat - y), "both the 1/m and the factor 2"),
    "a not transposed": (lambda a, y, yhat: 2 / a.shape[0] * a @ (yhat - y), "aᵀ(ŷ - y)"),
    "multiplied, not summed": (lambda a, y, yhat: 2 / a.shape[0] * a.T * (yhat - y).T, "multiplied but not added"),
    "gradient w.r.t. ŷ": (lambda a, y, yhat: 2 / a.shape[0] * (yhat - y), "gradient with respect to ŷ"),
    "the loss": (lambda a, y, yhat: float(np.mean((yhat - y) ** 2)), "single number"),
    "summed over the wrong axis": (
        lambda a, y, yhat: stacked(a, y, yhat).sum(axis=1) / a.shape[0],
        "with respect to ŷ",
    ),
    "(u, u) broadcast": (
        lambda a, y, yhat: mse_grad_wrt_weights(a, y, yhat) + 0 * stacked(a, y, yhat).sum(axis=0),
        "(u, u)",
    ),
    "y instead of ŷ - y": (lambda a, y, yhat: 2 / a.shape[0] * a.T @ y, "direction is wrong"),
    "other constant": (lambda a, y, yhat: 3 * mse_grad_wrt_weights(a, y, yhat), "a constant factor is off"),
    "None": (lambda a, y, yhat: None, "None"),
    "a string": (lambda a, y, yhat: "2/m a.T (yhat - y)", "must return numbers"),
    "a ragged list": (lambda a, y, yhat: [[1.0], [2.0, 3.0]], "must return numbers"),
    "a short list": (lambda a, y, yhat: [1.0, 2.0], "W_out's shape"),
    "raises": (lambda a, y, yhat: a.missing_attribute, "AttributeError"),
}

WRONG_THRESHOLDS = {
    # name: (answer as a function of λ_max, a fragment of the intended hint)
    "1/λ_max": (lambda lam: 1 / lam, "starts to change sign"),
    "λ_max": (lambda lam: lam, "multiple of λ_max"),
    "2 λ_max": (lambda lam: 2 * lam, "multiple of λ_max"),
    "4/λ_max": (lambda lam: 4 / lam, "4/λ_max"),
    "a convergent η below": (lambda lam: 1.5 / lam, "still converges"),
    "a divergent η above": (lambda lam: 2.5 / lam, "diverges"),
    "None": (lambda lam: None, "number"),
    "a string": (lambda lam: "2/lambda_max", "number"),
    "a list": (lambda lam: [2 / lam], "number"),
    "negative": (lambda lam: -2 / lam, "positive"),
    "nan": (lambda lam: float("nan"), "positive"),
}
