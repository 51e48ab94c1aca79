"""Each step of the quotient-rule derivation equals ∂L/∂a_Li, numerically and symbolically."""

import numpy as np
import pytest
import sympy

from helpers.derivation.quotient_rule import (
    NUMERIC,
    STEPS,
    SYMBOLIC,
    general_difference,
    softmax_entry,
    step_error_vs_finite_differences,
    symbolic_definition,
    symbolic_difference,
)


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
@pytest.mark.parametrize("k", [2, 5])
def test_every_step_matches_finite_differences(step, k, rng):
    a = rng.normal(size=k)
    assert step_error_vs_finite_differences(step, a, l=k - 1) < 1e-7


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_every_step_equals_the_previous_one_symbolically(index):
    previous = STEPS[index - 1] if index > 0 else symbolic_definition
    assert symbolic_difference(STEPS[index], previous) == [0] * 9


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_every_step_equals_the_previous_one_for_every_k(index):
    previous = STEPS[index - 1] if index > 0 else symbolic_definition
    assert general_difference(STEPS[index], previous) == 0


def wrong_sign(a, l, i, backend):
    return backend.indicator(l, i) - softmax_entry(a, i, backend)


def wrong_index(a, l, i, backend):
    """Step 6 with exp(a_L)_ℓ where the sum's derivative gives exp(a_L)_i: right only when i = ℓ."""
    exp, h = backend.exp, backend.total(backend.exp, a)
    return -1 / softmax_entry(a, l, backend) * (backend.indicator(l, i) * exp(a[l]) / h - exp(a[l]) / h * exp(a[l]) / h)


@pytest.mark.parametrize("wrong", [wrong_sign, wrong_index])
def test_a_wrong_step_is_caught_every_way(wrong, rng):
    assert step_error_vs_finite_differences(wrong, rng.normal(size=3), l=1) > 1e-3
    assert any(difference != 0 for difference in symbolic_difference(wrong, STEPS[-1]))
    assert general_difference(wrong, STEPS[-1]) != 0


def test_sympy_needs_i_among_the_k_logits_to_differentiate_the_sum():
    from helpers.derivation.quotient_rule import INDEX, INDEXED_LOGITS, sum_derivative_general

    as_it_comes, with_i_at_most_k = sum_derivative_general()
    assert as_it_comes.has(sympy.Piecewise)
    assert with_i_at_most_k == sympy.exp(INDEXED_LOGITS[INDEX])


def test_backends_agree_on_a_softmax_entry():
    a = [0.5, -1.0, 2.0]
    symbols = sympy.symbols("x0:3")
    symbolic = softmax_entry(symbols, 2, SYMBOLIC).subs(dict(zip(symbols, a, strict=True)))
    assert float(symbolic) == pytest.approx(softmax_entry(np.array(a), 2, NUMERIC), rel=1e-14)


def test_step_report_says_pass_for_a_right_step_and_names_a_wrong_one(rng):
    from helpers.derivation.quotient_rule import describe_step_check, step_cancelled

    a = rng.normal(size=4)
    report = describe_step_check(step_cancelled, STEPS[-2], a, 1)
    assert (
        "for every l and i" in report
        and "any k, symbolic l and i in 1..k: (this step) - (previous step) simplifies to 0" in report
    )
    report = describe_step_check(wrong_sign, step_cancelled, a, 1)
    assert "FAILS" in report and "non-zero remainder for 9 of the 9" in report and "does not simplify to 0" in report


def test_the_slides_misprinted_denominator_fails_both_checks(rng):
    from helpers.derivation.quotient_rule import step_chain_rule, step_quotient_rule_with_sum_of_squares

    assert step_error_vs_finite_differences(step_quotient_rule_with_sum_of_squares, rng.normal(size=3), l=0) > 1e-3
    assert any(d != 0 for d in symbolic_difference(step_quotient_rule_with_sum_of_squares, step_chain_rule))
    assert general_difference(step_quotient_rule_with_sum_of_squares, step_chain_rule) != 0


def test_the_log_sum_exp_route_reaches_the_quotient_rules_result(rng):
    from helpers.derivation.quotient_rule import step_cancelled, step_log_sum_exp, step_log_sum_exp_differentiated

    assert symbolic_difference(step_log_sum_exp, symbolic_definition) == [0] * 9
    assert symbolic_difference(step_log_sum_exp_differentiated, step_log_sum_exp) == [0] * 9
    assert symbolic_difference(step_log_sum_exp_differentiated, step_cancelled) == [0] * 9
    assert general_difference(step_log_sum_exp, symbolic_definition) == 0
    assert general_difference(step_log_sum_exp_differentiated, step_cancelled) == 0
    assert step_error_vs_finite_differences(step_log_sum_exp_differentiated, rng.normal(size=4), l=2) < 1e-7
