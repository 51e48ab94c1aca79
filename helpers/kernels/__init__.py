"""The lowest layer: numpy only. Every formula of the lecture's output layer, checked inputs, stable numerics.

``from helpers.kernels import softmax`` (or ``from helpers import softmax``) gives each name below. Every one of
them checks its arguments; the training loops, which check their data once, call the ``unchecked_*`` twins in the
same modules. The checks themselves live in ``helpers.kernels.validation``.

``helpers.derivation`` and ``helpers.training`` build on these; nothing here
imports them, matplotlib, ipywidgets, SymPy or scikit-learn (``make test``
checks it with import-linter).
"""

from helpers.kernels.activations import sigmoid
from helpers.kernels.cross_entropy import (
    cross_entropy,
    cross_entropy_and_grad,
    grad_wrt_logits,
    grad_wrt_yhat,
    negative_log_likelihood,
    one_hot,
)
from helpers.kernels.gradcheck import (
    describe_relative_error,
    entrywise_relative_error,
    norm_relative_error,
    numerical_gradient,
    relative_error,
)
from helpers.kernels.mse import (
    linear_output,
    mse,
    mse_grad_wrt_bias,
    mse_grad_wrt_weights,
    mse_grad_wrt_weights_per_example,
    mse_grad_wrt_yhat,
)
from helpers.kernels.mse_three_ways import broadcast_then_sum, loop_over_examples, matrix_product
from helpers.kernels.output_pairings import (
    sigmoid_cross_entropy,
    sigmoid_cross_entropy_grad_wrt_logit,
    softmax_mse_grad_wrt_logits,
)
from helpers.kernels.sigmoid_mse import sigmoid_mse, sigmoid_mse_grad_wrt_logit
from helpers.kernels.softmax import softmax, softmax_jacobian

__all__ = [
    "broadcast_then_sum",
    "cross_entropy",
    "cross_entropy_and_grad",
    "describe_relative_error",
    "entrywise_relative_error",
    "grad_wrt_logits",
    "grad_wrt_yhat",
    "linear_output",
    "loop_over_examples",
    "matrix_product",
    "mse",
    "mse_grad_wrt_bias",
    "mse_grad_wrt_weights",
    "mse_grad_wrt_weights_per_example",
    "mse_grad_wrt_yhat",
    "negative_log_likelihood",
    "norm_relative_error",
    "numerical_gradient",
    "one_hot",
    "relative_error",
    "sigmoid",
    "sigmoid_cross_entropy",
    "sigmoid_cross_entropy_grad_wrt_logit",
    "sigmoid_mse",
    "sigmoid_mse_grad_wrt_logit",
    "softmax",
    "softmax_jacobian",
    "softmax_mse_grad_wrt_logits",
]
