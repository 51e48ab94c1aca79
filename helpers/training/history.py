"""What a training run records: the loss (and accuracy) on the training part and the held-out part of its split,
once before training and once after each epoch or step. One type for notebook 3's gradient descent and notebook 4's
minibatch SGD."""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.kernels.validation import as_positive_integer


@dataclass
class History:
    """Per-epoch (or per-step) losses, and accuracies when the outputs are classes, on the training part and the
    held-out part of a split (the validation part while settings are chosen, the test set at the end).

    Entry 0 is before training; entry t is after epoch (or step) t. ``diverged`` is True if the run stopped
    because its loss passed ``helpers.training.linear_regression.DIVERGED_LOSS``.
    """

    train_loss: list[float] = field(default_factory=list)
    held_out_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    held_out_accuracy: list[float] = field(default_factory=list)
    diverged: bool = False

    def first(self, epochs: int) -> History:
        """Entries 0 to ``epochs``: what a run of only ``epochs`` epochs with the same settings records, since its
        first epochs are the same (the same seed gives the same order of examples)."""
        end = as_positive_integer(epochs, "epochs") + 1
        if end > len(self.train_loss):
            raise ValueError(f"epochs must be at most the {len(self.train_loss) - 1} epochs recorded; got {epochs}")
        return History(
            self.train_loss[:end], self.held_out_loss[:end], self.train_accuracy[:end], self.held_out_accuracy[:end]
        )
