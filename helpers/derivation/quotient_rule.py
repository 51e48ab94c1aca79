"""The lecture's derivation of ∂L/∂a_Li, one function per step, for numbers and for symbols alike.

Each step is written once, as an expression in the logits ``a`` (a sequence
of k entries), the true class ``l`` and the index ``i``. A *backend* supplies
``exp`` and the partial derivative that the early steps still contain:

- ``NUMERIC``: numpy's exp, and a central-difference derivative;
- ``SYMBOLIC``: SymPy's exp, and SymPy's exact derivative.

So ``step(a, l, i, NUMERIC)`` checks a step on concrete logits, and
``step(symbols, l, i, SYMBOLIC)`` minus the previous step simplifying to 0
proves that the equality holds for every logit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from helpers.kernels.cross_entropy import cross_entropy
from helpers.kernels.gradcheck import describe_relative_error, numerical_gradient, relative_error


@dataclass(frozen=True)
class Backend:
    """``exp``, ``log`` and ``derivative(f, a, i)``, the partial derivative of ``f(a)`` with respect to ``a[i]``."""

    exp: Callable[[Any], Any]
    log: Callable[[Any], Any]
    derivative: Callable[[Callable[[Sequence[Any]], Any], Sequence[Any], int], Any]


def _numeric_derivative(f: Callable[[Sequence[float]], float], a: Sequence[float], i: int) -> float:
    return float(numerical_gradient(f, np.asarray(a, dtype=np.float64))[i])


def _symbolic_derivative(f: Callable[[Sequence[Any]], Any], a: Sequence[Any], i: int) -> Any:
    return sympy.diff(f(a), a[i])


NUMERIC = Backend(exp=np.exp, log=np.log, derivative=_numeric_derivative)
SYMBOLIC = Backend(exp=sympy.exp, log=sympy.log, derivative=_symbolic_derivative)


def indicator(condition: bool) -> int:
    """1_(condition): 1 if it holds, else 0."""
    return 1 if condition else 0


def softmax_entry(a: Sequence[Any], j: int, backend: Backend) -> Any:
    """ŷ_j = exp(a_Lj) / Σ_i' exp(a_Li')."""
    return backend.exp(a[j]) / sum(backend.exp(x) for x in a)


# The steps, in the lecture's order (quotient-rule part 2). Each returns ∂L/∂a_Li.


def step_chain_rule(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Steps 1-4: -(1/ŷ_ℓ) ∂ŷ_ℓ/∂a_Li, with ŷ_ℓ = exp(a_L)_ℓ / Σ_i' exp(a_L)_i'."""
    return -1 / softmax_entry(a, l, backend) * backend.derivative(lambda x: softmax_entry(x, l, backend), a, i)


def step_quotient_rule(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 5: -(1/ŷ_ℓ) (∂g/∂a_Li · 1/h - g/h² · ∂h/∂a_Li), g = exp(a_L)_ℓ, h = Σ_i' exp(a_L)_i'."""

    def g(x: Sequence[Any]) -> Any:
        return backend.exp(x[l])

    def h(x: Sequence[Any]) -> Any:
        return sum(backend.exp(entry) for entry in x)

    dg = backend.derivative(g, a, i)
    dh = backend.derivative(h, a, i)
    return -1 / softmax_entry(a, l, backend) * (dg / h(a) - g(a) * dh / h(a) ** 2)


def step_quotient_rule_with_sum_of_squares(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 5 as one slide misprints it: the denominator Σ_i' exp(a_L)_i'² instead of (Σ_i' exp(a_L)_i')². Wrong."""
    exp = backend.exp
    dg = backend.derivative(lambda x: exp(x[l]), a, i)
    dh = backend.derivative(lambda x: sum(exp(entry) for entry in x), a, i)
    h = sum(exp(x) for x in a)
    return -1 / softmax_entry(a, l, backend) * (dg / h - exp(a[l]) * dh / sum(exp(x) ** 2 for x in a))


def step_indicator(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 6: ∂g/∂a_Li = 1_(ℓ=i) exp(a_L)_ℓ and ∂h/∂a_Li = exp(a_L)_i, so no derivative is left."""
    exp = backend.exp
    h = sum(exp(x) for x in a)
    return -1 / softmax_entry(a, l, backend) * (indicator(l == i) * exp(a[l]) / h - exp(a[l]) / h * exp(a[i]) / h)


def step_softmax_entries(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Steps 7-8: -(1/ŷ_ℓ) (1_(ℓ=i) ŷ_ℓ - ŷ_ℓ ŷ_i)."""
    yhat_l = softmax_entry(a, l, backend)
    yhat_i = softmax_entry(a, i, backend)
    return -1 / yhat_l * (indicator(l == i) * yhat_l - yhat_l * yhat_i)


def step_cancelled(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 9, after cancelling ŷ_ℓ: -(1_(ℓ=i) - ŷ_i)."""
    return -(indicator(l == i) - softmax_entry(a, i, backend))


# The second route to the same result, through log-sum-exp: -log ŷ_ℓ = log Σ_i' exp(a_Li') - a_Lℓ.


def step_log_sum_exp(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Line 1: ∂/∂a_Li (log Σ_i' exp(a_L)_i' - a_Lℓ), the loss written without a quotient."""
    return backend.derivative(lambda x: backend.log(sum(backend.exp(entry) for entry in x)) - x[l], a, i)


def step_log_sum_exp_differentiated(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Line 2: exp(a_L)_i / Σ_i' exp(a_L)_i' - 1_(ℓ=i), the derivative of log Σ exp and of a_Lℓ."""
    return backend.exp(a[i]) / sum(backend.exp(x) for x in a) - indicator(l == i)


STEPS: list[Callable[[Sequence[Any], int, int, Backend], Any]] = [
    step_chain_rule,
    step_quotient_rule,
    step_indicator,
    step_softmax_entries,
    step_cancelled,
]


def step_error_vs_finite_differences(step: Callable[..., Any], a: np.ndarray, l: int) -> float:
    """Relative error between a step evaluated for every i and the finite-difference gradient of L."""
    values = np.array([step(a, l, i, NUMERIC) for i in range(len(a))], dtype=np.float64)
    return relative_error(values, numerical_gradient(lambda x: cross_entropy(x, l), a))


def symbolic_logits(k: int = 3) -> list[sympy.Symbol]:
    """k real symbols a_L0 .. a_L(k-1), numbered from 0 like the classes in code."""
    return list(sympy.symbols(f"a_L0:{k}", real=True))


def symbolic_difference(step: Callable[..., Any], previous: Callable[..., Any], k: int = 3) -> list[Any]:
    """step - previous, simplified, for every true class ℓ and every index i, with k symbolic logits.

    All zeros proves that ``step`` equals ``previous`` for all logits.
    """
    a = symbolic_logits(k)
    return [sympy.simplify(step(a, l, i, SYMBOLIC) - previous(a, l, i, SYMBOLIC)) for l in range(k) for i in range(k)]


def symbolic_definition(a: Sequence[Any], l: int, i: int, backend: Backend = SYMBOLIC) -> Any:
    """The starting point, ∂(-log ŷ_ℓ)/∂a_Li, differentiated by SymPy."""
    return backend.derivative(lambda x: -sympy.log(softmax_entry(x, l, backend)), a, i)


def describe_step_check(step: Callable[..., Any], previous: Callable[..., Any], a: np.ndarray, l: int) -> str:
    """Check ``step`` both ways and say what was found, in two lines."""
    numeric = describe_relative_error(step_error_vs_finite_differences(step, a, l))
    residuals = symbolic_difference(step, previous)
    nonzero = sum(residual != 0 for residual in residuals)
    symbolic = (
        "simplifies to 0 for every l and i"
        if nonzero == 0
        else f"leaves a non-zero remainder for {nonzero} of the {len(residuals)} pairs (l, i)"
    )
    return (
        f"numerically, k = {len(a)}, l = {l}, every i: relative error to finite differences {numeric}\n"
        f"symbolically, k = 3 symbolic logits: (this step) - (previous step) {symbolic}"
    )
