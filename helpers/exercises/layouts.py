"""The lecture's answers as the probes see them: their named parts, the arrays their entries may be multiplied by,
the other inputs a wrong answer may be right for, and the probes of their properties.

Each function takes a problem's arguments (as the exercise's ``expected`` does) and is attached to an exercise in
``notebook_1.py`` to ``notebook_4.py``; nothing here names a mistake.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises.probes import (
    Arguments,
    Factor,
    Part,
    Property,
    Term,
    Variant,
    dependence,
    invariance,
    linearity,
    repeated_batch,
    rows_independent,
    rows_sum_to_zero,
    symmetric,
)
from helpers.kernels.activations import sigmoid


def class_parts(answer_like: np.ndarray, labels: Any) -> tuple[Part, ...]:
    """The true class's entry (entries, for a batch) and the others."""
    mask = np.zeros(np.shape(answer_like), dtype=bool)
    if mask.ndim == 1:
        mask[labels] = True
        return Part("entry at the true class", mask, plural=False), Part("entries at the other classes", ~mask)
    mask[np.arange(len(mask)), labels] = True
    return Part("entries at the true classes", mask), Part("entries at the other classes", ~mask)


def diagonal_parts(k: int) -> tuple[Part, ...]:
    eye = np.eye(k, dtype=bool)
    return Part("diagonal", eye, plural=False), Part("entries off the diagonal", ~eye)


def probability_factors(yhat: np.ndarray) -> tuple[Factor, ...]:
    """ŷ, 1 - ŷ and ŷ(1 - ŷ), entry by entry."""
    return (
        Factor(
            "yhat(1 - yhat)",
            yhat * (1 - yhat),
            "the form of a sigmoid's derivative, or the softmax Jacobian's diagonal",
        ),
        Factor("yhat", yhat),
        Factor("1 - yhat", 1 - yhat),
    )


def jacobian_factors(yhat: np.ndarray) -> tuple[Factor, ...]:
    """ŷ_i down the rows and ŷ_j along the columns."""
    return Factor("yhat_i (row i)", yhat[:, None]), Factor("yhat_j (column j)", yhat[None, :])


def class_variants(arguments: Arguments, position: int, k: int) -> tuple[Variant, ...]:
    """The same inputs with the true class (or every label) one class further or one back."""
    variants = []
    for shift, words in ((1, "l + 1"), (-1, "l - 1")):
        changed = list(arguments)
        changed[position] = (np.asarray(arguments[position]) + shift) % k
        if np.ndim(arguments[position]) == 0:
            changed[position] = int(changed[position])
        variants.append(
            Variant(f"the true class {words}: classes are numbered from 0, index with l itself", tuple(changed))
        )
    return tuple(variants)


def another_class(position: int, k_of: Any) -> Property:
    """The right answer changes with the true class (every label one further)."""

    def change(arguments: Arguments) -> Arguments:
        changed = list(arguments)
        k = k_of(arguments)
        moved = (np.asarray(arguments[position]) + 1) % k
        changed[position] = int(moved) if np.ndim(moved) == 0 else moved
        return tuple(changed)

    return dependence(
        change,
        "Your answer does not change when the true class changes, but the loss -log yhat_l depends on which class "
        "is the true one.",
    )


def logit_shift(position: int = 0) -> Property:
    """Adding the same number to every logit of an example leaves the right answer as it is."""

    def change(arguments: Arguments) -> Arguments:
        changed = list(arguments)
        logits = np.asarray(arguments[position], dtype=np.float64)
        shifts = np.linspace(0.7, 3.1, len(logits)).reshape(-1, 1) if logits.ndim == 2 else 2.5
        changed[position] = logits + shifts
        return tuple(changed)

    return invariance(
        "invariance to a shift of the logits",
        change,
        "Adding the same number to every logit of an example changes your answer, but it leaves the softmax, the "
        "loss and so the gradient unchanged.",
    )


def change_first_row(positions: tuple[int, ...]) -> Any:
    """Example 0's rows of the arguments at ``positions`` replaced by other numbers (a softmax row stays one)."""

    def change(arguments: Arguments, row: int) -> Arguments:
        changed = list(arguments)
        for position in positions:
            array = np.array(arguments[position], dtype=np.float64)
            flipped = array[row][::-1].copy()
            array[row] = flipped if not np.allclose(flipped, array[row]) else array[row] * 0.5 + 0.1
            changed[position] = array
        return tuple(changed)

    return change


def batch_properties(row_positions: tuple[int, ...], what: str, shift: bool) -> tuple[Property, ...]:
    """The properties of a mean loss's gradient with one row per example (the arguments at ``row_positions`` have
    one row, or one label, per example; the first of them is changed to test the examples' independence)."""
    properties = [
        rows_independent(change_first_row(row_positions[:1]), "example's inputs"),
        repeated_batch(
            row_positions,
            what,
            grows="yours does not shrink as m grows: each row of the mean loss's gradient carries its 1/m",
            shrinks="yours shrinks faster than 1/m: 1/m is applied more than once",
        ),
    ]
    if shift:
        properties.insert(0, logit_shift())
    return tuple(properties)


def mask_parts(a_1: np.ndarray) -> tuple[Part, ...]:
    return Part("entries where a₁ > 0", a_1 > 0), Part("entries where a₁ < 0", a_1 < 0)


def relu_factors(a_1: np.ndarray) -> tuple[Factor, ...]:
    return (
        Factor("relu(a₁)", np.maximum(a_1, 0.0), "the activation's value, h"),
        Factor("a₁", a_1),
        Factor("sigmoid(a₁)(1 - sigmoid(a₁))", sigmoid(a_1) * (1 - sigmoid(a_1)), "the sigmoid's derivative"),
    )


def upstream_properties(position: int, row_positions: tuple[int, ...]) -> tuple[Property, ...]:
    """The properties of a gradient computed from ∇_{a_L} (argument ``position``): linear in it, and a sum over the
    examples of what each contributes."""
    return (
        linearity(position, "grad_a_L"),
        repeated_batch(
            row_positions,
            "rows of grad_a_L",
            grows="yours grows faster than the number of rows",
            shrinks="yours does not grow with the rows: every example adds its row's contribution, so repeating "
            "them doubles the sum (a mean would not change)",
        ),
    )


JACOBIAN_PROPERTIES = (
    symmetric("Your matrix is not symmetric, but this Jacobian is: entry (i, j) and entry (j, i) are equal."),
    rows_sum_to_zero(
        "Your rows do not sum to 0, but they must: row i summed over the logits is the change of yhat_i when every "
        "logit rises by the same amount, and that leaves yhat unchanged."
    ),
    logit_shift(),
)


def target_parts(t: np.ndarray) -> tuple[Part, ...]:
    """The classes whose target is 0 and the others (none when every class has a target)."""
    if np.all(t > 0):
        return ()
    return Part("entries where t_i = 0", t == 0), Part("entries where t_i > 0", t > 0)


def logit_gradient_terms(yhat: np.ndarray, target: np.ndarray, m: int = 1) -> tuple[Term, ...]:
    """The two terms of ŷ - e(ℓ) (of (Ŷ - E)/m for a batch, of ŷ - t for a soft target)."""
    per = "/m" if m > 1 else ""
    name = "t" if not np.all(np.isin(target, (0.0, 1.0))) else "e(l)"
    return Term(f"yhat{per}" if m > 1 else "yhat_i", yhat / m), Term(f"-{name}{per}", -target / m)


def jacobian_terms(yhat: np.ndarray) -> tuple[Term, ...]:
    return Term("diag(yhat)", np.diag(yhat)), Term("-yhat_i yhat_j", -np.outer(yhat, yhat))
