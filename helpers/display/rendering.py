"""Rendering a matplotlib figure to PNG with its description as alt text, and fast for a widget: a layout fixed
once, and blitting.

A widget redraws its figure at every move of a control. Two things keep
that to a few tens of milliseconds: the layout engine runs once and its
positions are kept (``freeze_layout``), and the static parts (axes, ticks,
labels) are rendered once into a background over which only the artists
that change are drawn again, which is matplotlib's "blitting" (``BlittedFigure``).
"""

from __future__ import annotations

import base64
import html
import io

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image


def described_output(png: bytes, description: str) -> tuple[dict, dict]:
    """The data and metadata of a display output: the PNG, with ``description`` as its alt text, and as text.

    The alt text is in the output's metadata, ``{"image/png": {"alt": ...}}``, and in an ``<img alt=...>`` beside it
    for the front ends that ignore that metadata (JupyterLab 4 and Voilà draw a PNG without it).
    """
    encoded = base64.b64encode(png).decode("ascii")
    data = {
        "image/png": encoded,
        "text/html": f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(description, quote=True)}">',
        "text/plain": description,
    }
    return data, {"image/png": {"alt": description}}


def freeze_layout(figure: Figure) -> None:
    """Lay the figure out once with its layout engine, then keep those positions for every later render."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")


def render_png(figure: Figure) -> bytes:
    """Render a figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


class DescribedFigure(Figure):
    """A matplotlib figure that says what it shows: ``description`` is made from the numbers it draws (see
    ``helpers.display.descriptions``). In a notebook it shows itself as its PNG with that description as alt text."""

    description: str = ""

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        return described_output(render_png(self), self.description)


class BlittedFigure:
    """A figure whose ``dynamic`` artists are redrawn over a background rendered once.

    Subclasses build ``self.figure``, then call ``self._prepare(dynamic)``, and set ``self.description`` to what
    the figure shows each time they redraw it. In a notebook the object shows itself as the PNG that ``to_png``
    makes, with that description as its alt text.
    """

    figure: Figure
    description: str = ""

    def _prepare(self, dynamic: list[Artist]) -> None:
        freeze_layout(self.figure)
        for artist in dynamic:
            artist.set_animated(True)  # left out of the background
        self._dynamic = dynamic
        self._canvas = FigureCanvasAgg(self.figure)
        self._canvas.draw()
        self._background = self._canvas.copy_from_bbox(self.figure.bbox)

    def to_png(self) -> bytes:
        """Render the figure as PNG bytes: the kept background plus the changing artists."""
        self._canvas.restore_region(self._background)
        for artist in self._dynamic:
            self.figure.draw_artist(artist)
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(self._canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        return described_output(self.to_png(), self.description)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
