"""Replace each widget view in a notebook by what it showed when the notebook was saved: its figure, its reading and a
one-line note on how to make it move. For the slides and the reading copy, which must work without a kernel and
without the widget renderer's scripts from the network."""

from __future__ import annotations

import html

from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _model_id(reference: str) -> str:
    return reference.removeprefix("IPY_MODEL_")


def _parts(model_id: str, state: dict) -> list[str]:
    """The HTML of what model ``model_id`` and its children showed, in the order they were drawn."""
    model = state.get(model_id)
    if model is None:
        return []
    name, values = model["model_name"], model["state"]
    if name == "ImageModel":
        buffers = {tuple(buffer["path"]): buffer["data"] for buffer in model.get("buffers", [])}
        if ("value",) not in buffers:
            return []
        image_format = html.escape(values.get("format", "png"))
        # The description the figure put on its image (helpers.display.widgets.FigurePanel) becomes its alt text.
        alt = html.escape(values.get("tooltip") or "the figure the widget drew", quote=True)
        return [f'<img src="data:image/{image_format};base64,{buffers[("value",)]}" alt="{alt}">']
    if name == "HTMLModel":
        return [values.get("value", "")]
    if name in ("IntProgressModel", "FloatProgressModel"):
        label = html.escape(values.get("description", ""))
        return [f'<label>{label} <progress value="{values["value"]}" max="{values["max"]}"></progress></label>']
    return [part for child in values.get("children", []) for part in _parts(_model_id(child), state)]


class StaticWidgets(Preprocessor):
    """Each widget view becomes an HTML output: the widget's saved figures and readings, then ``note``."""

    note = Unicode(
        "A still of a live widget. To move its controls, open the notebook with <code>make lab</code> "
        "(or <code>make present</code>) and run it.",
        help="The line under each still, saying how to make the widget move.",
    ).tag(config=True)

    def preprocess(self, nb, resources):
        state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                view = output.get("data", {}).get(WIDGET_VIEW)
                if view is not None:
                    parts = _parts(view["model_id"], state)
                    still = "\n".join(parts + [f'<p class="widget-note"><em>{self.note}</em></p>'])
                    output["data"] = {"text/html": f'<div class="widget-still">{still}</div>'}
        nb.metadata.pop("widgets", None)
        return nb, resources
