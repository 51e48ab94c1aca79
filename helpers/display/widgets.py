"""Controls and a display panel for the notebooks' ``ipywidgets.interactive`` explorers.

The panel shows the figure as an ``Image`` widget and the numbers as text
beside it. Updating them sends widget state, not cell output, so moving a
control from code (as the notebooks do to check a widget) prints nothing but
what the cell itself prints. ``explorer_view`` lays the controls and the panel out for the screen they are on.

Only layout properties that ipywidgets 7.7 (Colab's) and 8 share are used here.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any, Protocol

import ipywidgets as widgets
import numpy as np
from IPython.display import Javascript
from traitlets import Unicode

# The controls' column: ipywidgets draws each slider and dropdown 300 px wide (its --jp-widgets-inline-width), the
# description in 80 px of it and a slider's readout in at least 72 px, room for "-10.00".
CONTROLS_WIDTH = "304px"
# The figure beside the controls gets at least this much width; with less room it goes below them, full width.
FIGURE_MIN_WIDTH = "420px"


class Drawable(Protocol):
    """What a ``FigurePanel`` shows: an explorer (``helpers.display.explorers``) that computes and draws for the
    controls' values, returns the reading, says what its figure shows and renders it to PNG."""

    description: str

    def draw(self, **controls: Any) -> object: ...

    def to_png(self) -> bytes: ...


def logit_sliders(initial: Sequence[float], low: float = -5.0, high: float = 5.0) -> dict[str, widgets.FloatSlider]:
    """One slider per logit, named ``a_L0 .. a_L(k-1)``, keyword arguments for ``interactive``.

    Classes are numbered from 0, as in numpy and the class picker; the lecture's a_L1 is ``a_L0`` here.

    A slider sends its value when it is let go of or moved by a key, not while it is dragged
    (``continuous_update=False``). With continuous updates, the page's slider also sends back every value the kernel
    gives it, rounded to its step in the browser's arithmetic (0.1 comes back as 0.09999999999999964), after the
    code that set it has run: the kernel's controls would end up where the page rounded them, not where the code put
    them.
    """
    return {
        f"a_L{i}": widgets.FloatSlider(
            value=value, min=low, max=high, step=0.1, description=f"a_L{i}", continuous_update=False
        )
        for i, value in enumerate(initial)
    }


def class_picker(k: int, initial: int = 0) -> widgets.Dropdown:
    """A control for the true class ℓ in 0..k-1."""
    return widgets.Dropdown(
        options=list(range(k)), value=initial, description="true class ℓ", style={"description_width": "initial"}
    )


class DescribedImage(widgets.Image):
    """An ``Image`` whose ``tooltip`` becomes the ``title`` of its ``<img>``, the name a screen reader announces.

    ipywidgets 8's page sets that title only when the widget's ``description`` is empty, and reads the description's
    length to know: an ``Image`` has no description, so the page fails to draw it. This one sends an empty one.
    """

    description = Unicode("").tag(sync=True)


class FigurePanel:
    """An ``Image`` of a figure and an ``HTML`` block with the numbers it shows.

    ``panel.update`` is the function to hand to ``ipywidgets.interactive``:
    it redraws the figure for the controls' values, puts the figure's
    description on the image (its title, the name a screen reader reads)
    and returns the figure's reading, which ``interactive`` keeps as ``.result``. Logit sliders named
    ``a_L0 .. a_L(k-1)`` reach the figure as one array ``a``. The reading's
    ``<pre>`` carries the exact control values it was computed for, as JSON
    in ``data-controls``, so a page can tell which settings the text shows.
    """

    def __init__(self, explorer: Drawable) -> None:
        self.explorer = explorer
        # As wide as the PNG where there is room, narrower (keeping its proportions) where there is not; no margin,
        # which a width of 100 % leaves out and would push the image past the panel's edge.
        self.image = DescribedImage(
            format="png",
            layout=widgets.Layout(max_width="100%", height="auto", margin="0", align_self="flex-start"),
        )
        self.numbers = widgets.HTML()
        self.box = widgets.VBox([self.image, self.numbers])

    def update(self, **controls: Any) -> object:
        settings = json.dumps(controls)  # every control's exact value, in the order the controls are shown
        logit_names = sorted((name for name in controls if name.startswith("a_L")), key=lambda name: int(name[3:]))
        if logit_names:
            logits = np.array([controls.pop(name) for name in logit_names])
            controls["a"] = logits
        reading = self.explorer.draw(**controls)
        self.image.value = self.explorer.to_png()
        # The image's title, which a screen reader announces as its name: what this picture shows, in words.
        self.image.tooltip = self.explorer.description
        text = html.escape(str(reading))
        self.numbers.value = f"<pre class='reading' data-controls='{html.escape(settings, quote=True)}'>{text}</pre>"
        return reading


def set_controls(explorer: widgets.interactive, **values: Any) -> object:
    """Set an explorer's controls by their keyword names and return what it computed for them.

    The controls are set together and the explorer computes once, for all the new values: a reader who moves
    three controls makes it compute three times, and a widget that retrains would train twice for nothing.
    """
    controls = {widget._kwarg: widget for widget in explorer.kwargs_widgets}
    unknown = set(values) - set(controls)
    if unknown:
        raise ValueError(f"values must name the explorer's controls {sorted(controls)}; got {sorted(unknown)}")
    for name, value in values.items():
        control = controls[name]
        control.unobserve(explorer.update, names="value")  # interactive observes each control with its update
        try:
            control.value = value
        finally:
            control.observe(explorer.update, names="value")
    explorer.update()
    return explorer.result


# Names each slider's handle (and its editable readout) after the slider's visible description, for a screen reader.
# ipywidgets 8 draws the handle as a <div role="slider"> and the description as a <label> that labels nothing, so
# without this a screen reader announces "slider, 2" with no name; the dropdown's <select> is labelled by its
# <label> already. One observer per page names every slider as it appears; a view drawn again is named again.
NAME_CONTROLS_JS = """
(() => {
    if (window.backpropNamesControls) return;
    window.backpropNamesControls = true;
    let next = 0;
    const nameControls = () => {
        for (const slider of document.querySelectorAll('.widget-slider')) {
            const label = slider.querySelector('.widget-label');
            if (label === null || label.textContent.trim() === '') continue;
            label.id = label.id || `backprop-control-label-${next++}`;
            for (const part of slider.querySelectorAll('[role="slider"], .widget-readout')) {
                // The readout is a field one can type a value into: a text box, so that it may carry a name.
                if (part.isContentEditable && !part.hasAttribute('role')) part.setAttribute('role', 'textbox');
                if (part.getAttribute('aria-labelledby') !== label.id) part.setAttribute('aria-labelledby', label.id);
            }
        }
    };
    nameControls();
    new MutationObserver(nameControls).observe(document.body, {childList: true, subtree: true});
})();
"""


def explorer_view(explorer: widgets.interactive, panel: FigurePanel | None = None) -> widgets.Box:
    """The explorer's controls and its panel in one box, laid out for the screen it is shown on.

    The controls keep their width and share one description width, room for the longest (nothing cuts a
    description, a slider's readout or the dropdown); the figure takes the rest of the line, shrinking with it to
    ``FIGURE_MIN_WIDTH``. With less room than that, as in a narrow window, beside JupyterLab's file browser or at a
    larger zoom, the panel goes below the controls and takes the full width. The figure is never drawn wider than
    its PNG, so it is not blurred by stretching.

    Without a panel (an explorer that shows its figure in its own output, below its controls) only the script
    below is added.

    The box also carries a script that names every slider for a screen reader, as ``make present``'s page does: in
    a page that runs no script (a static copy) it does nothing.
    """
    # One description width for every control, room for the longest ("hidden units" is cut at ipywidgets' 80 px):
    # the descriptions stay whole and the sliders start in one column.
    controls = [control for control in explorer.kwargs_widgets if hasattr(control.style, "description_width")]
    longest = max((len(control.description) for control in controls), default=0)
    for control in controls:
        control.style.description_width = f"{longest + 2}ch"
    names = widgets.Output(layout=widgets.Layout(display="none"))
    names.append_display_data(Javascript(NAME_CONTROLS_JS))
    if panel is None:
        return widgets.VBox([explorer, names])
    explorer.layout.flex = "0 0 auto"
    explorer.layout.width = CONTROLS_WIDTH
    explorer.layout.overflow = "visible"
    panel.box.layout.flex = f"1 1 {FIGURE_MIN_WIDTH}"
    panel.box.layout.min_width = FIGURE_MIN_WIDTH
    panel.box.layout.overflow = "visible"
    return widgets.Box(
        [explorer, panel.box, names],
        layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="flex-start"),
    )
