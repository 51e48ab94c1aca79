"""The lecture's roadmap: the chain rule from the loss back to a first-layer weight, one box per factor.

The Module 4.5 slides open with

    ∂ℒ/∂W₁₁₁ = (∂ℒ/∂ŷ)(∂ŷ/∂a₃)(∂a₃/∂h₂)(∂h₂/∂a₂)(∂a₂/∂h₁)(∂h₁/∂a₁)(∂a₁/∂W₁₁₁)

for a network with two hidden layers: "talk to the output layer, to the
previous hidden layer, to the weights". Each notebook shows this chain at
its top with the factors it derives highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.patches import FancyBboxPatch

from helpers.display.descriptions import describe_roadmap
from helpers.display.rendering import DescribedFigure

FACTORS = (
    r"$\dfrac{\partial \mathcal{L}}{\partial \hat{y}}$",
    r"$\dfrac{\partial \hat{y}}{\partial a_3}$",
    r"$\dfrac{\partial a_3}{\partial h_2}$",
    r"$\dfrac{\partial h_2}{\partial a_2}$",
    r"$\dfrac{\partial a_2}{\partial h_1}$",
    r"$\dfrac{\partial h_1}{\partial a_1}$",
    r"$\dfrac{\partial a_1}{\partial W_{111}}$",
)
STAGES = ((0, 2, "output layer"), (2, 6, "hidden layers"), (6, 7, "weights"))
# A light orange (Okabe and Ito's, lightened so that the black factors on it keep a contrast of 12:1) and a grey; the
# highlighted boxes also have a thick black outline, so that they stand out without their colour.
HIGHLIGHT = "#ffd27f"
PLAIN = "#eeeeee"
HIGHLIGHT_BOX = {"facecolor": HIGHLIGHT, "edgecolor": "black", "linewidth": 2.5}
PLAIN_BOX = {"facecolor": PLAIN, "edgecolor": "none", "linewidth": 0}


def chain_roadmap(highlight: Sequence[int], note: str = "", branch: str | None = None) -> DescribedFigure:
    """The seven factors of the slides' chain as boxes, those at the indices in ``highlight`` in orange and outlined;
    described in words as its alt text.

    Parameters
    ----------
    highlight : sequence of int
        Positions 0..6 of the factors this notebook derives (0 is ∂L/∂ŷ).
    note : str
        A line under the chain saying what the highlight means here.
    branch : str, optional
        A mathtext factor drawn below the last highlighted box, for a gradient that leaves the chain there
        (notebook 3's output weights).
    """
    bad = [i for i in highlight if not 0 <= i < len(FACTORS)]
    if not highlight:
        raise ValueError(f"highlight must name at least one factor position 0..{len(FACTORS) - 1}; got {highlight!r}")
    if bad:
        raise ValueError(f"highlight must hold factor positions 0..{len(FACTORS) - 1}; got {bad}")
    figure = DescribedFigure(figsize=(10, 2.6 if branch else 2.0), dpi=80)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(-1.3, len(FACTORS) + 0.2)
    ax.set_ylim(-1.9 if branch else -1.1, 1.25)
    ax.axis("off")
    ax.text(-1.25, 0.0, r"$\dfrac{\partial \mathcal{L}}{\partial W_{111}} =$", fontsize=15, va="center")
    for i, factor in enumerate(FACTORS):
        style = HIGHLIGHT_BOX if i in highlight else PLAIN_BOX
        ax.add_patch(FancyBboxPatch((i + 0.08, -0.42), 0.84, 0.84, boxstyle="round,pad=0.03", **style))
        ax.text(i + 0.5, 0.0, factor, fontsize=15, ha="center", va="center")
    for start, end, label in STAGES:
        ax.annotate("", xy=(start + 0.1, 0.62), xytext=(end - 0.1, 0.62), arrowprops={"arrowstyle": "<->", "lw": 0.8})
        ax.text((start + end) / 2, 0.8, label, ha="center", fontsize=10)
    if branch:
        anchor = max(highlight) + 0.5
        ax.annotate("", xy=(anchor, -1.05), xytext=(anchor, -0.48), arrowprops={"arrowstyle": "->", "lw": 1.0})
        ax.add_patch(FancyBboxPatch((anchor - 0.42, -1.72), 0.84, 0.66, boxstyle="round,pad=0.03", **HIGHLIGHT_BOX))
        ax.text(anchor + 0.01, -1.39, branch, fontsize=14, ha="center", va="center")
    if note:
        x, y = (max(highlight) + 1.1, -1.39) if branch else (-1.25, -0.85)
        ax.text(x, y, note, fontsize=10, va="center")
    figure.description = describe_roadmap(FACTORS, highlight, note, branch)
    return figure
