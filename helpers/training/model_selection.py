"""Choosing the number of epochs on a validation split."""

from __future__ import annotations

from collections.abc import Sequence


def epochs_to_reach(losses: Sequence[float], tolerance: float) -> int:
    """The first epoch whose loss is within a fraction ``tolerance`` of the lowest, ``losses[0]`` being before
    training: the epochs worth spending, since later ones gain less than that fraction."""
    if len(losses) < 2:
        raise ValueError("losses must hold the loss before training and after at least one epoch")
    if not tolerance >= 0:
        raise ValueError(f"tolerance must be a fraction >= 0; got {tolerance!r}")
    target = min(losses) * (1 + tolerance)
    epoch = next((epoch for epoch, loss in enumerate(losses) if epoch > 0 and loss <= target), None)
    if epoch is None:
        raise ValueError(
            f"losses must come within {tolerance:.0%} of their lowest after some epoch; the lowest, "
            f"{min(losses):.4g}, is the loss before training (did the run diverge?)"
        )
    return epoch
