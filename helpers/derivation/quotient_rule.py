"""The lecture's derivation of ∂L/∂a_Li, one function per step, for numbers and for symbols alike.

Each step is written once, as an expression in the logits ``a``, the true
class ``l`` and the index ``i``. A *backend* supplies ``exp``, the sum over
all k logits, the indicator and the partial derivative that the early steps
still contain:

- ``NUMERIC``: numpy's exp and a central-difference derivative, on k numbers;
- ``SYMBOLIC``: SymPy's exp and exact derivative, on k = 3 symbols and every
  pair of integers (ℓ, i);
- ``GENERAL``: SymPy on an indexed symbol a_L with k itself a symbol, the sum
  a SymPy ``Sum`` over i' = 1 … k, and ℓ, i symbols too (the indicator is
  SymPy's ``KroneckerDelta``).

So ``step(a, l, i, NUMERIC)`` checks a step on concrete logits;
``step(symbols, l, i, SYMBOLIC)`` minus the previous step simplifying to 0
proves the equality for every logit when k = 3; and ``general_difference``
simplifying to 0 proves it for every k, every ℓ and every i.
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
    """How a step is evaluated.

    ``exp`` and ``log``; ``total(f, a)``, the sum Σ_i' f(a_Li') over all k logits; ``indicator(l, i)``, 1_(ℓ=i);
    and ``derivative(f, a, i)``, the partial derivative of ``f(a)`` with respect to ``a[i]``.
    """

    exp: Callable[[Any], Any]
    log: Callable[[Any], Any]
    total: Callable[[Callable[[Any], Any], Any], Any]
    indicator: Callable[[Any, Any], Any]
    derivative: Callable[[Callable[[Any], Any], Any, Any], Any]


def _numeric_derivative(f: Callable[[Sequence[float]], float], a: Sequence[float], i: int) -> float:
    return float(numerical_gradient(f, np.asarray(a, dtype=np.float64))[i])


def _symbolic_derivative(f: Callable[[Any], Any], a: Any, i: Any) -> Any:
    return sympy.diff(f(a), a[i])


def _total_of_entries(f: Callable[[Any], Any], a: Sequence[Any]) -> Any:
    return sum(f(entry) for entry in a)


def indicator(l: int, i: int) -> int:
    """1_(ℓ=i): 1 if ℓ = i, else 0."""
    return 1 if l == i else 0


# For every k: the logits a_L[1] … a_L[k], with k, ℓ and i positive integer symbols and i' the summation index.
K = sympy.Symbol("k", integer=True, positive=True)
TRUE_CLASS, INDEX, SUMMATION_INDEX = sympy.symbols("ell i i'", integer=True, positive=True)
INDEXED_LOGITS = sympy.IndexedBase("a_L", real=True)


def _total_to_k(f: Callable[[Any], Any], a: Any) -> Any:
    return sympy.Sum(f(a[SUMMATION_INDEX]), (SUMMATION_INDEX, 1, K))


NUMERIC = Backend(exp=np.exp, log=np.log, total=_total_of_entries, indicator=indicator, derivative=_numeric_derivative)
SYMBOLIC = Backend(
    exp=sympy.exp, log=sympy.log, total=_total_of_entries, indicator=indicator, derivative=_symbolic_derivative
)
GENERAL = Backend(
    exp=sympy.exp, log=sympy.log, total=_total_to_k, indicator=sympy.KroneckerDelta, derivative=_symbolic_derivative
)


def softmax_entry(a: Sequence[Any], j: int, backend: Backend) -> Any:
    """ŷ_j = exp(a_Lj) / Σ_i' exp(a_Li')."""
    return backend.exp(a[j]) / backend.total(backend.exp, a)


# The steps, in the lecture's order (quotient-rule part 2). Each returns ∂L/∂a_Li.


def step_chain_rule(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Steps 1-4: -(1/ŷ_ℓ) ∂ŷ_ℓ/∂a_Li, with ŷ_ℓ = exp(a_L)_ℓ / Σ_i' exp(a_L)_i'."""
    return -1 / softmax_entry(a, l, backend) * backend.derivative(lambda x: softmax_entry(x, l, backend), a, i)


def step_quotient_rule(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 5: -(1/ŷ_ℓ) (∂g/∂a_Li · 1/h - g/h² · ∂h/∂a_Li), g = exp(a_L)_ℓ, h = Σ_i' exp(a_L)_i'."""

    def g(x: Sequence[Any]) -> Any:
        return backend.exp(x[l])

    def h(x: Sequence[Any]) -> Any:
        return backend.total(backend.exp, x)

    dg = backend.derivative(g, a, i)
    dh = backend.derivative(h, a, i)
    return -1 / softmax_entry(a, l, backend) * (dg / h(a) - g(a) * dh / h(a) ** 2)


def step_quotient_rule_with_sum_of_squares(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 5 as one slide misprints it: the denominator Σ_i' exp(a_L)_i'² instead of (Σ_i' exp(a_L)_i')². Wrong."""
    exp, total = backend.exp, backend.total
    dg = backend.derivative(lambda x: exp(x[l]), a, i)
    dh = backend.derivative(lambda x: total(exp, x), a, i)
    h = total(exp, a)
    return -1 / softmax_entry(a, l, backend) * (dg / h - exp(a[l]) * dh / total(lambda x: exp(x) ** 2, a))


def step_indicator(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 6: ∂g/∂a_Li = 1_(ℓ=i) exp(a_L)_ℓ and ∂h/∂a_Li = exp(a_L)_i, so no derivative is left."""
    exp, is_true_class = backend.exp, backend.indicator(l, i)
    h = backend.total(exp, a)
    return -1 / softmax_entry(a, l, backend) * (is_true_class * exp(a[l]) / h - exp(a[l]) / h * exp(a[i]) / h)


def step_softmax_entries(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 7: -(1/ŷ_ℓ) (1_(ℓ=i) softmax(a_L)_ℓ - softmax(a_L)_ℓ softmax(a_L)_i); step 8 names softmax(a_L)_j ŷ_j."""
    yhat_l = softmax_entry(a, l, backend)
    yhat_i = softmax_entry(a, i, backend)
    return -1 / yhat_l * (backend.indicator(l, i) * yhat_l - yhat_l * yhat_i)


def step_cancelled(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Step 9, after cancelling ŷ_ℓ: -(1_(ℓ=i) - ŷ_i)."""
    return -(backend.indicator(l, i) - softmax_entry(a, i, backend))


# The second route to the same result, through log-sum-exp: -log ŷ_ℓ = log Σ_i' exp(a_Li') - a_Lℓ.


def step_log_sum_exp(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Line 1: ∂/∂a_Li (log Σ_i' exp(a_L)_i' - a_Lℓ), the loss written without a quotient."""
    return backend.derivative(lambda x: backend.log(backend.total(backend.exp, x)) - x[l], a, i)


def step_log_sum_exp_differentiated(a: Sequence[Any], l: int, i: int, backend: Backend) -> Any:
    """Line 2: exp(a_L)_i / Σ_i' exp(a_L)_i' - 1_(ℓ=i), the derivative of log Σ exp and of a_Lℓ."""
    return backend.exp(a[i]) / backend.total(backend.exp, a) - backend.indicator(l, i)


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


def general_difference(step: Callable[..., Any], previous: Callable[..., Any]) -> Any:
    """step - previous, simplified, for every number of classes k and symbolic ℓ, i in 1 … k.

    The steps are evaluated on ``GENERAL``: a_L is an indexed symbol and every sum a SymPy ``Sum`` to the symbol k.
    SymPy differentiates Σ_i' exp(a_Li') with respect to a_Li as exp(a_Li) *if i ≤ k*, else 0; writing k = i + n
    with n ≥ 0 is how we tell it that i is one of the k logits. 0 proves that ``step`` equals ``previous`` for every
    k ≥ 1, every true class and every logit.
    """
    n = sympy.Symbol("n", integer=True, nonnegative=True)
    a, l, i = INDEXED_LOGITS, TRUE_CLASS, INDEX
    difference = (step(a, l, i, GENERAL) - previous(a, l, i, GENERAL)).doit()
    return sympy.simplify(difference.subs(K, i + n))


def sum_derivative_general() -> tuple[Any, Any]:
    """SymPy's ∂/∂a_Li of Σ_{i'=1}^{k} exp(a_Li') for symbolic k: as it comes, and with i ≤ k (k = i + n)."""
    n = sympy.Symbol("n", integer=True, nonnegative=True)
    derivative = sympy.diff(_total_to_k(sympy.exp, INDEXED_LOGITS), INDEXED_LOGITS[INDEX]).doit()
    return derivative, sympy.simplify(derivative.subs(K, INDEX + n))


def describe_step_check(step: Callable[..., Any], previous: Callable[..., Any], a: np.ndarray, l: int) -> str:
    """Check ``step`` three ways and say what was found, one line each."""
    numeric = describe_relative_error(step_error_vs_finite_differences(step, a, l))
    residuals = symbolic_difference(step, previous)
    nonzero = sum(residual != 0 for residual in residuals)
    symbolic = (
        "simplifies to 0 for every l and i"
        if nonzero == 0
        else f"leaves a non-zero remainder for {nonzero} of the {len(residuals)} pairs (l, i)"
    )
    general = "simplifies to 0" if general_difference(step, previous) == 0 else "does not simplify to 0"
    return (
        f"numerically, k = {len(a)}, l = {l}, every i: relative error to finite differences {numeric}\n"
        f"symbolically, k = 3 symbolic logits: (this step) - (previous step) {symbolic}\n"
        f"symbolically, any k, symbolic l and i in 1..k: (this step) - (previous step) {general}"
    )
