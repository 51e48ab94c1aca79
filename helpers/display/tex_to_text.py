"""TeX as a screen reader can read it: the mathtext of a figure's labels written as plain characters."""

from __future__ import annotations

import re

# The TeX commands the figures' labels use, and the character each stands for.
_MATHTEXT = ((r"\partial", "∂"), (r"\hat{y}", "ŷ"), (r"\mathcal{L}", "ℒ"), (r"\to", "→"), (r"\cdot", "·"))


def plain_text(mathtext: str) -> str:
    """``mathtext`` with its TeX written as characters: ``$\\dfrac{\\partial a_1}{\\partial W_{111}}$`` as
    ∂a_1/∂W_111."""
    for command, character in _MATHTEXT:
        mathtext = mathtext.replace(command, character)
    mathtext = re.sub(r"_\{([^{}]*)\}", r"_\1", mathtext)
    mathtext = re.sub(r"\\dfrac\{([^{}]*)\}\{([^{}]*)\}", r"\1/\2", mathtext)
    mathtext = re.sub(r"∂\s+", "∂", mathtext.replace("$", ""))
    return re.sub(r"\s+", " ", mathtext).strip()
