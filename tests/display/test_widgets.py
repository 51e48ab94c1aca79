"""The explorer widgets compute what the kernels compute, and show it as a PNG and as text."""

import ipywidgets as widgets
import numpy as np
import pytest

from helpers.display.explorers import GradWrtYhatExplorer, SoftmaxGradientExplorer
from helpers.display.readings import read_grad_wrt_yhat
from helpers.display.widgets import FigurePanel, class_picker, logit_sliders, set_controls


@pytest.fixture
def explorer_and_panel():
    panel = FigurePanel(GradWrtYhatExplorer(k=4))
    explorer = widgets.interactive(panel.update, l=class_picker(4, initial=2), **logit_sliders([2.0, 1.0, 0.1, -1.0]))
    return explorer, panel


def test_moving_controls_updates_the_result_the_image_and_the_text(explorer_and_panel):
    explorer, panel = explorer_and_panel
    first_image = bytes(panel.image.value)
    reading = set_controls(explorer, l=0, a_L2=-4.0)
    expected = read_grad_wrt_yhat(np.array([2.0, 1.0, -4.0, -1.0]), 0)
    np.testing.assert_array_equal(reading.grad, expected.grad)
    assert reading.loss == expected.loss
    image = bytes(panel.image.value)
    assert image.startswith(b"\x89PNG") and image != first_image
    assert f"{expected.loss:.4f}" in panel.numbers.value


def test_logits_are_gathered_in_class_order_even_past_nine():
    panel = FigurePanel(GradWrtYhatExplorer(k=11))
    initial = np.arange(11, dtype=float) / 4
    explorer = widgets.interactive(panel.update, l=class_picker(11), **logit_sliders(initial))
    np.testing.assert_array_equal(explorer.result.a, initial)


def test_set_controls_computes_once_for_all_the_new_values_and_the_controls_still_answer():
    calls = []

    def update(**controls):
        calls.append(controls)
        return sum(controls.values())

    explorer = widgets.interactive(update, x=widgets.IntSlider(value=1), y=widgets.IntSlider(value=2))
    calls.clear()
    assert set_controls(explorer, x=5, y=7) == 12
    assert calls == [{"x": 5, "y": 7}]
    explorer.kwargs_widgets[0].value = 3  # a reader moving one control afterwards
    assert calls[-1] == {"x": 3, "y": 7} and explorer.result == 10


def test_set_controls_refuses_an_unknown_name(explorer_and_panel):
    explorer, _ = explorer_and_panel
    with pytest.raises(ValueError, match="a_L9"):
        set_controls(explorer, a_L9=1.0)


def test_softmax_explorer_with_temperature_matches_the_kernels():
    from helpers import grad_wrt_logits, softmax_jacobian

    panel = FigurePanel(SoftmaxGradientExplorer(k=3))
    explorer = widgets.interactive(
        panel.update,
        l=class_picker(3),
        T=widgets.FloatSlider(value=1.0, min=0.25, max=5.0),
        **logit_sliders([1.0, 0.0, -1.0]),
    )
    reading = set_controls(explorer, T=2.0, l=1)
    a = np.array([1.0, 0.0, -1.0])
    np.testing.assert_allclose(reading.grad, grad_wrt_logits(a / 2.0, 1) / 2.0)
    np.testing.assert_allclose(reading.jacobian, softmax_jacobian(a / 2.0) / 2.0)
    assert abs(reading.grad.sum()) < 1e-15
    assert "T = 2.00" in panel.numbers.value


def test_the_reading_carries_the_exact_settings_it_was_computed_for(explorer_and_panel):
    import html
    import json
    import re

    explorer, panel = explorer_and_panel
    set_controls(explorer, l=3, a_L1=1.1)
    settings = json.loads(html.unescape(re.search(r"data-controls='([^']*)'", panel.numbers.value).group(1)))
    assert settings == {"l": 3, "a_L0": 2.0, "a_L1": 1.1, "a_L2": 0.1, "a_L3": -1.0}
    assert list(settings) == [widget._kwarg for widget in explorer.kwargs_widgets]


def test_sliders_are_numbered_from_zero_like_the_classes():
    assert list(logit_sliders([0.0, 0.0, 0.0])) == ["a_L0", "a_L1", "a_L2"]
    assert class_picker(3).options == (0, 1, 2)


def test_the_static_jacobian_is_drawn_with_the_widgets_index_order_and_colours():
    from helpers import softmax_jacobian
    from helpers.display.logit_figures import SoftmaxGradientFigure, jacobian_figure

    J = softmax_jacobian(np.array([2.0, 1.0, 0.1, -1.0]))
    static = jacobian_figure(J).axes[0]
    widget = SoftmaxGradientFigure(k=4).heatmap.axes
    assert static.images[0].get_clim() == widget.images[0].get_clim()
    assert (static.get_xlabel(), static.get_ylabel()) == (widget.get_xlabel(), widget.get_ylabel())
    np.testing.assert_array_equal(static.images[0].get_array(), J)


def test_the_static_jacobian_prints_each_cells_value_on_that_cell():
    from helpers.display.logit_figures import jacobian_figure

    J = np.arange(16.0).reshape(4, 4) / 70 - 0.12  # not symmetric, so a swapped row and column shows
    labels = {text.get_position(): text.get_text() for text in jacobian_figure(J).axes[0].texts}
    assert len(labels) == 16
    for (row, column), value in np.ndenumerate(J):
        assert float(labels[(column, row)].replace("−", "-")) == pytest.approx(value, abs=5e-4)


def test_every_slider_sends_its_value_only_when_let_go_so_the_page_never_rounds_the_kernels_values():
    import re
    from pathlib import Path

    import nbformat

    assert all(not slider.continuous_update for slider in logit_sliders([2.0, 1.0, 0.1]).values())
    sources = Path(__file__).resolve().parents[2] / "instructor" / "notebooks"
    constructors = re.compile(r"widgets\.(?:Float|Int|FloatLog)Slider\(([^()]*)\)")
    found = 0
    for path in sorted(sources.glob("**/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for arguments in constructors.findall(cell.source) if cell.cell_type == "code" else []:
                found += 1
                assert "continuous_update=False" in arguments, f"{path.name}: a slider with continuous updates"
    assert found >= 5  # the temperature (notebook 2 or its optional page), notebook 3's η and steps, notebook 4's two


def test_the_explorer_view_keeps_the_controls_whole_and_lets_the_figure_wrap_below_them(explorer_and_panel):
    from helpers.display.widgets import FIGURE_MIN_WIDTH, explorer_view

    explorer, panel = explorer_and_panel
    view = explorer_view(explorer, panel)
    assert view.layout.flex_flow == "row wrap"  # the panel goes below the controls when the line is too short
    assert view.children[:2] == (explorer, panel.box)
    assert explorer.layout.flex == "0 0 auto"  # the controls never shrink under their readouts
    assert panel.box.layout.min_width == FIGURE_MIN_WIDTH
    assert panel.image.layout.max_width == "100%" and panel.image.layout.height == "auto"


def test_the_explorer_view_carries_the_script_that_names_each_slider_after_its_description(explorer_and_panel):
    from helpers.display.widgets import explorer_view

    names = explorer_view(*explorer_and_panel).children[2]
    assert names.layout.display == "none"
    (script,) = names.outputs
    assert "aria-labelledby" in script["data"]["application/javascript"]


def test_an_explorer_without_a_panel_keeps_its_own_layout_and_gets_the_script():
    from helpers.display.widgets import explorer_view

    explorer = widgets.interactive(lambda eta: eta, eta=widgets.FloatSlider(value=0.1))
    view = explorer_view(explorer)
    assert view.children[0] is explorer and explorer.layout.flex is None
    assert "aria-labelledby" in view.children[1].outputs[0]["data"]["application/javascript"]


def test_the_explorer_view_gives_every_description_the_room_of_the_longest():
    from helpers.display.widgets import explorer_view

    eta = widgets.FloatSlider(description="η")
    hidden = widgets.IntSlider(description="hidden units")
    explorer_view(widgets.interactive(lambda eta, hidden: eta, eta=eta, hidden=hidden))
    assert eta.style.description_width == hidden.style.description_width == "14ch"
