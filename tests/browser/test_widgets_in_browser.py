"""Open each notebook with a widget in a real JupyterLab in headless Chromium, run it, and move its widget.

Marked ``browser``. Skipped with a one-line reason where Chromium or Playwright
is missing, except in CI (CI=true), where a browser that cannot start fails.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

from lab import chromium_page, find_chromium, lab_server, readout_values, run_all_cells, wait_for_new_reading

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class WidgetCase:
    notebook: str
    move: Callable  # (page, explorer) -> None: what a student does with the mouse or keyboard
    expected: Callable  # (values shown on the controls after the move) -> str: what helpers computes for them


def select_class(page, explorer, value: str) -> None:
    explorer.locator(".widget-dropdown select").first.select_option(value)


def nudge_slider(page, explorer, index: int, key: str = "ArrowRight") -> None:
    explorer.locator(".noUi-handle").nth(index).focus()
    page.keyboard.press(key)


def logit_reading(values, explorer) -> str:
    from helpers.figures import read_grad_wrt_yhat

    l = int(explorer.locator(".widget-dropdown select").first.input_value())
    return str(read_grad_wrt_yhat(np.array(values), l))


def softmax_reading(values, explorer) -> str:
    from helpers.figures import read_softmax_gradient

    l = int(explorer.locator(".widget-dropdown select").first.input_value())
    T, *logits = values  # the temperature slider comes before the logit sliders
    return str(read_softmax_gradient(np.array(logits), l, T))


def gradient_descent_reading(values, explorer) -> str:
    from helpers.data import diabetes_split
    from helpers.figures import GradientDescentFigure

    eta, steps = values
    return str(GradientDescentFigure(diabetes_split()).draw(eta, int(steps)))


def training_reading(values, explorer) -> str:
    from helpers.data import digits_split
    from helpers.training_figures import TrainingExplorerFigure

    eta, hidden = values
    batch_size = int(explorer.locator(".widget-dropdown select").first.input_value())
    return str(TrainingExplorerFigure(digits_split(), epochs=15).draw(eta, batch_size, int(hidden)))


CASES = [
    WidgetCase(
        "01_grad_wrt_yhat.ipynb",
        move=lambda page, explorer: (select_class(page, explorer, "3"), nudge_slider(page, explorer, 1)),
        expected=logit_reading,
    ),
    WidgetCase(
        "02_softmax_quotient_rule.ipynb",
        move=lambda page, explorer: (select_class(page, explorer, "0"), nudge_slider(page, explorer, 2, "ArrowLeft")),
        expected=softmax_reading,
    ),
    WidgetCase(
        "03_batched_mse_weight_gradient.ipynb",
        move=lambda page, explorer: nudge_slider(page, explorer, 0, "ArrowLeft"),
        expected=gradient_descent_reading,
    ),
    WidgetCase(
        "04_training_loop.ipynb",
        move=lambda page, explorer: select_class(page, explorer, "64"),
        expected=training_reading,
    ),
]


@pytest.fixture(scope="module")
def chromium() -> str:
    executable = find_chromium()
    try:
        import playwright  # noqa: F401
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium or Playwright is missing in CI, where the browser tests must run")
        pytest.skip("Chromium not found: `apt-get install chromium`, then `make test-browser` runs the browser tests")
    return executable


@pytest.fixture(scope="module")
def lab():
    with lab_server([case.notebook for case in CASES]) as server:
        yield server


@pytest.fixture(scope="module")
def screenshots() -> Path:
    return Path(tempfile.mkdtemp(prefix="backprop-screenshots-"))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.notebook)
def test_widget_renders_and_follows_its_controls(case, chromium, lab, screenshots, record_property):
    with chromium_page(chromium) as page:
        run_all_cells(page, lab, case.notebook)

        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0, (
            "a cell wrote to stderr or ended in an error"
        )
        explorer = page.locator(".jp-OutputArea-output").filter(has=page.locator("pre.reading")).first
        assert explorer.locator(".widget-slider, .widget-dropdown").count() >= 1, "no widget controls rendered"
        assert "Slider(" not in explorer.inner_text(), "the widget rendered as text, not as a widget"
        assert page.console_errors == [], f"the browser console logged errors: {page.console_errors}"

        explorer.scroll_into_view_if_needed()
        before = explorer.locator("pre.reading").inner_text()
        stem = Path(case.notebook).stem
        page.screenshot(path=screenshots / f"{stem}-before.png")
        case.move(page, explorer)
        try:
            shown = wait_for_new_reading(page, explorer, before, timeout_ms=60_000)
        except Exception:
            page.screenshot(path=screenshots / f"{stem}-no-response.png")
            record_property("screenshot_no_response", str(screenshots / f"{stem}-no-response.png"))
            pytest.fail(
                f"the widget's numbers did not change after moving its controls (now {readout_values(page, explorer)}); "
                f"screenshot: {screenshots / f'{stem}-no-response.png'}"
            )
        page.screenshot(path=screenshots / f"{stem}-after.png")
        record_property("screenshot_before", str(screenshots / f"{stem}-before.png"))
        record_property("screenshot_after", str(screenshots / f"{stem}-after.png"))

        assert shown == case.expected(readout_values(page, explorer), explorer)
        assert page.console_errors == [], f"the browser console logged errors: {page.console_errors}"
