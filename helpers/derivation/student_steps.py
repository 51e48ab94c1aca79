"""SymPy checks of a reader's step: does their formula equal the lecture's derivative for every input, not only some?

A reader writes one step as a Python function of ``(yhat, l, i)``. Called
with SymPy symbols instead of numbers, the same function returns an
expression; subtracting SymPy's own derivative and simplifying gives 0
exactly when the step is right for every value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy

from helpers.derivation.quotient_rule import SYMBOLIC, softmax_entry, symbolic_definition, symbolic_logits

Step = Callable[[list[Any], int, int], Any]


def _nonzero_remainders(student: Step, yhat: list[Any], truth: Callable[[int, int], Any], k: int) -> int:
    remainders = [
        sympy.simplify(sympy.nsimplify(student(list(yhat), l, i)) - truth(l, i)) for l in range(k) for i in range(k)
    ]
    return sum(remainder != 0 for remainder in remainders)


def wrong_pairs_wrt_yhat(student: Step, k: int = 3) -> int:
    """How many pairs (ℓ, i) where ``student(yhat, l, i)`` differs from ∂(-log ŷ_ℓ)/∂ŷ_i, ŷ free positive symbols.

    Raises whatever ``student`` raises when given symbols (for instance numpy's log on a SymPy symbol).
    """
    yhat = list(sympy.symbols(f"yhat0:{k}", positive=True))
    return _nonzero_remainders(student, yhat, lambda l, i: sympy.diff(-sympy.log(yhat[l]), yhat[i]), k)


def wrong_pairs_wrt_logits(student: Step, k: int = 3) -> int:
    """How many pairs (ℓ, i) where ``student(yhat, l, i)``, with ŷ = softmax(a_L), differs from ∂(-log ŷ_ℓ)/∂a_Li.

    The logits a_L are k real symbols; raises whatever ``student`` raises when given symbols.
    """
    a = symbolic_logits(k)
    yhat = [softmax_entry(a, j, SYMBOLIC) for j in range(k)]
    return _nonzero_remainders(student, yhat, lambda l, i: symbolic_definition(a, l, i), k)
