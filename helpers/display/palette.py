"""The colours of every figure, and the second cue beside each one.

The palette is Okabe and Ito's (*Color Universal Design*, 2002; Wong, "Points of view: Color blindness", Nature
Methods 8, 441, 2011): eight colours chosen to stay distinct under the common colour-vision deficiencies
(protanopia, deuteranopia, tritanopia) and in greyscale print, where matplotlib's default ``tab:`` colours put
orange and blue beside a red and a green that deuteranopes confuse. Its blue and vermillion also differ in
lightness, so that they part on a washed-out projector.

Colour is never the only cue: the true class's bar is also hatched, a highlighted roadmap factor also has a thick
outline, and each line of a plot also has its own line style and marker (and a legend entry naming it).
"""

from __future__ import annotations

BLUE = "#0072B2"
VERMILLION = "#D55E00"
ORANGE = "#E69F00"
BLUISH_GREEN = "#009E73"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"

# The lines of a plot, in the order they are drawn: a colour, a line style and a marker each.
LINE_STYLES = (
    {"color": BLUE, "linestyle": "-", "marker": "o"},
    {"color": VERMILLION, "linestyle": "--", "marker": "s"},
    {"color": BLUISH_GREEN, "linestyle": "-.", "marker": "^"},
    {"color": REDDISH_PURPLE, "linestyle": ":", "marker": "D"},
)
# A reference level drawn across a plot (the closed form, the linear model): black, dotted, no marker.
REFERENCE_LINE = {"color": BLACK, "linestyle": ":", "linewidth": 1.5}


def line_style(number: int, points: int) -> dict:
    """The colour, line style and marker of the ``number``-th line of a plot of ``points`` points, with about ten
    markers along it (a marker on every point would hide a curve of hundreds of steps)."""
    return {**LINE_STYLES[number % len(LINE_STYLES)], "markevery": max(1, points // 10), "markersize": 4}
