"""Training on real data with the kernels' gradients: data splits, the MSE output layer by gradient descent,
the one-hidden-layer network and its backward pass, minibatch SGD and notebook 4's settings.

numpy and scikit-learn (and threadpoolctl, to run the loops on one BLAS thread): no matplotlib, no ipywidgets.
Builds on ``helpers.kernels``. ``from helpers.training import ...`` gives each name below.
"""

from helpers.training.backward_steps import (
    grad_through_relu,
    grad_wrt_bias,
    grad_wrt_h,
    grad_wrt_weights,
    near_kinks,
    probe_check,
)
from helpers.training.data import (
    LabelledSplit,
    RegressionSplit,
    Split,
    diabetes_split,
    diabetes_validation_split,
    digits_split,
    digits_test_images,
    digits_validation_split,
    with_standardised_target,
)
from helpers.training.diabetes_training import (
    REGRESSION_HIDDEN,
    REGRESSION_SETTINGS,
    RegressionCurves,
    regression_curves,
)
from helpers.training.digits_training import (
    DIGITS_HIDDEN,
    DIGITS_SETTINGS,
    SeedComparison,
    compare_with_mlp,
    mlp_held_out_accuracy,
    network_held_out_accuracy,
)
from helpers.training.history import History
from helpers.training.linear_regression import (
    Settling,
    gradient_descent,
    largest_hessian_eigenvalue,
    least_squares,
    settling,
)
from helpers.training.model_selection import (
    SeededRuns,
    epochs_to_reach,
    lowest_mean,
    smallest_within_spread,
    validation_runs,
)
from helpers.training.network import (
    ForwardCache,
    LinearMSE,
    ParameterCheck,
    Parameters,
    SoftmaxCrossEntropy,
    backward,
    forward,
    gradient_check,
    init_parameters,
    predict_classes,
)
from helpers.training.sgd import TrainingSettings, epoch_order, sgd_step, train, weight_decay_term

__all__ = [
    "DIGITS_HIDDEN",
    "DIGITS_SETTINGS",
    "REGRESSION_HIDDEN",
    "REGRESSION_SETTINGS",
    "ForwardCache",
    "History",
    "LabelledSplit",
    "LinearMSE",
    "ParameterCheck",
    "Parameters",
    "RegressionCurves",
    "RegressionSplit",
    "SeedComparison",
    "SeededRuns",
    "Settling",
    "SoftmaxCrossEntropy",
    "Split",
    "TrainingSettings",
    "backward",
    "compare_with_mlp",
    "diabetes_split",
    "diabetes_validation_split",
    "digits_split",
    "digits_test_images",
    "digits_validation_split",
    "epoch_order",
    "epochs_to_reach",
    "forward",
    "grad_through_relu",
    "grad_wrt_bias",
    "grad_wrt_h",
    "grad_wrt_weights",
    "gradient_check",
    "gradient_descent",
    "init_parameters",
    "largest_hessian_eigenvalue",
    "least_squares",
    "lowest_mean",
    "mlp_held_out_accuracy",
    "near_kinks",
    "network_held_out_accuracy",
    "predict_classes",
    "probe_check",
    "regression_curves",
    "settling",
    "sgd_step",
    "smallest_within_spread",
    "train",
    "validation_runs",
    "weight_decay_term",
    "with_standardised_target",
]
