"""The notebooks' exercise checkers, one module per notebook.

Each ``check_*`` prints "Correct." or a hint about the mistake it recognised;
each ``diagnose_*`` returns that hint (None when the answer is right).
"""

from helpers.exercises.grad_wrt_yhat import (
    check_grad_wrt_yhat,
    check_partial_wrt_yhat,
    check_probability_for_gradient,
    diagnose_grad_wrt_yhat,
    diagnose_partial_wrt_yhat,
    diagnose_probability_for_gradient,
)
from helpers.exercises.mse import (
    check_learning_rate_limit,
    check_mse_grad_wrt_weights,
    diagnose_learning_rate_limit,
    diagnose_mse_grad_wrt_weights,
)
from helpers.exercises.softmax import (
    check_partial_wrt_logits,
    check_softmax_jacobian,
    check_temperature_for_half_gradient,
    diagnose_partial_wrt_logits,
    diagnose_softmax_jacobian,
    diagnose_temperature_for_half_gradient,
)
from helpers.exercises.training import (
    check_backward_to_hidden,
    check_output_gradient,
    diagnose_backward_to_hidden,
    diagnose_output_gradient,
)

__all__ = [
    "check_backward_to_hidden",
    "check_grad_wrt_yhat",
    "check_learning_rate_limit",
    "check_mse_grad_wrt_weights",
    "check_output_gradient",
    "check_partial_wrt_logits",
    "check_partial_wrt_yhat",
    "check_probability_for_gradient",
    "check_softmax_jacobian",
    "check_temperature_for_half_gradient",
    "diagnose_backward_to_hidden",
    "diagnose_grad_wrt_yhat",
    "diagnose_learning_rate_limit",
    "diagnose_mse_grad_wrt_weights",
    "diagnose_output_gradient",
    "diagnose_partial_wrt_logits",
    "diagnose_partial_wrt_yhat",
    "diagnose_probability_for_gradient",
    "diagnose_softmax_jacobian",
    "diagnose_temperature_for_half_gradient",
]
