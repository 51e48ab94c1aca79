"""A progress bar for training, given to ``helpers.training.train`` as its ``on_epoch`` callback."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import display

from helpers.training.history import History


class ProgressBar:
    """An ipywidgets bar that moves one step per epoch; it updates widget state only, so it adds no text to a cell.

    Use it as ``train(..., on_epoch=ProgressBar(epochs))``.
    """

    def __init__(self, epochs: int) -> None:
        self.bar = widgets.IntProgress(value=0, min=0, max=epochs, description="epochs")
        display(self.bar)

    def __call__(self, epoch: int, history: History) -> None:
        self.bar.value = epoch
