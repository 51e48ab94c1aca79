"""The package every notebook imports, in layers (a layer imports only those below it):

    helpers.exercises    the exercise checkers
    helpers.display      figures, readings and widgets (matplotlib, ipywidgets)
    helpers.derivation   the quotient-rule steps (SymPy)   helpers.training   data, network, SGD (scikit-learn)
    helpers.kernels      the output layer's formulas (numpy only)

``from helpers import softmax`` and the other names below are the kernels.

Notation follows the lecture: logits a_L (here ``a``), probabilities ŷ
(``yhat``), the true class ℓ (``l``), the one-hot vector e(ℓ), k classes,
m examples, u hidden units, output weights W_out and learning rate η.
"""

from helpers.kernels.cross_entropy import (
    cross_entropy,
    cross_entropy_and_grad,
    grad_wrt_logits,
    grad_wrt_yhat,
    negative_log_likelihood,
    one_hot,
)
from helpers.kernels.gradcheck import describe_relative_error, norm_relative_error, numerical_gradient, relative_error
from helpers.kernels.mse import (
    linear_output,
    mse,
    mse_grad_wrt_bias,
    mse_grad_wrt_weights,
    mse_grad_wrt_weights_per_example,
    mse_grad_wrt_yhat,
)
from helpers.kernels.softmax import log_softmax, softmax, softmax_jacobian

__all__ = [
    "cross_entropy",
    "cross_entropy_and_grad",
    "describe_relative_error",
    "grad_wrt_logits",
    "grad_wrt_yhat",
    "linear_output",
    "log_softmax",
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
    "softmax",
    "softmax_jacobian",
]
