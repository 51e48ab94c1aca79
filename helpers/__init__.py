"""The package every notebook imports, in layers (a layer imports only those below it):

    helpers.exercises    the exercise checkers
    helpers.display      figures, readings, widgets and explorers (matplotlib, ipywidgets)
    helpers.derivation   the quotient-rule steps (SymPy)   helpers.training   data, network, SGD (scikit-learn)
    helpers.kernels      the output layer's formulas (numpy only)

Each layer's package gives its public names: ``from helpers.training import digits_split, train``. The kernels are
also the names of this package itself: ``from helpers import softmax``.

Notation follows the lecture: logits a_L (here ``a``), probabilities ŷ
(``yhat``), the true class ℓ (``l``), the one-hot vector e(ℓ), k classes,
m examples, u hidden units, output weights W_out and learning rate η.
"""

from helpers.kernels import *  # noqa: F403 (the kernels are this package's names too; one list, in helpers.kernels)
from helpers.kernels import __all__ as __all__
