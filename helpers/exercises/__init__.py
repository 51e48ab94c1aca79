"""The notebooks' exercise checkers, one module per notebook, all on one protocol.

``protocol`` calls a student's function and turns whatever it does into an
answer or a hint; ``catalogue`` holds an exercise as data (its problems of
several sizes, its right answer and its catalogue of misconceptions) and
``diagnose``s an answer against it. Each ``check_*`` prints "Correct." or a hint
about the mistake it recognised; each ``diagnose_*`` returns that hint (None
when the answer is right).
"""

from helpers.exercises.notebook_1 import (
    check_grad_wrt_yhat,
    check_partial_wrt_yhat,
    check_probability_for_gradient,
    check_uniform_prediction,
    diagnose_grad_wrt_yhat,
    diagnose_partial_wrt_yhat,
    diagnose_probability_for_gradient,
    diagnose_uniform_prediction,
)
from helpers.exercises.notebook_2 import (
    check_partial_wrt_logits,
    check_softmax_jacobian,
    check_temperature_for_half_gradient,
    diagnose_partial_wrt_logits,
    diagnose_softmax_jacobian,
    diagnose_temperature_for_half_gradient,
)
from helpers.exercises.notebook_3 import (
    check_learning_rate_limit,
    check_mse_grad_wrt_weights,
    diagnose_learning_rate_limit,
    diagnose_mse_grad_wrt_weights,
)
from helpers.exercises.notebook_4 import (
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
    "check_uniform_prediction",
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
    "diagnose_uniform_prediction",
]
