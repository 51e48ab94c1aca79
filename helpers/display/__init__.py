"""What the reader sees: figures, the numbers shown beside them, widget controls, the explorers behind the
widgets and a progress bar. matplotlib and ipywidgets live here and in no layer below.

May call ``helpers.training`` and ``helpers.kernels``; nothing below imports it. ``from helpers.display import ...``
gives each name below.
"""

from helpers.display.explorers import (
    Explorer,
    GradientDescentExplorer,
    GradWrtYhatExplorer,
    LoopExplorer,
    SoftmaxGradientExplorer,
)
from helpers.display.gradient_curves import grad_size_figure, learning_rate_runs_figure, true_logit_gradients_figure
from helpers.display.gradient_descent_figure import GradientDescentFigure, descent_and_settling_figure
from helpers.display.logit_figures import GradWrtYhatFigure, SoftmaxGradientFigure, jacobian_figure
from helpers.display.progress import ProgressBar
from helpers.display.readings import (
    GradientDescentReading,
    GradWrtYhatReading,
    LoopReading,
    SoftmaxGradientReading,
    read_grad_wrt_yhat,
    read_softmax_gradient,
)
from helpers.display.rendering import DescribedFigure
from helpers.display.roadmap import chain_roadmap
from helpers.display.training_figures import (
    LearningCurvesFigure,
    averaged_regression_curves,
    confusion_matrix_figure,
    learning_curves,
    misclassified_digits,
    output_gradient_image,
    validation_loss_curves,
)
from helpers.display.widgets import FigurePanel, class_picker, explorer_view, logit_sliders, set_controls

__all__ = [
    "DescribedFigure",
    "Explorer",
    "FigurePanel",
    "GradWrtYhatExplorer",
    "GradWrtYhatFigure",
    "GradWrtYhatReading",
    "GradientDescentExplorer",
    "GradientDescentFigure",
    "GradientDescentReading",
    "LearningCurvesFigure",
    "ProgressBar",
    "SoftmaxGradientExplorer",
    "SoftmaxGradientFigure",
    "SoftmaxGradientReading",
    "LoopExplorer",
    "LoopReading",
    "averaged_regression_curves",
    "chain_roadmap",
    "class_picker",
    "confusion_matrix_figure",
    "descent_and_settling_figure",
    "explorer_view",
    "grad_size_figure",
    "jacobian_figure",
    "learning_curves",
    "learning_rate_runs_figure",
    "logit_sliders",
    "misclassified_digits",
    "output_gradient_image",
    "read_grad_wrt_yhat",
    "read_softmax_gradient",
    "set_controls",
    "true_logit_gradients_figure",
    "validation_loss_curves",
]
