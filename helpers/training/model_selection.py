"""Choosing the number of epochs on a validation split."""

from __future__ import annotations

from collections.abc import Sequence


def epochs_to_reach(losses: Sequence[float], tolerance: float) -> int:
    """The first epoch whose loss is within a fraction ``tolerance`` of the lowest, ``losses[0]`` being before
    training: the epochs worth spending, since later ones gain less than that fraction."""
    if len(losses) < 2:
        raise ValueError("losses must hold the loss before training and after at least one epoch")
    target = min(losses) * (1 + tolerance)
    return next(epoch for epoch, loss in enumerate(losses) if epoch > 0 and loss <= target)
