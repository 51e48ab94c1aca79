"""Open each notebook with a widget in a real JupyterLab in headless Chromium, run it, and move its widget.

Marked ``browser``. Skipped with a one-line reason where Chromium or Playwright
is missing, except in CI (CI=true), where a browser that cannot start fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from harness.lab import (
    KERNEL_WIDGETS_CODE,
    chromium_page,
    kernel_output,
    lab_server,
    reading_state,
    run_all_cells,
    wait_for_reading_of_new_controls,
)

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class WidgetCase:
    notebook: str
    move: Callable  # (page, explorer) -> None: what a student does with the mouse or keyboard
    # (the settings the reading reports it was computed for) -> what helpers computes, or code that computes it
    # in the notebook's kernel
    expected: Callable


def select_option(page, explorer, value: str) -> None:
    explorer.locator(".widget-dropdown select").first.select_option(value)


def nudge_slider(page, explorer, index: int, key: str = "ArrowRight") -> None:
    explorer.locator(".noUi-handle").nth(index).focus()
    page.keyboard.press(key)


def logits(settings: dict) -> np.ndarray:
    """The logit sliders a_L0 .. a_L(k-1) as one array, in class order."""
    names = sorted((name for name in settings if name.startswith("a_L")), key=lambda name: int(name[3:]))
    return np.array([settings[name] for name in names])


def logit_reading(settings: dict) -> str:
    from helpers.display.readings import read_grad_wrt_yhat

    return str(read_grad_wrt_yhat(logits(settings), settings["l"]))


def softmax_reading(settings: dict) -> str:
    from helpers.display.readings import read_softmax_gradient

    # Notebook 2's explorer has no temperature slider (the optional page's has): then T is the figure's 1.
    return str(read_softmax_gradient(logits(settings), settings["l"], settings.get("T", 1.0)))


def gradient_descent_reading(settings: dict) -> str:
    from helpers.display import GradientDescentExplorer
    from helpers.training.data import diabetes_split

    return str(GradientDescentExplorer(diabetes_split()).draw(settings["eta"], settings["steps"]))


@dataclass(frozen=True)
class KernelCode:
    """An expected reading computed in the notebook's own kernel: what it needs is written on the page."""

    code: str


def loop_reading(settings: dict) -> KernelCode:
    # Notebook 4's widget runs the training loop written on its page (`run`): a fresh explorer runs it again there.
    return KernelCode(f"print(LoopExplorer(run, EPOCHS).draw({settings['eta']!r}, {settings['hidden']!r}))")


CASES = [
    WidgetCase(
        "01_grad_wrt_yhat.ipynb",
        move=lambda page, explorer: (select_option(page, explorer, "3"), nudge_slider(page, explorer, 1)),
        expected=logit_reading,
    ),
    WidgetCase(
        "02_softmax_quotient_rule.ipynb",
        move=lambda page, explorer: (select_option(page, explorer, "0"), nudge_slider(page, explorer, 2, "ArrowLeft")),
        expected=softmax_reading,
    ),
    WidgetCase(
        "03_batched_mse_weight_gradient.ipynb",
        move=lambda page, explorer: nudge_slider(page, explorer, 0, "ArrowLeft"),
        expected=gradient_descent_reading,
    ),
    WidgetCase(
        "04_training_loop.ipynb",
        move=lambda page, explorer: nudge_slider(page, explorer, 1, "ArrowLeft"),
        expected=loop_reading,
    ),
]


@pytest.fixture(scope="module")
def lab():
    with lab_server([case.notebook for case in CASES]) as server:
        yield server


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.notebook)
def test_widget_renders_and_follows_its_controls(case, chromium, lab, screenshots, record_property):
    with chromium_page(chromium) as page:
        run_all_cells(page, lab, case.notebook)

        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0, (
            "a cell wrote to stderr or ended in an error"
        )
        explorer = page.locator(".jp-OutputArea-output").filter(has=page.locator("pre.reading")).first
        # Views render after their cell has run: wait for the controls rather than count them at once.
        explorer.locator(".widget-slider, .widget-dropdown").first.wait_for(timeout=60_000)
        assert "Slider(" not in explorer.inner_text(), "the widget rendered as text, not as a widget"
        assert page.console_errors == [], f"the browser console logged errors: {page.console_errors}"

        explorer.scroll_into_view_if_needed()
        before = reading_state(explorer)
        stem = Path(case.notebook).stem
        page.screenshot(path=screenshots / f"{stem}-before.png")
        case.move(page, explorer)
        try:
            shown = wait_for_reading_of_new_controls(page, explorer, before["controls"])
        except Exception:
            page.screenshot(path=screenshots / f"{stem}-no-response.png")
            record_property("screenshot_no_response", str(screenshots / f"{stem}-no-response.png"))
            pytest.fail(
                f"the widget never showed a reading for its new controls (before: {before}, now: "
                f"{reading_state(explorer)}); screenshot: {screenshots / f'{stem}-no-response.png'}; "
                f"the kernel holds: {kernel_output(lab, case.notebook, KERNEL_WIDGETS_CODE)}"
            )
        page.screenshot(path=screenshots / f"{stem}-after.png")
        record_property("screenshot_before", str(screenshots / f"{stem}-before.png"))
        record_property("screenshot_after", str(screenshots / f"{stem}-after.png"))

        # The text on screen, and the settings the widget reports it was computed for, were read at one moment.
        expected = case.expected(shown["settings"])
        if isinstance(expected, KernelCode):
            expected = kernel_output(lab, case.notebook, expected.code, timeout=120).removesuffix("\n")
        assert shown["text"] == expected
        assert page.console_errors == [], f"the browser console logged errors: {page.console_errors}"
