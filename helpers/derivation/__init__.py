"""The quotient-rule derivation of notebook 2, step by step, on numbers and on SymPy symbols, and the SymPy checks of
a reader's own step.

The only layer that imports SymPy. Builds on ``helpers.kernels``.
"""

from helpers.derivation.quotient_rule import (
    GENERAL,
    NUMERIC,
    STEPS,
    SYMBOLIC,
    Backend,
    describe_step_check,
    general_difference,
    softmax_entry,
    step_cancelled,
    step_chain_rule,
    step_error_vs_finite_differences,
    step_indicator,
    step_log_sum_exp,
    step_log_sum_exp_differentiated,
    step_quotient_rule,
    step_quotient_rule_with_sum_of_squares,
    step_softmax_entries,
    sum_derivative_general,
    symbolic_definition,
    symbolic_difference,
    symbolic_logits,
)
from helpers.derivation.student_steps import wrong_pairs_wrt_logits, wrong_pairs_wrt_yhat

__all__ = [
    "GENERAL",
    "NUMERIC",
    "STEPS",
    "SYMBOLIC",
    "Backend",
    "describe_step_check",
    "general_difference",
    "softmax_entry",
    "step_cancelled",
    "step_chain_rule",
    "step_error_vs_finite_differences",
    "step_indicator",
    "step_log_sum_exp",
    "step_log_sum_exp_differentiated",
    "step_quotient_rule",
    "step_quotient_rule_with_sum_of_squares",
    "step_softmax_entries",
    "sum_derivative_general",
    "symbolic_definition",
    "symbolic_difference",
    "symbolic_logits",
    "wrong_pairs_wrt_logits",
    "wrong_pairs_wrt_yhat",
]
